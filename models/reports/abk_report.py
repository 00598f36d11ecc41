"""The ABK summary (:func:`abk_report`): Analisis Beban Kerja after PermenPANRB 1/2020
for the front desk, per service and in total, over one calendar year.

- volume: tickets finished (status done) in the year, by the service they were issued for
  (the ticket report's per-day rollups, so the year reads a few thousand small rows);
- standard time: the median minutes from call to finish of those tickets, unless the
  office set its own figure (setting ``abk_standard_minutes``, "A=12; B=20");
- workload hours = volume × standard minutes ÷ 60;
- staff required = workload hours ÷ effective hours (setting ``abk_effective_hours``,
  1,250 a year);
- staff assigned: the distinct officers who finished at least one ticket of the service
  in the year (the total counts each officer once, however many services they served).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from loket.models import rawsql
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import InvalidInput
from loket.models.reports.charts import Chart, Series
from loket.models.reports.distributions import percentile
from loket.models.reports.sections import Section

FIRST_YEAR, LAST_YEAR = 2000, 2100

NOTES = (
    (
        "Volume: tiket selesai dilayani dalam tahun ini, menurut layanan terakhirnya.",
        "Volume: tickets finished in the year, by the service that finished them.",
    ),
    (
        "Waktu standar: median menit dari dipanggil sampai selesai, kecuali ditetapkan kantor "
        "(pengaturan abk_standard_minutes).",
        "Standard time: the median minutes from call to finish, unless the office set its "
        "own (setting abk_standard_minutes).",
    ),
    (
        "Beban kerja (jam) = volume × waktu standar ÷ 60; kebutuhan pegawai = beban kerja ÷ "
        "jam kerja efektif setahun.",
        "Workload hours = volume × standard time ÷ 60; staff required = workload hours ÷ "
        "effective working hours a year.",
    ),
    (
        "Pegawai yang ada: petugas berbeda yang menyelesaikan sedikitnya satu tiket layanan "
        "itu dalam tahun ini; pada total tiap petugas dihitung sekali.",
        "Staff assigned: distinct officers who finished at least one ticket of the service "
        "in the year; in the total each officer counts once.",
    ),
)


@dataclass(frozen=True)
class AbkRow:
    code: str
    name_id: str
    name_en: str
    volume: int
    measured_minutes: float | None  # the median, None without finished tickets
    set_minutes: float | None  # the office's own standard time, if set

    assigned: int

    @property
    def standard_minutes(self) -> float | None:
        return self.set_minutes if self.set_minutes is not None else self.measured_minutes

    @property
    def workload_hours(self) -> float:
        return self.volume * (self.standard_minutes or 0.0) / 60


@dataclass(frozen=True)
class AbkReport:
    year: int
    date_from: dt.date
    date_to: dt.date
    effective_hours: int
    rows: tuple[AbkRow, ...]
    assigned_total: int
    unknown_codes: tuple[str, ...]  # standard times set for services that do not exist

    kind = "abk"

    @property
    def volume(self) -> int:
        return sum(r.volume for r in self.rows)

    @property
    def workload_hours(self) -> float:
        return sum(r.workload_hours for r in self.rows)

    def required(self, hours: float) -> float:
        return hours / self.effective_hours

    def as_json(self) -> dict[str, Any]:
        total_hours = self.workload_hours
        return {
            "report": "abk",
            "year": self.year,
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "effective_hours": self.effective_hours,
            "services": [
                {
                    "code": r.code,
                    "name_id": r.name_id,
                    "name_en": r.name_en,
                    "volume": r.volume,
                    "measured_minutes": _round(r.measured_minutes),
                    "standard_minutes": _round(r.standard_minutes),
                    "standard_source": "set" if r.set_minutes is not None else "measured",
                    "workload_hours": round(r.workload_hours, 2),
                    "required_staff": round(self.required(r.workload_hours), 2),
                    "assigned_staff": r.assigned,
                }
                for r in self.rows
            ],
            "total": {
                "volume": self.volume,
                "workload_hours": round(total_hours, 2),
                "required_staff": round(self.required(total_hours), 2),
                "assigned_staff": self.assigned_total,
            },
            "unknown_codes": list(self.unknown_codes),
            "notes": [{"id": i, "en": e} for i, e in NOTES],
        }

    def sections(self) -> list[Section]:
        total_hours = self.workload_hours
        rows = [
            (
                r.code,
                f"{r.name_id} / {r.name_en}",
                r.volume,
                _round(r.measured_minutes),
                _round(r.standard_minutes),
                "ditetapkan/set" if r.set_minutes is not None else "terukur/measured",
                round(r.workload_hours, 2),
                round(self.required(r.workload_hours), 2),
                r.assigned,
            )
            for r in self.rows
        ]
        rows.append(
            (
                "",
                "Jumlah / Total",
                self.volume,
                None,
                None,
                "",
                round(total_hours, 2),
                round(self.required(total_hours), 2),
                self.assigned_total,
            )
        )
        notes = [(f"{i} / {e}",) for i, e in NOTES]
        notes.append(
            (f"Jam kerja efektif setahun / effective working hours a year: {self.effective_hours}",)
        )
        if self.unknown_codes:
            codes = ", ".join(self.unknown_codes)
            notes.append(
                (f"Waktu standar untuk layanan yang tidak ada diabaikan / standard times "
                 f"for services that do not exist ignored: {codes}",)
            )  # fmt: skip
        return [
            Section(
                "abk",
                f"Analisis beban kerja {self.year}",
                f"Workload analysis {self.year}",
                (
                    "kode/code",
                    "layanan/service",
                    "volume",
                    "median terukur/measured min",
                    "waktu standar/standard min",
                    "sumber/source",
                    "beban kerja/workload h",
                    "kebutuhan pegawai/staff required",
                    "pegawai yang ada/staff assigned",
                ),
                tuple(rows),
            ),
            Section("notes", "Catatan", "Notes", ("catatan / note",), tuple(notes)),
        ]

    def charts(self) -> list[Chart]:
        rows = [r for r in self.rows if r.volume or r.assigned]
        return [
            Chart(
                "Pegawai",
                "Staff",
                "Kebutuhan pegawai dan pegawai yang ada per layanan",
                "Staff required and assigned per service",
                tuple(r.code for r in rows),
                (
                    Series(
                        "kebutuhan",
                        "required",
                        tuple(self.required(r.workload_hours) for r in rows),
                    ),
                    Series("ada", "assigned", tuple(float(r.assigned) for r in rows)),
                ),
            )
        ]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidInput(
            f"Tahun harus {FIRST_YEAR}–{LAST_YEAR}, bukan {year}",
            f"The year must be {FIRST_YEAR}–{LAST_YEAR}, not {year}",
        )


def abk_report(year: int, clock: Clock = SYSTEM_CLOCK) -> AbkReport:
    from loket.models.reports import ticket_rollups
    from loket.models.settings import load_settings

    check_year(year)
    settings = load_settings()
    zone = settings.zone
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    start = dt.datetime.combine(first, dt.time(), zone).astimezone(dt.UTC)
    end = min(
        dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), zone).astimezone(dt.UTC),
        max(clock.now(), start),
    )
    # The ticket report's per-day rollups: a year is ~250 days × services of small rows,
    # not half a million tickets (and the days are kept warm for the ticket report).
    tally = ticket_rollups.tally(first, min(last, end.astimezone(zone).date()), None, clock)
    seconds = {sid: sorted(counts.items()) for sid, counts in tally.service_time.items()}
    officers = tally.officers_by_service
    standard = settings.standard_minutes()
    services = rawsql.fetch_all("SELECT id, code, name_id, name_en FROM service ORDER BY code")
    rows = []
    for service_id, code, name_id, name_en in services:
        counts = seconds.get(service_id, [])
        median = percentile(counts, 50)
        volume = sum(n for _, n in counts)
        if not volume and code not in standard and not officers.get(service_id):
            continue
        rows.append(
            AbkRow(
                code,
                name_id,
                name_en,
                volume,
                None if median is None else median / 60,
                standard.get(code),
                len(officers.get(service_id, ())),
            )
        )
    known = {code for _, code, _, _ in services}
    return AbkReport(
        year,
        first,
        min(last, end.astimezone(zone).date()),
        settings.abk_effective_hours,
        tuple(rows),
        len(set().union(*officers.values())) if officers else 0,
        tuple(sorted(set(standard) - known)),
    )
