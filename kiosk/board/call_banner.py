"""The call being spoken, across the middle of the board, flashing until it has been said."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from loket.kiosk.board.look import BACKGROUND, FLASH_BG, FLASH_FG, NUMBER, font
from loket.models.queue.announcements import Announcement

BLINK_MS = 450


class CallBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.number = QLabel()
        self.counter = QLabel()
        self.english = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        for label in (self.heading, self.number, self.counter, self.english):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        self._lit = True
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._blink)
        self.call: Announcement | None = None
        self.set_scale(1.0)
        self.hide()

    def show_call(self, call: Announcement) -> None:
        self.call = call
        self.heading.setText("PANGGILAN ULANG" if call.recall else "NOMOR ANTRIAN")
        self.number.setText(call.number)
        self.counter.setText(f"silakan menuju LOKET {call.counter}")
        self.english.setText(
            ("Called again: " if call.recall else "")
            + f"{call.number}, please go to counter {call.counter}"
        )
        self._lit = True
        self._paint()
        self._timer.start(BLINK_MS)
        self.show()
        self.raise_()

    def clear(self) -> None:
        self._timer.stop()
        self.call = None
        self.hide()

    def _blink(self) -> None:
        self._lit = not self._lit
        self._paint()

    def _paint(self) -> None:
        bg, fg, number = (
            (FLASH_BG, FLASH_FG, FLASH_FG) if self._lit else (BACKGROUND, "#ffffff", NUMBER)
        )
        self.setStyleSheet(
            f"CallBanner {{ background: {bg}; border: 6px solid {NUMBER}; border-radius: 24px; }}"
            f"QLabel {{ color: {fg}; background: transparent; }}"
        )
        self.number.setStyleSheet(f"color: {number};")

    def set_scale(self, scale: float) -> None:
        self.heading.setFont(font(48, scale))
        self.number.setFont(font(220, scale))
        self.counter.setFont(font(72, scale))
        self.english.setFont(font(36, scale, bold=False))
