"""One counter on the board: "LOKET 3" and the number it serves; flashes on a call."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from loket.kiosk.board.look import (
    FLASH_BG,
    FLASH_FG,
    LINE,
    NUMBER,
    PANEL,
    TEXT,
    fitted_px,
    font,
)

FLASH_TOGGLES = 8
FLASH_MS = 350
IDLE_TEXT = "—"
# The number is sized to fill its tile; no tile's text is narrower than this.
WIDTH_PROBE = "A-000"


class CounterTile(QFrame):
    def __init__(self, counter: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.title = QLabel(f"LOKET {counter}")
        self.number = QLabel(IDLE_TEXT)
        for label in (self.title, self.number):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            # The tile decides the size of its text, never the other way round.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.number, 1)
        self._scale = 1.0
        self._flash_left = 0
        self._lit = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._toggle)
        self.set_scale(1.0)
        self._paint()

    def set_scale(self, scale: float) -> None:
        self._scale = scale
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        scale = self._scale
        room = self.contentsRect()  # inside the tile's border
        height = max(40, room.height() - 16)
        width = max(40, room.width() - 28)
        title_px = max(16, min(32 * scale, height * 0.2))
        title_px = fitted_px(self.title.text(), width, title_px, min(title_px, 16 * scale))
        self.title.setFont(font(title_px))
        self.title.setFixedHeight(round(title_px * 1.4))
        text = self.number.text()
        probe = font(100)
        widest = max(
            QFontMetrics(probe).horizontalAdvance(text),
            QFontMetrics(probe).horizontalAdvance(WIDTH_PROBE),
        )
        by_width = width * 100 / widest
        by_height = (height - round(title_px * 1.4)) / 1.2  # a line is ~1.17× the pixel size
        self.number.setFont(font(max(12, min(by_width, by_height, 156 * scale))))

    def show_ticket(self, number: str | None, active: bool = True) -> None:
        text = number or IDLE_TEXT
        if text != self.number.text():
            self.number.setText(text)
            self._fit()
        title = f"LOKET {self.counter}" + ("" if active else " · TUTUP / CLOSED")
        if title != self.title.text():
            self.title.setText(title)
            self._fit()

    @property
    def flashing(self) -> bool:
        return self._flash_left > 0

    def flash(self) -> None:
        self._flash_left = FLASH_TOGGLES
        self._lit = True
        self._paint()
        self._timer.start(FLASH_MS)

    def _toggle(self) -> None:
        self._flash_left -= 1
        self._lit = self._flash_left > 0 and not self._lit
        if self._flash_left <= 0:
            self._timer.stop()
        self._paint()

    def _paint(self) -> None:
        bg, fg, number = (FLASH_BG, FLASH_FG, FLASH_FG) if self._lit else (PANEL, TEXT, NUMBER)
        self.setStyleSheet(
            f"CounterTile {{ background: {bg}; border: 3px solid {LINE}; border-radius: 14px; }}"
            f"QLabel {{ color: {fg}; background: transparent; }}"
        )
        self.number.setStyleSheet(f"color: {number};")
