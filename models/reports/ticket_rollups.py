"""Per-day ticket aggregates, so a year's ticket report sums small rows.

A past office-local day's tickets no longer change (calling only takes today's
tickets), so what the ticket report needs of a day — counts, tickets per hour, and
the waiting- and service-time histograms in whole seconds per service and officer —
is computed once and kept in ``ticket_day_rollup``. :func:`tally` serves days before
today from those rows, computes missing or changed past days with the report's SQL
restricted to them and stores them (one write transaction), and always computes today
(and anything later) live. Summing per-second histograms keeps the report's figures
exact: the same counts reach :func:`distributions.distribution` as without rollups.

Each day's rows remember the day's ticket count, highest ticket id and unfinished
tickets when built; one index-only grouped query per report compares them with the
tickets now and rebuilds a day that gained, lost or finished tickets (a ticket still
being served at midnight, a ticket inserted by hand). A finished ticket edited by hand
changes none of these: ``loket report warm --rebuild`` rebuilds a period.

The rows themselves — the guard, building, reading — are :mod:`rollup_store`; a day's
figures and their sum are :mod:`ticket_days`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import InvalidInput
from loket.models.reports.rollup_store import build, plan, read_stored
from loket.models.reports.ticket_days import Tally, compute_days
from loket.models.settings import load_settings


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
            for row in read_stored(date_from, past_to, work.fresh, service_id):
                result.add_stored(row)
        for row in build(date_from, past_to, offset, work, clock):
            if service_id is None or row.service_id == service_id:
                result.add_stored(row)
    live_from = max(date_from, today)
    if live_from <= date_to:
        for (day, sid), d in compute_days(live_from, date_to, offset, service_id).items():
            result.add(day, sid, d)
    return result


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
        made = build(start, end, offset, work, clock)
        built += len(work.stale)
        current += len(work.fresh)
        rows += len(made)
        start = end + dt.timedelta(days=1)
    return WarmResult(date_from, date_to, built, current, rows)
