"""Gap bookkeeping at the end of every staffing write: the log's gap entries made to
match the replayed day, a gap escalated to the head once it lasts, and ``staffing``
published on the change feed.
"""

from __future__ import annotations

import datetime as dt

from loket.models import rawsql
from loket.models.changefeed import publish
from loket.models.fields import to_micros
from loket.models.settings import OfficeSettings
from loket.models.staffing import log as staffing_log
from loket.models.staffing.coverage import DayCoverage
from loket.models.staffing.desk_state import counter_metas, read_presences, replay
from loket.models.staffing.escalation import escalation_delay
from loket.models.staffing.hours import HoursBook
from loket.models.staffing.log import LogEntry


def reconcile(now: dt.datetime, book: HoursBook, settings: OfficeSettings, changed: bool) -> None:
    """Make the log's gap entries match the replayed day; escalate; publish."""
    today = book.local_day(now)
    counters = counter_metas(read_presences())
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
