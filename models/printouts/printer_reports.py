"""Every PC's printers in the office database, so a fault reaches the admin's live board.

The kiosk and the counter app report their printer after every job and on a status
check every ~30 s (:class:`PrinterWatch`, run on their print thread); a test print
from the admin app and ``loket print status`` report too. A report only writes (and
publishes "printers") when something changed or the row is a minute old — a
heartbeat — so printing a ticket does not wake every admin board.

A station that reports on its own (kiosk, counter app) and has not done so for five
minutes is *stale*: the app, its PC or its network is gone, and nobody knows whether
its printer works. The messages are the printer's own (``loket.printing.status``).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from dataclasses import dataclass

from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import write_transaction
from loket.models.errors import InvalidInput, LoketError
from loket.models.tables.printers import PrinterReport
from loket.printing.status import BLOCKING, PrinterStatus, Problem

log = logging.getLogger(__name__)

ENV_STATION = "LOKET_STATION"
ROLES = ("kiosk", "counter", "admin", "cli")
# These run all day and report on their own; admin and cli report only when asked.
REPORTING_ROLES = frozenset({"kiosk", "counter"})
ROLE_NAMES = {
    "kiosk": ("kios", "kiosk"),
    "counter": ("loket", "counter"),
    "admin": ("admin", "admin"),
    "cli": ("CLI", "CLI"),
}
HEARTBEAT = dt.timedelta(seconds=60)
STALE_AFTER = dt.timedelta(minutes=5)
RED = "red"
AMBER = "amber"


def station_name(explicit: str | None = None) -> str:
    """This PC's name on the office list: ``--station``, ``$LOKET_STATION``, the host name."""
    name = (explicit or os.environ.get(ENV_STATION) or socket.gethostname() or "").strip()
    return name[:80] or "?"


def first_sentence(text: str) -> str:
    """The printer's own message without the advice a visitor gets after it."""
    head, dot, _rest = text.partition(". ")
    return head + "." if dot else text


@dataclass(frozen=True)
class ReportedPrinter:
    station: str
    role: str
    uri: str
    ok: bool
    known: bool
    problems: tuple[str, ...]
    message_id: str
    message_en: str
    pending: int
    active: bool  # the station's app is running and reports on its own
    updated_at: dt.datetime
    age_seconds: float

    @property
    def stale(self) -> bool:
        """Expected to report, yet silent for more than five minutes: state unknown."""
        return self.active and self.role in REPORTING_ROLES and self.age_seconds > _STALE_SECONDS

    @property
    def severity(self) -> str | None:
        """ "red" (a ticket cannot print, or nobody knows), "amber" (a warning), else None."""
        if self.stale or any(Problem(p) in BLOCKING for p in self.problems if p in _VALUES):
            return RED
        if self.problems or not self.ok:
            return AMBER
        return None

    @property
    def shown_on_board(self) -> bool:
        if self.severity is None:
            return False
        # A one-off check (admin, CLI) is news for a few minutes; a closed kiosk is none.
        return self.active or (
            self.role not in REPORTING_ROLES and self.age_seconds <= _STALE_SECONDS
        )

    def who(self) -> tuple[str, str]:
        """("Printer kios LOBI-1", "Printer kiosk LOBI-1")."""
        role_id, role_en = ROLE_NAMES.get(self.role, (self.role, self.role))
        return f"Printer {role_id} {self.station}", f"Printer {role_en} {self.station}"

    def status_text(self, zone: dt.tzinfo) -> tuple[str, str]:
        """What is wrong (or "ready") in a few words, Indonesian and English."""
        if self.stale:
            seen = self.updated_at.astimezone(zone).strftime("%H:%M")
            return (
                f"tidak diketahui, tidak terlihat sejak {seen}",
                f"unknown, not seen since {seen}",
            )
        return first_sentence(self.message_id), first_sentence(self.message_en)

    def waiting_text(self) -> tuple[str, str] | None:
        if not self.pending:
            return None
        return (
            f"{self.pending} tiket menunggu dicetak",
            f"{self.pending} ticket{'s' if self.pending != 1 else ''} waiting to print",
        )

    def board_line(self, zone: dt.tzinfo) -> tuple[str, str]:
        """The banner line: who, what, and what waits."""
        (who_id, who_en), (what_id, what_en) = self.who(), self.status_text(zone)
        line_id, line_en = f"{who_id}: {what_id}", f"{who_en}: {what_en}"
        waiting = self.waiting_text()
        if waiting:
            line_id, line_en = f"{line_id} — {waiting[0]}", f"{line_en} — {waiting[1]}"
        return line_id, line_en


_VALUES = frozenset(p.value for p in Problem)
_STALE_SECONDS = STALE_AFTER.total_seconds()


def _status_of(status_or_result: object) -> PrinterStatus:
    if isinstance(status_or_result, PrinterStatus):
        return status_or_result
    status = getattr(status_or_result, "status", None)  # a printing.jobs.PrintResult
    if isinstance(status, PrinterStatus):
        return status
    raise TypeError(f"not a printer status: {status_or_result!r}")


def _check_fields(station: str, role: str, uri: str) -> tuple[str, str, str]:
    station, uri = station.strip()[:80], uri.strip()
    if not station or not uri or len(uri) > 255:
        raise InvalidInput("Stasiun dan URI printer wajib diisi", "Station and URI are required")
    if role not in ROLES:
        raise InvalidInput(f"Peran tidak dikenal: {role}", f"Unknown role: {role}")
    return station, role, uri


def report_printer(
    station: str,
    role: str,
    uri: str,
    status_or_result: PrinterStatus | object,
    pending: int,
    *,
    active: bool | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> bool:
    """Upsert the (station, uri) row; True when it was written (and "printers" published).

    ``status_or_result``: a :class:`PrinterStatus` or a ``PrintResult``. ``active``:
    True from a running kiosk/counter app, False when it closes, None (a one-off check)
    keeps what the row said.
    """
    station, role, uri = _check_fields(station, role, uri)
    status = _status_of(status_or_result)
    now = clock.now()
    problems = ",".join(p.value for p in status.problems)
    row = PrinterReport.get_or_none((PrinterReport.station == station) & (PrinterReport.uri == uri))
    if row is not None and active is None:
        active = row.active
        if row.active and role not in REPORTING_ROLES:
            role = row.role  # a test print on the kiosk PC does not make it "admin"
    values = {
        "role": role,
        "ok": status.ok,
        "known": status.known,
        "problems": problems,
        "pending": max(0, int(pending)),
        "active": bool(active),
    }
    if (
        row is not None
        and all(getattr(row, key) == value for key, value in values.items())
        and now - row.updated_at < HEARTBEAT
    ):
        return False
    values |= {
        "message_id": status.message("id"),
        "message_en": status.message("en"),
        "updated_at": now,
    }
    with write_transaction():
        PrinterReport.insert(station=station, uri=uri, **values).on_conflict(
            conflict_target=[PrinterReport.station, PrinterReport.uri],
            update={getattr(PrinterReport, key): value for key, value in values.items()},
        ).execute()
        publish("printers")
    return True


def station_closed(station: str, uri: str) -> None:
    """The station's app closed on purpose: its silence from now on is no alarm."""
    with write_transaction():
        changed = (
            PrinterReport.update(active=False)
            .where(
                (PrinterReport.station == station.strip())
                & (PrinterReport.uri == uri.strip())
                & PrinterReport.active
            )
            .execute()
        )
        if changed:
            publish("printers")


def forget_printer(station: str, uri: str) -> bool:
    """Drop a row from the office list (a PC or printer taken out of service)."""
    with write_transaction():
        gone = (
            PrinterReport.delete()
            .where((PrinterReport.station == station) & (PrinterReport.uri == uri))
            .execute()
        )
        if gone:
            publish("printers")
    return bool(gone)


def list_printers(clock: Clock = SYSTEM_CLOCK) -> list[ReportedPrinter]:
    """Every reported printer, by station then URI."""
    now = clock.now()
    rows = PrinterReport.select().order_by(PrinterReport.station, PrinterReport.uri)
    return [
        ReportedPrinter(
            station=row.station,
            role=row.role,
            uri=row.uri,
            ok=row.ok,
            known=row.known,
            problems=tuple(p for p in row.problems.split(",") if p),
            message_id=row.message_id,
            message_en=row.message_en,
            pending=row.pending,
            active=row.active,
            updated_at=row.updated_at,
            age_seconds=max(0.0, (now - row.updated_at).total_seconds()),
        )
        for row in rows
    ]


def printer_faults(clock: Clock = SYSTEM_CLOCK) -> list[ReportedPrinter]:
    """What the live board must show: faults and stale stations, red ones first."""
    faults = [p for p in list_printers(clock) if p.shown_on_board]
    return sorted(faults, key=lambda p: (p.severity != RED, p.station, p.uri))


# ---- this PC's side: what the kiosk and counter app run on their print thread


def pending_for(uri: str) -> int:
    """Jobs for ``uri`` waiting in this PC's spool."""
    from loket.models.printouts.paper import pending_jobs

    return sum(1 for job in pending_jobs() if job.uri == uri)


def status_of_outcome(outcome: object) -> PrinterStatus:
    """The printer's state after a job (a ``PrintOutcome``): what the printer itself said,
    else the problems the job left in the spool, else ready when it printed."""
    from loket.models.printouts.paper import spool_dir
    from loket.printing.spool import Spool

    said = getattr(outcome, "status", None)
    if isinstance(said, PrinterStatus) and (said.known or said.problems):
        return said
    if not getattr(outcome, "pending", False):
        return PrinterStatus(ok=True)
    try:
        spooled = Spool(spool_dir()).get(str(getattr(outcome, "job_id", "")))
        problems = tuple(Problem(p) for p in spooled.problems if p in _VALUES)
    except (KeyError, OSError, ValueError):
        problems = ()
    if not problems:
        printed = getattr(outcome, "printed", False)
        problems = (Problem.UNKNOWN if printed else Problem.NO_CONNECTION,)
    return PrinterStatus(ok=all(p is Problem.PAPER_NEAR_END for p in problems), problems=problems)


def read_printer(uri: str) -> PrinterStatus:
    """Ask the printer (DLE EOT, short timeouts). A transport that cannot answer status
    (PDF folder, CUPS queue) and opens fine counts as ready, as it does for a job."""
    from loket.printing.connections import open_connection
    from loket.printing.errors import PrinterError
    from loket.printing.uri import parse_uri

    try:
        with open_connection(parse_uri(uri)) as conn:
            return conn.read_status() if conn.supports_status else PrinterStatus(ok=True)
    except PrinterError:
        return PrinterStatus.unreachable()


def report_once(
    role: str,
    uri: str,
    status_or_result: PrinterStatus | object,
    station: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> bool:
    """A one-off report (a test print, ``loket print status``): never raises; False when
    nothing was written (unchanged, or the database could not take it)."""
    try:
        return report_printer(
            station_name(station), role, uri, status_or_result, pending_for(uri), clock=clock
        )
    except LoketError as refused:  # e.g. an address the list cannot hold: not worth a trace
        log.info("printer report from %s not written: %s", role, refused)
        return False
    except Exception:
        log.warning("printer report from %s failed", role, exc_info=True)
        return False


class PrinterWatch:
    """One app's printer, reported to the office list. Every method swallows its errors:
    a report that cannot be written (database down) must never stop a ticket printing.
    Call it from the print thread only — a status check can take a few seconds."""

    def __init__(
        self,
        role: str,
        uri: str | None = None,
        station: str | None = None,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        self.role = role
        self._uri = uri
        self.station = station_name(station)
        self.clock = clock

    @property
    def uri(self) -> str:
        # Resolved on first use, on the print thread: the default needs the printing code.
        if self._uri is None:
            from loket.models.printouts.paper import default_printer

            self._uri = default_printer()
        return self._uri

    def _report(self, status: PrinterStatus) -> None:
        report_printer(
            self.station,
            self.role,
            self.uri,
            status,
            pending_for(self.uri),
            active=True,
            clock=self.clock,
        )

    def after_job(self, outcome: object) -> None:
        """After a print job: ``outcome`` is its ``PrintOutcome`` (anything else is ignored)."""
        if not hasattr(outcome, "job_id") or not hasattr(outcome, "pending"):
            return
        try:
            self._report(status_of_outcome(outcome))
        except Exception:  # the database may be down; printing goes on
            log.warning("printer report after a job failed", exc_info=True)

    def check(self) -> None:
        """The periodic status check: ask the printer, report what it said."""
        try:
            self._report(read_printer(self.uri))
        except Exception:
            log.warning("periodic printer report failed", exc_info=True)

    def closed(self) -> None:
        try:
            station_closed(self.station, self.uri)
        except Exception:
            log.warning("printer report on closing failed", exc_info=True)
