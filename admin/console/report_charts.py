"""Charts (QtCharts) for the reports: tickets per hour and day, waiting times per service,
staffing coverage per day, NRR per survey element, officers needed and staffed (workload),
staff required and assigned (ABK). What each chart shows is
:mod:`loket.models.reports.charts` (the PDF draws the same); the value axis counts in
whole numbers."""

from __future__ import annotations

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

from loket.kiosk.shell.i18n import pick
from loket.models.reports.charts import Chart
from loket.models.reports.charts import charts_for as chart_data
from loket.models.reports.export import Report

MIN_HEIGHT = 240


def bar_chart(spec: Chart) -> QChartView:
    chart = QChart()
    chart.setTitle(pick(spec.title_id, spec.title_en))
    bars = QBarSeries()
    for series in spec.series:
        bar_set = QBarSet(pick(series.name_id, series.name_en))
        for value in series.values:
            bar_set.append(value)
        bars.append(bar_set)
    chart.addSeries(bars)
    x_axis = QBarCategoryAxis()
    x_axis.append(list(spec.categories))
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(x_axis)
    top, step = spec.axis()
    y_axis = QValueAxis()
    y_axis.setRange(0, top)
    y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
    y_axis.setTickAnchor(0)
    y_axis.setTickInterval(step)
    y_axis.setLabelFormat("%d")
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(y_axis)
    chart.legend().setVisible(len(spec.series) > 1)
    view = QChartView(chart)
    view.setObjectName("report_chart")
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(MIN_HEIGHT)
    return view


def charts_for(report: Report) -> list[tuple[str, QChartView]]:
    """Each chart of ``report`` with its tab's name, in the language on screen."""
    return [(pick(spec.tab_id, spec.tab_en), bar_chart(spec)) for spec in chart_data(report)]
