"""Reports: tickets, staffing coverage and the survey over a period, as charts and tables,
and exported to PDF, CSV or XLSX (with progress for long exports)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TypeAlias, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from loket.admin.console.export_progress import ExportJob, ExportProgress
from loket.admin.console.parts import (
    Page,
    button,
    date_edit,
    date_of,
    fill_table,
    label,
    set_headers,
    table,
    translated,
)
from loket.admin.console.report_charts import charts_for
from loket.kiosk.shell.i18n import current_language
from loket.models.errors import LoketError
from loket.models.office import catalog
from loket.models.reports import kinds
from loket.models.reports.abk_report import AbkReport
from loket.models.reports.export import Report
from loket.models.reports.sections import Section
from loket.models.reports.staffing_report import StaffingReport
from loket.models.reports.survey_report import SurveyReport
from loket.models.reports.ticket_report import TicketReport
from loket.models.reports.workload_report import WorkloadReport

AnyReport: TypeAlias = TicketReport | StaffingReport | SurveyReport | WorkloadReport | AbkReport

KIND_NAMES = {
    "tickets": QT_TRANSLATE_NOOP("ReportsPage", "Antrian"),
    "staffing": QT_TRANSLATE_NOOP("ReportsPage", "Penjagaan loket"),
    "survey": QT_TRANSLATE_NOOP("ReportsPage", "Survei kepuasan"),
    "workload": QT_TRANSLATE_NOOP("ReportsPage", "Beban kerja"),
    "abk": QT_TRANSLATE_NOOP("ReportsPage", "Analisis beban kerja (ABK)"),
}
EXPORTS = ("pdf", "csv", "xlsx")


class ExportingPage(Page):
    """A page that saves reports: the person picks the file (the save dialog), then the
    report is written on the window's worker thread behind a progress dialog whose
    Cancel stops it between rows. Its ``build`` sets ``exported = []`` and
    ``progress = None``."""

    exported: list[Path]
    progress: ExportProgress | None

    def save_report(self, report: Report, fmt: str, name: str) -> Path | None:
        path = self.context.choose_save_path(
            self.tr("Simpan laporan"),
            name,
            self.tr("Berkas {format} (*.{ext})").format(format=fmt.upper(), ext=fmt),
        )
        if path is None:
            self.show_ok(self.tr("Ekspor dibatalkan"))
            return None
        job = ExportJob(report, fmt, path)
        self.progress = ExportProgress(self)
        self.progress.follow(job)
        try:
            written = self.run_export(job, self.progress)
        except LoketError as exc:
            self.show_error(exc)
            return None
        finally:
            self.progress.close()
        if written is None:
            self.show_ok(self.tr("Ekspor dibatalkan"))
            return None
        self.exported.append(written)
        self.show_ok(self.tr("Laporan disimpan: {path}").format(path=written))
        return written

    def run_export(self, job: ExportJob, progress: ExportProgress) -> Path | None:
        work = self.context.work
        if work is None:  # a bare page: on this thread
            return job()
        result = self.context.waits.run(
            work, job, retry_safe=True, takes_input=progress.taking_input
        )
        return cast(Path | None, result)


class ReportsPage(ExportingPage):
    key = "reports"
    title_text = QT_TRANSLATE_NOOP("Page", "Laporan")

    def build(self) -> None:
        today = self.context.clock.now().date()
        self.report: AnyReport | None = None
        self.sections: list[Section] = []
        self.exported: list[Path] = []
        filters = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("report_kind")
        self.date_from = date_edit("report_from", today - dt.timedelta(days=6))
        self.date_to = date_edit("report_to", today)
        self.service = QComboBox()
        self.service.setObjectName("report_service")
        self.show_button = button("report_show", primary=True)
        self.show_button.clicked.connect(self.refresh)
        for widget in (self.kind, self.date_from, self.date_to, self.service, self.show_button):
            filters.addWidget(widget)
        self.body.addLayout(filters)
        self.summary = label(name="report_summary")
        self.body.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("report_tabs")
        self.body.addWidget(self.tabs, 1)
        self.table_tab = QWidget()
        table_layout = QVBoxLayout(self.table_tab)
        self.section = QComboBox()
        self.section.setObjectName("report_section")
        self.section.currentIndexChanged.connect(self.show_section)
        table_layout.addWidget(self.section)
        self.table = table("report_table", 1)
        table_layout.addWidget(self.table, 1)
        exports = QHBoxLayout()
        self.export_buttons = {}
        for fmt in EXPORTS:
            widget = button(f"report_export_{fmt}")
            widget.clicked.connect(lambda _=False, f=fmt: self.export(f))
            self.export_buttons[fmt] = widget
            exports.addWidget(widget)
        exports.addStretch(1)
        self.body.addLayout(exports)
        self.progress: ExportProgress | None = None

    def retranslate(self) -> None:
        super().retranslate()
        chosen = self.kind.currentData()
        self.kind.clear()
        for code in kinds.KINDS:
            self.kind.addItem(translated("ReportsPage", KIND_NAMES[code]), code)
        self.kind.setCurrentIndex(max(self.kind.findData(chosen), 0))
        self.show_button.setText(self.tr("Tampilkan"))
        for fmt, widget in self.export_buttons.items():
            widget.setText(self.tr("Ekspor {format}").format(format=fmt.upper()))
        self._fill_services()

    def _fill_services(self) -> None:
        chosen = self.service.currentData()
        self.service.clear()
        self.service.addItem(self.tr("Semua layanan"), None)
        if self.context.session is not None:
            for s in self.attempt(catalog.list_services) or []:
                self.service.addItem(s.code, s.code)
        self.service.setCurrentIndex(max(self.service.findData(chosen), 0))

    def choose(self, kind: str, first: dt.date, last: dt.date) -> None:
        from loket.admin.console.parts import set_date

        self.kind.setCurrentIndex(self.kind.findData(kind))
        set_date(self.date_from, first)
        set_date(self.date_to, last)

    def build_report(
        self,
    ) -> AnyReport | None:
        kind = str(self.kind.currentData())
        service = self.service.currentData() if kind != "staffing" else None
        first, last = date_of(self.date_from), date_of(self.date_to)
        return self.attempt(
            lambda: kinds.build_report(kind, first, last, service, self.context.clock)
        )

    def refresh(self) -> None:
        if self.service.count() <= 1:
            self._fill_services()
        report = self.build_report()
        if report is None:
            return
        self.report = report
        self.sections = report.sections()
        self.summary.setText(self._summary(report))
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None and widget is not self.table_tab:
                widget.deleteLater()
        for title, view in charts_for(report):
            self.tabs.addTab(view, title)
        self.tabs.addTab(self.table_tab, self.tr("Tabel"))
        lang = current_language()
        self.section.blockSignals(True)
        self.section.clear()
        for s in self.sections:
            self.section.addItem(s.title_en if lang == "en" else s.title_id, s.key)
        self.section.blockSignals(False)
        self.show_section()

    def show_section(self) -> None:
        index = self.section.currentIndex()
        if not 0 <= index < len(self.sections):
            self.table.setRowCount(0)
            return
        section = self.sections[index]
        self.table.setColumnCount(len(section.headers))
        set_headers(self.table, section.headers)
        fill_table(self.table, section.rows)

    def _summary(self, report: AnyReport) -> str:
        from loket.admin.console.parts import duration

        if isinstance(report, TicketReport):
            return self.tr(
                "Diambil {issued}, dilayani {served}, tidak hadir {no_show}%, dialihkan "
                "{transferred}% · tunggu median {wait}, P90 {p90} · layanan median {service}"
            ).format(
                issued=report.issued,
                served=report.served,
                no_show=f"{report.no_show_pct:.1f}",
                transferred=f"{report.transfer_pct:.1f}",
                wait=duration(report.waiting.median_seconds),
                p90=duration(report.waiting.p90_seconds),
                service=duration(report.service_time.median_seconds),
            )
        if isinstance(report, StaffingReport):
            service = sum(d.service_seconds for d in report.days)
            covered = sum(d.covered_seconds for d in report.days)
            pct = 100 * covered / service if service else 100.0
            gaps = sum(d.gaps for d in report.days)
            return self.tr(
                "Loket depan dijaga {pct}% dari jam layanan · {gaps} kekosongan · "
                "{signed}/{days} hari disahkan"
            ).format(
                pct=f"{pct:.1f}",
                gaps=gaps,
                signed=sum(d.signed_off for d in report.days),
                days=len(report.days),
            )
        if isinstance(report, WorkloadReport):
            figures = report.as_json()
            return self.tr(
                "Pengunjung {visitors} · jam kurang petugas {under} · jam lebih petugas "
                "{over} · jam tidak tercatat {unrecorded}"
            ).format(
                visitors=figures["arrivals"],
                under=figures["under_staffed_hours"],
                over=figures["over_staffed_hours"],
                unrecorded=figures["not_recorded_hours"],
            )
        if isinstance(report, AbkReport):
            return self.tr(
                "ABK {year} · volume {volume} · beban kerja {hours} jam · kebutuhan pegawai "
                "{required} · pegawai yang ada {assigned}"
            ).format(
                year=report.year,
                volume=report.volume,
                hours=f"{report.workload_hours:.1f}",
                required=f"{report.required(report.workload_hours):.2f}",
                assigned=report.assigned_total,
            )
        result = report.overall.result
        mutu = result.category.mutu if result.category else "–"
        ikm = result.ikm if result.ikm is not None else "–"
        return self.tr("IKM {ikm} · mutu {mutu}").format(ikm=ikm, mutu=mutu)

    def export(self, fmt: str) -> Path | None:
        """Build (if not shown yet) and write the report, like :meth:`save_report`."""
        report = self.report or self.build_report()
        if report is None:
            return None
        self.report = report
        first, last = date_of(self.date_from), date_of(self.date_to)
        return self.save_report(report, fmt, f"laporan-{report.kind}-{first}-{last}.{fmt}")
