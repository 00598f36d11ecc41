"""A day's ticket figures for the ticket report, and their sum over a period.

:class:`DayService` is what the report needs of one day's tickets for one issued
service, computed straight from the tickets (:func:`compute_days`); :class:`Stored` is
the same as a kept rollup row reads back (durations as value lists); :class:`Tally` sums
either kind over the days of a period.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from loket.models import rawsql
from loket.models.db import db_date


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
    officers_by_service: defaultdict[int, set[int]] = field(
        default_factory=lambda: defaultdict(set)
    )  # who served each (issued) service: the ABK's officers assigned

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
        self.officers_by_service[sid].update(d.officer_time)
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
        officers = self.officers_by_service[r.service_id]
        for oid, values in r.officer_time.items():
            self.officer_time[int(oid)].update(values)
            officers.add(int(oid))
        for oid, n in r.officer_no_show.items():
            self.officer_no_show[int(oid)] += n


def _merge(into: dict[Any, int], pairs: Iterable[tuple[Any, int]]) -> None:
    get = into.get
    for key, n in pairs:
        into[key] = get(key, 0) + n


def as_day(value: Any) -> dt.date:
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
            day = known_days[raw_day] = as_day(raw_day)
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
