"""Every set-up change of services, counters, staff, the office and its keys that the
admin app (and the ``loket`` CLI) makes: role-checked and audited through
:mod:`audited_change`. Key rotation writes a key file outside the database, so its audit
entry follows the rotation in a second transaction. Hours and holidays are in
:mod:`loket.models.staffing.hours_actions`, printers in
:mod:`loket.models.printouts.printer_actions`.
"""

from __future__ import annotations

from typing import Any

from loket.models import input_files, rawsql
from loket.models import settings as office
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import write_transaction
from loket.models.errors import InvalidInput
from loket.models.integrity import signing
from loket.models.office import audit, auth, catalog, staff
from loket.models.office.audited_change import HEAD_ONLY, SECRET, act, check_role, given
from loket.models.office.auth import ADMIN_ROLES, Session

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
    detail = given(
        name=name,
        name_en=name_en,
        daily_quota=daily_quota,
        hours=hours,
        days=days,
        default_service_minutes=default_service_minutes,
    )
    return act(
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
    return act(
        session,
        "service_edit",
        code.strip().upper(),
        given(**changes),
        lambda: catalog.edit_service(code, **changes),
        clock=clock,
    )


def disable_service(
    session: Session, code: str, clock: Clock = SYSTEM_CLOCK
) -> catalog.ServiceInfo:
    return act(
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
    return act(
        session,
        "counter_add",
        f"loket {number}",
        given(services=services, name=name or None, front_desk=front_desk),
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
    return act(
        session,
        "counter_edit",
        f"loket {number}",
        given(services=services, name=name, front_desk=front_desk, active=active),
        lambda: catalog.edit_counter(
            number, services=services, name=name, front_desk=front_desk, active=active
        ),
        clock=clock,
    )


def disable_counter(
    session: Session, number: int | str, clock: Clock = SYSTEM_CLOCK
) -> catalog.CounterInfo:
    return act(
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
    return act(
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
    detail = given(
        full_name=full_name,
        role=role,
        nip=nip or None,
        pin=SECRET,
        password=SECRET if password else None,
    )
    return act(
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
        check_role(session, "staff_edit", name, roles, clock)
        raise InvalidInput(
            "Akun sendiri tidak dapat dinonaktifkan", "You cannot disable your own account"
        )
    detail = given(
        full_name=full_name,
        role=role,
        nip=nip,
        active=active,
        pin=SECRET if pin is not None else None,
        password=SECRET if password is not None else None,
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

    return act(session, "staff_edit", name, detail, change, roles, clock)


def disable_staff(session: Session, username: str, clock: Clock = SYSTEM_CLOCK) -> staff.StaffInfo:
    return edit_staff(session, username, active=False, clock=clock)


def unlock_account(session: Session, username: str, clock: Clock = SYSTEM_CLOCK) -> bool:
    """Lift a login lockout early; ``True`` when the account was locked."""
    name = username.strip().lower()
    return act(session, "account_unlock", name, {}, lambda: auth.unlock(name, clock), clock=clock)


def set_lockout_policy(
    session: Session,
    max_failures: int | str | None = None,
    window_minutes: int | str | None = None,
    lock_minutes: int | str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> auth.LockoutPolicy:
    return act(
        session,
        "lockout_policy",
        "login",
        given(max_failures=max_failures, window_minutes=window_minutes, lock_minutes=lock_minutes),
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
    changes = given(
        office_name=name,
        office_address=address,
        office_logo=logo_path,
        board_running_text=maklumat_id,
        board_running_text_en=maklumat_en,
    )
    if logo_path:  # read later by the board and the printer: a picture, not /dev/zero
        try:
            input_files.check_file(logo_path, input_files.LOGO_LIMIT)
        except InvalidInput as refused:
            raise InvalidInput(
                f"Logo: {refused.message_id}", f"Logo: {refused.message_en}"
            ) from None
    if not changes:
        raise InvalidInput("Tidak ada yang diubah", "Nothing to change")
    return act(
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
    changes = given(board_voice=voice, board_english=english, kiosk_language=kiosk_language)
    if not changes:
        raise InvalidInput("Tidak ada yang diubah", "Nothing to change")
    # Refuse a staff account before judging its values; audit the values as stored.
    check_role(session, "board_voice", "office", ADMIN_ROLES, clock)
    cleaned = {key: office.validate_setting(key, str(value)) for key, value in changes.items()}
    detail = {
        key: (value == "1" if key == "board_english" else value) for key, value in cleaned.items()
    }
    return act(
        session,
        "board_voice",
        "office",
        detail,
        lambda: office.update_settings(**cleaned),
        clock=clock,
    )


def set_service_standards(
    session: Session,
    *,
    wait_target_pct: int | str | None = None,
    wait_target_minutes: int | str | None = None,
    completion_working_days: int | str | None = None,
    completion_days_by_unit: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> office.OfficeSettings:
    """What the office promises its visitors: the wait target the workload report plans
    officers for (this share called within so many minutes), and the working days printed
    on a document receipt (office-wide, and per unit as "Unit=days; Unit=days")."""
    changes = given(
        wait_target_pct=wait_target_pct,
        wait_target_minutes=wait_target_minutes,
        completion_working_days=completion_working_days,
        completion_days_by_unit=completion_days_by_unit,
    )
    if not changes:
        raise InvalidInput("Tidak ada yang diubah", "Nothing to change")
    # Refuse a staff account before judging its values; audit the values as stored.
    check_role(session, "service_standards", "office", ADMIN_ROLES, clock)
    cleaned = {key: office.validate_setting(key, str(value)) for key, value in changes.items()}
    return act(
        session,
        "service_standards",
        "office",
        dict(cleaned),
        lambda: office.update_settings(**cleaned),
        clock=clock,
    )


NOTIFY_SECRETS = ("notify_webhook_secret",)


def set_notify_settings(
    session: Session, changes: dict[str, str], clock: Clock = SYSTEM_CLOCK
) -> office.OfficeSettings:
    """``changes``: notify_* settings (channel, webhook, Gammu, near-ahead, retention,
    templates) as typed; the secret is audited as changed, never as its value."""
    if not changes or any(not key.startswith("notify_") for key in changes):
        raise InvalidInput("Tidak ada yang diubah", "Nothing to change")
    check_role(session, "notify_settings", "office", ADMIN_ROLES, clock)
    cleaned = {key: office.validate_setting(key, str(value)) for key, value in changes.items()}
    detail = {key: SECRET if key in NOTIFY_SECRETS else value for key, value in cleaned.items()}
    return act(
        session,
        "notify_settings",
        "office",
        detail,
        lambda: office.update_settings(**cleaned),
        clock=clock,
    )


# ── signing keys ─────────────────────────────────────────────────────────────────


def rotate_key(
    session: Session, label: str | None = None, clock: Clock = SYSTEM_CLOCK
) -> signing.Rotation:
    """Retire this PC's signing keys and make a new one (then audited)."""
    check_role(session, "key_rotate", "", ADMIN_ROLES, clock)
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
    return act(
        session,
        "key_export",
        "public keys",
        {},
        lambda: signing.public_keys_pem(include_retired=True),
        clock=clock,
    )
