"""The kept rollups, ``ticket_day_rollup``: which past days are stored and still
describe their tickets (:func:`plan`, by each day's guard), building the missing or
changed ones (:func:`build`, one write transaction), reading them back
(:func:`read_stored`) and forgetting them all (:func:`clear`).

Rollup rows are a cache, not news: filling them publishes no change topic.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from loket.models import rawsql
from loket.models.clock import Clock
from loket.models.db import db_date, write_transaction
from loket.models.fields import to_micros
from loket.models.reports.ticket_days import DayService, Stored, as_day, compute_days

# Tickets that can still change (called, transferred, finished) on a later day.
OPEN_STATUSES = ("waiting", "called", "serving", "held")
_COLUMNS = (
    "day",
    "issued_service_id",
    "day_tickets",
    "day_max_ticket_id",
    "day_open",
    "utc_offset",
    "built_at",
    "issued",
    "served",
    "no_show",
    "transferred",
    "per_hour",
    "waiting",
    "service_time",
    "officer_time",
    "officer_no_show",
)
_BATCH = 200  # rows per INSERT: 16 × 200 parameters stays under SQLite's limit


# ── the guard: which stored days still describe their tickets ────────────────────

Guard = tuple[int, int, int]  # tickets, highest ticket id, unfinished tickets


def day_guards(date_from: dt.date, date_to: dt.date) -> dict[dt.date, Guard]:
    """Per day with tickets: (count, max id, unfinished), from the ticket indexes alone."""
    bounds = (db_date(date_from), db_date(date_to))
    guards: dict[dt.date, Guard] = {}
    for day, count, max_id in rawsql.fetch_all(
        "SELECT day, COUNT(*), MAX(id) FROM ticket WHERE day >= ? AND day <= ? GROUP BY day",
        bounds,
    ):
        guards[as_day(day)] = (int(count), int(max_id), 0)
    marks = ", ".join("?" for _ in OPEN_STATUSES)
    # Grouped by status too, so both engines read the (status, day) index alone; by
    # day only, SQLite walks the day index and reads every ticket's row for its status.
    for day, open_count in rawsql.fetch_all(
        f"SELECT day, COUNT(*) FROM ticket WHERE status IN ({marks}) "
        "AND day >= ? AND day <= ? GROUP BY status, day",
        (*OPEN_STATUSES, *bounds),
    ):
        d = as_day(day)
        count, max_id, opened = guards[d]
        guards[d] = (count, max_id, opened + int(open_count))
    return guards


def _stored_guards(date_from: dt.date, date_to: dt.date) -> dict[dt.date, tuple[int, ...] | None]:
    """Per stored day: (count, max id, unfinished, offset), None if its rows disagree."""
    stored: dict[dt.date, tuple[int, ...] | None] = {}
    for day, *guard in rawsql.fetch_all(
        "SELECT DISTINCT day, day_tickets, day_max_ticket_id, day_open, utc_offset "
        "FROM ticket_day_rollup WHERE day >= ? AND day <= ?",
        (db_date(date_from), db_date(date_to)),
    ):
        d = as_day(day)
        values = tuple(int(v) for v in guard)
        stored[d] = values if d not in stored else None
    return stored


@dataclass(frozen=True)
class Plan:
    """Which past days of a period are stored and current, and which need building."""

    fresh: frozenset[dt.date]
    stale: dict[dt.date, Guard]  # days with tickets to (re)build, with their guard now
    orphans: tuple[dt.date, ...]  # stored days that no longer have tickets


def plan(date_from: dt.date, date_to: dt.date, offset: int, rebuild: bool = False) -> Plan:
    guards = day_guards(date_from, date_to)
    stored = _stored_guards(date_from, date_to)
    fresh = frozenset(d for d, g in guards.items() if not rebuild and stored.get(d) == (*g, offset))
    return Plan(
        fresh,
        {d: g for d, g in guards.items() if d not in fresh},
        tuple(sorted(d for d in stored if d not in guards)),
    )


def _runs(days: Iterable[dt.date], wanted: set[dt.date]) -> Iterator[tuple[dt.date, dt.date]]:
    """Spans of consecutive ``wanted`` days among ``days``, so one query covers each."""
    first = last = None
    for day in sorted(days):
        if day in wanted:
            first = first or day
            last = day
        elif first is not None and last is not None:
            yield first, last
            first = last = None
    if first is not None and last is not None:
        yield first, last


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def _values(counts: dict[int, int]) -> list[int]:
    """A histogram as the sorted list of its values, one per ticket."""
    return sorted(Counter(counts).elements())


def _stored(day: dt.date, sid: int, d: DayService) -> Stored:
    return Stored(
        day,
        sid,
        d.issued,
        d.served,
        d.no_show,
        d.transferred,
        dict(d.per_hour),
        _values(d.waiting),
        _values(d.service_time),
        {o: _values(c) for o, c in sorted(d.officer_time.items())},
        dict(d.officer_no_show),
    )


def build(
    date_from: dt.date, date_to: dt.date, offset: int, work: Plan, clock: Clock
) -> list[Stored]:
    """Compute the stale days of ``work`` from the tickets and store them; return them."""
    wanted = set(work.stale)
    every_day = set(work.fresh) | wanted
    built: list[Stored] = []
    for first, last in _runs(every_day, wanted):
        for (day, sid), d in sorted(compute_days(first, last, offset).items()):
            if day in wanted:
                built.append(_stored(day, sid, d))
    if not wanted and not work.orphans:
        return built
    stamp = to_micros(clock.now())
    rows = [
        (
            db_date(r.day),
            r.service_id,
            *work.stale[r.day],
            offset,
            stamp,
            r.issued,
            r.served,
            r.no_show,
            r.transferred,
            _json(r.per_hour),
            _json(r.waiting),
            _json(r.service_time),
            _json(r.officer_time),
            _json(r.officer_no_show),
        )
        for r in built
    ]
    gone = sorted(wanted | set(work.orphans))
    columns = ", ".join(_COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS[2:])
    with write_transaction():
        for start in range(0, len(gone), _BATCH):
            part = gone[start : start + _BATCH]
            rawsql.execute(
                f"DELETE FROM ticket_day_rollup WHERE day IN ({', '.join('?' for _ in part)})",
                tuple(db_date(d) for d in part),
            )
        one = "(" + ", ".join("?" for _ in _COLUMNS) + ")"
        for start in range(0, len(rows), _BATCH):
            part_rows = rows[start : start + _BATCH]
            # A concurrent report may store the same day first: keep whichever is last.
            rawsql.execute(
                f"INSERT INTO ticket_day_rollup ({columns}) VALUES "
                + ", ".join(one for _ in part_rows)
                + f" ON CONFLICT (day, issued_service_id) DO UPDATE SET {updates}",
                tuple(v for row in part_rows for v in row),
            )
    return built


# ── reading ──────────────────────────────────────────────────────────────────────


def read_stored(
    date_from: dt.date, date_to: dt.date, fresh: frozenset[dt.date], service_id: int | None
) -> Iterator[Stored]:
    """The stored rows of the ``fresh`` days."""
    sql = (
        "SELECT day, issued_service_id, issued, served, no_show, transferred, per_hour, "
        "waiting, service_time, officer_time, officer_no_show FROM ticket_day_rollup "
        "WHERE day >= ? AND day <= ?"
    )
    params: tuple[Any, ...] = (db_date(date_from), db_date(date_to))
    if service_id is not None:
        sql += " AND issued_service_id = ?"
        params += (service_id,)
    loads = json.loads
    for raw_day, sid, issued, served, no_show, moved, ph, wt, st, ot, ons in rawsql.fetch_all(
        sql, params
    ):
        day = as_day(raw_day)
        if day in fresh:
            yield Stored(
                day,
                int(sid),
                int(issued),
                int(served),
                int(no_show),
                int(moved),
                loads(ph),
                loads(wt),
                loads(st),
                loads(ot),
                loads(ons),
            )


def clear() -> None:
    """Forget every rollup; the next reports rebuild the days they cover."""
    with write_transaction():
        rawsql.execute("DELETE FROM ticket_day_rollup")
