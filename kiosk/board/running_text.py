"""The running text along the bottom: maklumat pelayanan and announcements, right to left."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from loket.kiosk.board.look import NUMBER, PANEL, TEXT, font

PIXELS_PER_SECOND = 120
FRAME_MS = 33
SEPARATOR = "     ◆     "


class RunningText(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._offset = 0.0
        self._scale = 1.0
        self._clock = QElapsedTimer()
        self._clock.start()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._advance)
        self._timer.start(FRAME_MS)
        self.set_scale(1.0)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._offset = 0.0
            self.update()

    def set_scale(self, scale: float) -> None:
        self._scale = scale
        self.setFont(font(28, scale, bold=False))
        self.setFixedHeight(round(50 * scale))

    def _advance(self) -> None:
        elapsed = self._clock.restart() / 1000
        if not self._text:
            return
        self._offset += PIXELS_PER_SECOND * self._scale * elapsed
        span = QFontMetrics(self.font()).horizontalAdvance(self._text + SEPARATOR)
        if span > 0:
            self._offset %= span
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(PANEL))
        painter.fillRect(0, 0, self.width(), max(2, round(3 * self._scale)), QColor(NUMBER))
        if not self._text:
            return
        painter.setPen(QColor(TEXT))
        unit = self._text + SEPARATOR
        span = QFontMetrics(self.font()).horizontalAdvance(unit)
        x = -self._offset
        while x < self.width():
            painter.drawText(round(x), 0, span, self.height(), Qt.AlignmentFlag.AlignVCenter, unit)
            x += span
