"""Service hours per counter group and weekday, holidays, Ramadan, and the escalation delay."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from loket.admin.console.parts import (
    Page,
    button,
    date_edit,
    date_of,
    fill_table,
    form_layout,
    label,
    selected_key,
    set_headers,
    table,
    translated,
)
from loket.kiosk.shell.i18n import pick
from loket.models import input_files
from loket.models.staffing import holiday_import, hours_actions
from loket.models.staffing import hours as service_hours
from loket.models.staffing.escalation import escalation_delay
from loket.models.staffing.hours import DayHours

WEEKDAYS = (
    QT_TRANSLATE_NOOP("HoursPage", "Senin"),
    QT_TRANSLATE_NOOP("HoursPage", "Selasa"),
    QT_TRANSLATE_NOOP("HoursPage", "Rabu"),
    QT_TRANSLATE_NOOP("HoursPage", "Kamis"),
    QT_TRANSLATE_NOOP("HoursPage", "Jumat"),
    QT_TRANSLATE_NOOP("HoursPage", "Sabtu"),
    QT_TRANSLATE_NOOP("HoursPage", "Minggu"),
)


def hm(minute: int | None) -> str:
    return "–" if minute is None else f"{minute // 60:02d}:{minute % 60:02d}"


class HoursPage(Page):
    key = "hours"
    title_text = QT_TRANSLATE_NOOP("Page", "Jam layanan dan libur")

    def build(self) -> None:
        today = self.context.clock.now().date()
        top = QHBoxLayout()
        self.group = QComboBox()
        self.group.setObjectName("hours_group")
        self.schedule = QComboBox()
        self.schedule.setObjectName("hours_schedule")
        self.group.currentIndexChanged.connect(self.show_week)
        self.schedule.currentIndexChanged.connect(self.show_week)
        top.addWidget(self.group)
        top.addWidget(self.schedule)
        self.body.addLayout(top)
        self.week = table("hours_week", 4)
        self.body.addWidget(self.week, 1)
        form = form_layout()
        self.days = QLineEdit("1234")
        self.days.setObjectName("hours_days")
        self.hours = QLineEdit("07:30-16:00")
        self.hours.setObjectName("hours_span")
        self.break_window = QLineEdit("12:00-13:00")
        self.break_window.setObjectName("hours_break")
        self.closed = QCheckBox()
        self.closed.setObjectName("hours_closed")
        self.labels = [label(wrap=False) for _ in range(4)]
        for caption, field in zip(
            self.labels, (self.days, self.hours, self.break_window, self.closed), strict=True
        ):
            form.addRow(caption, field)
        self.body.addLayout(form)
        self.set_button = button("hours_set", primary=True)
        self.set_button.clicked.connect(self.set_hours)
        self.body.addWidget(self.set_button)

        lower = QHBoxLayout()
        self.holiday_box = QGroupBox()
        holidays = QVBoxLayout(self.holiday_box)
        self.holidays = table("holidays_table", 2)
        holidays.addWidget(self.holidays)
        row = QHBoxLayout()
        self.holiday_day = date_edit("holiday_day", today)
        self.holiday_name = QLineEdit()
        self.holiday_name.setObjectName("holiday_name")
        self.holiday_add = button("holiday_add")
        self.holiday_remove = button("holiday_remove")
        self.holiday_add.clicked.connect(self.add_holiday)
        self.holiday_remove.clicked.connect(self.remove_holiday)
        self.holiday_import = button("holiday_import")
        self.holiday_import.clicked.connect(self.import_holidays)
        for widget in (
            self.holiday_day,
            self.holiday_name,
            self.holiday_add,
            self.holiday_remove,
            self.holiday_import,
        ):
            row.addWidget(widget)
        holidays.addLayout(row)
        lower.addWidget(self.holiday_box, 2)

        self.ramadan_box = QGroupBox()
        ramadan = QVBoxLayout(self.ramadan_box)
        self.ramadan_now = label("muted", name="ramadan_periods")
        ramadan.addWidget(self.ramadan_now)
        self.ramadan_first = date_edit("ramadan_first", today)
        self.ramadan_last = date_edit("ramadan_last", today + dt.timedelta(days=29))
        ramadan.addWidget(self.ramadan_first)
        ramadan.addWidget(self.ramadan_last)
        self.ramadan_set = button("ramadan_set")
        self.ramadan_set.clicked.connect(self.set_ramadan)
        ramadan.addWidget(self.ramadan_set)
        self.escalation_label = label()
        ramadan.addWidget(self.escalation_label)
        self.escalation = QSpinBox()
        self.escalation.setObjectName("escalation_minutes")
        self.escalation.setRange(1, 24 * 60)
        ramadan.addWidget(self.escalation)
        self.escalation_save = button("escalation_save")
        self.escalation_save.clicked.connect(self.save_escalation)
        ramadan.addWidget(self.escalation_save)
        lower.addWidget(self.ramadan_box, 1)
        self.body.addLayout(lower, 1)

    def retranslate(self) -> None:
        super().retranslate()
        group, schedule = self.group.currentData(), self.schedule.currentData()
        self.group.blockSignals(True)
        self.schedule.blockSignals(True)
        self.group.clear()
        for code in service_hours.GROUPS:
            name = pick(*service_hours.GROUP_NAMES[code])
            self.group.addItem(self.tr("Grup {name}").format(name=name), code)
        self.schedule.clear()
        self.schedule.addItem(self.tr("Jadwal biasa"), "normal")
        self.schedule.addItem(self.tr("Jadwal Ramadan"), "ramadan")
        if group:
            self.group.setCurrentIndex(self.group.findData(group))
        if schedule:
            self.schedule.setCurrentIndex(self.schedule.findData(schedule))
        self.group.blockSignals(False)
        self.schedule.blockSignals(False)
        set_headers(
            self.week,
            [self.tr("Hari"), self.tr("Buka"), self.tr("Istirahat"), self.tr("Catatan")],
        )
        captions = (
            self.tr("Hari (1=Senin … 7=Minggu)"),
            self.tr("Jam layanan"),
            self.tr("Istirahat (kosong: tanpa istirahat)"),
            self.tr("Tutup pada hari-hari ini"),
        )
        for widget, text in zip(self.labels, captions, strict=True):
            widget.setText(text)
        self.set_button.setText(self.tr("Simpan jam layanan"))
        self.holiday_box.setTitle(self.tr("Hari libur"))
        set_headers(self.holidays, [self.tr("Tanggal"), self.tr("Nama")])
        self.holiday_add.setText(self.tr("Tambah"))
        self.holiday_remove.setText(self.tr("Hapus"))
        self.holiday_import.setText(self.tr("Muat CSV…"))
        self.ramadan_box.setTitle(self.tr("Ramadan dan eskalasi"))
        self.ramadan_set.setText(self.tr("Tetapkan Ramadan"))
        self.escalation_label.setText(self.tr("Menit sebelum kekosongan dilaporkan ke kepala"))
        self.escalation_save.setText(self.tr("Simpan eskalasi"))

    def refresh(self) -> None:
        self.show_week()
        data = self.attempt(
            lambda: (
                service_hours.list_holidays(),
                service_hours.list_ramadan(),
                escalation_delay(),
            )
        )
        if data is None:
            return
        holidays, ramadan, delay = data
        fill_table(self.holidays, [(h.day, h.name) for h in holidays])
        self.ramadan_now.setText(
            "; ".join(f"{a} – {b}" for a, b in ramadan) or self.tr("Belum ada")
        )
        self.escalation.setValue(int(delay.total_seconds() // 60))

    def show_week(self) -> None:
        group, schedule = self.group.currentData(), self.schedule.currentData()
        if not group or not schedule:
            return
        week: tuple[DayHours, ...] | None = self.attempt(
            lambda: service_hours.week(group, schedule)
        )
        if week is None:
            return
        rows = []
        for day in week:
            name = translated("HoursPage", WEEKDAYS[day.weekday - 1])
            if day.open_minute >= day.close_minute:
                rows.append((name, self.tr("tutup"), "", ""))
                continue
            pause = (
                f"{hm(day.break_start)}–{hm(day.break_end)}" if day.break_start is not None else "–"
            )
            note = self.tr("buka saat istirahat") if day.open_through_break else ""
            rows.append((name, f"{hm(day.open_minute)}–{hm(day.close_minute)}", pause, note))
        fill_table(self.week, rows)

    def feed_changed(self, topics: set[str]) -> None:
        if topics & {"staffing", "settings"}:
            self.refresh()

    def set_hours(self) -> None:
        session = self.context.require_session()
        done = self.attempt(
            lambda: hours_actions.set_hours(
                session,
                str(self.group.currentData()),
                self.days.text(),
                hours=None if self.closed.isChecked() else self.hours.text(),
                break_window=self.break_window.text().strip(),
                closed=self.closed.isChecked(),
                schedule=str(self.schedule.currentData()),
                clock=self.context.clock,
            ),
            self.tr("Jam layanan disimpan"),
        )
        if done is not None:
            self.show_week()

    def add_holiday(self) -> None:
        session = self.context.require_session()
        day = date_of(self.holiday_day).isoformat()
        if self.attempt(
            lambda: hours_actions.add_holiday(
                session, day, self.holiday_name.text(), clock=self.context.clock
            ),
            self.tr("Hari libur ditambahkan"),
        ):
            self.refresh()

    def import_holidays(self) -> None:
        session = self.context.require_session()
        path = self.context.dialogs.choose_file(
            self.tr("Muat hari libur dari CSV"),
            self.tr("Berkas CSV (*.csv *.txt)"),
        )
        if not path:
            return
        raw = self.attempt(lambda: input_files.read_bytes(path, input_files.HOLIDAY_CSV_LIMIT))
        if raw is None:  # too big, a folder, a device, unreadable: said on the page
            return
        text = holiday_import.decode(raw)
        result = self.attempt(
            lambda: hours_actions.import_holidays(session, text, clock=self.context.clock)
        )
        if result is not None:
            self.refresh()
            self.show_ok(pick(*result.text()))

    def remove_holiday(self) -> None:
        session = self.context.require_session()
        chosen = selected_key(self.holidays)
        day = str(chosen) if chosen else date_of(self.holiday_day).isoformat()
        if self.attempt(
            lambda: hours_actions.remove_holiday(session, day, clock=self.context.clock),
            self.tr("Hari libur dihapus"),
        ):
            self.refresh()

    def set_ramadan(self) -> None:
        session = self.context.require_session()
        first = date_of(self.ramadan_first).isoformat()
        last = date_of(self.ramadan_last).isoformat()
        if (
            self.attempt(
                lambda: hours_actions.set_ramadan(session, first, last, clock=self.context.clock),
                self.tr("Masa Ramadan disimpan"),
            )
            is not None
        ):
            self.refresh()

    def save_escalation(self) -> None:
        session = self.context.require_session()
        self.attempt(
            lambda: hours_actions.set_escalation_delay(
                session, self.escalation.value(), clock=self.context.clock
            ),
            self.tr("Tunda eskalasi disimpan"),
        )
