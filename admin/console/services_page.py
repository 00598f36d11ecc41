"""Services: code, names, daily quota, hours, days and the usual minutes per visitor."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from loket.admin.console.setup_fields import Action, Column, Field, Form, Text, tr, yes_no
from loket.admin.console.setup_page import Setup, SetupPage, register
from loket.models.clock import Clock
from loket.models.office import admin_actions, catalog
from loket.models.office.auth import Session
from loket.models.office.catalog import ServiceInfo


def add(session: Session, form: Form, clock: Clock) -> ServiceInfo:
    return admin_actions.add_service(
        session,
        form.text("code"),
        form.text("name"),
        form.text("name_en") or None,
        form.number("quota") or None,
        form.text("hours"),
        form.text("days"),
        form.number("minutes"),
        clock=clock,
    )


def save(session: Session, form: Form, clock: Clock) -> ServiceInfo:
    quota = form.number("quota")
    return admin_actions.edit_service(
        session,
        form.text("code"),
        clock=clock,
        name=form.text("name"),
        name_en=form.text("name_en"),
        daily_quota=quota or None,
        clear_quota=quota == 0,
        hours=form.text("hours"),
        days=form.text("days"),
        default_service_minutes=form.number("minutes"),
        active=True,
    )


def disable(session: Session, form: Form, clock: Clock) -> ServiceInfo:
    return admin_actions.disable_service(session, form.text("code"), clock=clock)


def ask_to_disable(form: Form) -> tuple[Text, str]:
    question = tr(QT_TRANSLATE_NOOP("SetupPage", "Nonaktifkan layanan {code}?"))
    return QT_TRANSLATE_NOOP("SetupPage", "Nonaktifkan layanan"), question.format(
        code=form.text("code")
    )


@register
class ServicesPage(SetupPage):
    key = "services"
    title_text = QT_TRANSLATE_NOOP("Page", "Daftar layanan")
    order = 1
    setup = Setup(
        prefix="service",
        listing=catalog.list_services,
        topics=frozenset({"services"}),
        columns=(
            Column(QT_TRANSLATE_NOOP("SetupPage", "Kode"), lambda s: s.code),
            Column(QT_TRANSLATE_NOOP("SetupPage", "Nama"), lambda s: s.name_id),
            Column(QT_TRANSLATE_NOOP("SetupPage", "Nama (Inggris)"), lambda s: s.name_en),
            Column(QT_TRANSLATE_NOOP("SetupPage", "Kuota harian"), lambda s: s.daily_quota or "–"),
            Column(QT_TRANSLATE_NOOP("SetupPage", "Jam"), lambda s: s.hours),
            Column(QT_TRANSLATE_NOOP("SetupPage", "Hari"), lambda s: s.days),
            Column(QT_TRANSLATE_NOOP("SetupPage", "Aktif"), lambda s: yes_no(s.active)),
        ),
        fields=(
            Field(
                "code",
                QT_TRANSLATE_NOOP("SetupPage", "Kode (huruf)"),
                load=lambda s: s.code,
                max_length=3,
            ),
            Field("name", QT_TRANSLATE_NOOP("SetupPage", "Nama"), load=lambda s: s.name_id),
            Field(
                "name_en",
                QT_TRANSLATE_NOOP("SetupPage", "Nama (Inggris)"),
                load=lambda s: s.name_en,
            ),
            Field(
                "quota",
                QT_TRANSLATE_NOOP("SetupPage", "Kuota harian (0: tanpa batas)"),
                kind="number",
                load=lambda s: s.daily_quota or 0,
                limits=(0, 10_000),
            ),
            Field(
                "hours",
                QT_TRANSLATE_NOOP("SetupPage", "Jam layanan"),
                load=lambda s: s.hours,
                default="07:30-16:00",
            ),
            Field(
                "days",
                QT_TRANSLATE_NOOP("SetupPage", "Hari (1=Senin … 7=Minggu)"),
                load=lambda s: s.days,
                default="12345",
            ),
            Field(
                "minutes",
                QT_TRANSLATE_NOOP("SetupPage", "Menit per pengunjung"),
                kind="number",
                load=lambda s: s.default_service_minutes,
                limits=(1, 240),
                default=5,
            ),
        ),
        actions=(
            Action(
                "add",
                QT_TRANSLATE_NOOP("SetupPage", "Tambah layanan"),
                add,
                QT_TRANSLATE_NOOP("SetupPage", "Layanan ditambahkan"),
                primary=True,
                then="select",
            ),
            Action(
                "save",
                QT_TRANSLATE_NOOP("SetupPage", "Simpan perubahan"),
                save,
                QT_TRANSLATE_NOOP("SetupPage", "Perubahan layanan disimpan"),
            ),
            Action(
                "disable",
                QT_TRANSLATE_NOOP("SetupPage", "Nonaktifkan"),
                disable,
                QT_TRANSLATE_NOOP("SetupPage", "Layanan dinonaktifkan"),
                confirm=ask_to_disable,
            ),
        ),
    )
