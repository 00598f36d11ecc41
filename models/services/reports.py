"""Reports for the head of office and inspectors: tickets, staffing coverage, survey IKM.

Tickets over office-local days, by the service the visitor took a ticket for:
per hour of issue, per day, per service and per officer; waiting time (issued →
called) and service time (called → finished) as distributions with median and 90th
percentile; no-show and transfer rates. Durations are whole seconds; percentiles
interpolate linearly between the two nearest ranks (Excel's PERCENTILE.INC), computed
from per-second counts that the database groups, so a year of tickets never travels
to Python row by row; days that are over are summed from per-day rollups of those
counts (:mod:`ticket_rollups`).

Staffing coverage comes from the daily staffing summaries, the IKM from the survey
service. Every report turns into titled tables (:meth:`sections`) for the exports in
:mod:`report_export`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from loket.models import rawsql
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import InvalidInput, NotFound
from loket.models.services import ticket_rollups
from loket.models.services import validation as check

MAX_DAYS = 366
KINDS = ("tickets", "staffing", "survey")


@dataclass(frozen=True)
class Section:
    """One table of a report, as the exports lay it out."""

    key: str
    title_id: str
    title_en: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


# ── distributions ────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Distribution:
    count: int
    median_seconds: float | None
    p90_seconds: float | None
    mean_seconds: float | None
    max_seconds: int | None
    # (start of a one-minute bucket in minutes, tickets in it), for charts
    histogram: tuple[tuple[int, int], ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "median_seconds": self.median_seconds,
            "p90_seconds": self.p90_seconds,
            "mean_seconds": self.mean_seconds,
            "max_seconds": self.max_seconds,
            "histogram_minutes": [list(pair) for pair in self.histogram],
        }


def _value_at(counts: list[tuple[int, int]], index: int) -> int:
    seen = 0
    for value, n in counts:
        seen += n
        if index < seen:
            return value
    return counts[-1][0]


def percentile(counts: Iterable[tuple[int, int]], pct: float) -> float | None:
    """The ``pct`` percentile (0–100) of values given as (value, how many) pairs."""
    ordered = sorted((int(v), int(n)) for v, n in counts if n > 0)
    total = sum(n for _, n in ordered)
    if total == 0:
        return None
    rank = pct / 100 * (total - 1)
    low = int(rank)
    a = _value_at(ordered, low)
    b = _value_at(ordered, min(low + 1, total - 1))
    return round(a + (b - a) * (rank - low), 1)


def distribution(counts: dict[int, int], histogram: bool = True) -> Distribution:
    pairs = [(v, n) for v, n in counts.items() if n > 0]
    total = sum(n for _, n in pairs)
    if total == 0:
        return Distribution(0, None, None, None, None, ())
    buckets: dict[int, int] = defaultdict(int)
    if histogram:
        for value, n in pairs:
            buckets[max(0, value) // 60] += n
    return Distribution(
        count=total,
        median_seconds=percentile(pairs, 50),
        p90_seconds=percentile(pairs, 90),
        mean_seconds=round(sum(v * n for v, n in pairs) / total, 1),
        max_seconds=max(v for v, _ in pairs),
        histogram=tuple(sorted(buckets.items())),
    )


def _minutes(seconds: float | None) -> float | None:
    return round(seconds / 60, 1) if seconds is not None else None


# ── tickets ──────────────────────────────────────────────────────────────────────


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


def check_period(date_from: dt.date, date_to: dt.date) -> None:
    if date_to < date_from:
        raise InvalidInput(
            f"Periode terbalik: {date_from} sesudah {date_to}",
            f"Period reversed: {date_from} is after {date_to}",
        )
    if (date_to - date_from).days >= MAX_DAYS:
        raise InvalidInput(
            f"Rentang laporan paling lama {MAX_DAYS} hari",
            f"A report covers at most {MAX_DAYS} days",
        )


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


# ── staffing coverage ────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class StaffingDay:
    day: dt.date
    holiday: str | None
    required: int
    service_seconds: int
    covered_seconds: int
    coverage_pct: float
    gap_seconds: int
    gaps: int
    gap_seconds_by_cause: dict[str, int]
    signed_off: bool


@dataclass(frozen=True)
class StaffingOfficer:
    username: str
    full_name: str
    days: int
    staffed_seconds: int
    break_seconds: int


@dataclass(frozen=True)
class StaffingReport:
    date_from: dt.date
    date_to: dt.date
    days: tuple[StaffingDay, ...]
    officers: tuple[StaffingOfficer, ...]

    kind = "staffing"

    @property
    def service_seconds(self) -> int:
        return sum(d.service_seconds for d in self.days)

    @property
    def covered_seconds(self) -> int:
        return sum(d.covered_seconds for d in self.days)

    @property
    def coverage_pct(self) -> float:
        whole = self.service_seconds
        return round(100.0 * self.covered_seconds / whole, 2) if whole else 100.0

    def as_json(self) -> dict[str, Any]:
        return {
            "report": "staffing",
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "service_seconds": self.service_seconds,
            "covered_seconds": self.covered_seconds,
            "coverage_pct": self.coverage_pct,
            "gaps": sum(d.gaps for d in self.days),
            "gap_seconds": sum(d.gap_seconds for d in self.days),
            "days": [
                {
                    "day": d.day.isoformat(),
                    "holiday": d.holiday,
                    "required": d.required,
                    "service_seconds": d.service_seconds,
                    "covered_seconds": d.covered_seconds,
                    "coverage_pct": d.coverage_pct,
                    "gap_seconds": d.gap_seconds,
                    "gaps": d.gaps,
                    "gap_seconds_by_cause": d.gap_seconds_by_cause,
                    "signed_off": d.signed_off,
                }
                for d in self.days
            ],
            "officers": [
                {
                    "username": o.username,
                    "full_name": o.full_name,
                    "days": o.days,
                    "staffed_seconds": o.staffed_seconds,
                    "break_seconds": o.break_seconds,
                }
                for o in self.officers
            ],
        }

    def sections(self) -> list[Section]:
        return [
            Section(
                "summary",
                "Ringkasan penjagaan loket depan",
                "Front-desk coverage summary",
                ("ukuran / measure", "nilai / value"),
                (
                    ("Hari / days", len(self.days)),
                    ("Jam layanan / service hours", round(self.service_seconds / 3600, 2)),
                    ("Jam terjaga / covered hours", round(self.covered_seconds / 3600, 2)),
                    ("Cakupan % / coverage %", self.coverage_pct),
                    ("Kekosongan / gaps", sum(d.gaps for d in self.days)),
                ),
            ),
            Section(
                "per_day",
                "Per hari",
                "Per day",
                (
                    "tanggal/day",
                    "libur/holiday",
                    "minimal/required",
                    "jam layanan/service h",
                    "terjaga/covered h",
                    "cakupan/coverage %",
                    "kosong/gap min",
                    "kekosongan/gaps",
                    "ditandatangani/signed off",
                ),
                tuple(
                    (
                        d.day.isoformat(),
                        d.holiday or "",
                        d.required,
                        round(d.service_seconds / 3600, 2),
                        round(d.covered_seconds / 3600, 2),
                        d.coverage_pct,
                        round(d.gap_seconds / 60, 1),
                        d.gaps,
                        "ya/yes" if d.signed_off else "belum/no",
                    )
                    for d in self.days
                ),
            ),
            Section(
                "per_officer",
                "Per petugas",
                "Per officer",
                (
                    "petugas/officer",
                    "nama/name",
                    "hari/days",
                    "jaga/staffed h",
                    "istirahat/break h",
                ),
                tuple(
                    (
                        o.username,
                        o.full_name,
                        o.days,
                        round(o.staffed_seconds / 3600, 2),
                        round(o.break_seconds / 3600, 2),
                    )
                    for o in self.officers
                ),
            ),
        ]


def staffing_report(
    date_from: dt.date, date_to: dt.date, clock: Clock = SYSTEM_CLOCK
) -> StaffingReport:
    """Front-desk coverage per day from the daily staffing summaries."""
    from loket.models.services.staffing_summary import summaries

    check_period(date_from, date_to)
    days = []
    officers: dict[str, list[Any]] = {}
    for s in summaries(date_from, date_to, clock):
        days.append(
            StaffingDay(
                day=s.day,
                holiday=s.holiday,
                required=s.required,
                service_seconds=s.service_seconds,
                covered_seconds=s.covered_seconds,
                coverage_pct=s.coverage_pct,
                gap_seconds=sum(s.gap_seconds_by_cause.values()),
                gaps=len(s.gaps),
                gap_seconds_by_cause=dict(s.gap_seconds_by_cause),
                signed_off=s.sign_off is not None,
            )
        )
        for o in s.officers:
            tally = officers.setdefault(o.username, [o.full_name, 0, 0, 0])
            tally[1] += 1
            tally[2] += o.staffed_seconds
            tally[3] += o.break_seconds
    return StaffingReport(
        date_from,
        date_to,
        tuple(days),
        tuple(
            StaffingOfficer(name, full, n, staffed, pause)
            for name, (full, n, staffed, pause) in sorted(officers.items())
        ),
    )


# ── survey (IKM) ─────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class SurveyReport:
    date_from: dt.date
    date_to: dt.date
    service: str | None
    overall: Any  # surveys.IkmReport
    per_service: tuple[Any, ...]
    per_month: tuple[Any, ...]

    kind = "survey"

    def as_json(self) -> dict[str, Any]:
        return {
            "report": "survey",
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "service": self.service,
            "overall": self.overall.as_json(),
            "per_service": [r.as_json() for r in self.per_service],
            "per_month": [r.as_json() for r in self.per_month],
        }

    @staticmethod
    def _row(label: str, r: Any) -> tuple[Any, ...]:
        res = r.result
        weakest = res.weakest
        return (
            label,
            float(res.ikm) if res.ikm is not None else None,
            res.category.mutu if res.category else "",
            r.respondents,
            r.required_sample,
            "ya/yes" if r.sample_reached else "belum/no",
            weakest.key if weakest else "",
        )

    def sections(self) -> list[Section]:
        headers = (
            "periode/layanan",
            "IKM",
            "mutu",
            "responden/respondents",
            "sampel minimal/required",
            "sampel cukup/sample reached",
            "unsur terendah/weakest",
        )
        o = self.overall
        nrr = tuple(
            (s.key, s.element.name_id, s.answers, float(s.nrr_rounded(4))) for s in o.result.scores
        )
        return [
            Section(
                "summary",
                "Indeks Kepuasan Masyarakat",
                "Public satisfaction index",
                headers,
                (self._row(f"{self.date_from} – {self.date_to}", o),),
            ),
            Section(
                "elements",
                "NRR per unsur",
                "NRR per element",
                ("unsur/element", "nama/name", "jawaban/answers", "NRR"),
                nrr,
            ),
            Section(
                "per_service",
                "Per layanan",
                "Per service",
                headers,
                tuple(self._row(f"{r.service} {r.service_name_id}", r) for r in self.per_service),
            ),
            Section(
                "per_month",
                "Per bulan",
                "Per month",
                headers,
                tuple(self._row(r.date_from.strftime("%Y-%m"), r) for r in self.per_month),
            ),
        ]


def _months(date_from: dt.date, date_to: dt.date) -> list[tuple[dt.date, dt.date]]:
    result = []
    start = date_from
    while start <= date_to:
        following = (start.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        result.append((start, min(date_to, following - dt.timedelta(days=1))))
        start = following
    return result


def survey_report(
    date_from: dt.date,
    date_to: dt.date,
    service_code: str | None = None,
    weights: str = "exact",
) -> SurveyReport:
    """IKM for the period, per service and per calendar month (PermenPANRB 14/2017)."""
    from loket.models.services.surveys import ikm_by_service, ikm_report

    check_period(date_from, date_to)
    overall = ikm_report(date_from, date_to, service_code, weights)
    per_service = (
        tuple(ikm_by_service(date_from, date_to, weights)) if not service_code else (overall,)
    )
    per_month = tuple(
        ikm_report(a, b, service_code, weights) for a, b in _months(date_from, date_to)
    )
    return SurveyReport(date_from, date_to, overall.service, overall, per_service, per_month)


def build_report(
    kind: str,
    date_from: dt.date,
    date_to: dt.date,
    service_code: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> TicketReport | StaffingReport | SurveyReport:
    if kind == "tickets":
        return ticket_report(date_from, date_to, service_code, clock)
    if kind == "staffing":
        if service_code:
            raise InvalidInput(
                "Laporan penjagaan tidak per layanan", "The staffing report is not per service"
            )
        return staffing_report(date_from, date_to, clock)
    if kind == "survey":
        return survey_report(date_from, date_to, service_code)
    raise InvalidInput(
        f"Laporan tidak dikenal: {kind} (pilihan: {', '.join(KINDS)})",
        f"Unknown report: {kind} (choices: {', '.join(KINDS)})",
    )
