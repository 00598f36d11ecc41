"""Menunggu / Waiting: how many people wait per service, and the estimated wait.

Each service's name takes the width of the panel (wrapping to a second line rather than
being cut), its waiting count large on the right with the estimate under it. Sizes
shrink to fit the room the board gives (``set_room``), never below legible unless a very
long list of services leaves no choice.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from loket.kiosk.board.look import LEGIBLE_PX, fitted_px, font, lines_at, wrapped_size
from loket.models.queue.board import WaitingService

# Sizes on the 768-line design.
NAME_PX, COUNT_PX, WAIT_PX, TITLE_PX = 32, 44, 20, 22
FLOOR_PX = 16  # only for an office with more services than any screen holds legibly


class WaitingPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.title = QLabel("MENUNGGU / WAITING")
        self.title.setProperty("role", "title")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(0)
        self.names: list[QLabel] = []
        self.numbers: list[QLabel] = []
        self.waits: list[QLabel] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(20, 10, 20, 10)
        self._layout.addWidget(self.title)
        self._layout.addLayout(self._grid)
        self._layout.addStretch(1)
        # As tall as its rows need (sizeHint), but it never holds the board's size up: a
        # board made smaller first shrinks it, then it fits its rows into what it got.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)
        self._needed = 0
        self._scale = 1.0
        self._room = 10_000  # the most height the board can give this panel
        self._shown: tuple[WaitingService, ...] = ()
        self.set_scale(1.0)

    def show_services(self, services: tuple[WaitingService, ...]) -> None:
        services = tuple(s for s in services if s.active)
        if services == self._shown:
            return
        self._shown = services
        for label in (*self.names, *self.numbers, *self.waits):
            self._grid.removeWidget(label)
            label.deleteLater()
        self.names, self.numbers, self.waits = [], [], []
        for row, service in enumerate(services):
            name = QLabel(f"{service.code}  {service.name_id}")
            name.setWordWrap(True)
            number = QLabel(str(service.waiting))
            number.setProperty("role", "number")
            wait = QLabel(f"± {service.estimated_wait_minutes} mnt/min" if service.waiting else "")
            wait.setProperty("role", "muted")
            name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            for label in (number, wait):
                label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
            wait.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(name, 2 * row, 0, 2, 1)
            self._grid.addWidget(number, 2 * row, 1)
            self._grid.addWidget(wait, 2 * row + 1, 1)
            for label in (name, number, wait):
                label.show()  # now, not when the layout gets round to it: _fit measures them
            self.names.append(name)
            self.numbers.append(number)
            self.waits.append(wait)
        self._grid.setColumnStretch(0, 1)
        self._fit()

    def counts(self) -> dict[str, int]:
        return {s.code: s.waiting for s in self._shown}

    def set_scale(self, scale: float) -> None:
        self._scale = scale
        self._fit()

    def set_room(self, height: int) -> None:
        """The most height the board has for this panel; sizes shrink to stay inside it."""
        if height != self._room:
            self._room = height
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _sizes(self, factor: float, width: int) -> tuple[int, int, int, int]:
        """(name px, count px, wait px, count column width) at ``factor`` of full size."""
        scale = self._scale * factor
        count_px, wait_px = round(COUNT_PX * scale), max(12, round(WAIT_PX * scale))
        count_metrics = QFontMetrics(font(count_px))
        wait_metrics = QFontMetrics(font(wait_px, bold=False))
        column = 4 + max(  # a glyph may reach a pixel past its advance
            [count_metrics.horizontalAdvance("99")]
            + [count_metrics.horizontalAdvance(n.text()) for n in self.numbers]
            + [wait_metrics.horizontalAdvance(w.text()) for w in self.waits]
        )
        room = max(40, width - column - self._grid.horizontalSpacing())
        least = max(FLOOR_PX, LEGIBLE_PX * self._scale * min(1.0, factor))
        texts = [n.text() for n in self.names] or ["A"]
        # One line at nearly full size reads better than two lines at full size.
        one_line = min(fitted_px(t, room, NAME_PX * scale, 0.85 * NAME_PX * scale) for t in texts)
        if all(lines_at(t, one_line, room) == 1 for t in texts):
            return one_line, count_px, wait_px, column
        name_px = min(fitted_px(t, room, NAME_PX * scale, least, lines=2) for t in texts)
        return name_px, count_px, wait_px, column

    def _apply(self, factor: float, width: int) -> int:
        """Set every row's sizes at ``factor``; the panel's height with them."""
        name_px, count_px, wait_px, column = self._sizes(factor, width)
        room = max(40, width - column - self._grid.horizontalSpacing())
        count_font, wait_font = font(count_px), font(wait_px, bold=False)
        count_high = QFontMetrics(count_font).height() + 2
        wait_high = QFontMetrics(wait_font).height() + 2
        right = count_high + wait_high
        for name, number, wait in zip(self.names, self.numbers, self.waits, strict=True):
            name.setFont(font(name_px))
            number.setFont(count_font)
            wait.setFont(wait_font)
            number.setFixedSize(column, count_high)
            wait.setFixedSize(column, wait_high)
            need = wrapped_size(name.text(), name_px, room)[1] + 4
            name.setFixedHeight(max(right, need))
        self._grid.invalidate()
        self._layout.invalidate()
        frame = 2 * self.frameWidth()
        return self._layout.totalMinimumSize().height() + frame

    def _fit(self) -> None:
        margins = self._layout.contentsMargins()
        frame = 2 * self.frameWidth()
        width = max(60, self.width() - margins.left() - margins.right() - frame)
        title_px = fitted_px(self.title.text(), width, TITLE_PX * self._scale, 14)
        self.title.setFont(font(title_px))
        factor = 1.0
        height = self._apply(factor, width)
        while height > self._room and factor > 0.4:
            factor *= 0.92
            height = self._apply(factor, width)
        if height != self._needed:
            self._needed = height
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._needed)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)
