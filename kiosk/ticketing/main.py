"""``loket-kiosk``: the full-screen visitor kiosk."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from loket.kiosk.shell.app_start import (
    QtProgram,
    add_database_option,
    add_language_option,
    add_printer_options,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from loket.kiosk.ticketing.window import KioskWindow


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="loket-kiosk", description="Loket visitor kiosk")
    add_database_option(parser)
    add_printer_options(
        parser, "printer URI (default: $LOKET_PRINTER, else PDF copies in the data folder)"
    )
    parser.add_argument("--windowed", action="store_true", help="a normal window (testing)")
    parser.add_argument("--idle-seconds", type=float, default=90, help="back home after this")
    parser.add_argument(
        "--no-priority-question", action="store_true", help="issue normal tickets directly"
    )
    add_language_option(
        parser, "start language (default: the office setting kiosk_language, normally id)"
    )
    return parser


def parse_args(argv: list[str]) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def start_language(options: argparse.Namespace) -> str:
    from loket.models.settings import load_settings

    return str(options.lang or load_settings().kiosk_language)


def open_window(options: argparse.Namespace, url: str) -> KioskWindow:
    from loket.kiosk.ticketing.window import KioskWindow

    return KioskWindow(
        printer=options.printer,
        station=options.station,
        feed_url=url,
        idle_seconds=options.idle_seconds,
        ask_priority=not options.no_priority_question,
    )


def show_locked(window: QWidget, options: argparse.Namespace) -> None:
    """The kiosk window, and the waiting screen before it: frameless, on top, full screen."""
    from loket.kiosk.shell.lockdown import lock_window

    lock_window(window, full_screen=not options.windowed)


PROGRAM = QtProgram(
    app_name="Loket Kiosk",
    build_parser=build_parser,
    open_window=open_window,
    show=show_locked,
    language=start_language,
    show_waiting=show_locked,
)


def main(argv: list[str] | None = None) -> int:
    return PROGRAM.run(argv)


if __name__ == "__main__":
    sys.exit(main())
