"""A table whose first (key) column stays in view while the others scroll sideways.

The admin tables size their columns to their contents; on a narrow screen, or in large
text, they are wider than the page and scroll horizontally. The first column names the
row (a service, a receipt number, a user name), so a second view showing only that
column lies over it whenever the table is scrolled sideways (Qt's "frozen column"):
the same model and selection, the same row heights and vertical scrolling.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView, QTableWidget


class KeyColumnTable(QTableWidget):
    def __init__(self, rows: int, columns: int) -> None:
        super().__init__(rows, columns)
        self.key_view = QTableView(self)
        self.key_view.setObjectName("key_column")
        self.key_view.setModel(self.model())
        self.key_view.setSelectionModel(self.selectionModel())
        self.key_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.key_view.setFrameShape(QFrame.Shape.NoFrame)
        self.key_view.verticalHeader().hide()
        self.key_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.key_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.key_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.key_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.key_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.key_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.key_view.hide()
        self.viewport().stackUnder(self.key_view)
        self.horizontalHeader().sectionResized.connect(self._column_resized)
        self.verticalHeader().sectionResized.connect(self._row_resized)
        self.verticalScrollBar().valueChanged.connect(self.key_view.verticalScrollBar().setValue)
        self.key_view.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.horizontalScrollBar().valueChanged.connect(self._place)
        self.horizontalScrollBar().rangeChanged.connect(self._place)
        model = self.model()
        model.columnsInserted.connect(self._hide_others)
        model.columnsRemoved.connect(self._hide_others)
        model.headerDataChanged.connect(self._hide_others)
        model.rowsInserted.connect(self._rows_changed)
        model.modelReset.connect(self._rows_changed)
        model.dataChanged.connect(self._refit)
        self.key_view.viewport().installEventFilter(self)
        self._fit = QTimer(self)  # once per batch of changes, after Qt sized the columns
        self._fit.setSingleShot(True)
        self._fit.setInterval(0)
        self._fit.timeout.connect(self.fit_columns)
        self._hide_others()

    def fit_columns(self) -> None:
        """Columns as wide as their contents; the last one takes the room left over, but
        never less than its own contents (then the table scrolls sideways instead)."""
        count = self.columnCount()
        if count == 0:
            return
        header = self.horizontalHeader()
        need = sum(max(header.sectionSizeHint(c), self.sizeHintForColumn(c)) for c in range(count))
        spare = need < self.viewport().width()
        mode = QHeaderView.ResizeMode.Stretch if spare else QHeaderView.ResizeMode.ResizeToContents
        # Earlier columns go back to their contents: a table given more columns later
        # must not keep an old last column stretched.
        for column in range(count - 1):
            if header.sectionResizeMode(column) != QHeaderView.ResizeMode.ResizeToContents:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        if header.sectionResizeMode(count - 1) != mode:
            header.setSectionResizeMode(count - 1, mode)
        self._place()

    def _refit(self, *_: object) -> None:
        self._fit.start()

    # ---- keeping the key view in step
    def _hide_others(self, *_: object) -> None:
        for column in range(self.columnCount()):
            self.key_view.setColumnHidden(column, column != 0)
        self._place()
        self._refit()

    def _rows_changed(self, *_: object) -> None:
        for row in range(self.rowCount()):
            self.key_view.setRowHeight(row, self.rowHeight(row))
        self._place()
        self._refit()

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        if column == 0:
            self.key_view.setColumnWidth(0, new)
            self._place()

    def _row_resized(self, row: int, _old: int, new: int) -> None:
        self.key_view.setRowHeight(row, new)

    def _place(self, *_: object) -> None:
        """Over the first column while the table is scrolled sideways; hidden otherwise."""
        scrolled = self.horizontalScrollBar().value() > 0 and self.columnCount() > 1
        self.key_view.setVisible(scrolled)
        if not scrolled:
            return
        frame = self.frameWidth()
        header = self.horizontalHeader().height()
        self.key_view.horizontalHeader().setFixedHeight(header)
        self.key_view.setColumnWidth(0, self.columnWidth(0))
        self.key_view.setGeometry(
            frame + (self.verticalHeader().width() if self.verticalHeader().isVisible() else 0),
            frame,
            self.columnWidth(0),
            self.viewport().height() + header,
        )
        self.key_view.verticalScrollBar().setValue(self.verticalScrollBar().value())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.key_view.viewport() and event.type() == QEvent.Type.Wheel:
            self.wheelEvent(event)  # type: ignore[arg-type]
            return True
        return super().eventFilter(watched, event)
