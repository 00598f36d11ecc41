"""Staff and roles: accounts, PINs for the counters, passwords for this app, lockouts."""

from __future__ import annotations

from loket.admin.console.parts import t
from loket.admin.console.setup_fields import Action, Column, Field, Form, Text, yes_no
from loket.admin.console.setup_page import Setup, SetupPage, register
from loket.models.clock import Clock
from loket.models.office import admin_actions, staff
from loket.models.office.auth import Session
from loket.models.office.staff import StaffInfo

ROLES = (("staff", "petugas", "officer"), ("admin", "admin", "admin"), ("head", "kepala", "head"))


def role_name(role: str) -> str:
    names = {code: (name_id, name_en) for code, name_id, name_en in ROLES}
    return t(*names[role]) if role in names else role


def add(session: Session, form: Form, clock: Clock) -> StaffInfo:
    return admin_actions.add_staff(
        session,
        form.text("username"),
        form.text("full_name"),
        form.choice("role"),
        form.text("pin"),
        form.text("password") or None,
        form.text("nip"),
        clock=clock,
    )


def save(session: Session, form: Form, clock: Clock) -> StaffInfo:
    return admin_actions.edit_staff(
        session,
        form.text("username"),
        full_name=form.text("full_name"),
        role=form.choice("role"),
        nip=form.text("nip"),
        pin=form.text("pin") or None,
        password=form.text("password") or None,
        active=form.checked("active"),
        clock=clock,
    )


def disable(session: Session, form: Form, clock: Clock) -> StaffInfo:
    return admin_actions.disable_staff(session, form.text("username"), clock=clock)


def unlock(session: Session, form: Form, clock: Clock) -> bool:
    return admin_actions.unlock_account(session, form.text("username"), clock=clock)


def unlocked(was_locked: bool, form: Form) -> Text:
    name = form.text("username")
    if was_locked:
        return f"Kunci akun {name} dibuka", f"Account {name} unlocked"
    return f"Akun {name} tidak terkunci", f"Account {name} was not locked"


@register
class StaffPage(SetupPage):
    key = "staff"
    title_id = "Petugas dan peran"
    title_en = "Staff and roles"
    order = 3
    setup = Setup(
        prefix="staff",
        listing=staff.list_staff,
        topics=frozenset({"staff"}),
        columns=(
            Column(("Nama pengguna", "Username"), lambda p: p.username),
            Column(("Nama lengkap", "Full name"), lambda p: p.full_name),
            Column(("NIP", "NIP"), lambda p: p.nip),
            Column(("Peran", "Role"), lambda p: role_name(p.role)),
            Column(("Aktif", "Active"), lambda p: yes_no(p.active)),
        ),
        fields=(
            Field("username", ("Nama pengguna", "Username"), load=lambda p: p.username),
            Field("full_name", ("Nama lengkap", "Full name"), load=lambda p: p.full_name),
            Field("nip", ("NIP", "NIP"), load=lambda p: p.nip),
            Field("role", ("Peran", "Role"), kind="choice", load=lambda p: p.role, choices=ROLES),
            Field(
                "pin",
                ("PIN loket (kosong: tidak diubah)", "Counter PIN (empty: unchanged)"),
                kind="secret",
            ),
            Field(
                "password",
                ("Kata sandi admin (kosong: tidak diubah)", "Admin password (empty: unchanged)"),
                kind="secret",
            ),
            Field(
                "active", ("Aktif", "Active"), kind="check", load=lambda p: p.active, default=True
            ),
        ),
        actions=(
            Action(
                "add",
                ("Tambah petugas", "Add staff"),
                add,
                ("Petugas ditambahkan", "Staff member added"),
                primary=True,
                then="select",
            ),
            Action(
                "save",
                ("Simpan perubahan", "Save changes"),
                save,
                ("Perubahan petugas disimpan", "Staff changes saved"),
            ),
            Action(
                "disable",
                ("Nonaktifkan", "Disable"),
                disable,
                ("Petugas dinonaktifkan", "Staff member disabled"),
            ),
            Action("unlock", ("Buka kunci masuk", "Unlock login"), unlock, unlocked, then="stay"),
        ),
    )
