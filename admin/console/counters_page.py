"""Counters: their services and weights, the front-desk flag, and the required minimum."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLineEdit, QSpinBox

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
from loket.models.services import admin_actions, catalog, office
from loket.models.services.catalog import CounterInfo


def weights_text(info: CounterInfo) -> str:
    """``A,B:2`` as the services take it: a weight of 1 is left out."""
    return ",".join(code if weight == 1 else f"{code}:{weight}" for code, weight in info.services)


class CountersPage(Page):
    key = "counters"
    title_id = "Loket"
    title_en = "Counters"

    def build(self) -> None:
        self.counters: dict[int, CounterInfo] = {}
        self.list = table("counters_table", 5)
        self.list.itemSelectionChanged.connect(self.selected)
        self.body.addWidget(self.list, 1)
        form = QFormLayout()
        self.number = QSpinBox()
        self.number.setObjectName("counter_number")
        self.number.setRange(1, 999)
        self.name = QLineEdit()
        self.name.setObjectName("counter_name")
        self.services = QLineEdit()
        self.services.setObjectName("counter_services")
        self.front_desk = QCheckBox()
        self.front_desk.setObjectName("counter_front_desk")
        self.active = QCheckBox()
        self.active.setObjectName("counter_active")
        self.active.setChecked(True)
        self.labels = [label() for _ in range(5)]
        for caption, field in zip(
            self.labels,
            (self.number, self.name, self.services, self.front_desk, self.active),
            strict=True,
        ):
            form.addRow(caption, field)
        self.body.addLayout(form)
        row = QHBoxLayout()
        self.add_button = button("counter_add", primary=True)
        self.save_button = button("counter_save")
        self.disable_button = button("counter_disable")
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.disable_button.clicked.connect(self.disable)
        for widget in (self.add_button, self.save_button, self.disable_button):
            row.addWidget(widget)
        self.body.addLayout(row)
        minimum_row = QHBoxLayout()
        self.minimum_label = label()
        self.minimum = QSpinBox()
        self.minimum.setObjectName("front_desk_minimum")
        self.minimum.setRange(0, 100)
        self.minimum_button = button("front_desk_minimum_save")
        self.minimum_button.clicked.connect(self.save_minimum)
        minimum_row.addWidget(self.minimum_label, 1)
        minimum_row.addWidget(self.minimum)
        minimum_row.addWidget(self.minimum_button)
        self.body.addLayout(minimum_row)

    def retranslate(self) -> None:
        super().retranslate()
        set_headers(
            self.list,
            [
                t("Nomor", "Number"),
                t("Nama", "Name"),
                t("Layanan:bobot", "Services:weight"),
                t("Loket depan", "Front desk"),
                t("Aktif", "Active"),
            ],
        )
        captions = (
            t("Nomor loket", "Counter number"),
            t("Nama", "Name"),
            t("Layanan dan bobot (mis. A,B:2)", "Services and weights (e.g. A,B:2)"),
            t("Loket depan (wajib dijaga)", "Front desk (must be staffed)"),
            t("Aktif", "Active"),
        )
        for widget, text in zip(self.labels, captions, strict=True):
            widget.setText(text)
        self.add_button.setText(t("Tambah loket", "Add counter"))
        self.save_button.setText(t("Simpan perubahan", "Save changes"))
        self.disable_button.setText(t("Nonaktifkan", "Disable"))
        self.minimum_label.setText(
            t(
                "Minimal loket depan yang dijaga pada jam layanan",
                "Front-desk counters that must be staffed in service hours",
            )
        )
        self.minimum_button.setText(t("Simpan minimal", "Save minimum"))

    def refresh(self) -> None:
        data = self.attempt(lambda: (catalog.list_counters(), office.load_settings()))
        if data is None:
            return
        counters, settings = data
        chosen = selected_key(self.list)
        self.counters = {c.number: c for c in counters}
        yes, no = t("ya", "yes"), t("tidak", "no")
        fill_table(
            self.list,
            [
                (c.number, c.name, weights_text(c), yes if c.front_desk else no,
                 yes if c.active else no)
                for c in counters
            ],
        )  # fmt: skip
        if chosen is not None:
            select_row(self.list, chosen)
        self.minimum.setValue(settings.front_desk_minimum)

    def feed_changed(self, topics: set[str]) -> None:
        if topics & {"counters", "settings"}:
            self.refresh()

    def selected(self) -> None:
        info = self.counters.get(selected_key(self.list))
        if info is None:
            return
        self.number.setValue(info.number)
        self.name.setText(info.name)
        self.services.setText(weights_text(info))
        self.front_desk.setChecked(info.front_desk)
        self.active.setChecked(info.active)

    def add(self) -> None:
        session = self.context.require_session()
        done = self.change(
            lambda: admin_actions.add_counter(
                session,
                self.number.value(),
                self.services.text(),
                self.name.text(),
                self.front_desk.isChecked(),
                clock=self.context.clock,
            ),
            "Loket ditambahkan",
            "Counter added",
        )
        if done is not None:
            select_row(self.list, done.number)

    def save(self) -> None:
        session = self.context.require_session()
        self.change(
            lambda: admin_actions.edit_counter(
                session,
                self.number.value(),
                services=self.services.text(),
                name=self.name.text(),
                front_desk=self.front_desk.isChecked(),
                active=self.active.isChecked(),
                clock=self.context.clock,
            ),
            "Perubahan loket disimpan",
            "Counter changes saved",
        )

    def disable(self) -> None:
        session = self.context.require_session()
        number = self.number.value()
        self.change(
            lambda: admin_actions.disable_counter(session, number, clock=self.context.clock),
            "Loket dinonaktifkan",
            "Counter disabled",
        )

    def save_minimum(self) -> None:
        session = self.context.require_session()
        self.attempt(
            lambda: admin_actions.set_front_desk_minimum(
                session, self.minimum.value(), clock=self.context.clock
            ),
            "Minimal loket depan disimpan",
            "Front-desk minimum saved",
        )
