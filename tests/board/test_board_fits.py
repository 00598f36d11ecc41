"""The board on a 1366×768 TV and a 768×1366 portrait screen: long service names, numbers and
waiting counts whole and large enough to read from across the waiting room."""

from __future__ import annotations

import pytest
from helpers.windows import show_at_size
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QWidget

from loket.models.office import catalog
from loket.models.queue import calling
from loket.models.queue.tickets import issue_ticket

LONG_NAMES = {
    "C": "Administrasi Kependudukan dan Pencatatan Sipil",
    "D": "Pengaduan dan Informasi Publik",
    "E": "Pelayanan Kesejahteraan Sosial",
}
# From 5 m a 1366×768 TV needs about this much for a name; numbers far more.
NAME_PX = 26
NUMBER_PX = 60


def _whole(window: QWidget, label: QLabel) -> str | None:
    """Why ``label``'s text is not wholly shown inside ``window``, or None."""
    where = QRect(label.mapTo(window, QPoint(0, 0)), label.size())
    if not label.isVisible() or not window.rect().contains(where):
        return f"{label.text()!r} at {where} is not inside the window {window.size()}"
    room = label.contentsRect()
    metrics = QFontMetrics(label.font())
    flags = int(Qt.TextFlag.TextWordWrap) if label.wordWrap() else 0
    need = metrics.boundingRect(QRect(0, 0, room.width(), 100_000), flags, label.text())
    if need.width() > room.width() or need.height() > room.height():
        return f"{label.text()!r} needs {need.size()}, has {room.size()}"
    return None


@pytest.mark.parametrize("size", [(1366, 768), (768, 1366)], ids=["tv", "portrait"])
def test_long_names_numbers_and_counts_are_whole_and_legible(make_board, speaker, qtbot, size):
    for code, name in LONG_NAMES.items():
        catalog.add_service(code, name, name, hours="00:00-24:00", days="1234567")
    catalog.add_counter(3, "C,D,E")
    for code in "CDE" * 11 + "A":
        issue_ticket(code)
    calling.call_next(3)
    board = make_board(speaker)
    show_at_size(qtbot, board, *size)
    board.refresh()
    qtbot.waitUntil(lambda: not board.reading, timeout=20_000)
    qtbot.wait(50)

    waiting = board.waiting
    assert waiting.counts() == {"A": 1, "B": 0, "C": 10, "D": 11, "E": 11}
    for label in (*waiting.names, *waiting.numbers):
        assert _whole(board, label) is None, _whole(board, label)
    names = {label.text() for label in waiting.names}
    assert "C  Administrasi Kependudukan dan Pencatatan Sipil" in names
    for label in waiting.names:
        assert label.font().pixelSize() >= NAME_PX, label.text()
        lines = (
            QFontMetrics(label.font())
            .boundingRect(
                QRect(0, 0, label.contentsRect().width(), 100_000),
                int(Qt.TextFlag.TextWordWrap),
                label.text(),
            )
            .height()
            // QFontMetrics(label.font()).lineSpacing()
        )
        assert lines <= 2, label.text()
    for label in waiting.numbers:
        assert label.font().pixelSize() > NAME_PX  # the counts stand out from the names

    tile = board.now_serving.tiles[3]
    assert tile.number.text() == "C-001"
    assert _whole(board, tile.number) is None, _whole(board, tile.number)
    assert tile.number.font().pixelSize() >= NUMBER_PX
    assert _whole(board, board.header.office_name) is None
    # Portrait stacks the panels: the lists under the tiles, not beside them.
    tiles_bottom = board.now_serving.mapTo(board, QPoint(0, board.now_serving.height())).y()
    beside = board.recent_calls.mapTo(board, QPoint(0, 0)).y() < tiles_bottom
    assert beside == (size[0] > size[1])


def test_the_board_follows_the_window_size(make_board, speaker, qtbot):
    board = make_board(speaker)
    show_at_size(qtbot, board, 1920, 1080)
    big = board.waiting.numbers[0].font().pixelSize()
    show_at_size(qtbot, board, 1366, 768)
    qtbot.wait(20)
    small = board.waiting.numbers[0].font().pixelSize()
    assert small < big
    show_at_size(qtbot, board, 1024, 768)  # smaller than the design: no longer cropped
    assert (board.width(), board.height()) == (1024, 768)
