"""``loket-admin``: set-up, the live coverage board, reviews and reports for the office."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from loket.kiosk.shell.app_start import (
    QtProgram,
    add_database_option,
    add_language_option,
    show_maximised,
)

if TYPE_CHECKING:
    from loket.admin.console.window import ConsoleWindow
    from loket.models.notify.sender import Sender


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="loket-admin", description="Loket admin app")
    add_database_option(parser)
    add_language_option(parser)
    parser.add_argument("--export-dir", help="folder for reports (default: the data folder)")
    parser.add_argument("--mute", action="store_true", help="no alarm sound for staffing gaps")
    return parser


def open_window(options: argparse.Namespace, url: str) -> ConsoleWindow:
    from loket.admin.console.window import ConsoleWindow

    window = ConsoleWindow(
        feed_url=url, export_dir=options.export_dir, muted=options.mute, warm_reports=True
    )
    start_sender(window, url)
    return window


def start_sender(window: ConsoleWindow, url: str | None = None) -> Sender:
    from loket.models.notify.sender import start_for_app

    feed = window.feed.changed.connect if window.feed is not None else None
    return start_for_app(window.closing.connect, feed)


PROGRAM = QtProgram(
    app_name="Loket Admin",
    build_parser=build_parser,
    open_window=open_window,
    show=show_maximised,
)


def main(argv: list[str] | None = None) -> int:
    return PROGRAM.run(argv)


if __name__ == "__main__":
    sys.exit(main())
