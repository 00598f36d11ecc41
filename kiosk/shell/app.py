"""The one QApplication of a Loket program, and the office database it works on."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from loket.kiosk.shell import i18n

ORGANISATION = "Loket"
DEFAULT_POINT_SIZE = 13


def create_app(argv: list[str] | None = None, name: str = "Loket") -> QApplication:
    """The running QApplication, created on first call with a readable font and language."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName(name)
    app.setOrganizationName(ORGANISATION)
    font = QFont(app.font())
    font.setPointSize(max(font.pointSize(), DEFAULT_POINT_SIZE))
    app.setFont(font)
    i18n.set_language(app, i18n.saved_language())
    return app


def open_office_database(url: str | None) -> str:
    """Open and migrate the database at ``url`` (else ``$LOKET_DB`` or the default).

    Refuses (LoketError) a path or server with no Loket database (``loket init`` makes
    one) and a database made by a newer Loket. A SQLite file is made private and
    quick-checked in the background: writes wait until the check passes and are refused,
    in both languages, when the file is damaged.
    """
    import logging

    from loket.models.storage import open_guarded

    opened = open_guarded(url, check="background")
    for line in opened.warnings:
        logging.getLogger(__name__).warning("%s", line)
    return opened.url


def printer_problem(uri: str | None) -> str | None:
    """Why the printer named by ``--printer`` (else ``$LOKET_PRINTER``) cannot be used, in
    both languages; None when it is a valid address or none is given (PDF copies)."""
    import os

    from loket.models.printouts.paper import ENV_PRINTER
    from loket.printing.errors import PrinterError
    from loket.printing.uri import parse_uri

    chosen = uri or os.environ.get(ENV_PRINTER)
    if not chosen:
        return None
    try:
        parse_uri(chosen)
    except PrinterError as exc:
        return f"{exc.message_id}\n{exc.message_en}"
    return None
