"""One staffing write (:class:`StaffingWrite`): the lock, lost heartbeats brought up to
date, the log entry and presence row of each change, the refusal to leave the front desk
unstaffed in service hours, and the gap check when the write ends.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from loket.models import rawsql
from loket.models import validation as check_input
from loket.models.clock import Clock
from loket.models.db import write_transaction
from loket.models.errors import IllegalTransition, NotFound
from loket.models.fields import to_micros
from loket.models.settings import load_settings
from loket.models.staffing import log as staffing_log
from loket.models.staffing.coverage import state_after
from loket.models.staffing.desk_state import Presence, is_stale, read_presences
from loket.models.staffing.gap_sync import reconcile
from loket.models.staffing.hours import HoursBook, load_book
from loket.models.staffing.log import LogEntry
from loket.models.staffing.presence import HEARTBEAT_TIMEOUT
from loket.models.staffing.reasons import Absence


class FrontDeskUncovered(IllegalTransition):
    code = "front_desk_uncovered"


def _set_presence(entry: LogEntry, heartbeat: dt.datetime) -> None:
    state = state_after(entry)
    rawsql.execute(
        "INSERT INTO counter_presence (counter_id, officer_id, status, since, last_heartbeat, "
        "event_seq) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (counter_id) DO UPDATE SET "
        "officer_id = excluded.officer_id, status = excluded.status, since = excluded.since, "
        "last_heartbeat = excluded.last_heartbeat, event_seq = excluded.event_seq",
        (
            entry.counter_id,
            state.officer_id,
            state.status,
            to_micros(entry.at),
            to_micros(heartbeat),
            entry.seq,
        ),
    )


def _log_state(
    kind: str,
    presence: Presence,
    officer_id: int | None,
    now: dt.datetime,
    book: HoursBook,
    absence: Absence | None = None,
    detail: dict[str, Any] | None = None,
    at: dt.datetime | None = None,
    heartbeat: dt.datetime | None = None,
) -> LogEntry:
    when = at or now
    entry = staffing_log.append(
        kind,
        when,
        now,
        book.local_day(when),
        counter_id=presence.counter_id,
        officer_id=officer_id,
        reason=absence.reason.code if absence else None,
        reference=absence.reference if absence else None,
        approved_by_id=absence.approved_by_id if absence else None,
        detail=detail,
    )
    _set_presence(entry, heartbeat or presence.last_heartbeat or now)
    return entry


def _log_losses(presences: list[Presence], now: dt.datetime, book: HoursBook) -> list[Presence]:
    """Write the lost heartbeats; returns the presences as they are afterwards."""
    updated = []
    for p in presences:
        if is_stale(p, now):
            assert p.last_heartbeat is not None
            at = p.last_heartbeat + HEARTBEAT_TIMEOUT
            entry = _log_state(
                "heartbeat_lost",
                p,
                p.officer_id,
                now,
                book,
                at=at,
                detail={"last_heartbeat": to_micros(p.last_heartbeat)},
            )
            p = Presence(
                p.counter_id,
                p.number,
                p.front_desk,
                p.active,
                "lost",
                p.officer_id,
                at,
                p.last_heartbeat,
                entry.seq,
            )
        updated.append(p)
    return updated


def _find(presences: list[Presence], number: int | str) -> Presence:
    value = check_input.positive_int(number, "Nomor loket", "Counter number", 1, 999)
    for p in presences:
        if p.number == value:
            return p
    raise NotFound(f"Loket {value} tidak ada", f"No counter {value}")


class StaffingWrite:
    """One staffing write: lock, bring lost heartbeats up to date, act, check gaps."""

    def __init__(self, clock: Clock) -> None:
        self.now = clock.now()
        self.settings = load_settings()
        self.book = load_book()
        self.changed = False

    def __enter__(self) -> StaffingWrite:
        self._tx = write_transaction()
        self._tx.__enter__()
        staffing_log.lock_log()
        self.presences = _log_losses(read_presences(), self.now, self.book)
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        try:
            if exc_type is None:
                reconcile(self.now, self.book, self.settings, self.changed)
        finally:
            self._tx.__exit__(exc_type, exc, tb)

    def counter(self, number: int | str) -> Presence:
        p = _find(self.presences, number)
        if not p.active:
            raise IllegalTransition(
                f"Loket {p.number} tidak aktif", f"Counter {p.number} is disabled"
            )
        return p

    def log(self, kind: str, p: Presence, officer_id: int | None, **extra: Any) -> LogEntry:
        self.changed = True
        return _log_state(kind, p, officer_id, self.now, self.book, heartbeat=self.now, **extra)

    def elsewhere(self, officer_id: int, counter_id: int) -> Presence | None:
        for p in self.presences:
            if p.officer_id == officer_id and p.counter_id != counter_id and p.status != "out":
                return p
        return None

    def guard(self, p: Presence, action_id: str, action_en: str) -> None:
        """Refuse leaving if the front desk would be uncovered in service hours."""
        if not (p.front_desk and p.status == "staffed"):
            return
        if not any(
            a <= self.now < b
            for a, b in self.book.windows("front_desk", self.book.local_day(self.now))
        ):
            return
        required = self.settings.front_desk_minimum
        staffed = [q for q in self.presences if q.front_desk and q.active and q.status == "staffed"]
        if len(staffed) - 1 >= required:
            return
        others = ", ".join(str(q.number) for q in staffed if q.counter_id != p.counter_id) or "-"
        raise FrontDeskUncovered(
            f"{action_id} ditolak: loket depan akan kosong pada jam layanan (loket depan lain yang "
            f"berjaga: {others}; minimal {required}). Minta petugas lain mengambil alih loket "
            "(serah terima), atau catat kode alasan dengan nomor rujukan (mis. rapat_diklat "
            "+ nomor undangan; dinas_luar + nomor SPT dan pemberi izin)",
            f"{action_en} refused: the front desk would be left unstaffed during service hours "
            f"(other front-desk counters staffed: {others}; at least {required} required). Ask "
            "another officer to take over the counter (handover), or record a reason code with "
            "a reference (e.g. rapat_diklat + invitation number; dinas_luar + SPT number and "
            "approver)",
        )
