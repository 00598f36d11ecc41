"""Which printer a printout goes to: one rule for every printout (ticket, receipt,
complaint slip, test page, reprint), so the kiosk, the counter app and every ``loket``
command agree. Light on purpose: a command decides (and refuses a mistyped address)
before it opens the database or loads the printing code.
"""

from __future__ import annotations

import os

from loket.models.config import data_dir
from loket.printing.uri import parse_uri

ENV_PRINTER = "LOKET_PRINTER"


def pdf_printer() -> str:
    """PDF copies in the data folder: the printer of an office without one."""
    return f"pdf://{data_dir() / 'pdf'}"


def default_printer() -> str:
    """``$LOKET_PRINTER``, else PDF copies in the data folder."""
    return os.environ.get(ENV_PRINTER, "").strip() or pdf_printer()


def choose_printer(
    option: str | None = None, *, no_print: bool = False, fallback: str | None = None
) -> str | None:
    """The printer for a printout: ``option`` (``--printer``), else ``$LOKET_PRINTER``,
    else ``fallback`` (a reprint: the job's own printer), else PDF copies in the data
    folder; None with ``no_print`` (``--no-print``).

    Raises :class:`~loket.printing.errors.PrinterUriError` — a usage mistake whose message
    lists the valid choices — when the chosen address is not a printer address."""
    if no_print:
        return None
    if option is not None:
        uri = option.strip()
    else:
        uri = os.environ.get(ENV_PRINTER, "").strip() or fallback or pdf_printer()
    parse_uri(uri)
    return uri
