"""`loket-display`: the waiting-room board, full screen on the TV."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="loket-display", description="Papan antrian / queue display board"
    )
    parser.add_argument(
        "--db", metavar="URL", help="sqlite:///path atau/or postgresql://… (default: $LOKET_DB)"
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


def start(argv: Sequence[str] | None = None) -> Any:
    """Open the office database and show the board; the window, or an exit code on refusal."""
    options = build_parser().parse_args(list(argv) if argv is not None else sys.argv[1:])
    from PySide6.QtCore import Qt

    from loket.kiosk.board.board_window import BoardWindow
    from loket.kiosk.board.voices import choose_speaker
    from loket.kiosk.shell.app import create_app, open_office_database
    from loket.models.errors import LoketError

    create_app(sys.argv[:1], name="Loket Display")
    try:
        url = open_office_database(options.db)
    except LoketError as exc:
        print(exc, file=sys.stderr)
        return 2
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
    if options.windowed:
        window.show()
    else:
        window.setCursor(Qt.CursorShape.BlankCursor)
        window.showFullScreen()
    return window


def main(argv: Sequence[str] | None = None) -> int:
    window = start(argv)
    if isinstance(window, int):
        return window
    from PySide6.QtWidgets import QApplication

    code = QApplication.instance().exec()  # type: ignore[union-attr]
    window.close()  # stops the change feed and the voice
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
