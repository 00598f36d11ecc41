"""espeak-ng renders each sentence to a WAV file, which the board then plays.

Rendering runs as a QProcess so the screen never waits on it; both sentences of a
call are rendered while the chime plays, so the voice follows the chime closely.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QProcess

from loket.kiosk.board.speaker import Done, chime_path, speakable
from loket.kiosk.board.wav_player import WavPlayer

VOICES = {"id": "id", "en": "en"}
WORDS_PER_MINUTE = 140


def espeak_binary(path: str | None = None) -> str | None:
    """The espeak-ng program on ``path`` (default: $PATH), if it has an Indonesian voice."""
    binary = shutil.which("espeak-ng", path=path)
    if binary is None:
        return None
    try:
        listing = subprocess.run(
            [binary, "--voices=id"], capture_output=True, text=True, timeout=5, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    has_indonesian = any(line.split()[1:2] == ["id"] for line in listing.splitlines()[1:])
    return binary if has_indonesian else None


class _Render:
    def __init__(self) -> None:
        self.finished = False
        self.ok = False
        self.waiters: list[Callable[[bool], None]] = []


class EspeakSpeaker(QObject):
    name = "espeak"

    def __init__(
        self,
        binary: str,
        chime: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._binary = binary
        self._chime = chime or chime_path()
        self._player = WavPlayer(self)
        self._folder = tempfile.TemporaryDirectory(prefix="loket-voice-")
        self._renders: dict[Path, _Render] = {}
        self._processes: set[QProcess] = set()

    def _wav_for(self, text: str, lang: str) -> Path:
        digest = hashlib.sha1(f"{lang}\n{text}".encode()).hexdigest()[:16]
        return Path(self._folder.name) / f"{digest}.wav"

    def rendered(self, text: str, lang: str) -> Path | None:
        """The WAV file of ``text`` once espeak-ng has written it."""
        target = self._wav_for(text, lang)
        render = self._renders.get(target)
        return target if render is not None and render.ok else None

    def prepare(self, text: str, lang: str) -> None:
        """Start rendering ``text`` now so that :meth:`say` can play it without delay."""
        self._render(text, lang)

    def _render(self, text: str, lang: str) -> _Render:
        target = self._wav_for(text, lang)
        render = self._renders.get(target)
        if render is not None and (not render.finished or target.exists()):
            return render
        render = _Render()
        self._renders[target] = render
        process = QProcess(self)
        self._processes.add(process)

        def finished(code: int, _status: QProcess.ExitStatus) -> None:
            render.finished = True
            render.ok = code == 0 and target.exists()
            self._processes.discard(process)
            process.deleteLater()
            for waiter in render.waiters:
                waiter(render.ok)
            render.waiters.clear()

        def failed(error: QProcess.ProcessError) -> None:
            if error == QProcess.ProcessError.FailedToStart:
                finished(-1, QProcess.ExitStatus.CrashExit)

        process.finished.connect(finished)
        process.errorOccurred.connect(failed)
        voice = VOICES.get(lang, lang)
        process.start(
            self._binary,
            ["-v", voice, "-s", str(WORDS_PER_MINUTE), "-w", str(target), speakable(text, lang)],
        )
        return render

    def chime(self, done: Done) -> None:
        self._player.play(self._chime, done)

    def say(self, text: str, lang: str, done: Done) -> None:
        target = self._wav_for(text, lang)
        render = self._render(text, lang)

        def play(ok: bool) -> None:
            if ok:
                self._player.play(target, done)
            else:
                done()  # the screen still shows the call

        if render.finished:
            play(render.ok)
        else:
            render.waiters.append(play)

    def stop(self) -> None:
        self._player.stop()
        for process in list(self._processes):
            process.kill()
            process.waitForFinished(1000)
        self._processes.clear()
        self._folder.cleanup()
