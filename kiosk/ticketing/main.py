"""``loket-kiosk``: the full-screen visitor kiosk."""

from __future__ import annotations

import argparse
import logging
import sys


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="loket-kiosk", description="Loket visitor kiosk")
    parser.add_argument("--db", help="database URL (default: $LOKET_DB or the local file)")
    parser.add_argument(
        "--printer",
        help="printer URI (default: $LOKET_PRINTER, else PDF copies in the data folder)",
    )
    parser.add_argument(
        "--station",
        help="this PC's name on the office printer list (default: $LOKET_STATION, else host name)",
    )
    parser.add_argument("--windowed", action="store_true", help="a normal window (testing)")
    parser.add_argument("--idle-seconds", type=float, default=90, help="back home after this")
    parser.add_argument(
        "--no-priority-question", action="store_true", help="issue normal tickets directly"
    )
    parser.add_argument(
        "--lang",
        choices=("id", "en"),
        help="start language (default: the office setting kiosk_language, normally id)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    from loket.kiosk.shell import i18n
    from loket.kiosk.shell.app import create_app, open_office_database, printer_problem
    from loket.kiosk.shell.lockdown import lock_window
    from loket.models.errors import LoketError

    problem = printer_problem(args.printer)
    if problem:  # refuse at start, not at the first visitor's ticket
        print(problem, file=sys.stderr)
        return 2
    app = create_app(name="Loket Kiosk")
    try:
        url = open_office_database(args.db)
    except LoketError as exc:
        print(exc.message(i18n.current_language()), file=sys.stderr)
        return 2
    from loket.models.services.office import load_settings

    i18n.set_language(app, args.lang or load_settings().kiosk_language)
    from loket.kiosk.ticketing.window import KioskWindow

    window = KioskWindow(
        printer=args.printer,
        station=args.station,
        feed_url=url,
        idle_seconds=args.idle_seconds,
        ask_priority=not args.no_priority_question,
    )
    window.closing.connect(app.quit)
    lock_window(window, full_screen=not args.windowed)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
