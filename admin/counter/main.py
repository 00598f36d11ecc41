"""``loket-counter``: the officer's counter app."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from loket.kiosk.shell.app_start import (
    QtProgram,
    add_database_option,
    add_language_option,
    add_printer_options,
    show_maximised,
)

if TYPE_CHECKING:
    from loket.admin.counter.window import CounterWindow
    from loket.models.notify.sender import Sender


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="loket-counter", description="Loket counter app")
    add_database_option(parser)
    add_printer_options(
        parser, "printer URI for receipts (default: $LOKET_PRINTER, else PDF copies)"
    )
    parser.add_argument("--counter", type=int, help="preselect this counter number")
    parser.add_argument("--user", help="preselect this username")
    add_language_option(parser)
    parser.add_argument(
        "--heartbeat-seconds", type=float, default=20, help="heartbeat interval (default 20)"
    )
    return parser


def open_window(options: argparse.Namespace, url: str) -> CounterWindow:
    from loket.admin.counter.window import CounterWindow

    window = CounterWindow(
        printer=options.printer,
        station=options.station,
        feed_url=url,
        heartbeat_ms=max(1000, round(options.heartbeat_seconds * 1000)),
        counter=options.counter,
        username=options.user,
    )
    start_sender(window, url)
    return window


def start_sender(window: CounterWindow, url: str | None = None) -> Sender:
    from loket.models.notify.sender import start_for_app

    feed = window.feed.changed.connect if window.feed is not None else None
    return start_for_app(window.closing.connect, feed)


PROGRAM = QtProgram(
    app_name="Loket Counter",
    build_parser=build_parser,
    open_window=open_window,
    show=show_maximised,
)


def main(argv: list[str] | None = None) -> int:
    return PROGRAM.run(argv)


if __name__ == "__main__":
    sys.exit(main())
