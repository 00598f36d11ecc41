"""``loket-admin``: set-up, the live coverage board, reviews and reports for the office."""

from __future__ import annotations

import argparse
import logging
import sys


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="loket-admin", description="Loket admin app")
    parser.add_argument("--db", help="database URL (default: $LOKET_DB or the local file)")
    parser.add_argument("--lang", choices=("id", "en"), help="start language (default id)")
    parser.add_argument("--export-dir", help="folder for reports (default: the data folder)")
    parser.add_argument("--mute", action="store_true", help="no alarm sound for staffing gaps")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    from loket.kiosk.shell import i18n
    from loket.kiosk.shell.app import create_app, open_office_database
    from loket.models.errors import LoketError

    app = create_app(name="Loket Admin")
    try:
        url = open_office_database(args.db)
    except LoketError as exc:
        print(exc.message(i18n.current_language()), file=sys.stderr)
        return 2
    if args.lang:
        i18n.set_language(app, args.lang)
    from loket.admin.console.window import ConsoleWindow

    window = ConsoleWindow(
        feed_url=url, export_dir=args.export_dir, muted=args.mute, warm_reports=True
    )
    window.closing.connect(app.quit)
    # Staff PCs: use the whole desktop (also where no window manager maximises for us).
    screen = window.screen()
    window.setGeometry(screen.availableGeometry() if screen else window.geometry())
    window.showMaximized()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
