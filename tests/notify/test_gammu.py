"""The SMS channel on the real Gammu stack with Gammu's own ``dummy`` phone, no modem.

The dummy driver keeps its phone in a folder (``device = <folder>``) but does not store
the SMS it sends (its SendSMS only reports success), so the direct mode is checked with
what Gammu itself logs about every SMS it submits (``logfile`` with ``logformat =
textall``: the recipient, the UDH of each part and the text). The smsd mode is checked
end to end: the outbox file gammu-smsd-inject writes is decoded with python-gammu, and
a real gammu-smsd on the dummy phone then transmits it and moves it to ``sent/``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import gammu
import pytest
from helpers.webhook_server import ready_receipt

from loket.models.errors import ConfigurationError
from loket.models.notify.channels import DeliveryFailed, Outgoing, deliver
from loket.models.notify.sender import send_pending
from loket.models.notify.templates import render
from loket.models.settings import load_settings, update_settings
from loket.models.tables import Notification

LONG_TEXT = "Kantor Kecamatan — dokumen TT-2026-000123 siap diambil ✓ " + "Terima kasih. " * 6


@pytest.fixture
def phone(tmp_path: Path) -> Path:
    """A gammurc for Gammu's dummy phone, with Gammu's log and an smsd files backend."""
    for folder in ("dev", "inbox", "outbox", "sent", "error"):
        (tmp_path / folder).mkdir()
    for number in range(1, 6):  # the dummy phone's five SMS folders
        (tmp_path / "dev" / "sms" / str(number)).mkdir(parents=True)
    rc = tmp_path / "gammurc"
    rc.write_text(
        "[gammu]\n"
        "model = dummy\n"
        "connection = none\n"
        f"device = {tmp_path / 'dev'}\n"
        f"logfile = {tmp_path / 'gammu.log'}\n"
        "logformat = textall\n"
        "\n"
        "[smsd]\n"
        "service = files\n"
        f"inboxpath = {tmp_path / 'inbox'}/\n"
        f"outboxpath = {tmp_path / 'outbox'}/\n"
        f"sentsmspath = {tmp_path / 'sent'}/\n"
        f"errorsmspath = {tmp_path / 'error'}/\n"
        f"logfile = {tmp_path / 'smsd.log'}\n"
        "commtimeout = 1\n"
        "receivefrequency = 60\n"
    )
    return rc


def submitted(log: Path) -> list[tuple[str, str, int | None]]:
    """(recipient, text, part number) of every SMS Gammu submitted, from its log."""
    found = []
    for block in re.findall(
        r"Entering GSM_SendSMS\n(.*?)Leaving GSM_SendSMS", log.read_text(), re.S
    ):
        number = re.search(r'Recipient number "([^"]*)"', block)
        assert number is not None
        lines = [line for line in block.splitlines() if line.strip()]
        udh = re.search(r"^05 \|00 \|03 \|\S+\s*\|(\S+)\s*\|(\S+)", block, re.M)
        part = int(udh.group(2), 16) if udh else None
        found.append((number.group(1), lines[-1], part))
    return found


def _use_sms(rc: Path, mode: str) -> None:
    update_settings(notify_channel="sms", notify_gammu_config=str(rc), notify_sms_mode=mode)


def test_a_ready_receipt_goes_out_through_the_dummy_phone_to_the_normalised_number(office, phone):
    clock = office
    _use_sms(phone, "direct")
    receipt = ready_receipt(clock, phone="62 812-3456-7890")
    result = send_pending(clock)
    assert (result.sent, result.channel) == (1, "sms")
    row = Notification.get()
    assert (row.status, row.channel, row.last_error) == ("sent", "sms", None)
    expected = render("receipt_ready", "id", load_settings(), reference=receipt.number)
    assert row.text == expected
    assert submitted(phone.parent / "gammu.log") == [("+6281234567890", expected, None)]
    assert "7 bit SMS" in (phone.parent / "gammu.log").read_text()  # one GSM-7 SMS


def test_a_long_unicode_text_goes_as_a_multipart_unicode_sms(office, phone):
    _use_sms(phone, "direct")
    message = Outgoing(7, "+6281398765432", LONG_TEXT, "receipt_ready", "TT-2026-000123")
    assert deliver(message, load_settings()) == "sms"
    parts = submitted(phone.parent / "gammu.log")
    assert [p[2] for p in parts] == [1, 2, 3]  # 142 UCS-2 characters: 67 + 67 + 8
    assert {p[0] for p in parts} == {"+6281398765432"}
    assert "".join(p[1] for p in parts) == LONG_TEXT
    assert "Unicode SMS" in (phone.parent / "gammu.log").read_text()


def test_the_smsd_mode_puts_the_message_in_gammu_smsd_outbox(office, phone):
    clock = office
    _use_sms(phone, "smsd")
    receipt = ready_receipt(clock, phone="+62 812 3456 7890")
    assert send_pending(clock).sent == 1
    (queued,) = (phone.parent / "outbox").iterdir()
    assert "+6281234567890" in queued.name
    (sms,) = gammu.ReadSMSBackup(str(queued))
    assert sms["Number"] == "+6281234567890"
    assert sms["Text"] == Notification.get().text and receipt.number in sms["Text"]


def test_a_running_gammu_smsd_transmits_what_was_injected(office, phone):
    _use_sms(phone, "smsd")
    message = Outgoing(8, "+6281398765432", LONG_TEXT, "receipt_ready", "TT-2026-000123")
    deliver(message, load_settings())
    (queued,) = (phone.parent / "outbox").iterdir()
    parts = gammu.ReadSMSBackup(str(queued))
    assert len(parts) == 3 and {p["Number"] for p in parts} == {"+6281398765432"}
    assert gammu.DecodeSMS(parts)["Entries"][0]["Buffer"] == LONG_TEXT
    daemon = subprocess.Popen(
        [shutil.which("gammu-smsd") or "gammu-smsd", "-c", str(phone)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while not list((phone.parent / "sent").iterdir()) and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        daemon.terminate()
        daemon.wait(10)
    assert [p.name for p in (phone.parent / "sent").iterdir()] == [queued.name]
    log = (phone.parent / "smsd.log").read_text()
    assert "Transmitted" in log and "to +6281398765432" in log


def test_an_unreachable_modem_is_retried_with_a_one_line_reason(office, phone):
    clock = office
    _use_sms(phone, "direct")
    shutil.rmtree(phone.parent / "dev")  # the "modem" is gone
    ready_receipt(clock)
    assert send_pending(clock).retry_later == 1
    row = Notification.get()
    assert row.status == "pending" and row.attempts == 1
    assert row.last_error.startswith("Modem tidak dapat dibuka (")
    assert " / Cannot open the modem (" in row.last_error and "\n" not in row.last_error


def test_a_failing_inject_is_a_one_line_reason(office, phone):
    _use_sms(phone, "smsd")
    (phone.parent / "outbox").rmdir()  # gammu-smsd's outbox folder is missing
    message = Outgoing(9, "+6281398765432", "Halo", "receipt_ready", "TT-1")
    with pytest.raises(DeliveryFailed) as failed:
        deliver(message, load_settings())
    assert str(failed.value).startswith("gammu-smsd tidak menerima pesan: ")
    assert "\n" not in str(failed.value) and failed.value.channel_down


@pytest.mark.parametrize(
    ("config", "mode", "words"),
    [
        ("", "direct", "notify_gammu_config is empty"),
        ("/nowhere/gammurc", "direct", "does not exist: /nowhere/gammurc"),
        ("no-sections", "direct", "has no [gammu] section"),
        ("no-smsd", "smsd", "has no [smsd] section"),
    ],
)
def test_bad_sms_settings_are_refused_before_any_message_is_touched(
    office, tmp_path, config, mode, words
):
    if config == "no-sections":
        config = str(tmp_path / "empty-rc")
        Path(config).write_text("; nothing here\n")
    elif config == "no-smsd":
        config = str(tmp_path / "direct-rc")
        Path(config).write_text("[gammu]\nmodel = dummy\ndevice = /tmp\n")
    update_settings(notify_channel="sms", notify_gammu_config=config, notify_sms_mode=mode)
    ready_receipt(office)
    with pytest.raises(ConfigurationError) as refused:
        send_pending(office)
    assert words in str(refused.value) and "\n" not in str(refused.value)
    row = Notification.get()
    assert (row.status, row.attempts) == ("pending", 0)
