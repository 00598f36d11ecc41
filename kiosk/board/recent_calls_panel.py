"""Panggilan terakhir / Last calls: newest first, recalls marked.

As many calls as fit the panel at a size read from across the room; the older ones
give way on a small screen.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from loket.kiosk.board.look import LEGIBLE_PX, fitted_px, font
from loket.models.queue.board import BoardCall

RECALL_MARK = "ULANG / AGAIN"
# Sizes of one row on the 768-line design: the number, "→ LOKET 12", the recall mark.
NUMBER_PX, COUNTER_PX, MARK_PX = 40, 34, 20
ROW_PROBE = ("A-000", "→ LOKET 00")


class RecentCallsPanel(QFrame):
    def __init__(self, rows: int = 6, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.title = QLabel("PANGGILAN TERAKHIR / LAST CALLS")
        self.title.setProperty("role", "title")
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(24)
        self._grid.setVerticalSpacing(4)
        self.numbers: list[QLabel] = []
        self.counters: list[QLabel] = []
        self.marks: list[QLabel] = []
        for row in range(rows):
            number, counter, mark = QLabel(), QLabel(), QLabel()
            number.setProperty("role", "number")
            mark.setProperty("role", "muted")
            for column, label in enumerate((number, counter, mark)):
                fixed = QSizePolicy.Policy.Ignored if label is mark else QSizePolicy.Policy.Fixed
                label.setSizePolicy(fixed, QSizePolicy.Policy.Fixed)
                self._grid.addWidget(label, row, column)
            self.numbers.append(number)
            self.counters.append(counter)
            self.marks.append(mark)
        self._grid.setColumnStretch(2, 1)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(20, 10, 20, 10)
        self._layout.addWidget(self.title)
        self._layout.addLayout(self._grid)
        self._layout.addStretch(1)
        # The panel takes the room it is given; it never makes the board larger.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._scale = 1.0
        self.set_scale(1.0)

    def show_calls(self, calls: tuple[BoardCall, ...]) -> None:
        for index, (number, counter, mark) in enumerate(
            zip(self.numbers, self.counters, self.marks, strict=True)
        ):
            call = calls[index] if index < len(calls) else None
            number.setText(call.number if call else "")
            counter.setText(f"→ LOKET {call.counter}" if call else "")
            mark.setText(RECALL_MARK if call and call.recall else "")
        self._fit()

    def rows(self) -> list[tuple[str, str, str]]:
        return [
            (n.text(), c.text(), m.text())
            for n, c, m in zip(self.numbers, self.counters, self.marks, strict=True)
            if n.text()
        ]

    def set_scale(self, scale: float) -> None:
        self._scale = scale
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        scale, margins = self._scale, self._layout.contentsMargins()
        width = max(40, self.width() - margins.left() - margins.right())
        self.title.setFont(font(fitted_px(self.title.text(), width, 22 * scale, 14)))
        # Number and counter shrink together until they fit across, never below legible.
        texts = [*ROW_PROBE]
        texts[0] = max([texts[0], *(n.text() for n in self.numbers)], key=len)
        texts[1] = max([texts[1], *(c.text() for c in self.counters)], key=len)
        spacing = self._grid.horizontalSpacing()
        factor = 1.0
        while factor > LEGIBLE_PX / COUNTER_PX / max(scale, 0.01):
            number_font = font(NUMBER_PX * scale * factor)
            counter_font = font(COUNTER_PX * scale * factor)
            needed = (
                QFontMetrics(number_font).horizontalAdvance(texts[0])
                + QFontMetrics(counter_font).horizontalAdvance(texts[1])
                + spacing
            )
            if needed <= width:
                break
            factor -= 0.05
        number_font = font(NUMBER_PX * scale * factor)
        counter_font = font(COUNTER_PX * scale * factor)
        used = QFontMetrics(number_font).horizontalAdvance(texts[0]) + QFontMetrics(
            counter_font
        ).horizontalAdvance(texts[1])
        room = max(0, width - used - 2 * spacing)
        mark_px = fitted_px(RECALL_MARK, room, MARK_PX * scale, 12, bold=False)
        mark_font = font(mark_px, bold=False)
        # The marks only show when their text fits beside the counter.
        marks_fit = QFontMetrics(mark_font).horizontalAdvance(RECALL_MARK) <= room
        row_height = QFontMetrics(number_font).height() + 2
        title_height = self.title.sizeHint().height() + self._layout.spacing()
        room_high = self.height() - margins.top() - margins.bottom() - title_height
        step = row_height + self._grid.verticalSpacing()
        fitting = max(1, (room_high + self._grid.verticalSpacing()) // step)
        for row, (number, counter, mark) in enumerate(
            zip(self.numbers, self.counters, self.marks, strict=True)
        ):
            number.setFont(number_font)
            counter.setFont(counter_font)
            mark.setFont(mark_font)
            number.setFixedWidth(QFontMetrics(number_font).horizontalAdvance(texts[0]) + 6)
            counter.setFixedWidth(QFontMetrics(counter_font).horizontalAdvance(texts[1]) + 6)
            for label in (number, counter, mark):
                label.setFixedHeight(row_height)
            shown = row < fitting
            number.setVisible(shown)
            counter.setVisible(shown)
            mark.setVisible(shown and marks_fit)
