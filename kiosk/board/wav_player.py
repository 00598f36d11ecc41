"""Plays one WAV file and says when it is over, with or without a working sound card."""

from __future__ import annotations

import time
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtMultimedia import QSoundEffect

from loket.kiosk.board.speaker import Done

# Past the file's own length, how long a sound device may lag before we move on.
GRACE_MS = 250
MAX_LAG_MS = 3000


def wav_seconds(path: Path) -> float:
    try:
        with wave.open(str(path), "rb") as sound:
            return sound.getnframes() / float(sound.getframerate() or 1)
    except (OSError, wave.Error, EOFError):
        return 0.0


class WavPlayer(QObject):
    """QSoundEffect for the sound; the file's length for the end.

    ``playingChanged`` is not enough on its own: without an audio device (a TV box with
    HDMI unplugged, the offscreen test run) it never fires, and the queue would stall.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effect = QSoundEffect(self)
        self._effect.playingChanged.connect(self._on_playing_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer)
        self._done: Done | None = None
        self._deadline = 0.0
        self._started = False

    def play(self, path: Path, done: Done) -> None:
        self._finish()  # never two at once
        seconds = wav_seconds(path)
        if seconds <= 0:
            done()
            return
        self._done = done
        self._started = False
        self._deadline = time.monotonic() + seconds + MAX_LAG_MS / 1000
        self._effect.setSource(QUrl.fromLocalFile(str(path)))
        self._effect.play()
        self._timer.start(int(seconds * 1000) + GRACE_MS)

    def _on_playing_changed(self) -> None:
        if self._effect.isPlaying():
            self._started = True
        elif self._started and self._done is not None:
            self._finish()

    def _on_timer(self) -> None:
        if self._effect.isPlaying() and time.monotonic() < self._deadline:
            self._timer.start(100)
            return
        self._finish()

    def _finish(self) -> None:
        self._timer.stop()
        done, self._done = self._done, None
        if done is not None:
            self._effect.stop()
            done()

    def stop(self) -> None:
        self._timer.stop()
        self._done = None
        self._effect.stop()
