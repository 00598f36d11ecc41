"""``--tile I/N``: where ``loket demo --apps yes`` puts app I of N.

With at least N screens each app gets a screen of its own (the kiosk and the board then
cover theirs); otherwise the primary screen's free area is cut into a grid — two columns,
as many rows as needed — and app I takes cell I, as a normal window.
"""

from __future__ import annotations

import argparse
import math

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

TILE_HELP = "place this app as I of N windows over the screen(s) (loket demo --apps yes)"


def parse_tile(text: str) -> tuple[int, int]:
    """``"2/4"`` → ``(2, 4)``; argparse turns the ValueError into a usage message."""
    index_text, _, count_text = text.partition("/")
    try:
        index, count = int(index_text), int(count_text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--tile {text!r}: expected I/N, e.g. 0/4 / diharapkan I/N, mis. 0/4"
        ) from None
    if not 0 <= index < count <= 16:
        raise argparse.ArgumentTypeError(
            f"--tile {text!r}: need 0 ≤ I < N ≤ 16 / perlu 0 ≤ I < N ≤ 16"
        )
    return index, count


def add_tile_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tile", type=parse_tile, metavar="I/N", help=TILE_HELP)


def tile_rect(area: QRect, index: int, count: int) -> QRect:
    """Cell ``index`` of ``count`` in a two-column grid over ``area``."""
    columns = 1 if count == 1 else 2
    rows = math.ceil(count / columns)
    width, height = area.width() // columns, area.height() // rows
    row, column = divmod(index, columns)
    return QRect(area.x() + column * width, area.y() + row * height, width, height)


def place_tiled(window: QWidget, index: int, count: int) -> None:
    """Move the shown ``window`` to its own screen, or to its cell on the primary screen."""
    screens = QGuiApplication.screens()
    if len(screens) >= count:
        window.setGeometry(screens[index].availableGeometry())
        return
    primary = QGuiApplication.primaryScreen()
    if primary is None:
        return
    window.showNormal()  # a maximised or full-screen window ignores setGeometry
    cell = tile_rect(primary.availableGeometry(), index, count)
    # setGeometry places the client area; keep the title bar inside the cell too.
    frame = window.frameGeometry().height() - window.geometry().height()
    window.setGeometry(cell.adjusted(0, max(0, frame), 0, 0))
