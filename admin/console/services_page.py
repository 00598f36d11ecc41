"""Services: code, names, daily quota, hours, days and the usual minutes per visitor."""

from __future__ import annotations

from loket.admin.console.setup_fields import Action, Column, Field, Form, Text, yes_no
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


def ask_to_disable(form: Form) -> tuple[Text, Text]:
    code = form.text("code")
    return ("Nonaktifkan layanan", "Disable service"), (
        f"Nonaktifkan layanan {code}?",
        f"Disable service {code}?",
    )


@register
class ServicesPage(SetupPage):
    key = "services"
    title_id = "Layanan"
    title_en = "Services"
    order = 1
    setup = Setup(
        prefix="service",
        listing=catalog.list_services,
        topics=frozenset({"services"}),
        columns=(
            Column(("Kode", "Code"), lambda s: s.code),
            Column(("Nama", "Name"), lambda s: s.name_id),
            Column(("Nama (Inggris)", "Name (English)"), lambda s: s.name_en),
            Column(("Kuota harian", "Daily quota"), lambda s: s.daily_quota or "–"),
            Column(("Jam", "Hours"), lambda s: s.hours),
            Column(("Hari", "Days"), lambda s: s.days),
            Column(("Aktif", "Active"), lambda s: yes_no(s.active)),
        ),
        fields=(
            Field("code", ("Kode (huruf)", "Code (letter)"), load=lambda s: s.code, max_length=3),
            Field("name", ("Nama", "Name"), load=lambda s: s.name_id),
            Field("name_en", ("Nama (Inggris)", "Name (English)"), load=lambda s: s.name_en),
            Field(
                "quota",
                ("Kuota harian (0: tanpa batas)", "Daily quota (0: no limit)"),
                kind="number",
                load=lambda s: s.daily_quota or 0,
                limits=(0, 10_000),
            ),
            Field(
                "hours",
                ("Jam layanan", "Service hours"),
                load=lambda s: s.hours,
                default="07:30-16:00",
            ),
            Field(
                "days",
                ("Hari (1=Senin … 7=Minggu)", "Days (1=Monday … 7=Sunday)"),
                load=lambda s: s.days,
                default="12345",
            ),
            Field(
                "minutes",
                ("Menit per pengunjung", "Minutes per visitor"),
                kind="number",
                load=lambda s: s.default_service_minutes,
                limits=(1, 240),
                default=5,
            ),
        ),
        actions=(
            Action(
                "add",
                ("Tambah layanan", "Add service"),
                add,
                ("Layanan ditambahkan", "Service added"),
                primary=True,
                then="select",
            ),
            Action(
                "save",
                ("Simpan perubahan", "Save changes"),
                save,
                ("Perubahan layanan disimpan", "Service changes saved"),
            ),
            Action(
                "disable",
                ("Nonaktifkan", "Disable"),
                disable,
                ("Layanan dinonaktifkan", "Service disabled"),
                confirm=ask_to_disable,
            ),
        ),
    )
