"""Sedang dilayani / Now serving: a tile per counter, laid out to fill the space."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from loket.kiosk.board.counter_tile import CounterTile
from loket.kiosk.board.look import fitted_px, font
from loket.models.queue.board import NowServing

# A tile's number is about this many times wider than tall ("A-000" in a bold face).
NUMBER_ASPECT = 3.2
MAX_COLUMNS = 4


def best_columns(count: int, width: int, height: int) -> int:
    """The column count that gives each tile's number the largest size."""
    if count <= 0:
        return 1
    best, best_size = 1, -1.0
    for columns in range(1, min(MAX_COLUMNS, count) + 1):
        rows = math.ceil(count / columns)
        size = min(width / columns / NUMBER_ASPECT, height / rows * 0.6)
        if size > best_size * 1.05:  # fewer columns unless clearly better
            best, best_size = columns, size
    return best


class NowServingPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("SEDANG DILAYANI / NOW SERVING")
        self.title.setProperty("role", "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._grid = QGridLayout()
        self._grid.setSpacing(16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self._grid, 1)
        self.tiles: dict[int, CounterTile] = {}
        self._columns = 0
        self._scale = 1.0

    def show_counters(self, rows: tuple[NowServing, ...]) -> None:
        wanted = [row.counter for row in rows if row.active or row.number]
        if wanted != list(self.tiles):
            for tile in self.tiles.values():
                self._grid.removeWidget(tile)
                tile.deleteLater()
            self.tiles = {number: CounterTile(number) for number in wanted}
            self._columns = 0
            self._place_tiles()
            self.set_scale(self._scale)
        for row in rows:
            tile = self.tiles.get(row.counter)
            if tile is not None:
                tile.show_ticket(row.number, row.active)

    def _place_tiles(self) -> None:
        columns = best_columns(len(self.tiles), self.width(), self.height())
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles.values():
            self._grid.removeWidget(tile)
        for index, tile in enumerate(self.tiles.values()):
            self._grid.addWidget(tile, index // columns, index % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_tiles()
        self._fit_title()

    def flash(self, counter: int) -> None:
        tile = self.tiles.get(counter)
        if tile is not None:
            tile.flash()

    def _fit_title(self) -> None:
        scale = self._scale
        self.title.setFont(font(fitted_px(self.title.text(), self.width(), 24 * scale, 14)))

    def set_scale(self, scale: float) -> None:
        self._scale = scale
        self._fit_title()
        for tile in self.tiles.values():
            tile.set_scale(scale)
