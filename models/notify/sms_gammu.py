"""The SMS channel: a GSM modem driven by Gammu, with no internet needed.

``notify_gammu_config`` names a gammurc. ``notify_sms_mode``:

- ``direct``: this process sends through python-gammu (``gammu.StateMachine`` reading
  the gammurc's ``[gammu]`` section). The modem is opened at the first message of a
  round and closed after it; a long text goes as a multipart SMS (``gammu.EncodeSMS``),
  GSM-7 when every character fits, else Unicode.
- ``smsd``: a running ``gammu-smsd`` owns the modem; each message is handed to its
  outbox with ``gammu-smsd-inject -c <gammurc> TEXT +62… -text …`` (the gammurc then
  has an ``[smsd]`` section too). "Sent" then means "in the daemon's outbox": the
  daemon does its own retrying and logging.

Only one process can hold a modem: on a PC where gammu-smsd runs, use ``smsd``.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from loket.models.errors import ConfigurationError, one_line
from loket.models.notify.channels import DeliveryFailed, Outgoing
from loket.models.notify.templates import sms_parts
from loket.models.settings import OfficeSettings

INJECT = "gammu-smsd-inject"
INJECT_TIMEOUT_SECONDS = 30


def _sections(path: Path) -> set[str]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ConfigurationError(
            f"notify_gammu_config tidak dapat dibaca: {path} ({exc.strerror})",
            f"notify_gammu_config cannot be read: {path} ({exc.strerror})",
        ) from None
    return {m.lower() for m in re.findall(r"^\s*\[([^\]]+)\]", text, flags=re.MULTILINE)}


def check_config(settings: OfficeSettings) -> Path:
    """The gammurc's path, or ConfigurationError naming what is wrong with it."""
    raw = settings.notify_gammu_config.strip()
    if not raw:
        raise ConfigurationError(
            "notify_gammu_config kosong: isi lokasi berkas gammurc modem "
            "(loket settings notify_gammu_config=/etc/gammurc)",
            "notify_gammu_config is empty: set the path of the modem's gammurc "
            "(loket settings notify_gammu_config=/etc/gammurc)",
        )
    path = Path(raw).expanduser()
    if not path.is_file():
        raise ConfigurationError(
            f"Berkas gammurc tidak ada: {path} (notify_gammu_config)",
            f"The gammurc file does not exist: {path} (notify_gammu_config)",
        )
    sections = _sections(path)
    if "gammu" not in sections:
        raise ConfigurationError(
            f"{path} tidak punya bagian [gammu] (model, connection, device modem)",
            f"{path} has no [gammu] section (the modem's model, connection, device)",
        )
    if settings.notify_sms_mode == "smsd" and "smsd" not in sections:
        raise ConfigurationError(
            f"{path} tidak punya bagian [smsd], padahal notify_sms_mode=smsd",
            f"{path} has no [smsd] section, but notify_sms_mode=smsd",
        )
    return path


def sms_channel(settings: OfficeSettings) -> GammuDirect | GammuSmsd:
    path = check_config(settings)
    if settings.notify_sms_mode == "smsd":
        return GammuSmsd(path)
    return GammuDirect(path)


def _gammu_text(exc: Exception) -> str:
    info = exc.args[0] if exc.args and isinstance(exc.args[0], dict) else {}
    text = str(info.get("Text") or exc)
    where = info.get("Where")
    return one_line(f"{text} ({where})" if where else text)


class GammuDirect:
    """python-gammu on the modem named by the gammurc's ``[gammu]`` section."""

    name = "sms"

    def __init__(self, config: Path) -> None:
        self.config = config
        self._machine: Any = None

    def _open(self) -> Any:
        if self._machine is not None:
            return self._machine
        import gammu

        machine = gammu.StateMachine()
        try:
            machine.ReadConfig(Filename=str(self.config))
            machine.Init()
        except gammu.GSMError as exc:
            raise DeliveryFailed(
                f"Modem tidak dapat dibuka ({self.config}): {_gammu_text(exc)}",
                f"Cannot open the modem ({self.config}): {_gammu_text(exc)}",
                channel_down=True,
            ) from None
        self._machine = machine
        return machine

    def send(self, message: Outgoing) -> None:
        import gammu

        machine = self._open()
        parts = sms_parts(message.text)
        info = {
            "Class": -1,
            "Unicode": not parts.gsm7,
            "Entries": [{"ID": "ConcatenatedTextLong", "Buffer": message.text}],
        }
        try:
            for part in gammu.EncodeSMS(info):
                part["SMSC"] = {"Location": 1}
                part["Number"] = message.to
                machine.SendSMS(part)
        except gammu.GSMError as exc:
            down = isinstance(
                exc, gammu.ERR_TIMEOUT | gammu.ERR_DEVICENOTWORK | gammu.ERR_DEVICEREADERROR
            )
            self.close()  # reopened for the next message
            raise DeliveryFailed(
                f"Modem gagal mengirim SMS: {_gammu_text(exc)}",
                f"The modem could not send the SMS: {_gammu_text(exc)}",
                channel_down=down,
            ) from None

    def close(self) -> None:
        machine, self._machine = self._machine, None
        if machine is not None:
            # The modem may have gone away meanwhile; then nothing is left to close.
            with contextlib.suppress(Exception):
                machine.Terminate()


class GammuSmsd:
    """Hands messages to a running gammu-smsd through its inject tool."""

    name = "sms"

    def __init__(self, config: Path) -> None:
        self.config = config
        tool = shutil.which(INJECT)
        if tool is None:
            raise ConfigurationError(
                f"{INJECT} tidak terpasang (paket gammu-smsd), padahal notify_sms_mode=smsd",
                f"{INJECT} is not installed (package gammu-smsd), but notify_sms_mode=smsd",
            )
        self.tool = tool

    def send(self, message: Outgoing) -> None:
        parts = sms_parts(message.text)
        length = max(len(message.text.encode("utf-16-le")) // 2, 1)
        command = [self.tool, "-c", str(self.config), "TEXT", message.to]
        command += ["-len", str(length)] + ([] if parts.gsm7 else ["-unicode"])
        command += ["-text", message.text]
        env = dict(os.environ, LC_ALL="C.UTF-8")  # the text argument is read as UTF-8
        try:
            done = subprocess.run(
                command,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=INJECT_TIMEOUT_SECONDS,
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise DeliveryFailed(
                f"{INJECT} tidak selesai dalam {INJECT_TIMEOUT_SECONDS} detik",
                f"{INJECT} did not finish within {INJECT_TIMEOUT_SECONDS} s",
                channel_down=True,
            ) from None
        except OSError as exc:
            raise DeliveryFailed(
                f"{INJECT} tidak dapat dijalankan: {exc.strerror}",
                f"{INJECT} cannot be run: {exc.strerror}",
                channel_down=True,
            ) from None
        if done.returncode != 0 or "Written message with ID" not in done.stdout:
            lines = [line for line in (done.stderr + done.stdout).splitlines() if line.strip()]
            why = one_line(lines[-1].strip())[:200] if lines else f"exit {done.returncode}"
            raise DeliveryFailed(
                f"gammu-smsd tidak menerima pesan: {why}",
                f"gammu-smsd did not take the message: {why}",
                channel_down=True,
            )

    def close(self) -> None:
        pass


__all__ = ["GammuDirect", "GammuSmsd", "check_config", "sms_channel"]
