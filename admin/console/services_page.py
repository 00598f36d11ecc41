"""Services: code, names, daily quota, hours, days and the usual minutes per visitor."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QSpinBox

from loket.admin.console.parts import (
    Page,
    button,
    fill_table,
    label,
    select_row,
    selected_key,
    set_headers,
    t,
    table,
)
from loket.models.services import admin_actions, catalog
from loket.models.services.catalog import ServiceInfo


class ServicesPage(Page):
    key = "services"
    title_id = "Layanan"
    title_en = "Services"

    def build(self) -> None:
        self.services: dict[str, ServiceInfo] = {}
        self.list = table("services_table", 7)
        self.list.itemSelectionChanged.connect(self.selected)
        self.body.addWidget(self.list, 1)
        form = QFormLayout()
        self.code = QLineEdit()
        self.code.setObjectName("service_code")
        self.code.setMaxLength(3)
        self.name = QLineEdit()
        self.name.setObjectName("service_name")
        self.name_en = QLineEdit()
        self.name_en.setObjectName("service_name_en")
        self.quota = QSpinBox()
        self.quota.setObjectName("service_quota")
        self.quota.setRange(0, 10_000)
        self.hours = QLineEdit("07:30-16:00")
        self.hours.setObjectName("service_hours")
        self.days = QLineEdit("12345")
        self.days.setObjectName("service_days")
        self.minutes = QSpinBox()
        self.minutes.setObjectName("service_minutes")
        self.minutes.setRange(1, 240)
        self.minutes.setValue(5)
        self.labels = [label() for _ in range(7)]
        for caption, field in zip(
            self.labels,
            (self.code, self.name, self.name_en, self.quota, self.hours, self.days, self.minutes),
            strict=True,
        ):
            form.addRow(caption, field)
        self.body.addLayout(form)
        row = QHBoxLayout()
        self.add_button = button("service_add", primary=True)
        self.save_button = button("service_save")
        self.disable_button = button("service_disable")
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.disable_button.clicked.connect(self.disable)
        for widget in (self.add_button, self.save_button, self.disable_button):
            row.addWidget(widget)
        self.body.addLayout(row)

    def retranslate(self) -> None:
        super().retranslate()
        set_headers(
            self.list,
            [
                t("Kode", "Code"),
                t("Nama", "Name"),
                t("Nama (Inggris)", "Name (English)"),
                t("Kuota harian", "Daily quota"),
                t("Jam", "Hours"),
                t("Hari", "Days"),
                t("Aktif", "Active"),
            ],
        )
        captions = (
            t("Kode (huruf)", "Code (letter)"),
            t("Nama", "Name"),
            t("Nama (Inggris)", "Name (English)"),
            t("Kuota harian (0: tanpa batas)", "Daily quota (0: no limit)"),
            t("Jam layanan", "Service hours"),
            t("Hari (1=Senin … 7=Minggu)", "Days (1=Monday … 7=Sunday)"),
            t("Menit per pengunjung", "Minutes per visitor"),
        )
        for widget, text in zip(self.labels, captions, strict=True):
            widget.setText(text)
        self.add_button.setText(t("Tambah layanan", "Add service"))
        self.save_button.setText(t("Simpan perubahan", "Save changes"))
        self.disable_button.setText(t("Nonaktifkan", "Disable"))

    def refresh(self) -> None:
        services = self.attempt(catalog.list_services)
        if services is None:
            return
        chosen = selected_key(self.list)
        self.services = {s.code: s for s in services}
        yes, no = t("ya", "yes"), t("tidak", "no")
        fill_table(
            self.list,
            [
                (s.code, s.name_id, s.name_en, s.daily_quota or "–", s.hours, s.days,
                 yes if s.active else no)
                for s in services
            ],
        )  # fmt: skip
        if chosen:
            select_row(self.list, chosen)

    def feed_changed(self, topics: set[str]) -> None:
        if "services" in topics:
            self.refresh()

    def selected(self) -> None:
        info = self.services.get(selected_key(self.list))
        if info is None:
            return
        self.code.setText(info.code)
        self.name.setText(info.name_id)
        self.name_en.setText(info.name_en)
        self.quota.setValue(info.daily_quota or 0)
        self.hours.setText(info.hours)
        self.days.setText(info.days)
        self.minutes.setValue(info.default_service_minutes)

    def add(self) -> None:
        session = self.context.require_session()
        done = self.change(
            lambda: admin_actions.add_service(
                session,
                self.code.text(),
                self.name.text(),
                self.name_en.text() or None,
                self.quota.value() or None,
                self.hours.text(),
                self.days.text(),
                self.minutes.value(),
                clock=self.context.clock,
            ),
            "Layanan ditambahkan",
            "Service added",
        )
        if done is not None:
            select_row(self.list, done.code)

    def save(self) -> None:
        session = self.context.require_session()
        quota = self.quota.value()
        self.change(
            lambda: admin_actions.edit_service(
                session,
                self.code.text(),
                clock=self.context.clock,
                name=self.name.text(),
                name_en=self.name_en.text(),
                daily_quota=quota or None,
                clear_quota=quota == 0,
                hours=self.hours.text(),
                days=self.days.text(),
                default_service_minutes=self.minutes.value(),
                active=True,
            ),
            "Perubahan layanan disimpan",
            "Service changes saved",
        )

    def disable(self) -> None:
        session = self.context.require_session()
        code = self.code.text()
        if not self.context.dialogs.confirm(
            t("Nonaktifkan layanan", "Disable service"),
            t(f"Nonaktifkan layanan {code}?", f"Disable service {code}?"),
        ):
            return
        self.change(
            lambda: admin_actions.disable_service(session, code, clock=self.context.clock),
            "Layanan dinonaktifkan",
            "Service disabled",
        )
