"""The cache of finished days' staffing summaries (table ``staffing_day_cache``).

A year's staffing report replays about 90,000 log entries; a finished day's summary
only changes when something it was built from changes, so it is kept with a key over
all of that:

- the day's own log entries: the highest ``seq`` and the number of the state
  entries and gap explanations whose ``day`` is that day (a gap explained later
  raises the seq; a sign-off does not count, it is not cached);
- the counters' states carried in from the day before, as the replay starts from
  them (after :func:`coverage.morning`) — a late entry that changes how yesterday
  ended changes today's key too, and nothing else does;
- the day's calendar: its bounds, service hours and opening spans per group, the
  holiday name and the schedule (a holiday entered for one day changes that day);
- the counters (numbers, front-desk and active flags), the escalation delay and the
  front-desk minimum, and a version of this code.

The staff names a summary shows are kept beside it and compared on use, so renaming
an officer rebuilds exactly the days that name appears on. The sign-off is not
cached: it is computed each time from the day's sign-off entries (see
``summaries.summaries``).

Only the report path uses the cache; ``daily_summary`` (what the head signs, what
``explain_gap`` answers with) always replays the log, so a row edited behind the
application's back still shows there and in ``loket staffing verify``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from loket.models import rawsql
from loket.models.db import db_date, write_transaction
from loket.models.fields import from_micros, to_micros
from loket.models.staffing import log as staffing_log
from loket.models.staffing.coverage import OUT, CounterMeta, CounterState, DayCoverage, morning
from loket.models.staffing.log import LogEntry
from loket.models.tables import StaffingDayCache

# Raise when the summary, its replay or this key changes meaning: every row rebuilds.
CACHE_VERSION = 1

Window = tuple[dt.datetime, dt.datetime]
Names = Mapping[int, tuple[str, str]]


@dataclass(frozen=True)
class DayCalendar:
    """What the calendar says about one day, as the replay uses it."""

    bounds: Window
    windows: Mapping[str, tuple[Window, ...]]
    spans: Mapping[str, Window | None]
    holiday: str | None
    schedule: str

    def key_part(self) -> list[Any]:
        def pair(w: Window | None) -> list[int] | None:
            return [to_micros(w[0]), to_micros(w[1])] if w else None

        return [
            pair(self.bounds),
            {g: [pair(w) for w in ws] for g, ws in sorted(self.windows.items())},
            {g: pair(w) for g, w in sorted(self.spans.items())},
            self.holiday,
            self.schedule,
        ]


@dataclass(frozen=True)
class DayLog:
    """The day's entries in the log, counted without reading them."""

    sign_off_seq: int | None  # the latest sign-off
    last_change_seq: int | None  # the latest state entry or gap explanation
    changes: int  # how many state entries and gap explanations


@dataclass(frozen=True)
class CachedDay:
    key: str
    summary: dict[str, Any]  # DailySummary.to_record(), without sign-off
    end_states: dict[int, CounterState]
    staff: dict[int, tuple[str, str] | None]  # the names the summary shows

    def names_match(self, names: Names) -> bool:
        return all(names.get(sid) == shown for sid, shown in self.staff.items())


# What a day's summary (without its sign-off) is built from. Gap alerts (open, close,
# escalated) and calendar changes are logged too, but the summary replays the states
# and reads the calendar itself; sign-offs are worked out afresh each time.
_CHANGE_KINDS = (*staffing_log.STATE_KINDS, "gap_reason")


def day_logs(first: dt.date, last: dt.date) -> dict[dt.date, DayLog]:
    """Per day of ``first``..``last``: its latest sign-off and what the summary reads."""
    marks = ", ".join("?" for _ in _CHANGE_KINDS)
    rows = rawsql.fetch_all(
        "SELECT day, MAX(CASE WHEN kind = 'sign_off' THEN seq END), "
        f"MAX(CASE WHEN kind IN ({marks}) THEN seq END), "
        f"SUM(CASE WHEN kind IN ({marks}) THEN 1 ELSE 0 END) "
        "FROM staffing_event WHERE day >= ? AND day <= ? GROUP BY day",
        (*_CHANGE_KINDS, *_CHANGE_KINDS, db_date(first), db_date(last)),
    )
    return {
        staffing_log.stored_day(day): DayLog(
            int(signed) if signed is not None else None,
            int(changed) if changed is not None else None,
            int(count or 0),
        )
        for day, signed, changed, count in rows
    }


def shared_key(counters: Sequence[CounterMeta], delay: dt.timedelta, required: int) -> str:
    """The part of every day's key that is the same for the whole period."""
    content = [
        CACHE_VERSION,
        [[c.id, c.number, c.front_desk, c.active] for c in counters],
        delay.total_seconds(),
        required,
    ]
    return _sha(content)


def _state_part(state: CounterState) -> list[Any]:
    # A counter that is simply out (no reason) carries nothing into the day: the
    # replay looks at its status only. Leaving the rest out makes the same morning
    # hash the same whether it came from yesterday's replay or from the log directly.
    if state.status == "out" and not state.reason:
        return ["out"]
    return _encode_state(state)


def day_key(
    shared: str,
    day: dt.date,
    log: DayLog | None,
    calendar: DayCalendar,
    counters: Sequence[CounterMeta],
    starts: Mapping[int, CounterState],
) -> str:
    day_start = calendar.bounds[0]
    mornings = [_state_part(morning(starts.get(c.id, OUT), day_start)) for c in counters]
    content = [
        shared,
        day.isoformat(),
        [log.last_change_seq, log.changes] if log else [None, 0],
        calendar.key_part(),
        mornings,
    ]
    return _sha(content)


def _sha(content: Any) -> str:
    encoded = json.dumps(content, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _encode_state(state: CounterState) -> list[Any]:
    return [
        state.status,
        state.officer_id,
        to_micros(state.since) if state.since else None,
        state.reason,
        state.reference,
        state.approved_by_id,
        state.seq,
    ]


def _decode_state(record: list[Any]) -> CounterState:
    status, officer, since, reason, reference, approver, seq = record
    return CounterState(
        status, officer, from_micros(since) if since is not None else None, reason, reference,
        approver, seq,
    )  # fmt: skip


def load(first: dt.date, last: dt.date) -> dict[dt.date, CachedDay]:
    rows = rawsql.fetch_all(
        "SELECT day, cache_key, summary FROM staffing_day_cache WHERE day >= ? AND day <= ?",
        (db_date(first), db_date(last)),
    )
    found = {}
    for day, key, text in rows:
        data = json.loads(text)
        found[staffing_log.stored_day(day)] = CachedDay(
            key,
            data["summary"],
            {int(cid): _decode_state(s) for cid, s in data["end_states"].items()},
            {int(sid): tuple(n) if n else None for sid, n in data["staff"].items()},
        )
    return found


def staff_shown(coverage: DayCoverage, entries: Iterable[LogEntry]) -> set[int]:
    """Every staff id whose name the day's summary may show."""
    ids: set[int] = set(coverage.officer_counters)
    for officers in coverage.counter_officers.values():
        ids.update(officers)
    for gap in coverage.gaps:
        ids.update(i for i in (gap.officer_id, gap.approved_by_id) if i)
    for e in entries:
        if e.kind == "gap_reason":
            ids.update(i for i in (e.officer_id, e.approved_by_id) if i)
    return ids


def record(
    key: str,
    summary: dict[str, Any],
    end_states: Mapping[int, CounterState],
    staff: Iterable[int],
    names: Names,
) -> tuple[str, str]:
    """The ``(cache_key, summary)`` column values for one finished day."""
    data = {
        "summary": summary,
        "end_states": {str(cid): _encode_state(s) for cid, s in end_states.items()},
        "staff": {str(sid): list(names[sid]) if sid in names else None for sid in staff},
    }
    return key, json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def store(rows: Mapping[dt.date, tuple[str, str]]) -> None:
    """Write (or replace) the rows of freshly built days.

    No ``publish``: the cache changes nothing anyone sees, and a report that fills it
    must not wake every screen that listens for staffing changes.
    """
    if not rows:
        return
    values = [{"day": day, "cache_key": key, "summary": text} for day, (key, text) in rows.items()]
    with write_transaction():
        for start in range(0, len(values), 200):
            StaffingDayCache.insert_many(values[start : start + 200]).on_conflict(
                conflict_target=[StaffingDayCache.day],
                preserve=[StaffingDayCache.cache_key, StaffingDayCache.summary],
            ).execute()


def clear() -> None:
    """Forget every cached day (the next report rebuilds them)."""
    with write_transaction():
        rawsql.execute("DELETE FROM staffing_day_cache")
