"""The charts of a report, as data: the admin screen draws them with QtCharts and the PDF
with reportlab, so both show the same bars with the same integer axis.

Titles and series names are Bahasa Indonesia / English pairs, like the report sections'.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from loket.models.reports.staffing_report import StaffingReport
from loket.models.reports.survey_report import SurveyReport
from loket.models.reports.ticket_report import TicketReport

MAX_TICKS = 6  # intervals on the value axis, at most
_STEPS = (1, 2, 5)


@dataclass(frozen=True)
class Series:
    name_id: str
    name_en: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    tab_id: str  # the short name of the chart's tab on screen
    tab_en: str
    title_id: str
    title_en: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    y_max: float | None = None  # a fixed top (100 %, NRR 4); None: from the values

    def axis(self) -> tuple[int, int]:
        """The value axis's top and its step: whole numbers, so a count never reads 1.5."""
        highest = max((v for s in self.series for v in s.values), default=0.0)
        return integer_axis(self.y_max if self.y_max is not None else highest)


def integer_axis(highest: float) -> tuple[int, int]:
    """(top, step) of an axis from 0 showing ``highest``: a step of 1, 2 or 5 × 10ⁿ and at
    most :data:`MAX_TICKS` intervals, the top a whole number of steps (at least 1)."""
    top = max(1, math.ceil(highest))
    magnitude = 1
    while True:
        for base in _STEPS:
            step = base * magnitude
            if math.ceil(top / step) <= MAX_TICKS:
                return math.ceil(top / step) * step, step
        magnitude *= 10


def _minutes(seconds: float | None) -> float:
    return round((seconds or 0) / 60, 1)


def _series(name_id: str, name_en: str, values: Sequence[float]) -> Series:
    return Series(name_id, name_en, tuple(float(v) for v in values))


def ticket_charts(report: TicketReport) -> list[Chart]:
    hours = [h for h in report.per_hour if h.issued] or list(report.per_hour)
    days, services, officers = report.per_day, report.per_service, report.per_officer
    day_names = tuple(f"{d.day:%d/%m}" for d in days)
    return [
        Chart(
            "Per jam",
            "Per hour",
            "Nomor antrian per jam",
            "Tickets per hour",
            tuple(f"{h.hour:02d}" for h in hours),
            (_series("diambil", "issued", [h.issued for h in hours]),),
        ),
        Chart(
            "Per hari",
            "Per day",
            "Nomor antrian per hari",
            "Tickets per day",
            day_names,
            (
                _series("diambil", "issued", [d.issued for d in days]),
                _series("dilayani", "served", [d.served for d in days]),
                _series("tidak hadir", "no-show", [d.no_show for d in days]),
            ),
        ),
        Chart(
            "Waktu tunggu",
            "Waiting times",
            "Waktu tunggu per layanan (menit)",
            "Waiting time per service (minutes)",
            tuple(s.code for s in services),
            (
                _series("median", "median", [_minutes(s.waiting.median_seconds) for s in services]),
                _series("P90", "P90", [_minutes(s.waiting.p90_seconds) for s in services]),
                _series(
                    "lama layanan (median)",
                    "service time (median)",
                    [_minutes(s.service_time.median_seconds) for s in services],
                ),
            ),
        ),
        Chart(
            "Per petugas",
            "Per officer",
            "Dilayani per petugas",
            "Served per officer",
            tuple(o.username for o in officers),
            (_series("dilayani", "served", [o.served for o in officers]),),
        ),
    ]


def staffing_charts(report: StaffingReport) -> list[Chart]:
    days = [d for d in report.days if not d.not_recorded]  # no bar: not 0 %, not 100 %
    names = tuple(f"{d.day:%d/%m}" for d in days)
    return [
        Chart(
            "Cakupan",
            "Coverage",
            "Loket depan dijaga (% jam layanan)",
            "Front desk covered (% of service hours)",
            names,
            (_series("dijaga %", "covered %", [d.coverage_pct for d in days]),),
            y_max=100,
        ),
        Chart(
            "Kekosongan",
            "Gaps",
            "Kekosongan per hari (menit)",
            "Gaps per day (minutes)",
            names,
            (
                _series(
                    "menit kosong", "minutes uncovered", [_minutes(d.gap_seconds) for d in days]
                ),
            ),
        ),
    ]


def survey_charts(report: SurveyReport) -> list[Chart]:
    scores = report.overall.result.scores
    months = [m for m in report.per_month if m.result.ikm is not None]
    return [
        Chart(
            "NRR per unsur",
            "NRR per element",
            "NRR per unsur",
            "NRR per element",
            tuple(s.element.key for s in scores),
            (_series("NRR", "NRR", [float(s.nrr) for s in scores]),),
            y_max=4,
        ),
        Chart(
            "Per bulan",
            "Per month",
            "IKM per bulan",
            "IKM per month",
            tuple(f"{m.date_from:%m/%Y}" for m in months),
            (_series("IKM", "IKM", [float(m.result.ikm or 0) for m in months]),),
            y_max=100,
        ),
    ]


def charts_for(report: Any) -> list[Chart]:
    """The charts of any report (none for a kind without charts)."""
    own = getattr(report, "charts", None)
    if callable(own):  # the workload and ABK reports draw their own
        return list(own())
    if isinstance(report, TicketReport):
        return ticket_charts(report)
    if isinstance(report, StaffingReport):
        return staffing_charts(report)
    if isinstance(report, SurveyReport):
        return survey_charts(report)
    return []
