"""Sedang dilayani / Now serving: a tile per counter, laid out to fill the space."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from loket.kiosk.board.counter_tile import CounterTile
from loket.kiosk.board.look import font
from loket.models.queue.board import NowServing


class NowServingPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("SEDANG DILAYANI / NOW SERVING")
        self.title.setProperty("role", "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self._grid = QGridLayout()
        self._grid.setSpacing(16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self._grid, 1)
        self.tiles: dict[int, CounterTile] = {}
        self._scale = 1.0

    def _columns(self) -> int:
        count = len(self.tiles)
        return max(1, min(4, math.ceil(math.sqrt(count)))) if count > 2 else max(1, count)

    def show_counters(self, rows: tuple[NowServing, ...]) -> None:
        wanted = [row.counter for row in rows if row.active or row.number]
        if wanted != list(self.tiles):
            for tile in self.tiles.values():
                self._grid.removeWidget(tile)
                tile.deleteLater()
            self.tiles = {number: CounterTile(number) for number in wanted}
            columns = self._columns()
            for index, tile in enumerate(self.tiles.values()):
                self._grid.addWidget(tile, index // columns, index % columns)
            self.set_scale(self._scale)
        for row in rows:
            tile = self.tiles.get(row.counter)
            if tile is not None:
                tile.show_ticket(row.number, row.active)

    def flash(self, counter: int) -> None:
        tile = self.tiles.get(counter)
        if tile is not None:
            tile.flash()

    def set_scale(self, scale: float) -> None:
        self._scale = scale
        self.title.setFont(font(30, scale))
        for tile in self.tiles.values():
            tile.set_scale(scale)
