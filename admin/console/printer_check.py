"""This PC's printer list (a small JSON file in the data folder), live status, test print.

Printers belong to a PC (the kiosk and counter apps take ``--printer`` or
``$LOKET_PRINTER``), so the list lives next to this PC's spool, not in the office
database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.config import data_dir
from loket.models.printouts.paper import (
    PrintOutcome,
    default_printer,
    spool_dir,
    test_layout,
)
from loket.models.printouts.printer_reports import report_once
from loket.printing.connections import open_connection
from loket.printing.errors import PrinterError
from loket.printing.jobs import print_job
from loket.printing.uri import parse_uri

FILE_NAME = "printers.json"


def list_path() -> Path:
    return data_dir() / FILE_NAME


def load_printers() -> list[str]:
    try:
        data = json.loads(list_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = []
    uris = [str(u) for u in data if isinstance(u, str)] if isinstance(data, list) else []
    return uris or [default_printer()]


def save_printers(uris: list[str]) -> None:
    path = list_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(uris, indent=1), encoding="utf-8")


def check_uri(uri: str) -> str:
    """The URI cleaned, or a :class:`PrinterError` saying what is wrong with it."""
    uri = uri.strip()
    parse_uri(uri)
    return uri


@dataclass(frozen=True)
class PrinterState:
    uri: str
    ok: bool
    known: bool
    problems: tuple[str, ...]
    message_id: str
    message_en: str


def printer_state(uri: str) -> PrinterState:
    """Ask the printer (DLE EOT, short timeouts); a printer that never answers is unknown."""
    try:
        with open_connection(parse_uri(uri)) as conn:
            status = conn.read_status()
    except PrinterError as exc:
        return PrinterState(uri, False, False, ("no_connection",), exc.message_id, exc.message_en)
    return PrinterState(
        uri,
        status.ok,
        status.known,
        tuple(p.name.lower() for p in status.problems),
        status.message("id", None),  # a status check: the printer's state, no visitor advice
        status.message("en", None),
    )


def test_print(uri: str, clock: Clock = SYSTEM_CLOCK, station: str | None = None) -> PrintOutcome:
    """A test ticket (A-000) with the office header; failures stay in the spool. What the
    printer said goes to the office's printer list (as this PC, role "admin")."""
    layout = test_layout(clock)
    result = print_job(uri, layout, spool_dir(), printout="test")  # not "your ticket is recorded"
    report_once("admin", uri, result, station, clock)
    return PrintOutcome.of(result, layout.qr_text)
