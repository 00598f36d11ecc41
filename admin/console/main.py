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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="loket-admin", description="Loket admin app")
    add_database_option(parser)
    add_language_option(parser)
    parser.add_argument("--export-dir", help="folder for reports (default: the data folder)")
    parser.add_argument("--mute", action="store_true", help="no alarm sound for staffing gaps")
    return parser


def open_window(options: argparse.Namespace, url: str) -> ConsoleWindow:
    from loket.admin.console.window import ConsoleWindow

    return ConsoleWindow(
        feed_url=url, export_dir=options.export_dir, muted=options.mute, warm_reports=True
    )


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
