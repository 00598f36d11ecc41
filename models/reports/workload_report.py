"""The workload report (:func:`workload_report`): per weekday and hour, the visitors that
came, their service times, the officers the office's wait target needs (Erlang C) and
the officers the staffing log shows at work; the hours under- and over-staffed, and the
officers to plan per hour next week.

Staffed officers per hour are counters staffed (signed in, not on break) averaged over
the hour; hours before the office began recording staffing are "not recorded" and
counted neither way.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from loket.models import rawsql
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import db_date
from loket.models.fields import from_micros, to_micros
from loket.models.reports.charts import Chart, Series
from loket.models.reports.erlang import officers_needed
from loket.models.reports.sections import Section, check_period

DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
DAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MIN_SERVICE_MINUTES = 0.5  # an hour without a finished visit assumes this much at least
# The state entries after which a counter is staffed (coverage.state_after: "staffed").
STAFFED_KINDS = frozenset(("sign_in", "resume", "handover", "heartbeat_restored"))


@dataclass(frozen=True)
class WorkloadCell:
    weekday: int  # 0 = Monday
    hour: int
    days: int  # how many such weekdays the period holds
    arrivals: int
    arrivals_per_hour: float
    service_minutes: float | None  # mean over the visits finished in this hour slot
    needed: int
    staffed: float | None  # average officers at work; None: not recorded
    under_hours: int
    over_hours: int

    @property
    def label(self) -> str:
        return f"{DAYS_EN[self.weekday]} {self.hour:02d}"


@dataclass(frozen=True)
class WorkloadReport:
    date_from: dt.date
    date_to: dt.date
    target_share: float
    target_minutes: float
    cells: tuple[WorkloadCell, ...]
    not_recorded_hours: int
    # Services with their own target: (code, share, minutes). An hour's officers are the
    # most that any service present that hour needs: one pooled queue meeting the
    # strictest target meets every other one.
    service_targets: tuple[tuple[str, float, float], ...] = ()

    kind = "workload"

    @property
    def under_hours(self) -> int:
        return sum(c.under_hours for c in self.cells)

    @property
    def over_hours(self) -> int:
        return sum(c.over_hours for c in self.cells)

    def as_json(self) -> dict[str, Any]:
        return {
            "report": "workload",
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "target_share": self.target_share,
            "target_minutes": self.target_minutes,
            "service_targets": [
                {"service": code, "share": share, "minutes": minutes}
                for code, share, minutes in self.service_targets
            ],
            "arrivals": sum(c.arrivals for c in self.cells),
            "under_staffed_hours": self.under_hours,
            "over_staffed_hours": self.over_hours,
            "not_recorded_hours": self.not_recorded_hours,
            "cells": [
                {
                    "weekday": c.weekday,
                    "hour": c.hour,
                    "days": c.days,
                    "arrivals": c.arrivals,
                    "arrivals_per_hour": round(c.arrivals_per_hour, 3),
                    "service_minutes": None
                    if c.service_minutes is None
                    else round(c.service_minutes, 3),
                    "officers_needed": c.needed,
                    "officers_staffed": None if c.staffed is None else round(c.staffed, 3),
                    "under_staffed_hours": c.under_hours,
                    "over_staffed_hours": c.over_hours,
                }
                for c in self.cells
            ],
            "next_week": [
                {"weekday": c.weekday, "hour": c.hour, "officers": c.needed} for c in self.cells
            ],
        }

    def sections(self) -> list[Section]:
        return [
            Section(
                "summary",
                "Ringkasan",
                "Summary",
                ("ukuran / measure", "nilai / value"),
                (
                    ("Target / target", f"{self.target_share:.0%} ≤ {self.target_minutes:g} min"),
                    *(
                        (f"Target {code}", f"{share:.0%} ≤ {minutes:g} min")
                        for code, share, minutes in self.service_targets
                    ),
                    ("Pengunjung / visitors", sum(c.arrivals for c in self.cells)),
                    ("Jam kurang petugas / under-staffed hours", self.under_hours),
                    ("Jam lebih petugas / over-staffed hours", self.over_hours),
                    ("Jam tidak tercatat / hours not recorded", self.not_recorded_hours),
                ),
            ),
            Section(
                "per_hour",
                "Per hari dan jam",
                "Per weekday and hour",
                (
                    "hari/day",
                    "jam/hour",
                    "pengunjung/visitors",
                    "per jam/per hour",
                    "layanan/service min",
                    "perlu/needed",
                    "bertugas/staffed",
                    "kurang/under h",
                    "lebih/over h",
                ),
                tuple(
                    (
                        f"{DAYS_ID[c.weekday]}/{DAYS_EN[c.weekday]}",
                        f"{c.hour:02d}:00",
                        c.arrivals,
                        round(c.arrivals_per_hour, 2),
                        None if c.service_minutes is None else round(c.service_minutes, 1),
                        c.needed,
                        "tidak tercatat / not recorded"
                        if c.staffed is None
                        else round(c.staffed, 2),
                        c.under_hours,
                        c.over_hours,
                    )
                    for c in self.cells
                ),
            ),
            Section(
                "next_week",
                "Rekomendasi petugas minggu depan",
                "Officers recommended next week",
                ("hari/day", *(f"{h:02d}" for h in self._hours())),
                tuple(
                    (
                        f"{DAYS_ID[w]}/{DAYS_EN[w]}",
                        *(self._needed(w, h) for h in self._hours()),
                    )
                    for w in sorted({c.weekday for c in self.cells})
                ),
            ),
        ]

    def _hours(self) -> list[int]:
        return sorted({c.hour for c in self.cells})

    def _needed(self, weekday: int, hour: int) -> int:
        return next((c.needed for c in self.cells if (c.weekday, c.hour) == (weekday, hour)), 0)

    def charts(self) -> list[Chart]:
        cells = [c for c in self.cells if c.arrivals or (c.staffed or 0) > 0]
        return [
            Chart(
                "Petugas",
                "Officers",
                "Petugas perlu dan bertugas per hari dan jam",
                "Officers needed and staffed per weekday and hour",
                tuple(c.label for c in cells),
                (
                    Series("perlu", "needed", tuple(float(c.needed) for c in cells)),
                    Series("bertugas", "staffed", tuple(float(c.staffed or 0) for c in cells)),
                ),
            )
        ]


def _tickets(start: dt.datetime, end: dt.datetime) -> list[tuple[int, int, int, int, int]]:
    """Per UTC hour since the epoch and service: visitors, finished visits, their summed
    service microseconds (called → done, as the ticket report). Grouped in the database:
    a year is ~500,000 tickets but only ~9,000 hours."""
    return [
        (int(h), int(service), int(n), int(done or 0), int(total or 0))
        for h, service, n, done, total in rawsql.fetch_all(
            "SELECT issued_at / 3600000000, service_id, COUNT(*), "
            "SUM(CASE WHEN status = 'done' AND called_at IS NOT NULL THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN status = 'done' AND called_at IS NOT NULL "
            "THEN finished_at - called_at ELSE 0 END) "
            "FROM ticket WHERE issued_at >= ? AND issued_at < ? "
            "GROUP BY issued_at / 3600000000, service_id",
            (to_micros(start), to_micros(end)),
        )
    ]


def _staffed_seconds(
    date_from: dt.date, date_to: dt.date, start: dt.datetime, end: dt.datetime, zone: Any
) -> dict[tuple[dt.date, int], float]:
    """Seconds of staffed counters per (local day, hour)."""
    from loket.models.staffing import log as staffing_log
    from loket.models.staffing.coverage import state_after

    result: dict[tuple[dt.date, int], float] = defaultdict(float)
    states = {
        e.counter_id: (state_after(e).status == "staffed", start)
        for e in staffing_log.states_before(start)
        if e.counter_id is not None
    }
    # Only the three fields needed, not whole log entries: a year is ~90,000 of them.
    kinds = staffing_log.STATE_KINDS
    rows = rawsql.fetch_all(
        "SELECT counter_id, at, kind FROM staffing_event WHERE day >= ? AND day <= ? "
        f"AND kind IN ({', '.join('?' for _ in kinds)}) AND counter_id IS NOT NULL "
        "AND at >= ? AND at < ? ORDER BY at, seq",
        (db_date(date_from), db_date(date_to), *kinds, to_micros(start), to_micros(end)),
    )

    keys: dict[int, tuple[dt.date, int]] = {}

    def add(a: dt.datetime, b: dt.datetime) -> None:
        # Whole-hour zones: local hours begin on UTC hours, so epoch seconds split them;
        # the local (day, hour) of each UTC hour is worked out once.
        x, y = a.timestamp(), b.timestamp()
        while x < y:
            index = int(x // 3600)
            key = keys.get(index)
            if key is None:
                local = dt.datetime.fromtimestamp(index * 3600, dt.UTC).astimezone(zone)
                key = keys[index] = (local.date(), local.hour)
            stop = min(y, (index + 1) * 3600.0)
            result[key] += stop - x
            x = stop

    for counter_id, micros, kind in rows:
        at = from_micros(int(micros))
        staffed, since = states.get(counter_id, (False, start))
        if staffed:
            add(since, at)
        states[counter_id] = (kind in STAFFED_KINDS, at)
    for staffed, since in states.values():
        if staffed:
            add(since, end)
    return result


def workload_report(
    date_from: dt.date, date_to: dt.date, clock: Clock = SYSTEM_CLOCK
) -> WorkloadReport:
    from loket.models.settings import load_settings
    from loket.models.staffing.recording import first_recorded_day

    check_period(date_from, date_to)
    settings = load_settings()
    zone = settings.zone
    share, minutes = settings.wait_target_pct / 100, float(settings.wait_target_minutes)
    own = settings.wait_targets()
    codes = dict(rawsql.fetch_all("SELECT id, code FROM service"))
    targets = {sid: own.get(code, (share, minutes)) for sid, code in codes.items()}
    start = dt.datetime.combine(date_from, dt.time(), zone).astimezone(dt.UTC)
    end = min(
        dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(), zone).astimezone(dt.UTC),
        clock.now(),
    )
    first = first_recorded_day()
    arrivals: dict[tuple[dt.date, int], int] = defaultdict(int)
    service: dict[tuple[int, int], list[float]] = defaultdict(lambda: [0.0, 0.0])
    present: dict[tuple[int, int], set[tuple[float, float]]] = defaultdict(set)
    for hour, service_id, visitors, done, micros in _tickets(start, end):
        # Offices' zones are whole hours from UTC: a UTC hour is one local hour.
        local = from_micros(hour * 3_600_000_000).astimezone(zone)
        arrivals[(local.date(), local.hour)] += visitors
        present[(local.weekday(), local.hour)].add(targets.get(service_id, (share, minutes)))
        tally = service[(local.weekday(), local.hour)]
        tally[0] += done
        tally[1] += micros / 60e6
    staffed = _staffed_seconds(date_from, date_to, start, end, zone)
    count: dict[int, int] = defaultdict(int)
    day = date_from
    while day <= date_to:
        count[day.weekday()] += 1
        day += dt.timedelta(days=1)
    slots = sorted({(d.weekday(), h) for d, h in arrivals} | {(d.weekday(), h) for d, h in staffed})
    cells = []
    not_recorded = 0
    for weekday, hour in slots:
        n = count[weekday]
        dates = [d for d in _dates(date_from, date_to) if d.weekday() == weekday]
        total = sum(arrivals.get((d, hour), 0) for d in dates)
        finished, total_minutes = service.get((weekday, hour), (0.0, 0.0))
        mean = total_minutes / finished if finished else None
        rate = total / n if n else 0.0
        needed = max(
            officers_needed(rate, max(mean or 0.0, MIN_SERVICE_MINUTES), within, pct).officers
            for pct, within in present.get((weekday, hour)) or {(share, minutes)}
        )
        recorded = [d for d in dates if first is not None and d >= first]
        not_recorded += sum(1 for d in dates if d not in recorded and arrivals.get((d, hour)))
        at_work = [staffed.get((d, hour), 0.0) / 3600 for d in recorded]
        under = sum(1 for d in recorded if arrivals.get((d, hour), 0) and
                    staffed.get((d, hour), 0.0) / 3600 < needed - 0.5)  # fmt: skip
        over = sum(1 for v in at_work if v > needed + 0.5)
        cells.append(
            WorkloadCell(
                weekday,
                hour,
                n,
                total,
                rate,
                mean,
                needed,
                sum(at_work) / len(at_work) if at_work else None,
                under,
                over,
            )
        )
    chosen = tuple((code, *own[code]) for code in sorted(own) if code in codes.values())
    return WorkloadReport(date_from, date_to, share, minutes, tuple(cells), not_recorded, chosen)


def _dates(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
