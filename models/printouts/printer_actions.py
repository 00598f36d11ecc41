"""Printers as the admin manages them: role-checked and audited
(:mod:`loket.models.office.audited_change`)."""

from __future__ import annotations

from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import NotFound
from loket.models.office.audited_change import act
from loket.models.office.auth import Session
from loket.models.printouts import printer_reports


def forget_printer(session: Session, station: str, uri: str, clock: Clock = SYSTEM_CLOCK) -> bool:
    """Take a printer (or a retired PC's printer) off the office list and the live board.
    A station still running reports it again at its next check."""

    def change() -> bool:
        if not printer_reports.forget_printer(station, uri):
            raise NotFound(
                f"Printer {uri} di {station} tidak ada di daftar",
                f"No printer {uri} at {station} on the list",
            )
        return True

    return act(session, "printer_forget", f"{station} {uri}", {}, change, clock=clock)
