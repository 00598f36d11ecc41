"""The public satisfaction survey (SKM, PermenPANRB 14/2017): IKM per service and period,
NRR per element, the weakest element, the quality category, respondents against the
required sample, and a printable (PDF) report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QHBoxLayout

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
from loket.kiosk.shell.i18n import current_language
from loket.models import settings as office
from loket.models.feedback import ikm, surveys
from loket.models.feedback.surveys import IkmReport
from loket.models.office import catalog
from loket.models.reports import export as report_export
from loket.models.reports.survey_report import survey_report

WEIGHT_TEXT = {
    "exact": QT_TRANSLATE_NOOP("SurveyPage", "bobot tepat 1/9"),
    "0.111": QT_TRANSLATE_NOOP("SurveyPage", "bobot lama 0,111"),
    "0.11": QT_TRANSLATE_NOOP("SurveyPage", "bobot lama 0,11"),
}


class SurveyPage(Page):
    key = "survey"
    title_text = QT_TRANSLATE_NOOP("Page", "Survei kepuasan (IKM)")

    def build(self) -> None:
        today = self.context.clock.now().date()
        self.report: IkmReport | None = None
        filters = QHBoxLayout()
        self.date_from = date_edit("survey_from", today.replace(day=1))
        self.date_to = date_edit("survey_to", today)
        self.service = QComboBox()
        self.service.setObjectName("survey_service")
        self.weights = QComboBox()
        self.weights.setObjectName("survey_weights")
        self.show_button = button("survey_show", primary=True)
        self.show_button.clicked.connect(self.refresh)
        self.print_button = button("survey_print")
        self.print_button.clicked.connect(self.print_report)
        for widget in (self.date_from, self.date_to, self.service, self.weights,
                       self.show_button, self.print_button):  # fmt: skip
            filters.addWidget(widget)
        self.body.addLayout(filters)
        self.index = label("title", name="survey_ikm")
        self.body.addWidget(self.index)
        self.sample = label(name="survey_sample")
        self.body.addWidget(self.sample)
        self.weakest = label(name="survey_weakest")
        self.body.addWidget(self.weakest)
        self.elements = table("survey_elements", 5)
        self.body.addWidget(self.elements, 2)
        self.per_service = table("survey_per_service", 5)
        self.body.addWidget(self.per_service, 1)
        self.printed_to: str | None = None

    def retranslate(self) -> None:
        super().retranslate()
        chosen = self.weights.currentData()
        self.weights.clear()
        for code in ikm.WEIGHT_NAMES:
            self.weights.addItem(translated("SurveyPage", WEIGHT_TEXT.get(code, code)), code)
        self.weights.setCurrentIndex(max(self.weights.findData(chosen), 0))
        self.show_button.setText(self.tr("Hitung IKM"))
        self.print_button.setText(self.tr("Cetak laporan (PDF)"))
        set_headers(
            self.elements,
            [
                self.tr("Unsur"),
                self.tr("Jawaban"),
                self.tr("Jumlah nilai"),
                "NRR",
                self.tr("NRR × bobot"),
            ],
        )
        set_headers(
            self.per_service,
            [
                self.tr("Layanan"),
                "IKM",
                self.tr("Mutu"),
                self.tr("Responden"),
                self.tr("Sampel minimal"),
            ],
        )
        self._fill_services()

    def _fill_services(self) -> None:
        chosen = self.service.currentData()
        self.service.clear()
        self.service.addItem(self.tr("Semua layanan"), None)
        if self.context.session is not None:
            lang = current_language()
            for s in self.attempt(catalog.list_services) or []:
                self.service.addItem(
                    f"{s.code} · {s.name_en if lang == 'en' else s.name_id}", s.code
                )
        self.service.setCurrentIndex(max(self.service.findData(chosen), 0))

    def period(self) -> tuple[dt.date, dt.date]:
        return date_of(self.date_from), date_of(self.date_to)

    def refresh(self) -> None:
        if self.service.count() <= 1:
            self._fill_services()
        first, last = self.period()
        code = self.service.currentData()
        weights = str(self.weights.currentData() or "exact")
        data = self.attempt(
            lambda: (
                surveys.ikm_report(first, last, code, weights),
                surveys.ikm_by_service(first, last, weights),
            )
        )
        if data is None:
            return
        report, by_service = data
        self.report = report
        self._show(report)
        lang = current_language()
        fill_table(
            self.per_service,
            [
                (
                    f"{r.service} · {r.service_name_en if lang == 'en' else r.service_name_id}",
                    r.result.ikm if r.result.ikm is not None else "–",
                    r.result.category.mutu if r.result.category else "–",
                    r.respondents,
                    r.required_sample,
                )
                for r in by_service
            ],
        )

    def _show(self, report: IkmReport) -> None:
        result = report.result
        lang = current_language()
        if result.ikm is None or result.category is None:
            self.index.setText(self.tr("IKM: belum ada responden"))
        else:
            kinerja = result.category.kinerja_en if lang == "en" else result.category.kinerja_id
            self.index.setText(
                self.tr("IKM {ikm} · mutu {mutu}").format(ikm=result.ikm, mutu=result.category.mutu)
                + f" ({kinerja})"
            )
        reached = report.sample_reached
        self.sample.setText(
            (
                self.tr(
                    "Responden {n} dari {population} pengunjung dilayani; sampel minimal "
                    "{required} — tercapai"
                )
                if reached
                else self.tr(
                    "Responden {n} dari {population} pengunjung dilayani; sampel minimal "
                    "{required} — BELUM tercapai"
                )
            ).format(
                n=report.respondents,
                population=report.population,
                required=report.required_sample,
            )
        )
        self.sample.setProperty("reached", reached)
        weakest = result.weakest
        self.weakest.setText(
            self.tr("Unsur terlemah")
            + ": "
            + (
                f"{weakest.element.name_en if lang == 'en' else weakest.element.name_id} "
                f"(NRR {weakest.nrr_rounded()})"
                if weakest
                else "–"
            )
        )
        weight = ikm.WEIGHTS[result.weights]
        fill_table(
            self.elements,
            [
                (
                    s.element.name_en if lang == "en" else s.element.name_id,
                    s.answers,
                    s.total,
                    s.nrr_rounded(),
                    ikm.round_half_up(s.nrr * weight, 4),
                )
                for s in result.scores
            ],
        )

    def feed_changed(self, topics: set[str]) -> None:
        if "surveys" in topics:
            self.refresh()

    def print_report(self) -> None:
        first, last = self.period()
        code = self.service.currentData()
        weights = str(self.weights.currentData() or "exact")
        name = f"ikm-{first}-{last}{'-' + code if code else ''}.pdf"
        chosen = self.context.choose_save_path(
            self.tr("Simpan laporan IKM"), name, self.tr("Berkas PDF (*.pdf)")
        )
        if chosen is None:
            self.show_ok(self.tr("Ekspor dibatalkan"))
            return
        path = chosen

        def write() -> Path:  # on the worker: the report, the PDF and the file
            data = report_export.export(
                survey_report(first, last, code, weights),
                "pdf",
                office.load_settings().office_name,
            )
            path.write_bytes(data)
            return path

        if self.attempt(write) is None:
            return
        self.printed_to = str(path)
        self.show_ok(self.tr("Laporan IKM disimpan: {path}").format(path=path))
