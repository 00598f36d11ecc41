"""Charts (QtCharts) for the reports: tickets per hour and day, waiting times per service,
staffing coverage per day, NRR per survey element."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter

from loket.admin.console.parts import t
from loket.kiosk.shell.i18n import current_language
from loket.models.reports.staffing_report import StaffingReport
from loket.models.reports.survey_report import SurveyReport
from loket.models.reports.ticket_report import TicketReport

Series = tuple[str, Sequence[float]]


def bar_chart(
    title: str, categories: Sequence[str], series: Sequence[Series], y_max: float | None = None
) -> QChartView:
    chart = QChart()
    chart.setTitle(title)
    bars = QBarSeries()
    for name, values in series:
        bar_set = QBarSet(name)
        for value in values:
            bar_set.append(float(value))
        bars.append(bar_set)
    chart.addSeries(bars)
    x_axis = QBarCategoryAxis()
    x_axis.append(list(categories))
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(x_axis)
    y_axis = QValueAxis()
    highest = max((v for _, values in series for v in values), default=0.0)
    y_axis.setRange(0, y_max if y_max is not None else max(1.0, highest * 1.1))
    y_axis.setLabelFormat("%.0f" if y_max is None or y_max > 10 else "%.1f")
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(y_axis)
    chart.legend().setVisible(len(series) > 1)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(260)
    return view


def _minutes(seconds: float | None) -> float:
    return round((seconds or 0) / 60, 1)


def ticket_charts(report: TicketReport) -> list[tuple[str, QChartView]]:
    hours = [h for h in report.per_hour if h.issued] or list(report.per_hour)
    per_hour = bar_chart(
        t("Nomor antrian per jam", "Tickets per hour"),
        [f"{h.hour:02d}" for h in hours],
        [(t("diambil", "issued"), [h.issued for h in hours])],
    )
    days = report.per_day
    per_day = bar_chart(
        t("Nomor antrian per hari", "Tickets per day"),
        [f"{d.day:%d/%m}" for d in days],
        [
            (t("diambil", "issued"), [d.issued for d in days]),
            (t("dilayani", "served"), [d.served for d in days]),
            (t("tidak hadir", "no-show"), [d.no_show for d in days]),
        ],
    )
    services = report.per_service
    waiting = bar_chart(
        t("Waktu tunggu per layanan (menit)", "Waiting time per service (minutes)"),
        [s.code for s in services],
        [
            (t("median", "median"), [_minutes(s.waiting.median_seconds) for s in services]),
            ("P90", [_minutes(s.waiting.p90_seconds) for s in services]),
            (
                t("lama layanan (median)", "service time (median)"),
                [_minutes(s.service_time.median_seconds) for s in services],
            ),
        ],
    )
    officers = report.per_officer
    per_officer = bar_chart(
        t("Dilayani per petugas", "Served per officer"),
        [o.username for o in officers],
        [(t("dilayani", "served"), [o.served for o in officers])],
    )
    return [
        (t("Per jam", "Per hour"), per_hour),
        (t("Per hari", "Per day"), per_day),
        (t("Waktu tunggu", "Waiting times"), waiting),
        (t("Per petugas", "Per officer"), per_officer),
    ]


def staffing_charts(report: StaffingReport) -> list[tuple[str, QChartView]]:
    days = report.days
    coverage = bar_chart(
        t("Loket depan dijaga (% jam layanan)", "Front desk covered (% of service hours)"),
        [f"{d.day:%d/%m}" for d in days],
        [(t("dijaga %", "covered %"), [d.coverage_pct for d in days])],
        y_max=100,
    )
    gaps = bar_chart(
        t("Kekosongan per hari (menit)", "Gaps per day (minutes)"),
        [f"{d.day:%d/%m}" for d in days],
        [(t("menit kosong", "minutes uncovered"), [_minutes(d.gap_seconds) for d in days])],
    )
    return [(t("Cakupan", "Coverage"), coverage), (t("Kekosongan", "Gaps"), gaps)]


def survey_charts(report: SurveyReport) -> list[tuple[str, QChartView]]:
    lang = current_language()
    scores = report.overall.result.scores
    nrr = bar_chart(
        t("NRR per unsur", "NRR per element"),
        [s.element.name_en.split()[0] if lang == "en" else s.element.key for s in scores],
        [("NRR", [float(s.nrr) for s in scores])],
        y_max=4,
    )
    months = [m for m in report.per_month if m.result.ikm is not None]
    per_month = bar_chart(
        t("IKM per bulan", "IKM per month"),
        [f"{m.date_from:%m/%Y}" for m in months],
        [("IKM", [float(m.result.ikm or 0) for m in months])],
        y_max=100,
    )
    return [(t("NRR per unsur", "NRR per element"), nrr), (t("Per bulan", "Per month"), per_month)]


def charts_for(
    report: TicketReport | StaffingReport | SurveyReport,
) -> list[tuple[str, QChartView]]:
    if isinstance(report, TicketReport):
        return ticket_charts(report)
    if isinstance(report, StaffingReport):
        return staffing_charts(report)
    return survey_charts(report)
