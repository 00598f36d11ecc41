"""Staff accounts: officers, admins and the head of office."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loket.models import validation as check
from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import write_transaction
from loket.models.errors import InvalidInput, NotFound, PermissionDenied
from loket.models.office import secret_check
from loket.models.office.passwords import check_secret, hash_secret
from loket.models.office.pin_policy import check_new_pin
from loket.models.tables import Staff

ROLES = ("staff", "admin", "head")
_USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,39}$")
_NIP = re.compile(r"^(\d{18})?$")


@dataclass(frozen=True)
class StaffInfo:
    username: str
    full_name: str
    nip: str
    role: str
    active: bool
    has_password: bool


def _info(row: Staff) -> StaffInfo:
    return StaffInfo(
        username=row.username,
        full_name=row.full_name,
        nip=row.nip,
        role=row.role,
        active=row.active,
        has_password=bool(row.password_hash),
    )


def _username(raw: str) -> str:
    value = raw.strip().lower()
    if not _USERNAME.match(value):
        raise InvalidInput(
            f"Nama pengguna tidak sah: '{raw}' (huruf kecil, angka, . _ -; 2–40 karakter)",
            f"Invalid username: '{raw}' (lower-case letters, digits, . _ -; 2–40 characters)",
        )
    return value


def _role(raw: str) -> str:
    value = raw.strip().lower()
    if value not in ROLES:
        raise InvalidInput(
            f"Peran harus salah satu dari {', '.join(ROLES)}",
            f"Role must be one of {', '.join(ROLES)}",
        )
    return value


def _pin(raw: str) -> str:
    return check_new_pin(raw)


def _password(raw: str) -> str:
    if len(raw) < 8:
        raise InvalidInput("Kata sandi minimal 8 karakter", "A password has at least 8 characters")
    return raw


def _nip(raw: str) -> str:
    value = raw.replace(" ", "")
    if not _NIP.match(value):
        raise InvalidInput("NIP harus 18 angka", "A NIP (civil-servant number) is 18 digits")
    return value


def find_staff(username: str) -> Staff:
    row = Staff.get_or_none(Staff.username == username.strip().lower())
    if row is None:
        raise NotFound(f"Petugas '{username}' tidak ada", f"No staff member '{username}'")
    return row


def add_staff(
    username: str,
    full_name: str,
    role: str,
    pin: str,
    password: str | None = None,
    nip: str = "",
) -> StaffInfo:
    name = _username(username)
    values = {
        "username": name,
        "full_name": check.text(full_name, "Nama lengkap", "Full name", 120),
        "role": _role(role),
        "nip": _nip(nip),
        "pin_hash": hash_secret(_pin(pin)),
        "password_hash": hash_secret(_password(password)) if password else None,
    }
    with write_transaction():
        if Staff.select().where(Staff.username == name).exists():
            raise InvalidInput(
                f"Petugas '{name}' sudah ada", f"Staff member '{name}' already exists"
            )
        row = Staff.create(**values)
        publish("staff")
    return _info(row)


def edit_staff(
    username: str,
    *,
    full_name: str | None = None,
    role: str | None = None,
    pin: str | None = None,
    password: str | None = None,
    nip: str | None = None,
    active: bool | None = None,
) -> StaffInfo:
    changes: dict[str, object] = {}
    if full_name is not None:
        changes["full_name"] = check.text(full_name, "Nama lengkap", "Full name", 120)
    if role is not None:
        changes["role"] = _role(role)
    if pin is not None:
        changes["pin_hash"] = hash_secret(_pin(pin))
    if password is not None:
        changes["password_hash"] = hash_secret(_password(password))
    if nip is not None:
        changes["nip"] = _nip(nip)
    if active is not None:
        changes["active"] = active
    with write_transaction():
        row = find_staff(username)
        for key, value in changes.items():
            setattr(row, key, value)
        row.save()
        publish("staff")
    return _info(row)


def disable_staff(username: str) -> StaffInfo:
    return edit_staff(username, active=False)


def list_staff(include_inactive: bool = True) -> list[StaffInfo]:
    query = Staff.select().order_by(Staff.username)
    if not include_inactive:
        query = query.where(Staff.active == True)  # noqa: E712
    return [_info(row) for row in query]


def authenticate_pin(
    username: str,
    pin: str,
    *,
    path: str = secret_check.COUNTER_SIGN_IN,
    pc: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> StaffInfo:
    """The active account whose PIN this is, under the lockout of :mod:`secret_check`
    (``path`` and ``pc`` say where it was typed, for the audit log)."""
    found: list[Staff] = []

    def verify() -> bool:
        row = Staff.get_or_none(Staff.username == secret_check.account_name(username))
        if row is None or not row.active or not check_secret(pin.strip(), row.pin_hash):
            return False
        found.append(row)
        return True

    wrong = PermissionDenied("Nama pengguna atau PIN salah", "Wrong username or PIN")
    secret_check.guarded_check(username, path, verify, wrong, pc=pc, clock=clock)
    return _info(found[0])


def pin_owner(
    pin: str,
    roles: tuple[str, ...],
    *,
    path: str = secret_check.KIOSK_EXIT,
    pc: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> StaffInfo | None:
    """The active account with one of ``roles`` whose PIN this is (a PIN asked without a
    name, as at the kiosk's exit), or ``None``; a wrong PIN counts against every such
    account, and :class:`~secret_check.AccountLocked` is raised when a lock stood in the way."""
    rows = {
        row.username: row
        for row in Staff.select().where(Staff.active == True, Staff.role.in_(roles))  # noqa: E712
    }
    if not rows or not pin.strip().isdigit():
        return None

    def verify(name: str) -> bool:
        return check_secret(pin.strip(), rows[name].pin_hash)

    name = secret_check.guarded_check_any(sorted(rows), path, verify, pc=pc, clock=clock)
    return _info(rows[name]) if name is not None else None
