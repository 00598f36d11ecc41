"""Staffing log review: a day's gaps filtered by counter, officer and cause; the log's
integrity check; and the head's daily sign-off (with the head's password)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit

from loket.admin.console.parts import (
    Page,
    button,
    date_edit,
    date_of,
    duration,
    fill_table,
    label,
    set_headers,
    set_role,
    table,
    translated,
)
from loket.kiosk.shell.i18n import current_language, pick
from loket.models import settings as office
from loket.models.integrity import seals as chain_seals
from loket.models.office import catalog, staff
from loket.models.staffing.coverage import CAUSES
from loket.models.staffing.reasons import reason_name
from loket.models.staffing.sign_off import sign_off_day
from loket.models.staffing.summaries import daily_summary
from loket.models.staffing.summary_records import DailySummary, GapLine
from loket.models.staffing.verify import verify_staffing_log

WEEKDAYS = (
    QT_TRANSLATE_NOOP("StaffingLogPage", "Senin"),
    QT_TRANSLATE_NOOP("StaffingLogPage", "Selasa"),
    QT_TRANSLATE_NOOP("StaffingLogPage", "Rabu"),
    QT_TRANSLATE_NOOP("StaffingLogPage", "Kamis"),
    QT_TRANSLATE_NOOP("StaffingLogPage", "Jumat"),
    QT_TRANSLATE_NOOP("StaffingLogPage", "Sabtu"),
    QT_TRANSLATE_NOOP("StaffingLogPage", "Minggu"),
)
MONTHS = (
    QT_TRANSLATE_NOOP("StaffingLogPage", "Jan"),
    QT_TRANSLATE_NOOP("StaffingLogPage", "Feb"),
    QT_TRANSLATE_NOOP("StaffingLogPage", "Mar"),
    QT_TRANSLATE_NOOP("StaffingLogPage", "Apr"),
    QT_TRANSLATE_NOOP("StaffingLogPage", "Mei"),
    QT_TRANSLATE_NOOP("StaffingLogPage", "Jun"),
    QT_TRANSLATE_NOOP("StaffingLogPage", "Jul"),
    QT_TRANSLATE_NOOP("StaffingLogPage", "Agu"),
    QT_TRANSLATE_NOOP("StaffingLogPage", "Sep"),
    QT_TRANSLATE_NOOP("StaffingLogPage", "Okt"),
    QT_TRANSLATE_NOOP("StaffingLogPage", "Nov"),
    QT_TRANSLATE_NOOP("StaffingLogPage", "Des"),
)


def day_name(day: dt.date) -> str:
    """ "Senin, 23 Nov 2026" / "Monday, 23 Nov 2026" in the language on screen."""
    weekday = translated("StaffingLogPage", WEEKDAYS[day.weekday()])
    month = translated("StaffingLogPage", MONTHS[day.month - 1])
    return f"{weekday}, {day.day} {month} {day.year}"


class StaffingLogPage(Page):
    key = "staffing_log"
    title_text = QT_TRANSLATE_NOOP("Page", "Log penjagaan")

    def build(self) -> None:
        self.summary: DailySummary | None = None
        self.zone: dt.tzinfo = dt.UTC  # the office's, read with the summary
        self.seal_code: str | None = None  # the sign-off's seal, read with the summary
        filters = QHBoxLayout()
        self.day = date_edit("log_day", self.context.clock.now().date())
        self.counter = QComboBox()
        self.counter.setObjectName("log_counter")
        self.officer = QComboBox()
        self.officer.setObjectName("log_officer")
        self.cause = QComboBox()
        self.cause.setObjectName("log_cause")
        self.show_button = button("log_show", primary=True)
        self.show_button.clicked.connect(self.refresh)
        for widget in (self.day, self.counter, self.officer, self.cause, self.show_button):
            filters.addWidget(widget)
        for combo in (self.counter, self.officer, self.cause):
            combo.activated.connect(self.show_gaps)
        self.body.addLayout(filters)
        self.overview = label(name="log_overview")
        self.body.addWidget(self.overview)
        self.gaps = table("log_gaps", 9)
        self.body.addWidget(self.gaps, 2)
        self.counters_table = table("log_counters", 5)
        self.body.addWidget(self.counters_table, 1)
        checks = QHBoxLayout()
        self.verify_button = button("log_verify")
        self.verify_button.clicked.connect(self.verify)
        checks.addWidget(self.verify_button)
        self.verify_result = label(name="log_verify_result")
        checks.addWidget(self.verify_result, 1)
        self.body.addLayout(checks)
        sign = QHBoxLayout()
        self.sign_off_state = label(name="log_sign_off_state")
        sign.addWidget(self.sign_off_state, 1)
        self.password = QLineEdit()
        self.password.setObjectName("log_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        sign.addWidget(self.password)
        self.sign_off_button = button("log_sign_off")
        self.sign_off_button.clicked.connect(self.sign_off)
        sign.addWidget(self.sign_off_button)
        self.day.dateChanged.connect(self._name_sign_off)
        self.body.addLayout(sign)

    def _name_sign_off(self, *_: object) -> None:
        """The button names the day it signs off: "hari ini" only when it is today."""
        day = date_of(self.day)
        if day == self.context.clock.now().date():
            self.sign_off_button.setText(self.tr("Sahkan hari ini", "the day shown is today"))
        else:
            self.sign_off_button.setText(self.tr("Sahkan {day}").format(day=day_name(day)))

    def retranslate(self) -> None:
        super().retranslate()
        set_headers(
            self.gaps,
            [
                self.tr("Mulai"),
                self.tr("Berakhir"),
                self.tr("Lama"),
                self.tr("Penyebab"),
                self.tr("Alasan"),
                self.tr("Rujukan"),
                self.tr("Disetujui"),
                self.tr("Petugas / loket"),
                self.tr("Eskalasi"),
            ],
        )
        set_headers(
            self.counters_table,
            [
                self.tr("Loket"),
                self.tr("Jam layanan"),
                self.tr("Dijaga"),
                self.tr("Istirahat"),
                self.tr("Petugas"),
            ],
        )
        self.show_button.setText(self.tr("Tampilkan"))
        self.verify_button.setText(self.tr("Periksa keutuhan log"))
        self.password.setPlaceholderText(self.tr("Kata sandi kepala"))
        self._name_sign_off()
        self._fill_filters()

    def _fill_filters(self) -> None:
        def refill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(QCoreApplication.translate("StaffingLogPage", "Semua"), None)
            for text, value in items:
                combo.addItem(text, value)
            index = combo.findData(chosen)
            combo.setCurrentIndex(max(index, 0))

        lang = current_language()
        refill(
            self.cause, [(pair[1 if lang == "en" else 0], code) for code, pair in CAUSES.items()]
        )
        if self.context.session is None:
            return
        counters = self.attempt(catalog.list_counters) or []
        people = self.attempt(staff.list_staff) or []
        refill(
            self.counter,
            [(self.tr("Loket {number}").format(number=c.number), c.number) for c in counters],
        )
        refill(self.officer, [(p.full_name, p.username) for p in people])

    def choose(self, counter: int | None = None, officer: str | None = None,
               cause: str | None = None) -> None:  # fmt: skip
        """Set the filters as a user would pick them, then show."""
        for combo, value in ((self.counter, counter), (self.officer, officer), (self.cause, cause)):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.show_gaps()

    def refresh(self) -> None:
        self._fill_filters()
        day = date_of(self.day)
        clock = self.context.clock
        read = self.attempt(lambda: _with_zone_and_seal(daily_summary(day, clock)))
        if read is None:
            self.summary = None
            self.gaps.setRowCount(0)
            return
        self.summary, self.zone, self.seal_code = read
        self.show_gaps()

    def feed_changed(self, topics: set[str]) -> None:
        if "staffing" in topics:
            self.refresh()

    def filtered(self) -> list[GapLine]:
        if self.summary is None:
            return []
        counter, officer, cause = (
            self.counter.currentData(),
            self.officer.currentData(),
            self.cause.currentData(),
        )
        return [
            g
            for g in self.summary.gaps
            if (counter is None or g.counter == counter)
            and (officer is None or g.officer == officer)
            and (cause is None or g.cause == cause)
        ]

    def show_gaps(self) -> None:
        summary = self.summary
        if summary is None:
            return
        zone = self.zone
        lang = current_language()
        yes, no = self.tr("ya"), self.tr("tidak")

        def hms(value: dt.datetime) -> str:
            return f"{value.astimezone(zone):%H:%M:%S}"

        unrecorded = self.tr("tidak tercatat")
        rows = []
        for g in self.filtered():
            cause = CAUSES.get(g.cause, (g.cause, g.cause))[1 if lang == "en" else 0]
            who = " · ".join(
                part
                for part in (
                    g.officer or "",
                    self.tr("loket {number}").format(number=g.counter) if g.counter else "",
                )
                if part
            )
            rows.append(
                (
                    hms(g.start),
                    self.tr("berlangsung") if g.open else hms(g.end),
                    duration(g.seconds),
                    cause,
                    reason_name(g.reason, lang) if g.reason else "",
                    g.reference or "",
                    g.approved_by or "",
                    who,
                    yes if g.escalated else no,
                )
            )
        fill_table(self.gaps, rows)
        fill_table(
            self.counters_table,
            [
                (
                    c.number,
                    duration(c.service_seconds),
                    unrecorded if summary.not_recorded else f"{c.coverage_pct:.1f}%",
                    duration(c.break_seconds),
                    ", ".join(c.officers),
                )
                for c in summary.counters
            ],
        )
        holiday = (
            " · " + self.tr("libur: {name}").format(name=summary.holiday) if summary.holiday else ""
        )
        if summary.not_recorded:  # before the first staffing entry: nothing to judge
            figures = self.tr("Tidak tercatat — kantor belum mulai mencatat penjagaan")
        else:
            figures = self.tr(
                "loket depan dijaga {pct}% ({covered} / {service}) · kekosongan {gaps}"
            ).format(
                pct=f"{summary.coverage_pct:.1f}",
                covered=duration(summary.covered_seconds),
                service=duration(summary.service_seconds),
                gaps=len(summary.gaps),
            )
        self.overview.setText(f"{summary.day} · {figures}{holiday}")
        if summary.sign_off is not None:
            s = summary.sign_off
            text = self.tr("Disahkan oleh {name} pada {at}").format(
                name=s.full_name, at=f"{s.at.astimezone(zone):%Y-%m-%d %H:%M}"
            )
            if self.seal_code is not None:
                text += " · " + self.tr("kode segel {code}").format(code=self.seal_code)
            if s.changed_after:
                text += " — " + self.tr("PERHATIAN: {n} catatan masuk setelah pengesahan").format(
                    n=len(s.late_entries)
                )
            self.sign_off_state.setText(text)
        else:
            self.sign_off_state.setText(self.tr("Belum disahkan kepala"))

    def verify(self) -> None:
        report = self.attempt(verify_staffing_log)
        if report is None:
            return
        set_role(self.verify_result, "muted" if report.ok else "error")
        self.verify_result.setText(pick(report.message_id, report.message_en))

    def sign_off(self) -> None:
        session = self.context.require_session()
        day = date_of(self.day)
        password = self.password.text()
        self.password.clear()
        clock = self.context.clock
        read = self.attempt(
            lambda: _with_zone_and_seal(sign_off_day(day, session.username, password, clock))
        )
        if read is not None:
            self.summary, self.zone, self.seal_code = read
            self.show_gaps()
            code = self.seal_code or "–"
            # The code is what the head keeps on paper: a database-only rewrite cannot match it.
            self.show_ok(
                self.tr(
                    "{day} disahkan · kode segel {code} (catat di buku atau simpan cetakannya)"
                ).format(day=day, code=code)
            )


def _with_zone_and_seal(summary: DailySummary) -> tuple[DailySummary, dt.tzinfo, str | None]:
    """``summary`` with what showing it reads from the database too (on the worker): the
    office's time zone and the seal code of its sign-off."""
    seal = chain_seals.seal_for_sign_off(summary.sign_off.seq) if summary.sign_off else None
    return summary, office.load_settings().zone, seal.code if seal else None
