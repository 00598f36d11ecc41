"""The staffing guard: sign-in, heartbeat, break, resume, handover, sign-out, and the
gap check that the apps and the CLI call (``check``).

A counter is staffed when a signed-in officer, not on break, has a heartbeat younger
than 60 s; the front desk is covered when at least ``front_desk_minimum`` front-desk
counters are staffed. A break or sign-out that would uncover the front desk during
service hours is refused unless the officer records a reason (see
``staffing_reasons``); a handover keeps the counter staffed without a gap. Every
write runs :func:`check`, which logs lost heartbeats, opens and closes gaps in the log
and escalates them, and publishes ``staffing`` on the change feed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from loket.models import rawsql
from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import write_transaction
from loket.models.errors import IllegalTransition, NotFound
from loket.models.fields import from_micros, to_micros
from loket.models.services import staffing_log
from loket.models.services import validation as check_input
from loket.models.services.coverage import (
    CAUSES,
    CounterMeta,
    DayCoverage,
    replay_day,
    state_after,
)
from loket.models.services.office import OfficeSettings, load_settings
from loket.models.services.presence import HEARTBEAT_TIMEOUT, staffed_counter_ids
from loket.models.services.service_hours import HoursBook, load_book
from loket.models.services.staff import authenticate_pin
from loket.models.services.staffing_log import LogEntry
from loket.models.services.staffing_reasons import Absence, check_absence, reason_name

ESCALATION_SETTING = "staffing_escalation_minutes"
DEFAULT_ESCALATION_MINUTES = 10


class FrontDeskUncovered(IllegalTransition):
    code = "front_desk_uncovered"


class NotSignedIn(IllegalTransition):
    code = "not_signed_in"


# ── what the apps get back ───────────────────────────────────────────────────────


@dataclass(frozen=True)
class FrontDeskStatus:
    """Is the front desk covered right now, and if not since when and why."""

    covered: bool
    in_service_hours: bool
    staffed_counters: tuple[int, ...]  # counter numbers
    required: int
    gap_cause: str | None
    gap_since: dt.datetime | None
    gap_reason: str | None
    gap_reference: str | None
    escalated: bool
    uncovered_since: dt.datetime | None
    escalate_at: dt.datetime | None
    checked_at: dt.datetime

    def message(self, language: str = "id") -> str:
        """One line for the kiosk banner, the counter app and the admin board."""
        en = language == "en"
        if not self.in_service_hours:
            return "Outside service hours" if en else "Di luar jam layanan"
        if self.covered:
            numbers = ", ".join(str(n) for n in self.staffed_counters)
            return (
                f"Front desk staffed (counter {numbers})"
                if en
                else f"Loket depan dijaga (loket {numbers})"
            )
        cause = CAUSES.get(self.gap_cause or "", ("", ""))[1 if en else 0]
        text = f"Front desk unstaffed: {cause}" if en else f"Loket depan kosong: {cause}"
        if self.gap_reason:
            text += f" ({reason_name(self.gap_reason, language)}"
            text += f", {self.gap_reference})" if self.gap_reference else ")"
        if self.escalated:
            text += " — reported to the head" if en else " — dilaporkan ke kepala"
        return text

    def as_json(self, zone: dt.tzinfo) -> dict[str, Any]:
        def stamp(value: dt.datetime | None) -> str | None:
            return value.astimezone(zone).isoformat() if value else None

        return {
            "covered": self.covered,
            "in_service_hours": self.in_service_hours,
            "staffed_counters": list(self.staffed_counters),
            "required": self.required,
            "gap_cause": self.gap_cause,
            "gap_since": stamp(self.gap_since),
            "gap_reason": self.gap_reason,
            "gap_reference": self.gap_reference,
            "escalated": self.escalated,
            "uncovered_since": stamp(self.uncovered_since),
            "escalate_at": stamp(self.escalate_at),
            "checked_at": stamp(self.checked_at),
            "message_id": self.message("id"),
            "message_en": self.message("en"),
        }


@dataclass(frozen=True)
class CounterStaffing:
    """One counter on the admin board."""

    number: int
    name: str
    front_desk: bool
    active: bool
    status: str  # out | staffed | break | lost
    officer: str | None
    officer_name: str | None
    since: dt.datetime | None
    heartbeat_age_seconds: float | None
    serving: str | None  # ticket label being called or served
    reason: str | None
    reference: str | None

    @property
    def staffed(self) -> bool:
        return self.status == "staffed"

    @property
    def on_break(self) -> bool:
        return self.status == "break"

    def as_json(self, zone: dt.tzinfo) -> dict[str, Any]:
        return {
            "number": self.number,
            "name": self.name,
            "front_desk": self.front_desk,
            "active": self.active,
            "status": self.status,
            "staffed": self.staffed,
            "on_break": self.on_break,
            "officer": self.officer,
            "officer_name": self.officer_name,
            "since": self.since.astimezone(zone).isoformat() if self.since else None,
            "heartbeat_age_seconds": (
                round(self.heartbeat_age_seconds, 1)
                if self.heartbeat_age_seconds is not None
                else None
            ),
            "serving": self.serving,
            "reason": self.reason,
            "reference": self.reference,
        }


# ── reading state ────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class _Presence:
    counter_id: int
    number: int
    front_desk: bool
    active: bool
    status: str
    officer_id: int | None
    since: dt.datetime | None
    last_heartbeat: dt.datetime | None
    event_seq: int | None


def escalation_delay() -> dt.timedelta:
    row = rawsql.fetch_one("SELECT value FROM setting WHERE key = ?", (ESCALATION_SETTING,))
    minutes = int(row[0]) if row and str(row[0]).isdigit() else DEFAULT_ESCALATION_MINUTES
    return dt.timedelta(minutes=minutes)


def set_escalation_delay(minutes: int | str) -> dt.timedelta:
    value = check_input.positive_int(
        minutes, "Tunda eskalasi (menit)", "Escalation delay (minutes)", 1, 24 * 60
    )
    with write_transaction():
        rawsql.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (ESCALATION_SETTING, str(value)),
        )
        publish("settings")
    return dt.timedelta(minutes=value)


_PRESENCE = (
    "SELECT c.id, c.number, c.front_desk, c.active, p.status, p.officer_id, p.since, "
    "p.last_heartbeat, p.event_seq FROM counter c "
    "LEFT JOIN counter_presence p ON p.counter_id = c.id ORDER BY c.number"
)


def _presences() -> list[_Presence]:
    return [
        _Presence(
            cid,
            number,
            bool(front),
            bool(active),
            status or "out",
            officer,
            from_micros(since) if since is not None else None,
            from_micros(beat) if beat is not None else None,
            seq,
        )
        for cid, number, front, active, status, officer, since, beat, seq in rawsql.fetch_all(
            _PRESENCE
        )
    ]


def _stale(p: _Presence, now: dt.datetime) -> bool:
    return (
        p.status == "staffed"
        and p.last_heartbeat is not None
        and now - p.last_heartbeat >= HEARTBEAT_TIMEOUT
    )


def _pending_losses(
    presences: list[_Presence], now: dt.datetime, book: HoursBook
) -> list[LogEntry]:
    """Lost heartbeats not logged yet, as the entries :func:`check` will write."""
    pending = []
    for p in presences:
        if _stale(p, now):
            assert p.last_heartbeat is not None
            at = p.last_heartbeat + HEARTBEAT_TIMEOUT
            pending.append(
                LogEntry(
                    2**62,
                    at,
                    now,
                    book.local_day(at),
                    "heartbeat_lost",
                    p.counter_id,
                    p.officer_id,
                    None,
                    None,
                    None,
                )
            )
    return pending


def _counter_metas(presences: list[_Presence]) -> list[CounterMeta]:
    return [CounterMeta(p.counter_id, p.number, p.front_desk, p.active) for p in presences]


def replay(
    day: dt.date,
    until: dt.datetime,
    book: HoursBook,
    settings: OfficeSettings,
    counters: list[CounterMeta],
    extra: list[LogEntry] | None = None,
) -> tuple[DayCoverage, list[LogEntry]]:
    """Coverage of ``day`` up to ``until`` and the day's log entries."""
    bounds = book.day_bounds(day)
    starts = {
        e.counter_id: state_after(e) for e in staffing_log.states_before(bounds[0]) if e.counter_id
    }
    entries = staffing_log.entries_for_days(day, day)
    state_entries = [e for e in entries if e.kind in staffing_log.STATE_KINDS]
    state_entries += extra or []
    groups = ("front_desk", "other")
    coverage = replay_day(
        day,
        bounds,
        until,
        {g: book.windows(g, day) for g in groups},
        {g: book.span(g, day) for g in groups},
        counters,
        starts,
        state_entries,
        settings.front_desk_minimum,
    )
    return coverage, entries


def _status_from(
    coverage: DayCoverage,
    presences: list[_Presence],
    now: dt.datetime,
    delay: dt.timedelta,
) -> FrontDeskStatus:
    numbers = {p.counter_id: p.number for p in presences}
    gap = coverage.open_gap
    since = coverage.uncovered_since
    escalate_at = since + delay if since else None
    return FrontDeskStatus(
        covered=gap is None,
        in_service_hours=coverage.in_service_at_end,
        staffed_counters=tuple(sorted(numbers[c] for c in coverage.staffed_at_end)),
        required=coverage.required,
        gap_cause=gap.cause if gap else None,
        gap_since=gap.start if gap else None,
        gap_reason=gap.reason if gap else None,
        gap_reference=gap.reference if gap else None,
        escalated=bool(escalate_at and now >= escalate_at),
        uncovered_since=since,
        escalate_at=escalate_at,
        checked_at=now,
    )


def front_desk_status(clock: Clock = SYSTEM_CLOCK) -> FrontDeskStatus:
    """The front desk right now; reads only (lost heartbeats are counted, not logged)."""
    now = clock.now()
    settings = load_settings()
    book = load_book()
    presences = _presences()
    coverage, _ = replay(
        book.local_day(now),
        now,
        book,
        settings,
        _counter_metas(presences),
        _pending_losses(presences, now, book),
    )
    return _status_from(coverage, presences, now, escalation_delay())


_BOARD = (
    "SELECT c.number, c.name, c.front_desk, c.active, p.status, p.since, p.last_heartbeat, "
    "s.username, s.full_name, e.reason, e.reference FROM counter c "
    "LEFT JOIN counter_presence p ON p.counter_id = c.id "
    "LEFT JOIN staff s ON s.id = p.officer_id "
    "LEFT JOIN staffing_event e ON e.seq = p.event_seq ORDER BY c.number"
)
_SERVING = (
    "SELECT c.number, t.label FROM ticket t JOIN counter c ON c.id = t.counter_id "
    "WHERE t.status IN ('called', 'serving') ORDER BY t.called_at"
)


def counter_states(clock: Clock = SYSTEM_CLOCK) -> list[CounterStaffing]:
    """Every counter for the admin board: officer, since, break, heartbeat age, ticket."""
    now = clock.now()
    serving = dict(rawsql.fetch_all(_SERVING))
    result = []
    for number, name, front, active, status, since, beat, user, full, why, ref in rawsql.fetch_all(
        _BOARD
    ):
        status = status or "out"
        beat_at = from_micros(beat) if beat is not None else None
        since_at = from_micros(since) if since is not None else None
        if status == "staffed" and beat_at and now - beat_at >= HEARTBEAT_TIMEOUT:
            status, since_at = "lost", beat_at + HEARTBEAT_TIMEOUT
        officer = user if status != "out" else None
        result.append(
            CounterStaffing(
                number=number,
                name=name,
                front_desk=bool(front),
                active=bool(active),
                status=status,
                officer=officer,
                officer_name=full if officer else None,
                since=since_at,
                heartbeat_age_seconds=(now - beat_at).total_seconds()
                if beat_at and officer
                else None,
                serving=serving.get(number),
                reason=why if status in ("break", "out") else None,
                reference=ref if status in ("break", "out") else None,
            )
        )
    return result


def counter_state(number: int | str, clock: Clock = SYSTEM_CLOCK) -> CounterStaffing:
    value = check_input.positive_int(number, "Nomor loket", "Counter number", 1, 999)
    for state in counter_states(clock):
        if state.number == value:
            return state
    raise NotFound(f"Loket {value} tidak ada", f"No counter {value}")


# ── writing ──────────────────────────────────────────────────────────────────────


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
    presence: _Presence,
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


def _log_losses(presences: list[_Presence], now: dt.datetime, book: HoursBook) -> list[_Presence]:
    """Write the lost heartbeats; returns the presences as they are afterwards."""
    updated = []
    for p in presences:
        if _stale(p, now):
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
            p = _Presence(
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


def _find(presences: list[_Presence], number: int | str) -> _Presence:
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
        self.presences = _log_losses(_presences(), self.now, self.book)
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        try:
            if exc_type is None:
                _reconcile(self.now, self.book, self.settings, self.changed)
        finally:
            self._tx.__exit__(exc_type, exc, tb)

    def counter(self, number: int | str) -> _Presence:
        p = _find(self.presences, number)
        if not p.active:
            raise IllegalTransition(
                f"Loket {p.number} tidak aktif", f"Counter {p.number} is disabled"
            )
        return p

    def log(self, kind: str, p: _Presence, officer_id: int | None, **extra: Any) -> LogEntry:
        self.changed = True
        return _log_state(kind, p, officer_id, self.now, self.book, heartbeat=self.now, **extra)

    def elsewhere(self, officer_id: int, counter_id: int) -> _Presence | None:
        for p in self.presences:
            if p.officer_id == officer_id and p.counter_id != counter_id and p.status != "out":
                return p
        return None

    def guard(self, p: _Presence, action_id: str, action_en: str) -> None:
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


def _not_signed_in(p: _Presence) -> NotSignedIn:
    return NotSignedIn(
        f"Tidak ada petugas yang masuk di loket {p.number}; masuk dulu (sign-in)",
        f"Nobody is signed in at counter {p.number}; sign in first",
    )


def sign_in(
    number: int | str, username: str, pin: str, clock: Clock = SYSTEM_CLOCK
) -> CounterStaffing:
    officer = authenticate_pin(username, pin)  # slow on purpose: outside the lock
    with StaffingWrite(clock) as w:
        p = w.counter(number)
        officer_id = _staff_id(officer.username)
        other = w.elsewhere(officer_id, p.counter_id)
        if other is not None and other.status != "lost":
            raise IllegalTransition(
                f"{officer.username} masih masuk di loket {other.number}; keluar dulu dari sana "
                "atau minta serah terima",
                f"{officer.username} is still signed in at counter {other.number}; sign out "
                "there first or hand it over",
            )
        if other is not None:  # the old PC died: close that counter first
            w.log("sign_out", other, officer_id, detail={"moved_to": p.number})
        if p.status in ("staffed", "break", "lost") and p.officer_id not in (None, officer_id):
            if p.status != "lost":
                holder = _username(p.officer_id)
                raise IllegalTransition(
                    f"Loket {p.number} sedang dijaga oleh {holder}; gunakan serah terima (handover)",
                    f"Counter {p.number} is held by {holder}; use a handover",
                )
            w.log("sign_out", p, p.officer_id, detail={"replaced_by": officer.username})
            w.log("sign_in", p, officer_id)
        elif p.officer_id == officer_id and p.status == "staffed":
            _beat(p, w.now)
        elif p.officer_id == officer_id and p.status == "break":
            w.log("resume", p, officer_id)
        else:
            w.log("sign_in", p, officer_id)
    return counter_state(number, clock)


def _beat(p: _Presence, now: dt.datetime) -> None:
    rawsql.execute(
        "UPDATE counter_presence SET last_heartbeat = ? WHERE counter_id = ?",
        (to_micros(now), p.counter_id),
    )


def heartbeat(number: int | str, clock: Clock = SYSTEM_CLOCK) -> CounterStaffing:
    """The counter app is alive (call every 10–20 s while it is open)."""
    value = check_input.positive_int(number, "Nomor loket", "Counter number", 1, 999)
    now = clock.now()
    # The common case changes no state: one UPDATE, no lock on the log, no replay.
    beat = rawsql.execute(
        "UPDATE counter_presence SET last_heartbeat = ? WHERE status IN ('staffed', 'break') "
        "AND last_heartbeat > ? AND counter_id = (SELECT id FROM counter WHERE number = ?)",
        (to_micros(now), to_micros(now - HEARTBEAT_TIMEOUT), value),
    )
    if beat.rowcount == 1:
        return counter_state(value, clock)
    with StaffingWrite(clock) as w:
        p = w.counter(number)
        if p.status == "out":
            raise _not_signed_in(p)
        if p.status == "lost":
            w.log("heartbeat_restored", p, p.officer_id)
        else:
            _beat(p, w.now)
    return counter_state(number, clock)


def start_break(
    number: int | str,
    reason: str | None = None,
    reference: str | None = None,
    approved_by: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> CounterStaffing:
    with StaffingWrite(clock) as w:
        p = w.counter(number)
        if p.status == "out":
            raise _not_signed_in(p)
        if p.status == "break":
            raise IllegalTransition(
                f"Loket {p.number} sudah istirahat", f"Counter {p.number} is already on break"
            )
        absence = check_absence(reason, reference, approved_by, p.officer_id) if reason else None
        if absence is None:
            w.guard(p, "Istirahat", "Break")
        w.log("break", p, p.officer_id, absence=absence)
    return counter_state(number, clock)


def resume(number: int | str, clock: Clock = SYSTEM_CLOCK) -> CounterStaffing:
    with StaffingWrite(clock) as w:
        p = w.counter(number)
        if p.status != "break":
            raise IllegalTransition(
                f"Loket {p.number} tidak sedang istirahat", f"Counter {p.number} is not on break"
            )
        w.log("resume", p, p.officer_id)
    return counter_state(number, clock)


def sign_out(
    number: int | str,
    reason: str | None = None,
    reference: str | None = None,
    approved_by: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> CounterStaffing:
    with StaffingWrite(clock) as w:
        p = w.counter(number)
        if p.status == "out":
            raise _not_signed_in(p)
        absence = check_absence(reason, reference, approved_by, p.officer_id) if reason else None
        if absence is None and p.status == "break" and p.event_seq:
            absence = _break_absence(p.event_seq)  # leaving from a break keeps its reason
        if absence is None:
            w.guard(p, "Keluar", "Sign-out")
        w.log("sign_out", p, p.officer_id, absence=absence)
    return counter_state(number, clock)


def handover(
    number: int | str, to_username: str, pin: str, clock: Clock = SYSTEM_CLOCK
) -> CounterStaffing:
    """Another officer takes the counter over with their PIN: no gap in between."""
    officer = authenticate_pin(to_username, pin)
    with StaffingWrite(clock) as w:
        p = w.counter(number)
        officer_id = _staff_id(officer.username)
        if p.status == "out":
            raise IllegalTransition(
                f"Tidak ada petugas di loket {p.number} untuk diserahterimakan; masuk (sign-in) saja",
                f"Nobody is at counter {p.number} to hand over from; just sign in",
            )
        if p.officer_id == officer_id:
            raise IllegalTransition(
                f"{officer.username} sudah menjaga loket {p.number}",
                f"{officer.username} already holds counter {p.number}",
            )
        other = w.elsewhere(officer_id, p.counter_id)
        if other is not None and other.status != "lost":
            raise IllegalTransition(
                f"{officer.username} masih masuk di loket {other.number}; keluar dulu dari sana",
                f"{officer.username} is still signed in at counter {other.number}; sign out there first",
            )
        if other is not None:
            w.log("sign_out", other, officer_id, detail={"moved_to": p.number})
        w.log(
            "handover",
            p,
            officer_id,
            detail={"from": p.officer_id, "from_username": _username(p.officer_id)},
        )
    return counter_state(number, clock)


def check(clock: Clock = SYSTEM_CLOCK) -> FrontDeskStatus:
    """Log lost heartbeats, open/close/escalate gaps, publish; the apps' tick."""
    with StaffingWrite(clock):
        pass
    return front_desk_status(clock)


def _staff_id(username: str) -> int:
    row = rawsql.fetch_one("SELECT id FROM staff WHERE username = ?", (username,))
    if row is None:
        raise NotFound(f"Petugas '{username}' tidak ada", f"No staff member '{username}'")
    return int(row[0])


def _username(staff_id: int | None) -> str:
    if staff_id is None:
        return "-"
    row = rawsql.fetch_one("SELECT username FROM staff WHERE id = ?", (staff_id,))
    return str(row[0]) if row else f"#{staff_id}"


def _break_absence(seq: int) -> Absence | None:
    row = rawsql.fetch_one(
        "SELECT reason, reference, approved_by_id FROM staffing_event WHERE seq = ? AND kind = 'break'",
        (seq,),
    )
    if row is None or row[0] is None:
        return None
    from loket.models.services.staffing_reasons import REASONS

    code = REASONS.get(row[0])
    if code is None:
        return None
    return Absence(code, row[1], row[2], _username(row[2]) if row[2] else None)


# ── gap bookkeeping ──────────────────────────────────────────────────────────────


def _reconcile(now: dt.datetime, book: HoursBook, settings: OfficeSettings, changed: bool) -> None:
    """Make the log's gap entries match the replayed day; escalate; publish."""
    today = book.local_day(now)
    counters = _counter_metas(_presences())
    logged = changed
    for day in _days_with_open_gaps(today):
        coverage, entries = replay(day, book.day_bounds(day)[1], book, settings, counters)
        logged |= _sync_gaps(coverage, entries, now, book, None)
    coverage, entries = replay(today, now, book, settings, counters)
    logged |= _sync_gaps(coverage, entries, now, book, escalation_delay())
    if logged:
        publish("staffing")


def _days_with_open_gaps(today: dt.date) -> list[dt.date]:
    opened: dict[tuple[dt.date, str], int] = {}
    for entry in staffing_log.gap_entries(
        today - dt.timedelta(days=7), today - dt.timedelta(days=1)
    ):
        key = (entry.day, f"{entry.detail.get('start')}/{entry.detail.get('cause')}")
        opened[key] = opened.get(key, 0) + (1 if entry.kind == "gap_open" else -1)
    return sorted({day for (day, _), count in opened.items() if count > 0})


def _gap_key(start: dt.datetime | int, cause: str) -> tuple[int, str]:
    return (to_micros(start) if isinstance(start, dt.datetime) else int(start), cause)


def _sync_gaps(
    coverage: DayCoverage,
    entries: list[LogEntry],
    now: dt.datetime,
    book: HoursBook,
    delay: dt.timedelta | None,
) -> bool:
    opened: dict[tuple[int, str], LogEntry] = {}
    closed: set[tuple[int, str]] = set()
    escalated: set[int] = set()
    for e in entries:
        if e.kind == "gap_open":
            opened[_gap_key(e.detail["start"], e.detail["cause"])] = e
        elif e.kind == "gap_close":
            closed.add(_gap_key(e.detail["start"], e.detail["cause"]))
        elif e.kind == "gap_escalated":
            escalated.add(int(e.detail["since"]))
    wrote = False
    current: set[tuple[int, str]] = set()
    for gap in coverage.gaps:
        key = _gap_key(gap.start, gap.cause)
        current.add(key)
        if key not in opened:
            staffing_log.append(
                "gap_open",
                gap.start,
                now,
                coverage.day,
                officer_id=gap.officer_id,
                reason=gap.reason,
                reference=gap.reference,
                approved_by_id=gap.approved_by_id,
                detail={"start": key[0], "cause": gap.cause, "counter_id": gap.counter_id},
            )
            wrote = True
        if not gap.open and key not in closed:
            staffing_log.append(
                "gap_close",
                gap.end,
                now,
                coverage.day,
                detail={"start": key[0], "cause": gap.cause, "end": to_micros(gap.end)},
            )
            wrote = True
    for key in opened:
        if key not in closed and key not in current:
            # The replay no longer has this gap (a late entry changed the day): close it.
            staffing_log.append(
                "gap_close",
                min(now, book.day_bounds(coverage.day)[1]),
                now,
                coverage.day,
                detail={
                    "start": key[0],
                    "cause": key[1],
                    "end": to_micros(now),
                    "superseded": True,
                },
            )
            wrote = True
    since = coverage.uncovered_since
    if (
        delay is not None
        and since is not None
        and now - since >= delay
        and to_micros(since) not in escalated
    ):
        heads = [
            u
            for (u,) in rawsql.fetch_all(
                "SELECT username FROM staff WHERE role = 'head' AND active = ? ORDER BY username",
                (True,),
            )
        ]
        staffing_log.append(
            "gap_escalated",
            since + delay,
            now,
            coverage.day,
            detail={"since": to_micros(since), "to": heads, "cause": coverage.gaps[-1].cause},
        )
        wrote = True
    return wrote


__all__ = [
    "CounterStaffing",
    "FrontDeskStatus",
    "FrontDeskUncovered",
    "NotSignedIn",
    "check",
    "counter_state",
    "counter_states",
    "escalation_delay",
    "front_desk_status",
    "handover",
    "heartbeat",
    "resume",
    "set_escalation_delay",
    "sign_in",
    "sign_out",
    "staffed_counter_ids",
    "start_break",
]
