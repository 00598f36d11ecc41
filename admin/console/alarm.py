"""The sound of a new staffing gap or escalation: the office chime, else the system beep."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def chime_path() -> Path:
    import loket.assets

    return Path(loket.assets.__file__).resolve().parent / "sounds" / "chime.wav"


class Alarm(QObject):
    """``ring()`` plays once; ``rings`` counts them (the board's tests read it)."""

    def __init__(self, parent: QObject | None = None, muted: bool = False) -> None:
        super().__init__(parent)
        self.rings = 0
        self.muted = muted
        self._effect = None
        path = chime_path()
        if path.is_file():
            try:
                from PySide6.QtMultimedia import QSoundEffect

                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(path)))
                effect.setVolume(0.9)
                self._effect = effect
            except ImportError:  # Qt Multimedia missing on this machine
                log.info("no QtMultimedia; the gap alarm uses the system beep")

    @property
    def uses_chime(self) -> bool:
        return self._effect is not None

    def ring(self) -> None:
        self.rings += 1
        if self.muted:
            return
        if self._effect is not None:
            self._effect.play()
        else:
            QApplication.beep()
