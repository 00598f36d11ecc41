"""The call being spoken, across the middle of the board, flashing until it has been said."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from loket.kiosk.board.look import BACKGROUND, FLASH_BG, FLASH_FG, NUMBER, fitted_px, font
from loket.models.queue.announcements import Announcement

# Sizes on the 768-line design; each line shrinks (the sentences wrap) to fit the banner.
HEADING_PX, NUMBER_PX, COUNTER_PX, ENGLISH_PX = 34, 156, 52, 26

BLINK_MS = 450


class CallBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.number = QLabel()
        self.counter = QLabel()
        self.english = QLabel()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(32, 16, 32, 16)
        for label in (self.heading, self.number, self.counter, self.english):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(label is not self.number)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self._layout.addWidget(label)
        self._scale = 1.0
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
        self._fit()
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
        self._scale = scale
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        scale, margins = self._scale, self._layout.contentsMargins()
        width = max(40, self.width() - margins.left() - margins.right() - 12)
        height = max(40, self.height() - margins.top() - margins.bottom() - 12)
        heading = fitted_px(self.heading.text(), width, HEADING_PX * scale, 14)
        # A sentence shrinks a good way before it wraps: "LOKET" and its number stay together.
        counter = fitted_px(
            self.counter.text(), width, COUNTER_PX * scale, 0.6 * COUNTER_PX * scale
        )
        if counter <= round(0.6 * COUNTER_PX * scale):
            counter = fitted_px(self.counter.text(), width, COUNTER_PX * scale, 18, lines=2)
        english = fitted_px(self.english.text(), width, ENGLISH_PX * scale, 14, lines=2, bold=False)
        self.heading.setFont(font(heading))
        self.counter.setFont(font(counter))
        self.english.setFont(font(english, bold=False))
        rest = sum(
            label.heightForWidth(width) if label.text() else 0
            for label in (self.heading, self.counter, self.english)
        )
        probe = QFontMetrics(font(100)).horizontalAdvance(self.number.text() or "A-000")
        by_width = width * 100 / max(1, probe)
        by_height = (height - rest - 3 * self._layout.spacing()) / 1.2
        self.number.setFont(font(max(24, min(NUMBER_PX * scale, by_width, by_height))))
