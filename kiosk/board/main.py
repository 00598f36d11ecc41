"""`loket-display`: the waiting-room board, full screen on the TV."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from loket.kiosk.shell.app_start import QtProgram, add_database_option

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from loket.kiosk.board.board_window import BoardWindow


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="loket-display", description="Papan antrian / queue display board"
    )
    add_database_option(
        parser, "sqlite:///path atau/or postgresql://… (default: $LOKET_DB)", metavar="URL"
    )
    parser.add_argument(
        "--voice",
        choices=("auto", "qt", "espeak", "chime"),
        default=None,
        help="suara panggilan, mengganti pengaturan kantor (loket-admin: Suara dan bahasa) / "
        "calling voice, overriding the office setting (auto: the best one installed)",
    )
    parser.add_argument(
        "--no-english",
        action="store_true",
        default=None,
        help="tanpa kalimat bahasa Inggris, mengganti pengaturan kantor / Indonesian only, "
        "overriding the office setting",
    )
    parser.add_argument("--recent", type=int, default=6, help="panggilan terakhir / last calls")
    parser.add_argument(
        "--windowed", action="store_true", help="jendela biasa / a normal window, not full screen"
    )
    return parser


def open_board(options: argparse.Namespace, url: str) -> BoardWindow:
    from loket.kiosk.board.board_window import BoardWindow
    from loket.kiosk.board.voices import choose_speaker

    # Without --voice / --no-english the board follows the office settings, live.
    window = BoardWindow(
        url,
        choose_speaker(options.voice) if options.voice else None,
        english=False if options.no_english else None,
        recent=options.recent,
        choose_voice=None if options.voice else choose_speaker,
    )
    where = "" if options.voice else " (pengaturan kantor/office setting)"
    print(f"loket-display: suara/voice = {window.calls.speaker.name}{where}", file=sys.stderr)
    return window


def show_board(window: QWidget, options: argparse.Namespace) -> None:
    """The board, and the waiting screen before it: full screen on the TV, no cursor."""
    from PySide6.QtCore import Qt

    if options.windowed:
        window.show()
    else:
        window.setCursor(Qt.CursorShape.BlankCursor)
        window.showFullScreen()


PROGRAM = QtProgram(
    app_name="Loket Display",
    build_parser=build_parser,
    open_window=open_board,
    show=show_board,
    database_refusal=str,  # both languages on one line
    logs_to_stderr=False,
    close_after_loop=True,  # stops the change feed and the voice
    show_waiting=show_board,
)


def start(argv: Sequence[str] | None = None) -> QWidget | int:
    """Open the office database and show the board; the window (the waiting screen while
    the database does not answer), or an exit code on refusal."""
    return PROGRAM.start(argv)


def main(argv: Sequence[str] | None = None) -> int:
    return PROGRAM.run(argv)


if __name__ == "__main__":
    sys.exit(main())
