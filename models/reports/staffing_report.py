"""The staffing report (:func:`staffing_report`): front-desk coverage per day and the
officers' staffed and break hours, from the daily staffing summaries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.reports.sections import Section, check_period


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
    not_recorded: bool = False  # before the office began recording: no figures at all


NOT_RECORDED = "tidak tercatat / not recorded"
_NOT_RECORDED_ROW = (None, None, None, NOT_RECORDED, None, None, None)


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
            "not_recorded_days": sum(1 for d in self.days if d.not_recorded),
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
                    "not_recorded": d.not_recorded,
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
                    *(
                        (("Hari tidak tercatat / days not recorded", unrecorded),)
                        if (unrecorded := sum(1 for d in self.days if d.not_recorded))
                        else ()
                    ),
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
                    (d.day.isoformat(), d.holiday or "", *_NOT_RECORDED_ROW)
                    if d.not_recorded
                    else (
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
    from loket.models.staffing.summaries import summaries

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
                not_recorded=s.not_recorded,
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
