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
    """Open and migrate the database at ``url`` (else ``$LOKET_DB`` or the default)."""
    from loket.models.config import resolve_url
    from loket.models.db import open_database
    from loket.models.schema import migrate

    resolved = resolve_url(url)
    db = open_database(resolved)
    migrate(db)
    return resolved


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
