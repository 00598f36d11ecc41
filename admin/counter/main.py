"""``loket-counter``: the officer's counter app."""

from __future__ import annotations

import argparse
import logging
import sys


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="loket-counter", description="Loket counter app")
    parser.add_argument("--db", help="database URL (default: $LOKET_DB or the local file)")
    parser.add_argument(
        "--printer",
        help="printer URI for receipts (default: $LOKET_PRINTER, else PDF copies)",
    )
    parser.add_argument(
        "--station",
        help="this PC's name on the office printer list (default: $LOKET_STATION, else host name)",
    )
    parser.add_argument("--counter", type=int, help="preselect this counter number")
    parser.add_argument("--user", help="preselect this username")
    parser.add_argument("--lang", choices=("id", "en"), help="start language (default id)")
    parser.add_argument(
        "--heartbeat-seconds", type=float, default=20, help="heartbeat interval (default 20)"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    from loket.kiosk.shell import i18n
    from loket.kiosk.shell.app import create_app, open_office_database, printer_problem
    from loket.models.errors import LoketError

    problem = printer_problem(args.printer)
    if problem:  # refuse at start, not at the first visitor's ticket
        print(problem, file=sys.stderr)
        return 2
    app = create_app(name="Loket Counter")
    try:
        url = open_office_database(args.db)
    except LoketError as exc:
        print(exc.message(i18n.current_language()), file=sys.stderr)
        return 2
    if args.lang:
        i18n.set_language(app, args.lang)
    from loket.admin.counter.window import CounterWindow

    window = CounterWindow(
        printer=args.printer,
        station=args.station,
        feed_url=url,
        heartbeat_ms=max(1000, round(args.heartbeat_seconds * 1000)),
        counter=args.counter,
        username=args.user,
    )
    window.closing.connect(app.quit)
    # Staff PCs: use the whole desktop (also where no window manager maximises for us).
    screen = window.screen()
    window.setGeometry(screen.availableGeometry() if screen else window.geometry())
    window.showMaximized()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
