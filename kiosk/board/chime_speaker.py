"""No voice installed: the chime alone, and the screen says the rest."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from loket.kiosk.board.speaker import Done, chime_path
from loket.kiosk.board.wav_player import WavPlayer


class ChimeOnlySpeaker(QObject):
    name = "chime"

    def __init__(self, chime: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._chime = chime or chime_path()
        self._player = WavPlayer(self)

    def chime(self, done: Done) -> None:
        self._player.play(self._chime, done)

    def say(self, text: str, lang: str, done: Done) -> None:
        done()

    def stop(self) -> None:
        self._player.stop()
