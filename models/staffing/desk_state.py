"""The staffing state as it stands: the counters' presence rows, the day replayed from
the log, the front desk's status and every counter's for the admin board (reads only).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from loket.models import rawsql
from loket.models import validation as check_input
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import NotFound
from loket.models.fields import from_micros
from loket.models.settings import OfficeSettings, load_settings
from loket.models.staffing import log as staffing_log
from loket.models.staffing.coverage import CounterMeta, DayCoverage, replay_day, state_after
from loket.models.staffing.desk_records import CounterStaffing, FrontDeskStatus
from loket.models.staffing.escalation import escalation_delay
from loket.models.staffing.hours import HoursBook, load_book
from loket.models.staffing.log import LogEntry
from loket.models.staffing.presence import HEARTBEAT_TIMEOUT


@dataclass(frozen=True)
class Presence:
    counter_id: int
    number: int
    front_desk: bool
    active: bool
    status: str
    officer_id: int | None
    since: dt.datetime | None
    last_heartbeat: dt.datetime | None
    event_seq: int | None


_PRESENCE = (
    "SELECT c.id, c.number, c.front_desk, c.active, p.status, p.officer_id, p.since, "
    "p.last_heartbeat, p.event_seq FROM counter c "
    "LEFT JOIN counter_presence p ON p.counter_id = c.id ORDER BY c.number"
)


def read_presences() -> list[Presence]:
    return [
        Presence(
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


def is_stale(p: Presence, now: dt.datetime) -> bool:
    return (
        p.status == "staffed"
        and p.last_heartbeat is not None
        and now - p.last_heartbeat >= HEARTBEAT_TIMEOUT
    )


def _pending_losses(
    presences: list[Presence], now: dt.datetime, book: HoursBook
) -> list[LogEntry]:
    """Lost heartbeats not logged yet, as the entries :func:`check` will write."""
    pending = []
    for p in presences:
        if is_stale(p, now):
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


def counter_metas(presences: list[Presence]) -> list[CounterMeta]:
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
    presences: list[Presence],
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
    presences = read_presences()
    coverage, _ = replay(
        book.local_day(now),
        now,
        book,
        settings,
        counter_metas(presences),
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
