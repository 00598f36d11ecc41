"""Staff and roles: accounts, PINs for the counters, passwords for this app, lockouts."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from loket.admin.console.setup_fields import Action, Column, Field, Form, tr, yes_no
from loket.admin.console.setup_page import Setup, SetupPage, register
from loket.models.clock import Clock
from loket.models.office import admin_actions, staff
from loket.models.office.auth import Session
from loket.models.office.staff import StaffInfo

ROLES = (
    ("staff", QT_TRANSLATE_NOOP("SetupPage", "petugas")),
    ("admin", QT_TRANSLATE_NOOP("SetupPage", "admin")),
    ("head", QT_TRANSLATE_NOOP("SetupPage", "kepala")),
)


def role_name(role: str) -> str:
    names = dict(ROLES)
    return tr(names[role]) if role in names else role


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


def unlocked(was_locked: bool, form: Form) -> str:
    name = form.text("username")
    if was_locked:
        return tr(QT_TRANSLATE_NOOP("SetupPage", "Kunci akun {name} dibuka")).format(name=name)
    return tr(QT_TRANSLATE_NOOP("SetupPage", "Akun {name} tidak terkunci")).format(name=name)


@register
class StaffPage(SetupPage):
    key = "staff"
    title_text = QT_TRANSLATE_NOOP("Page", "Petugas dan peran")
    order = 3
    setup = Setup(
        prefix="staff",
        listing=staff.list_staff,
        topics=frozenset({"staff"}),
        columns=(
            Column(QT_TRANSLATE_NOOP("SetupPage", "Nama pengguna"), lambda p: p.username),
            Column(QT_TRANSLATE_NOOP("SetupPage", "Nama lengkap"), lambda p: p.full_name),
            Column(QT_TRANSLATE_NOOP("SetupPage", "NIP"), lambda p: p.nip),
            Column(QT_TRANSLATE_NOOP("SetupPage", "Peran"), lambda p: role_name(p.role)),
            Column(QT_TRANSLATE_NOOP("SetupPage", "Aktif"), lambda p: yes_no(p.active)),
        ),
        fields=(
            Field(
                "username",
                QT_TRANSLATE_NOOP("SetupPage", "Nama pengguna"),
                load=lambda p: p.username,
            ),
            Field(
                "full_name",
                QT_TRANSLATE_NOOP("SetupPage", "Nama lengkap"),
                load=lambda p: p.full_name,
            ),
            Field("nip", QT_TRANSLATE_NOOP("SetupPage", "NIP"), load=lambda p: p.nip),
            Field(
                "role",
                QT_TRANSLATE_NOOP("SetupPage", "Peran"),
                kind="choice",
                load=lambda p: p.role,
                choices=ROLES,
            ),
            Field(
                "pin",
                QT_TRANSLATE_NOOP("SetupPage", "PIN loket (kosong: tidak diubah)"),
                kind="secret",
            ),
            Field(
                "password",
                QT_TRANSLATE_NOOP("SetupPage", "Kata sandi admin (kosong: tidak diubah)"),
                kind="secret",
            ),
            Field(
                "active",
                QT_TRANSLATE_NOOP("SetupPage", "Aktif"),
                kind="check",
                load=lambda p: p.active,
                default=True,
            ),
        ),
        actions=(
            Action(
                "add",
                QT_TRANSLATE_NOOP("SetupPage", "Tambah petugas"),
                add,
                QT_TRANSLATE_NOOP("SetupPage", "Petugas ditambahkan"),
                primary=True,
                then="select",
            ),
            Action(
                "save",
                QT_TRANSLATE_NOOP("SetupPage", "Simpan perubahan"),
                save,
                QT_TRANSLATE_NOOP("SetupPage", "Perubahan petugas disimpan"),
            ),
            Action(
                "disable",
                QT_TRANSLATE_NOOP("SetupPage", "Nonaktifkan"),
                disable,
                QT_TRANSLATE_NOOP("SetupPage", "Petugas dinonaktifkan"),
            ),
            Action(
                "unlock",
                QT_TRANSLATE_NOOP("SetupPage", "Buka kunci masuk"),
                unlock,
                unlocked,
                then="stay",
            ),
        ),
    )
