"""The ticket report (:func:`ticket_report`): tickets over office-local days, by the
service the visitor took a ticket for.

Per hour of issue, per day, per service and per officer; waiting time (issued →
called) and service time (called → finished) as distributions with median and 90th
percentile (:mod:`distributions`); no-show and transfer rates. Durations are whole
seconds; days that are over are summed from per-day rollups of the counts
(:mod:`ticket_rollups`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from loket.models import rawsql
from loket.models import validation as check
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import NotFound
from loket.models.reports import ticket_rollups
from loket.models.reports.distributions import Distribution, distribution
from loket.models.reports.sections import Section, check_period


def _minutes(seconds: float | None) -> float | None:
    return round(seconds / 60, 1) if seconds is not None else None


@dataclass(frozen=True)
class HourCount:
    hour: int  # office-local hour of issue, 0–23
    issued: int


@dataclass(frozen=True)
class DayCount:
    day: dt.date
    issued: int
    served: int
    no_show: int


@dataclass(frozen=True)
class ServiceLine:
    code: str
    name_id: str
    name_en: str
    issued: int
    served: int
    no_show: int
    transferred: int
    waiting: Distribution
    service_time: Distribution


@dataclass(frozen=True)
class OfficerLine:
    username: str
    full_name: str
    served: int
    no_show: int
    service_time: Distribution


def _pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 2) if whole else 0.0


@dataclass(frozen=True)
class TicketReport:
    date_from: dt.date
    date_to: dt.date
    service: str | None
    issued: int
    served: int
    no_show: int
    transferred: int
    waiting: Distribution
    service_time: Distribution
    per_hour: tuple[HourCount, ...]
    per_day: tuple[DayCount, ...]
    per_service: tuple[ServiceLine, ...]
    per_officer: tuple[OfficerLine, ...]

    kind = "tickets"

    @property
    def no_show_pct(self) -> float:
        """Tickets that ended as no-shows, per 100 tickets issued."""
        return _pct(self.no_show, self.issued)

    @property
    def transfer_pct(self) -> float:
        """Tickets transferred at least once, per 100 tickets issued."""
        return _pct(self.transferred, self.issued)

    def as_json(self) -> dict[str, Any]:
        def line(s: ServiceLine) -> dict[str, Any]:
            return {
                "service": s.code,
                "name": s.name_id,
                "name_en": s.name_en,
                "issued": s.issued,
                "served": s.served,
                "no_show": s.no_show,
                "transferred": s.transferred,
                "no_show_pct": _pct(s.no_show, s.issued),
                "transfer_pct": _pct(s.transferred, s.issued),
                "waiting": s.waiting.as_json(),
                "service_time": s.service_time.as_json(),
            }

        return {
            "report": "tickets",
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "service": self.service,
            "issued": self.issued,
            "served": self.served,
            "no_show": self.no_show,
            "transferred": self.transferred,
            "no_show_pct": self.no_show_pct,
            "transfer_pct": self.transfer_pct,
            "waiting": self.waiting.as_json(),
            "service_time": self.service_time.as_json(),
            "per_hour": [{"hour": h.hour, "issued": h.issued} for h in self.per_hour],
            "per_day": [
                {
                    "day": d.day.isoformat(),
                    "issued": d.issued,
                    "served": d.served,
                    "no_show": d.no_show,
                }
                for d in self.per_day
            ],
            "per_service": [line(s) for s in self.per_service],
            "per_officer": [
                {
                    "username": o.username,
                    "full_name": o.full_name,
                    "served": o.served,
                    "no_show": o.no_show,
                    "service_time": o.service_time.as_json(),
                }
                for o in self.per_officer
            ],
        }

    def sections(self) -> list[Section]:
        def dist(d: Distribution) -> tuple[Any, ...]:
            return (
                d.count,
                _minutes(d.median_seconds),
                _minutes(d.p90_seconds),
                _minutes(d.mean_seconds),
            )

        summary = Section(
            "summary",
            "Ringkasan",
            "Summary",
            ("ukuran / measure", "nilai / value"),
            (
                ("Tiket diambil / tickets issued", self.issued),
                ("Dilayani / served", self.served),
                ("Tidak hadir / no-show", self.no_show),
                ("Tidak hadir % / no-show %", self.no_show_pct),
                ("Dialihkan / transferred", self.transferred),
                ("Dialihkan % / transferred %", self.transfer_pct),
                (
                    "Tunggu median (menit) / wait median (min)",
                    _minutes(self.waiting.median_seconds),
                ),
                ("Tunggu P90 (menit) / wait p90 (min)", _minutes(self.waiting.p90_seconds)),
                (
                    "Layanan median (menit) / service median (min)",
                    _minutes(self.service_time.median_seconds),
                ),
                (
                    "Layanan P90 (menit) / service p90 (min)",
                    _minutes(self.service_time.p90_seconds),
                ),
            ),
        )
        dist_headers = ("n", "median (mnt/min)", "P90 (mnt/min)", "rata-rata/mean (mnt/min)")
        return [
            summary,
            Section(
                "per_service",
                "Per layanan",
                "Per service",
                (
                    "layanan/service",
                    "nama/name",
                    "diambil/issued",
                    "dilayani/served",
                    "tidak hadir/no-show",
                    "dialihkan/transferred",
                    *(f"tunggu/wait {h}" for h in dist_headers),
                    *(f"layanan/service {h}" for h in dist_headers),
                ),
                tuple(
                    (
                        s.code,
                        s.name_id,
                        s.issued,
                        s.served,
                        s.no_show,
                        s.transferred,
                        *dist(s.waiting),
                        *dist(s.service_time),
                    )
                    for s in self.per_service
                ),
            ),
            Section(
                "per_hour",
                "Per jam pengambilan",
                "Per hour of issue",
                ("jam/hour", "diambil/issued"),
                tuple((f"{h.hour:02d}:00", h.issued) for h in self.per_hour),
            ),
            Section(
                "per_day",
                "Per hari",
                "Per day",
                ("tanggal/day", "diambil/issued", "dilayani/served", "tidak hadir/no-show"),
                tuple((d.day.isoformat(), d.issued, d.served, d.no_show) for d in self.per_day),
            ),
            Section(
                "per_officer",
                "Per petugas",
                "Per officer",
                (
                    "petugas/officer",
                    "nama/name",
                    "dilayani/served",
                    "tidak hadir/no-show",
                    *(f"layanan/service {h}" for h in dist_headers),
                ),
                tuple(
                    (o.username, o.full_name, o.served, o.no_show, *dist(o.service_time))
                    for o in self.per_officer
                ),
            ),
            Section(
                "waiting_histogram",
                "Sebaran waktu tunggu",
                "Waiting time distribution",
                ("menit/minutes", "tiket/tickets"),
                tuple((f"{m}–{m + 1}", n) for m, n in self.waiting.histogram),
            ),
            Section(
                "service_histogram",
                "Sebaran waktu layanan",
                "Service time distribution",
                ("menit/minutes", "tiket/tickets"),
                tuple((f"{m}–{m + 1}", n) for m, n in self.service_time.histogram),
            ),
        ]


def _service_row(code: str) -> tuple[int, str, str, str]:
    value = check.service_code(code)
    row = rawsql.fetch_one(
        "SELECT id, code, name_id, name_en FROM service WHERE code = ?", (value,)
    )
    if row is None:
        raise NotFound(f"Layanan '{value}' tidak ada", f"No service '{value}'")
    return int(row[0]), str(row[1]), str(row[2]), str(row[3])


def ticket_report(
    date_from: dt.date,
    date_to: dt.date,
    service_code: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> TicketReport:
    """Tickets issued on office-local days ``date_from``…``date_to`` (inclusive).

    Days before today are summed from per-day rollups (:mod:`ticket_rollups`).
    """
    check_period(date_from, date_to)
    service = _service_row(service_code) if service_code else None
    tally = ticket_rollups.tally(date_from, date_to, service[0] if service else None, clock)
    by_day, by_hour, by_service = tally.by_day, tally.by_hour, tally.by_service
    waits, services_t = tally.waits, tally.service_time
    officer_t, officer_no_show = tally.officer_time, tally.officer_no_show

    names = {
        int(i): (str(c), str(n), str(e))
        for i, c, n, e in rawsql.fetch_all("SELECT id, code, name_id, name_en FROM service")
    }
    per_service = []
    for sid in sorted(set(by_service) | set(waits), key=lambda i: names[i][0]):
        issued, served, no_show, moved = by_service[sid]
        code, name_id, name_en = names[sid]
        per_service.append(
            ServiceLine(
                code,
                name_id,
                name_en,
                issued,
                served,
                no_show,
                moved,
                distribution(waits.get(sid, {}), histogram=False),
                distribution(services_t.get(sid, {}), histogram=False),
            )
        )
    staff_names = {
        int(i): (str(u), str(f))
        for i, u, f in rawsql.fetch_all("SELECT id, username, full_name FROM staff")
    }
    per_officer = [
        OfficerLine(
            staff_names[oid][0],
            staff_names[oid][1],
            sum(officer_t.get(oid, {}).values()),
            officer_no_show.get(oid, 0),
            distribution(officer_t.get(oid, {}), histogram=False),
        )
        for oid in sorted(set(officer_t) | set(officer_no_show), key=lambda i: staff_names[i][0])
    ]
    all_waits: dict[int, int] = defaultdict(int)
    for counts in waits.values():
        for secs, n in counts.items():
            all_waits[secs] += n
    all_service: dict[int, int] = defaultdict(int)
    for counts in services_t.values():
        for secs, n in counts.items():
            all_service[secs] += n
    hours = sorted(by_hour)
    per_hour = (
        tuple(HourCount(h, by_hour.get(h, 0)) for h in range(hours[0], hours[-1] + 1))
        if hours
        else ()
    )
    return TicketReport(
        date_from=date_from,
        date_to=date_to,
        service=service[1] if service else None,
        issued=sum(s[0] for s in by_service.values()),
        served=sum(s[1] for s in by_service.values()),
        no_show=sum(s[2] for s in by_service.values()),
        transferred=sum(s[3] for s in by_service.values()),
        waiting=distribution(all_waits),
        service_time=distribution(all_service),
        per_hour=per_hour,
        per_day=tuple(DayCount(day, *by_day[day]) for day in sorted(by_day)),
        per_service=tuple(per_service),
        per_officer=tuple(per_officer),
    )
