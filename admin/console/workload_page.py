"""Workload (Beban kerja): per weekday and hour, the officers the office's wait target needs
beside the officers the staffing log shows at work; the hours under- and over-staffed and
those not recorded; next week's officers per hour; the wait target itself (changed here,
audited); and the ABK summary of a year. Both reports export like the Reports page's."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from loket.admin.console.parts import (
    button,
    date_edit,
    date_of,
    fill_table,
    label,
    set_headers,
    set_role,
    table,
    translated,
)
from loket.admin.console.report_charts import bar_chart
from loket.admin.console.reports_page import ExportingPage
from loket.admin.console.staffing_log_page import WEEKDAYS
from loket.models import settings as office
from loket.models.office import admin_actions
from loket.models.reports.abk_report import FIRST_YEAR, LAST_YEAR, AbkReport
from loket.models.reports.charts import charts_for as chart_data
from loket.models.reports.kinds import build_report
from loket.models.reports.sections import Section
from loket.models.reports.workload_report import WorkloadReport

EXPORTS = ("pdf", "xlsx", "csv", "json")
DEFAULT_DAYS = 28  # the period shown first: the last four weeks, today included
FIGURES = (
    ("under_staffed_hours", QT_TRANSLATE_NOOP("WorkloadPage", "Jam kurang petugas")),
    ("over_staffed_hours", QT_TRANSLATE_NOOP("WorkloadPage", "Jam lebih petugas")),
    ("not_recorded_hours", QT_TRANSLATE_NOOP("WorkloadPage", "Jam tidak tercatat")),
    ("arrivals", QT_TRANSLATE_NOOP("WorkloadPage", "Pengunjung")),
)


def _section(sections: list[Section], key: str) -> Section | None:
    return next((s for s in sections if s.key == key), None)


def _show_section(widget: QTableWidget, section: Section | None) -> None:
    """The section's table; its columns made anew, so that only the last one of this
    section stretches (the table stretches whichever column was last when it fitted)."""
    widget.setColumnCount(0)
    if section is None:
        widget.setRowCount(0)
        return
    widget.setColumnCount(len(section.headers))
    set_headers(widget, section.headers)
    fill_table(widget, section.rows)


class WorkloadPage(ExportingPage):
    key = "workload"
    title_text = QT_TRANSLATE_NOOP("Page", "Beban kerja")

    def build(self) -> None:
        today = self.context.clock.now().date()
        self.report: WorkloadReport | None = None
        self.figures_shown: dict[str, Any] = {}
        self.abk: AbkReport | None = None
        self.exported: list[Path] = []
        self.progress = None

        period = QHBoxLayout()
        self.to_label = label(wrap=False)
        self.date_from = date_edit("workload_from", today - dt.timedelta(days=DEFAULT_DAYS - 1))
        self.date_to = date_edit("workload_to", today)
        self.show_button = button("workload_show", primary=True)
        self.show_button.clicked.connect(self.refresh)
        for widget in (self.date_from, self.to_label, self.date_to):
            period.addWidget(widget)
        period.addWidget(self.show_button)
        period.addStretch(1)
        self.body.addLayout(period)

        grid = QGridLayout()
        self.figure_values: dict[str, Any] = {}
        self.figure_captions: dict[str, Any] = {}
        for index, (name, _) in enumerate(FIGURES):
            value = label("title", name=f"workload_{name}", wrap=False)
            caption = label("muted")
            grid.addWidget(value, 0, index)
            grid.addWidget(caption, 1, index, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(index, 1)
            self.figure_values[name], self.figure_captions[name] = value, caption
        self.body.addLayout(grid)

        self.target = label(name="workload_target")
        self.body.addWidget(self.target)
        target_row = QHBoxLayout()
        self.target_pct = QSpinBox()
        self.target_pct.setObjectName("workload_target_pct")
        self.target_pct.setRange(1, 100)
        self.target_minutes = QSpinBox()
        self.target_minutes.setObjectName("workload_target_minutes")
        self.target_minutes.setRange(0, 480)
        self.within = label(wrap=False)
        self.minutes_unit = label(wrap=False)
        self.target_save = button("workload_target_save")
        self.target_save.clicked.connect(self.save_target)
        for widget in (
            self.target_pct,
            self.within,
            self.target_minutes,
            self.minutes_unit,
            self.target_save,
        ):
            target_row.addWidget(widget)
        target_row.addStretch(1)
        self.body.addLayout(target_row)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("workload_tabs")
        self.chart_tab = QWidget()
        chart_layout = QVBoxLayout(self.chart_tab)
        self.chart_day = QComboBox()
        self.chart_day.setObjectName("workload_chart_day")
        self.chart_day.currentIndexChanged.connect(self.show_chart)
        self.day_label = label(wrap=False)
        day_row = QHBoxLayout()
        day_row.addWidget(self.day_label)
        day_row.addWidget(self.chart_day)
        day_row.addStretch(1)
        chart_layout.addLayout(day_row)
        self.chart_empty = label("muted", name="workload_chart_empty")
        self.chart_empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        chart_layout.addWidget(self.chart_empty, 1)  # the room the chart takes otherwise
        self.chart_box = QVBoxLayout()
        chart_layout.addLayout(self.chart_box, 1)
        self.chart: QWidget | None = None
        self.per_hour = table("workload_per_hour", 0)
        self.next_week = table("workload_next_week", 0)
        self.abk_tab = QWidget()
        abk_layout = QVBoxLayout(self.abk_tab)
        year_row = QHBoxLayout()
        self.year_label = label(wrap=False)
        self.year = QSpinBox()
        self.year.setObjectName("workload_abk_year")
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(today.year)
        self.abk_button = button("workload_abk_show")
        self.abk_button.clicked.connect(self.show_abk)
        for widget in (self.year_label, self.year, self.abk_button):
            year_row.addWidget(widget)
        year_row.addStretch(1)
        abk_layout.addLayout(year_row)
        self.abk_summary = label(name="workload_abk_summary")
        abk_layout.addWidget(self.abk_summary)
        self.abk_table = table("workload_abk_table", 0)
        abk_layout.addWidget(self.abk_table, 1)
        self.abk_notes = label("muted", name="workload_abk_notes")
        abk_layout.addWidget(self.abk_notes)
        for widget in (self.chart_tab, self.per_hour, self.next_week, self.abk_tab):
            self.tabs.addTab(widget, "")
        self.body.addWidget(self.tabs, 1)

        self.export_what = label(name="workload_export_what")
        self.body.addWidget(self.export_what)
        exports = QHBoxLayout()
        self.export_buttons = {}
        for fmt in EXPORTS:
            widget = button(f"workload_export_{fmt}")
            widget.clicked.connect(lambda _=False, f=fmt: self.export(f))
            self.export_buttons[fmt] = widget
            exports.addWidget(widget)
        exports.addStretch(1)
        self.body.addLayout(exports)
        self.tabs.currentChanged.connect(self._tab_changed)

    # ---- words
    def retranslate(self) -> None:
        super().retranslate()
        self.to_label.setText("–")
        self.show_button.setText(self.tr("Tampilkan"))
        self.within.setText("% " + self.tr("dalam"))
        self.minutes_unit.setText(self.tr("menit"))
        self.target_save.setText(self.tr("Simpan"))
        for name, caption in FIGURES:
            self.figure_captions[name].setText(translated("WorkloadPage", caption))
        for index, text in enumerate(
            (self.tr("Grafik"), self.tr("Per hari dan jam"), self.tr("Minggu depan"), "ABK")
        ):
            self.tabs.setTabText(index, text)
        self.year_label.setText(self.tr("Tahun"))
        self.day_label.setText(self.tr("Hari"))
        self.chart_empty.setText(
            self.tr("Tidak ada pengunjung dan tidak ada petugas bertugas dalam periode ini.")
        )
        self.abk_button.setText(self.tr("Tampilkan ABK"))
        for fmt, widget in self.export_buttons.items():
            widget.setText(fmt.upper())  # under "Ekspor … :", which says what is exported
        self._name_export()

    def _target_text(self, settings: office.OfficeSettings) -> str:
        text = self.tr("Target: {pct} % dalam {minutes} menit").format(
            pct=settings.wait_target_pct, minutes=settings.wait_target_minutes
        )
        own = [
            self.tr("{service}: {pct} % dalam {minutes} menit").format(
                service=code, pct=round(share * 100), minutes=f"{minutes:g}"
            )
            for code, (share, minutes) in sorted(settings.wait_targets().items())
        ]
        return " · ".join([text, *own])

    # ---- the workload report
    def refresh(self) -> None:
        settings = self.attempt(office.load_settings)
        if settings is None:
            return
        self.target.setText(self._target_text(settings))
        self.target_pct.setValue(settings.wait_target_pct)
        self.target_minutes.setValue(settings.wait_target_minutes)
        first, last = date_of(self.date_from), date_of(self.date_to)
        clock = self.context.clock

        def read() -> tuple[WorkloadReport, dict[str, Any]]:
            report = build_report("workload", first, last, clock=clock)
            assert isinstance(report, WorkloadReport)
            return report, report.as_json()

        result = self.attempt(read)
        if result is None:  # a refused period: no figures of another period stay on screen
            self.report, self.figures_shown = None, {}
        else:
            self.report, self.figures_shown = result
        self._show_report()

    def _show_report(self) -> None:
        for name, _ in FIGURES:
            value = self.figure_values[name]
            figure = self.figures_shown.get(name)
            value.setText("–" if figure is None else str(figure))
            alarming = name == "under_staffed_hours" and bool(figure)
            set_role(value, "error" if alarming else "title")
        sections = self.report.sections() if self.report is not None else []
        for widget, key in ((self.per_hour, "per_hour"), (self.next_week, "next_week")):
            _show_section(widget, _section(sections, key))
        self._fill_chart_days()
        self._name_export()

    def _fill_chart_days(self) -> None:
        """One weekday at a time (every hour of a week in one chart is unreadable), each
        named with its under-staffed hours so the head sees which day to look at."""
        chosen = self.chart_day.currentData()
        self.chart_day.blockSignals(True)
        self.chart_day.clear()
        cells = self.report.cells if self.report else ()
        names = [translated("StaffingLogPage", n) for n in WEEKDAYS]
        for weekday in sorted({c.weekday for c in cells}):
            under = sum(c.under_hours for c in cells if c.weekday == weekday)
            text = names[weekday]
            if under:
                text += " — " + self.tr("{n} jam kurang petugas").format(n=under)
            self.chart_day.addItem(text, weekday)
        self.chart_day.setCurrentIndex(max(self.chart_day.findData(chosen), 0))
        self.chart_day.blockSignals(False)
        empty = not cells
        for widget in (self.day_label, self.chart_day):
            widget.setVisible(not empty)
        self.chart_empty.setVisible(empty)
        self.show_chart()

    def show_chart(self) -> None:
        """Officers needed beside officers staffed, per hour of the weekday chosen, from
        the report's own chart."""
        if self.chart is not None:
            self.chart_box.removeWidget(self.chart)
            self.chart.deleteLater()
            self.chart = None
        weekday = self.chart_day.currentData()
        specs = chart_data(self.report) if self.report is not None else []
        if not specs or weekday is None:
            return
        spec = specs[0]
        cells = {c.label: c for c in self.report.cells} if self.report else {}
        keep = [i for i, name in enumerate(spec.categories) if cells[name].weekday == weekday]
        day = translated("StaffingLogPage", WEEKDAYS[weekday])
        title = self.tr("Petugas per jam, {day}").format(day=day)
        view = bar_chart(
            dataclasses.replace(
                spec,
                title_id=title,  # short: the model's long title is cut in large text
                title_en=title,
                categories=tuple(f"{cells[spec.categories[i]].hour:02d}" for i in keep),
                series=tuple(
                    dataclasses.replace(s, values=tuple(s.values[i] for i in keep))
                    for s in spec.series
                ),
            )
        )
        view.setObjectName("workload_chart")
        self.chart = view
        self.chart_box.addWidget(view, 1)

    def save_target(self) -> None:
        session = self.context.require_session()
        pct, minutes = self.target_pct.value(), self.target_minutes.value()
        self.change(
            lambda: admin_actions.set_service_standards(
                session, wait_target_pct=pct, wait_target_minutes=minutes, clock=self.context.clock
            ),
            self.tr("Target waktu tunggu disimpan"),
        )

    # ---- the ABK
    def _tab_changed(self, index: int) -> None:
        first_look = self.tabs.widget(index) is self.abk_tab and self.abk is None
        if first_look and self.context.session is not None:
            self.show_abk()
        self._name_export()

    def show_abk(self) -> None:
        year, clock = self.year.value(), self.context.clock
        report = self.attempt(
            lambda: build_report("abk", dt.date(year, 1, 1), dt.date(year, 12, 31), clock=clock)
        )
        self.abk = report if isinstance(report, AbkReport) else None
        sections = self.abk.sections() if self.abk is not None else []
        main, notes = _section(sections, "abk"), _section(sections, "notes")
        _show_section(self.abk_table, main)
        self.abk_notes.setText("\n".join(str(row[0]) for row in notes.rows) if notes else "")
        if self.abk is None:
            self.abk_summary.setText("")
        else:
            hours = self.abk.workload_hours
            self.abk_summary.setText(
                self.tr(
                    "ABK {year}: volume {volume} · beban kerja {hours} jam · kebutuhan pegawai "
                    "{required} · pegawai yang ada {assigned}"
                ).format(
                    year=self.abk.year,
                    volume=self.abk.volume,
                    hours=f"{hours:.1f}",
                    required=f"{self.abk.required(hours):.2f}",
                    assigned=self.abk.assigned_total,
                )
            )
        self._name_export()

    # ---- exports
    def _exporting_abk(self) -> bool:
        return self.tabs.currentWidget() is self.abk_tab

    def _name_export(self) -> None:
        if self._exporting_abk():
            text = self.tr("Ekspor ringkasan ABK {year}:").format(year=self.year.value())
        else:
            text = self.tr("Ekspor laporan beban kerja {first} – {last}:").format(
                first=date_of(self.date_from), last=date_of(self.date_to)
            )
        self.export_what.setText(text)

    def export(self, fmt: str) -> Path | None:
        """The report of the tab on screen (the ABK on its tab, else the workload report)
        to a file the person picks; the path written, or None."""
        if self._exporting_abk():
            if self.abk is None or self.abk.year != self.year.value():
                self.show_abk()
            if self.abk is None:
                return None
            return self.save_report(self.abk, fmt, f"laporan-abk-{self.abk.year}.{fmt}")
        if self.report is None:
            self.refresh()
        if self.report is None:
            return None
        first, last = self.report.date_from, self.report.date_to
        return self.save_report(self.report, fmt, f"laporan-workload-{first}-{last}.{fmt}")
