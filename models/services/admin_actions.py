"""Every set-up change the admin app makes, role-checked and audited.

Each action: :func:`auth.require_role` (a staff account, an expired session, a
disabled account or a changed role is refused here, whatever the UI shows), then the
underlying service and :func:`audit.record` in one transaction, so a change is never
made without its audit entry nor the other way round. A refusal is itself written to
the audit log (action ``denied``). Key rotation writes a key file outside the database,
so its audit entry follows the rotation in a second transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from loket.models import rawsql
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import write_transaction
from loket.models.errors import InvalidInput, NotFound, PermissionDenied
from loket.models.services import (
    audit,
    auth,
    catalog,
    holiday_import,
    office,
    service_hours,
    signing,
    staff,
)
from loket.models.services.auth import ADMIN_ROLES, Session

T = TypeVar("T")
HEAD_ONLY = ("head",)
_SECRET = "diubah/changed"


def _checked(
    session: Session, action: str, target: str, roles: tuple[str, ...], clock: Clock
) -> None:
    try:
        auth.require_role(session, *roles, clock=clock)
    except PermissionDenied as refusal:
        audit.append_entry(
            session.username,
            session.role,
            "denied",
            f"{action} {target}".strip(),
            {"why": refusal.message_en},
            clock.now(),
        )
        raise


def _act(
    session: Session,
    action: str,
    target: str,
    detail: dict[str, Any],
    change: Callable[[], T],
    roles: tuple[str, ...] = ADMIN_ROLES,
    clock: Clock = SYSTEM_CLOCK,
) -> T:
    _checked(session, action, target, roles, clock)
    with write_transaction():
        result = change()
        audit.record(session, action, target, detail, clock)
    return result


def _given(**values: Any) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


# ── services and counters ────────────────────────────────────────────────────────


def add_service(
    session: Session,
    code: str,
    name: str,
    name_en: str | None = None,
    daily_quota: int | None = None,
    hours: str = "07:30-16:00",
    days: str = "12345",
    default_service_minutes: int = 5,
    clock: Clock = SYSTEM_CLOCK,
) -> catalog.ServiceInfo:
    detail = _given(
        name=name,
        name_en=name_en,
        daily_quota=daily_quota,
        hours=hours,
        days=days,
        default_service_minutes=default_service_minutes,
    )
    return _act(
        session,
        "service_add",
        code.strip().upper(),
        detail,
        lambda: catalog.add_service(
            code, name, name_en, daily_quota, hours, days, default_service_minutes
        ),
        clock=clock,
    )


def edit_service(
    session: Session, code: str, clock: Clock = SYSTEM_CLOCK, **changes: Any
) -> catalog.ServiceInfo:
    """``changes``: name, name_en, daily_quota, clear_quota, hours, days,
    default_service_minutes, active (as :func:`catalog.edit_service`)."""
    return _act(
        session,
        "service_edit",
        code.strip().upper(),
        _given(**changes),
        lambda: catalog.edit_service(code, **changes),
        clock=clock,
    )


def disable_service(
    session: Session, code: str, clock: Clock = SYSTEM_CLOCK
) -> catalog.ServiceInfo:
    return _act(
        session,
        "service_disable",
        code.strip().upper(),
        {},
        lambda: catalog.disable_service(code),
        clock=clock,
    )


def add_counter(
    session: Session,
    number: int | str,
    services: str,
    name: str = "",
    front_desk: bool = False,
    clock: Clock = SYSTEM_CLOCK,
) -> catalog.CounterInfo:
    """``services`` with weights, e.g. ``"A,B:2"``."""
    return _act(
        session,
        "counter_add",
        f"loket {number}",
        _given(services=services, name=name or None, front_desk=front_desk),
        lambda: catalog.add_counter(number, services, name, front_desk),
        clock=clock,
    )


def edit_counter(
    session: Session,
    number: int | str,
    *,
    services: str | None = None,
    name: str | None = None,
    front_desk: bool | None = None,
    active: bool | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> catalog.CounterInfo:
    return _act(
        session,
        "counter_edit",
        f"loket {number}",
        _given(services=services, name=name, front_desk=front_desk, active=active),
        lambda: catalog.edit_counter(
            number, services=services, name=name, front_desk=front_desk, active=active
        ),
        clock=clock,
    )


def disable_counter(
    session: Session, number: int | str, clock: Clock = SYSTEM_CLOCK
) -> catalog.CounterInfo:
    return _act(
        session,
        "counter_disable",
        f"loket {number}",
        {},
        lambda: catalog.disable_counter(number),
        clock=clock,
    )


def set_front_desk_minimum(
    session: Session, minimum: int | str, clock: Clock = SYSTEM_CLOCK
) -> office.OfficeSettings:
    """How many front-desk counters must be staffed for the desk to count as covered."""
    return _act(
        session,
        "front_desk_minimum",
        "front_desk_minimum",
        {"minimum": str(minimum)},
        lambda: office.update_settings(front_desk_minimum=str(minimum)),
        clock=clock,
    )


# ── staff and roles ──────────────────────────────────────────────────────────────


def _active_heads() -> int:
    row = rawsql.fetch_one(
        "SELECT COUNT(*) FROM staff WHERE role = ? AND active = ?", ("head", True)
    )
    return int(row[0]) if row else 0


def _current_role(username: str) -> str | None:
    row = rawsql.fetch_one("SELECT role FROM staff WHERE username = ?", (username.strip().lower(),))
    return str(row[0]) if row else None


def _refuse_last_head() -> None:
    if _active_heads() == 0:
        raise InvalidInput(
            "Perubahan ini meninggalkan kantor tanpa kepala yang aktif",
            "This change would leave the office without an active head",
        )


def add_staff(
    session: Session,
    username: str,
    full_name: str,
    role: str,
    pin: str,
    password: str | None = None,
    nip: str = "",
    clock: Clock = SYSTEM_CLOCK,
) -> staff.StaffInfo:
    """Only the head may create another head account."""
    roles = HEAD_ONLY if role.strip().lower() == "head" else ADMIN_ROLES
    detail = _given(
        full_name=full_name,
        role=role,
        nip=nip or None,
        pin=_SECRET,
        password=_SECRET if password else None,
    )
    return _act(
        session,
        "staff_add",
        username.strip().lower(),
        detail,
        lambda: staff.add_staff(username, full_name, role, pin, password, nip),
        roles,
        clock,
    )


def edit_staff(
    session: Session,
    username: str,
    *,
    full_name: str | None = None,
    role: str | None = None,
    pin: str | None = None,
    password: str | None = None,
    nip: str | None = None,
    active: bool | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> staff.StaffInfo:
    """Granting or taking away the head role, or changing a head's account, is for the
    head only; nobody disables their own account; the office keeps an active head."""
    name = username.strip().lower()
    touches_head = "head" in (_current_role(name), (role or "").strip().lower())
    roles = HEAD_ONLY if touches_head else ADMIN_ROLES
    if active is False and name == session.username:
        _checked(session, "staff_edit", name, roles, clock)
        raise InvalidInput(
            "Akun sendiri tidak dapat dinonaktifkan", "You cannot disable your own account"
        )
    detail = _given(
        full_name=full_name,
        role=role,
        nip=nip,
        active=active,
        pin=_SECRET if pin is not None else None,
        password=_SECRET if password is not None else None,
    )

    def change() -> staff.StaffInfo:
        info = staff.edit_staff(
            name,
            full_name=full_name,
            role=role,
            pin=pin,
            password=password,
            nip=nip,
            active=active,
        )
        _refuse_last_head()
        return info

    return _act(session, "staff_edit", name, detail, change, roles, clock)


def disable_staff(session: Session, username: str, clock: Clock = SYSTEM_CLOCK) -> staff.StaffInfo:
    return edit_staff(session, username, active=False, clock=clock)


def unlock_account(session: Session, username: str, clock: Clock = SYSTEM_CLOCK) -> bool:
    """Lift a login lockout early; ``True`` when the account was locked."""
    name = username.strip().lower()
    return _act(session, "account_unlock", name, {}, lambda: auth.unlock(name, clock), clock=clock)


def set_lockout_policy(
    session: Session,
    max_failures: int | str | None = None,
    window_minutes: int | str | None = None,
    lock_minutes: int | str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> auth.LockoutPolicy:
    return _act(
        session,
        "lockout_policy",
        "login",
        _given(max_failures=max_failures, window_minutes=window_minutes, lock_minutes=lock_minutes),
        lambda: auth.set_lockout_policy(max_failures, window_minutes, lock_minutes),
        clock=clock,
    )


# ── office identity ──────────────────────────────────────────────────────────────


def set_office_identity(
    session: Session,
    *,
    name: str | None = None,
    address: str | None = None,
    logo_path: str | None = None,
    maklumat_id: str | None = None,
    maklumat_en: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> office.OfficeSettings:
    """Name, address, logo image and the maklumat pelayanan text shown on the board
    (an empty maklumat falls back to the standard pledge)."""
    changes = _given(
        office_name=name,
        office_address=address,
        office_logo=logo_path,
        board_running_text=maklumat_id,
        board_running_text_en=maklumat_en,
    )
    if logo_path and not Path(logo_path).is_file():
        raise InvalidInput(
            f"Berkas logo tidak ditemukan: {logo_path}", f"Logo file not found: {logo_path}"
        )
    if not changes:
        raise InvalidInput("Tidak ada yang diubah", "Nothing to change")
    return _act(
        session,
        "office_identity",
        "office",
        changes,
        lambda: office.update_settings(**changes),
        clock=clock,
    )


def set_board_voice(
    session: Session,
    voice: str | None = None,
    english: bool | None = None,
    *,
    kiosk_language: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> office.OfficeSettings:
    """The display boards' voice (auto|qt|espeak|chime), whether they add the English
    sentence, and the kiosk's home-screen language (id|en); boards follow at once."""
    changes = _given(board_voice=voice, board_english=english, kiosk_language=kiosk_language)
    if not changes:
        raise InvalidInput("Tidak ada yang diubah", "Nothing to change")
    # Refuse a staff account before judging its values; audit the values as stored.
    _checked(session, "board_voice", "office", ADMIN_ROLES, clock)
    cleaned = {key: office.validate_setting(key, str(value)) for key, value in changes.items()}
    detail = {
        key: (value == "1" if key == "board_english" else value) for key, value in cleaned.items()
    }
    return _act(
        session,
        "board_voice",
        "office",
        detail,
        lambda: office.update_settings(**cleaned),
        clock=clock,
    )


def forget_printer(session: Session, station: str, uri: str, clock: Clock = SYSTEM_CLOCK) -> bool:
    """Take a printer (or a retired PC's printer) off the office list and the live board.
    A station still running reports it again at its next check."""
    from loket.models.services import printer_reports

    def change() -> bool:
        if not printer_reports.forget_printer(station, uri):
            raise NotFound(
                f"Printer {uri} di {station} tidak ada di daftar",
                f"No printer {uri} at {station} on the list",
            )
        return True

    return _act(session, "printer_forget", f"{station} {uri}", {}, change, clock=clock)


# ── service hours, holidays, escalation ──────────────────────────────────────────


def set_hours(
    session: Session,
    group: str,
    days: str,
    *,
    hours: str | None = None,
    break_window: str | None = None,
    closed: bool = False,
    open_through_break: bool | None = None,
    schedule: str = "normal",
    clock: Clock = SYSTEM_CLOCK,
) -> tuple[service_hours.DayHours, ...]:
    return _act(
        session,
        "hours_set",
        f"{group} {schedule} {days}",
        _given(
            hours=hours,
            break_window=break_window,
            closed=closed or None,
            open_through_break=open_through_break,
        ),
        lambda: service_hours.set_hours(
            group,
            days,
            hours=hours,
            break_window=break_window,
            closed=closed,
            open_through_break=open_through_break,
            schedule=schedule,
            clock=clock,
        ),
        clock=clock,
    )


def add_holiday(
    session: Session, day: str, name: str, clock: Clock = SYSTEM_CLOCK
) -> service_hours.HolidayInfo:
    return _act(
        session,
        "holiday_add",
        str(day),
        {"name": name},
        lambda: service_hours.add_holiday(day, name, clock),
        clock=clock,
    )


def remove_holiday(
    session: Session, day: str, clock: Clock = SYSTEM_CLOCK
) -> service_hours.HolidayInfo:
    return _act(
        session,
        "holiday_remove",
        str(day),
        {},
        lambda: service_hours.remove_holiday(day, clock),
        clock=clock,
    )


def import_holidays(
    session: Session, text: str, clock: Clock = SYSTEM_CLOCK
) -> holiday_import.HolidayImport:
    """The holidays of a CSV file (see :mod:`holiday_import`); dates already there stay."""
    _checked(session, "holiday_import", "calendar", ADMIN_ROLES, clock)
    pairs = holiday_import.parse_holidays(text)
    return _act(
        session,
        "holiday_import",
        f"{len(pairs)} baris/lines",
        {"days": [day.isoformat() for day, _ in pairs]},
        lambda: holiday_import.import_holidays(pairs, clock),
        clock=clock,
    )


def set_ramadan(session: Session, first: str, last: str, clock: Clock = SYSTEM_CLOCK) -> Any:
    return _act(
        session,
        "ramadan_set",
        f"{first}..{last}",
        {},
        lambda: service_hours.set_ramadan(first, last, clock),
        clock=clock,
    )


def set_escalation_delay(session: Session, minutes: int | str, clock: Clock = SYSTEM_CLOCK) -> Any:
    from loket.models.services import staffing

    return _act(
        session,
        "escalation_delay",
        "staffing",
        {"minutes": str(minutes)},
        lambda: staffing.set_escalation_delay(minutes),
        clock=clock,
    )


# ── signing keys ─────────────────────────────────────────────────────────────────


def rotate_key(
    session: Session, label: str | None = None, clock: Clock = SYSTEM_CLOCK
) -> signing.Rotation:
    """Retire this PC's signing keys and make a new one (then audited)."""
    _checked(session, "key_rotate", "", ADMIN_ROLES, clock)
    rotation = signing.rotate_key(label=label, clock=clock)
    with write_transaction():
        audit.record(
            session,
            "key_rotate",
            rotation.new.kid,
            {"retired": [k.kid for k in rotation.retired]},
            clock,
        )
    return rotation


def export_public_keys(session: Session, clock: Clock = SYSTEM_CLOCK) -> str:
    """Every public key of the office as PEM (retired ones too, for old receipts)."""
    return _act(
        session,
        "key_export",
        "public keys",
        {},
        lambda: signing.public_keys_pem(include_retired=True),
        clock=clock,
    )
