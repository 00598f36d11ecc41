"""Per-day ticket aggregates, so a year's ticket report sums small rows.

A past office-local day's tickets no longer change (calling only takes today's
tickets), so what the ticket report needs of a day — counts, tickets per hour, and
the waiting- and service-time histograms in whole seconds per service and officer —
is computed once and kept in ``ticket_day_rollup``. :func:`tally` serves days before
today from those rows, computes missing or changed past days with the report's SQL
restricted to them and stores them (one write transaction), and always computes today
(and anything later) live. Summing per-second histograms keeps the report's figures
exact: the same counts reach :func:`reports.distribution` as without rollups.

Each day's rows remember the day's ticket count, highest ticket id and unfinished
tickets when built; one index-only grouped query per report compares them with the
tickets now and rebuilds a day that gained, lost or finished tickets (a ticket still
being served at midnight, a ticket inserted by hand). A finished ticket edited by hand
changes none of these: ``loket report warm --rebuild`` rebuilds a period.

Rollup rows are a cache, not news: filling them publishes no change topic.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from loket.models import rawsql
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import db_date, write_transaction
from loket.models.errors import InvalidInput
from loket.models.fields import to_micros
from loket.models.services.office import load_settings

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


def _counts() -> defaultdict[int, int]:
    return defaultdict(int)


@dataclass
class DayService:
    """What the report needs of one day's tickets for one issued service."""

    issued: int = 0
    served: int = 0
    no_show: int = 0
    transferred: int = 0
    per_hour: defaultdict[int, int] = field(default_factory=_counts)
    waiting: dict[int, int] = field(default_factory=dict)
    service_time: defaultdict[int, int] = field(default_factory=_counts)
    officer_time: defaultdict[int, defaultdict[int, int]] = field(
        default_factory=lambda: defaultdict(_counts)
    )
    officer_no_show: defaultdict[int, int] = field(default_factory=_counts)


@dataclass
class Tally:
    """Ticket figures of a period, summed over its days (integer keys throughout)."""

    by_day: defaultdict[dt.date, list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0, 0])
    )  # issued, served, no-show
    by_hour: defaultdict[int, int] = field(default_factory=_counts)
    by_service: defaultdict[int, list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0, 0, 0])
    )  # issued, served, no-show, transferred
    waits: defaultdict[int, Counter[int]] = field(default_factory=lambda: defaultdict(Counter))
    service_time: defaultdict[int, Counter[int]] = field(
        default_factory=lambda: defaultdict(Counter)
    )
    officer_time: defaultdict[int, Counter[int]] = field(
        default_factory=lambda: defaultdict(Counter)
    )
    officer_no_show: defaultdict[int, int] = field(default_factory=_counts)

    def add(self, day: dt.date, sid: int, d: DayService) -> None:
        row = self.by_day[day]
        row[0] += d.issued
        row[1] += d.served
        row[2] += d.no_show
        s = self.by_service[sid]
        s[0] += d.issued
        s[1] += d.served
        s[2] += d.no_show
        s[3] += d.transferred
        _merge(self.by_hour, d.per_hour.items())
        self.waits[sid].update(d.waiting)
        self.service_time[sid].update(d.service_time)
        for oid, counts in d.officer_time.items():
            self.officer_time[oid].update(counts)
        _merge(self.officer_no_show, d.officer_no_show.items())

    def add_stored(self, r: Stored) -> None:
        row = self.by_day[r.day]
        row[0] += r.issued
        row[1] += r.served
        row[2] += r.no_show
        s = self.by_service[r.service_id]
        s[0] += r.issued
        s[1] += r.served
        s[2] += r.no_show
        s[3] += r.transferred
        for hour, n in r.per_hour.items():
            self.by_hour[int(hour)] += n
        # Lists of values, one per ticket: Counter counts them in C, several times
        # faster than adding {seconds: count} objects key by key.
        self.waits[r.service_id].update(r.waiting)
        self.service_time[r.service_id].update(r.service_time)
        for oid, values in r.officer_time.items():
            self.officer_time[int(oid)].update(values)
        for oid, n in r.officer_no_show.items():
            self.officer_no_show[int(oid)] += n


def _merge(into: dict[Any, int], pairs: Iterable[tuple[Any, int]]) -> None:
    get = into.get
    for key, n in pairs:
        into[key] = get(key, 0) + n


def _as_day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


# ── computing days from the tickets ──────────────────────────────────────────────


def compute_days(
    date_from: dt.date, date_to: dt.date, offset: int, service_id: int | None = None
) -> dict[tuple[dt.date, int], DayService]:
    """Each (day, issued service) of the period straight from the tickets.

    ``offset`` is the office's UTC offset in seconds, for the hour of issue.
    """
    where = "t.day >= ? AND t.day <= ?"
    params: tuple[Any, ...] = (db_date(date_from), db_date(date_to))
    if service_id is not None:
        where += " AND t.issued_service_id = ?"
        params += (service_id,)
    days: dict[tuple[dt.date, int], DayService] = {}
    known_days: dict[Any, dt.date] = {}
    last: list[Any] = [None, None, None]

    def at(raw_day: Any, sid: Any) -> DayService:
        # Rows mostly arrive grouped by day and service: reuse the previous one.
        if raw_day == last[0] and sid == last[1]:
            previous: DayService = last[2]
            return previous
        day = known_days.get(raw_day)
        if day is None:
            day = known_days[raw_day] = _as_day(raw_day)
        key = (day, int(sid))
        found = days.get(key)
        if found is None:
            found = days[key] = DayService()
        last[:] = [raw_day, sid, found]
        return found

    for day, hour, sid, issued, served, no_show, moved in rawsql.fetch_all(
        "SELECT t.day, (t.issued_at / 1000000 + ?) / 3600 AS hour, t.issued_service_id, "
        "COUNT(*), SUM(CASE WHEN t.status = 'done' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN t.status = 'no_show' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN t.transfer_count > 0 THEN 1 ELSE 0 END) "
        f"FROM ticket t WHERE {where} GROUP BY t.day, hour, t.issued_service_id",
        (offset, *params),
    ):
        d = at(day, sid)
        d.issued += int(issued)
        d.served += int(served or 0)
        d.no_show += int(no_show or 0)
        d.transferred += int(moved or 0)
        d.per_hour[int(hour) % 24] += int(issued)  # hours since the epoch, local
    for day, sid, secs, n in rawsql.fetch_all(
        "SELECT t.day, t.issued_service_id, (t.called_at - t.issued_at) / 1000000 AS secs, "
        f"COUNT(*) FROM ticket t WHERE {where} AND t.called_at IS NOT NULL "
        "GROUP BY t.day, t.issued_service_id, secs",
        params,
    ):
        at(day, sid).waiting[int(secs)] = int(n)
    # Service time per service and per officer, and no-shows per officer, in one pass.
    for day, sid, oid, status, secs, n in rawsql.fetch_all(
        "SELECT t.day, t.issued_service_id, t.officer_id, t.status, "
        "(t.finished_at - t.called_at) / 1000000 AS secs, COUNT(*) FROM ticket t "
        f"WHERE {where} AND t.status IN ('done', 'no_show') "
        "GROUP BY t.day, t.issued_service_id, t.officer_id, t.status, secs",
        params,
    ):
        d = at(day, sid)
        if status == "no_show":
            if oid is not None:
                d.officer_no_show[int(oid)] += int(n)
            continue
        if secs is None:
            continue
        d.service_time[int(secs)] += int(n)
        if oid is not None:
            d.officer_time[int(oid)][int(secs)] += int(n)
    return days


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
        guards[_as_day(day)] = (int(count), int(max_id), 0)
    marks = ", ".join("?" for _ in OPEN_STATUSES)
    # Grouped by status too, so both engines read the (status, day) index alone; by
    # day only, SQLite walks the day index and reads every ticket's row for its status.
    for day, open_count in rawsql.fetch_all(
        f"SELECT day, COUNT(*) FROM ticket WHERE status IN ({marks}) "
        "AND day >= ? AND day <= ? GROUP BY status, day",
        (*OPEN_STATUSES, *bounds),
    ):
        d = _as_day(day)
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
        d = _as_day(day)
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


@dataclass(frozen=True)
class Stored:
    """One rollup row as the report sums it: durations as value lists, one per ticket."""

    day: dt.date
    service_id: int
    issued: int
    served: int
    no_show: int
    transferred: int
    per_hour: dict[Any, int]  # keys: hour (int, or str from JSON)
    waiting: list[int]
    service_time: list[int]
    officer_time: dict[Any, list[int]]  # keys: staff id (int, or str from JSON)
    officer_no_show: dict[Any, int]


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


def _build(
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


def _read_stored(
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
        day = _as_day(raw_day)
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


def _offset(day: dt.date) -> int:
    zone = load_settings().zone
    # Indonesian zones keep no daylight-saving time: one offset serves the whole period.
    return int(zone.utcoffset(dt.datetime.combine(day, dt.time())).total_seconds())


def tally(
    date_from: dt.date,
    date_to: dt.date,
    service_id: int | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> Tally:
    """The ticket report's figures for office-local days ``date_from``…``date_to``.

    Days before today come from the rollups (building the missing or changed ones),
    today and later from the tickets.
    """
    offset = _offset(date_from)
    today = load_settings().today(clock.now())
    past_to = min(date_to, today - dt.timedelta(days=1))
    result = Tally()
    if date_from <= past_to:
        work = plan(date_from, past_to, offset)
        if work.fresh:
            for row in _read_stored(date_from, past_to, work.fresh, service_id):
                result.add_stored(row)
        for row in _build(date_from, past_to, offset, work, clock):
            if service_id is None or row.service_id == service_id:
                result.add_stored(row)
    live_from = max(date_from, today)
    if live_from <= date_to:
        for (day, sid), d in compute_days(live_from, date_to, offset, service_id).items():
            result.add(day, sid, d)
    return result


def clear() -> None:
    """Forget every rollup; the next reports rebuild the days they cover."""
    with write_transaction():
        rawsql.execute("DELETE FROM ticket_day_rollup")


@dataclass(frozen=True)
class WarmResult:
    date_from: dt.date
    date_to: dt.date
    days_built: int  # past days (re)computed from their tickets
    days_current: int  # past days whose stored rollups were still current
    rows: int  # rollup rows written

    def as_json(self) -> dict[str, Any]:
        return {
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "days_built": self.days_built,
            "days_current": self.days_current,
            "rows": self.rows,
        }


def warm_rollups(
    date_from: dt.date,
    date_to: dt.date,
    rebuild: bool = False,
    clock: Clock = SYSTEM_CLOCK,
) -> WarmResult:
    """Build the rollups of the past days in the period (today and later never are).

    ``rebuild`` recomputes every day even if its guard says it is current (after a
    ticket was edited by hand). Works a month at a time, one transaction each.
    """
    if date_to < date_from:
        raise InvalidInput(
            f"Periode terbalik: {date_from} sesudah {date_to}",
            f"Period reversed: {date_from} is after {date_to}",
        )
    today = load_settings().today(clock.now())
    last = min(date_to, today - dt.timedelta(days=1))
    built = current = rows = 0
    start = date_from
    while start <= last:
        end = min(last, start + dt.timedelta(days=30))
        offset = _offset(start)
        work = plan(start, end, offset, rebuild)
        made = _build(start, end, offset, work, clock)
        built += len(work.stale)
        current += len(work.fresh)
        rows += len(made)
        start = end + dt.timedelta(days=1)
    return WarmResult(date_from, date_to, built, current, rows)
