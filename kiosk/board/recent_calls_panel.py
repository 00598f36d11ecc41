"""Panggilan terakhir / Last calls: newest first, recalls marked."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from loket.kiosk.board.look import font
from loket.models.queue.board import BoardCall

RECALL_MARK = "ULANG / AGAIN"


class RecentCallsPanel(QFrame):
    def __init__(self, rows: int = 6, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.title = QLabel("PANGGILAN TERAKHIR / LAST CALLS")
        self.title.setProperty("role", "title")
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        self.numbers: list[QLabel] = []
        self.counters: list[QLabel] = []
        self.marks: list[QLabel] = []
        for row in range(rows):
            number, counter, mark = QLabel(), QLabel(), QLabel()
            number.setProperty("role", "number")
            mark.setProperty("role", "muted")
            grid.addWidget(number, row, 0)
            grid.addWidget(counter, row, 1)
            grid.addWidget(mark, row, 2)
            self.numbers.append(number)
            self.counters.append(counter)
            self.marks.append(mark)
        grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.set_scale(1.0)

    def show_calls(self, calls: tuple[BoardCall, ...]) -> None:
        for index, (number, counter, mark) in enumerate(
            zip(self.numbers, self.counters, self.marks, strict=True)
        ):
            call = calls[index] if index < len(calls) else None
            number.setText(call.number if call else "")
            counter.setText(f"→ LOKET {call.counter}" if call else "")
            mark.setText(RECALL_MARK if call and call.recall else "")

    def rows(self) -> list[tuple[str, str, str]]:
        return [
            (n.text(), c.text(), m.text())
            for n, c, m in zip(self.numbers, self.counters, self.marks, strict=True)
            if n.text()
        ]

    def set_scale(self, scale: float) -> None:
        self.title.setFont(font(28, scale))
        for number, counter, mark in zip(self.numbers, self.counters, self.marks, strict=True):
            number.setFont(font(48, scale))
            counter.setFont(font(40, scale))
            mark.setFont(font(22, scale, bold=False))
