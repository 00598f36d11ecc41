"""Counters: their services and weights, the front-desk flag, and the required minimum."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QSpinBox

from loket.admin.console.parts import button, label
from loket.admin.console.setup_fields import Action, Column, Field, Form, yes_no
from loket.admin.console.setup_page import Setup, SetupPage, register
from loket.models import settings as office
from loket.models.clock import Clock
from loket.models.office import admin_actions, catalog
from loket.models.office.auth import Session
from loket.models.office.catalog import CounterInfo


def weights_text(info: CounterInfo) -> str:
    """``A,B:2`` as the services take it: a weight of 1 is left out."""
    return ",".join(code if weight == 1 else f"{code}:{weight}" for code, weight in info.services)


def add(session: Session, form: Form, clock: Clock) -> CounterInfo:
    return admin_actions.add_counter(
        session,
        form.number("number"),
        form.text("services"),
        form.text("name"),
        form.checked("front_desk"),
        clock=clock,
    )


def save(session: Session, form: Form, clock: Clock) -> CounterInfo:
    return admin_actions.edit_counter(
        session,
        form.number("number"),
        services=form.text("services"),
        name=form.text("name"),
        front_desk=form.checked("front_desk"),
        active=form.checked("active"),
        clock=clock,
    )


def disable(session: Session, form: Form, clock: Clock) -> CounterInfo:
    return admin_actions.disable_counter(session, form.number("number"), clock=clock)


@register
class CountersPage(SetupPage):
    key = "counters"
    title_text = QT_TRANSLATE_NOOP("Page", "Daftar loket")
    order = 2
    setup = Setup(
        prefix="counter",
        listing=catalog.list_counters,
        topics=frozenset({"counters", "settings"}),
        columns=(
            Column(QT_TRANSLATE_NOOP("SetupPage", "Nomor"), lambda c: c.number),
            Column(QT_TRANSLATE_NOOP("SetupPage", "Nama"), lambda c: c.name),
            Column(QT_TRANSLATE_NOOP("SetupPage", "Layanan:bobot"), weights_text),
            Column(QT_TRANSLATE_NOOP("SetupPage", "Loket depan"), lambda c: yes_no(c.front_desk)),
            Column(QT_TRANSLATE_NOOP("SetupPage", "Aktif"), lambda c: yes_no(c.active)),
        ),
        fields=(
            Field(
                "number",
                QT_TRANSLATE_NOOP("SetupPage", "Nomor loket"),
                kind="number",
                load=lambda c: c.number,
                limits=(1, 999),
            ),
            Field("name", QT_TRANSLATE_NOOP("SetupPage", "Nama"), load=lambda c: c.name),
            Field(
                "services",
                QT_TRANSLATE_NOOP("SetupPage", "Layanan dan bobot (mis. A,B:2)"),
                load=weights_text,
            ),
            Field(
                "front_desk",
                QT_TRANSLATE_NOOP("SetupPage", "Loket depan (wajib dijaga)"),
                kind="check",
                load=lambda c: c.front_desk,
            ),
            Field(
                "active",
                QT_TRANSLATE_NOOP("SetupPage", "Aktif"),
                kind="check",
                load=lambda c: c.active,
                default=True,
            ),
        ),
        actions=(
            Action(
                "add",
                QT_TRANSLATE_NOOP("SetupPage", "Tambah loket"),
                add,
                QT_TRANSLATE_NOOP("SetupPage", "Loket ditambahkan"),
                primary=True,
                then="select",
            ),
            Action(
                "save",
                QT_TRANSLATE_NOOP("SetupPage", "Simpan perubahan"),
                save,
                QT_TRANSLATE_NOOP("SetupPage", "Perubahan loket disimpan"),
            ),
            Action(
                "disable",
                QT_TRANSLATE_NOOP("SetupPage", "Nonaktifkan"),
                disable,
                QT_TRANSLATE_NOOP("SetupPage", "Loket dinonaktifkan"),
            ),
        ),
    )

    def build(self) -> None:
        super().build()
        # One office setting, not a counter: it has its own row and button.
        row = QHBoxLayout()
        self.minimum_label = label()
        self.minimum = QSpinBox()
        self.minimum.setObjectName("front_desk_minimum")
        self.minimum.setRange(0, 100)
        self.minimum_button = button("front_desk_minimum_save")
        self.minimum_button.clicked.connect(self.save_minimum)
        row.addWidget(self.minimum_label, 1)
        row.addWidget(self.minimum)
        row.addWidget(self.minimum_button)
        self.body.addLayout(row)

    def retranslate(self) -> None:
        super().retranslate()
        self.minimum_label.setText(self.tr("Minimal loket depan yang dijaga pada jam layanan"))
        self.minimum_button.setText(self.tr("Simpan minimal"))

    def refresh(self) -> None:
        data = self.attempt(lambda: (self.setup.listing(), office.load_settings()))
        if data is None:
            return
        counters, settings = data
        self.show_rows(counters)
        self.minimum.setValue(settings.front_desk_minimum)

    def save_minimum(self) -> None:
        session = self.context.require_session()
        self.attempt(
            lambda: admin_actions.set_front_desk_minimum(
                session, self.minimum.value(), clock=self.context.clock
            ),
            self.tr("Minimal loket depan disimpan"),
        )
