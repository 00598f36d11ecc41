"""Management commands: service, counter, staff (add/list/edit/disable) and settings."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from typing import Any

from loket.models.cli.audited import ADMIN_ROLES, HEAD_ONLY, SECRET, as_option, audited, given
from loket.models.cli.common import add_command, emit, open_db


def _yes_no(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("yes", "ya", "y", "true", "1", "on"):
        return True
    if lowered in ("no", "tidak", "n", "false", "0", "off"):
        return False
    raise argparse.ArgumentTypeError(f"ya/tidak (yes/no), bukan/not '{value}'")


def register(commands: Any) -> None:
    _register_service(commands)
    _register_counter(commands)
    _register_staff(commands)
    settings = add_command(
        commands,
        "settings",
        _settings,
        "lihat/ubah pengaturan kantor / show or change office settings",
    )
    as_option(settings)
    settings.add_argument(
        "assignments",
        nargs="*",
        metavar="KEY=VALUE",
        help="mis./e.g. office_name='Kelurahan X' timezone=Asia/Makassar board_voice=chime "
        "board_english=tidak kiosk_language=en completion_working_days=5 "
        "completion_days_by_unit='Seksi Pemerintahan=10; Umum=3'",
    )


def _group(commands: Any, name: str, help_text: str) -> Any:
    parser = commands.add_parser(name, help=help_text, description=help_text)
    return parser.add_subparsers(dest="action", metavar="ACTION", required=True)


def _register_service(commands: Any) -> None:
    actions = _group(commands, "service", "layanan / services")
    add = as_option(add_command(actions, "add", _service, "tambah layanan / add a service"))
    add.add_argument("code", metavar="CODE")
    add.add_argument("--name", required=True)
    add.add_argument("--name-en")
    add.add_argument("--quota", help="kuota harian / daily quota")
    add.add_argument("--hours", default="07:30-16:00", help="mis./e.g. 07:30-16:00")
    add.add_argument("--days", default="12345", help="1=Senin/Monday … 7=Minggu/Sunday")
    add.add_argument(
        "--minutes", type=int, default=5, help="menit per layanan / minutes per visitor"
    )
    add_command(actions, "list", _service, "daftar layanan / list services")
    edit = as_option(add_command(actions, "edit", _service, "ubah layanan / edit a service"))
    edit.add_argument("code", metavar="CODE")
    edit.add_argument("--name")
    edit.add_argument("--name-en")
    edit.add_argument("--quota", help="angka, atau 'none' untuk tanpa kuota / number or 'none'")
    edit.add_argument("--hours")
    edit.add_argument("--days")
    edit.add_argument("--minutes", type=int)
    edit.add_argument("--active", type=_yes_no, metavar="yes|no")
    disable = as_option(
        add_command(actions, "disable", _service, "tutup layanan / disable a service")
    )
    disable.add_argument("code", metavar="CODE")


def _register_counter(commands: Any) -> None:
    actions = _group(commands, "counter", "loket / counters")
    add = as_option(add_command(actions, "add", _counter, "tambah loket / add a counter"))
    add.add_argument("number", metavar="NUMBER")
    add.add_argument("--services", required=True, help="mis./e.g. A,B atau/or A:2,B")
    add.add_argument("--name", default="")
    add.add_argument("--front-desk", action="store_true", help="loket depan / front-desk counter")
    add_command(actions, "list", _counter, "daftar loket / list counters")
    edit = as_option(add_command(actions, "edit", _counter, "ubah loket / edit a counter"))
    edit.add_argument("number", metavar="NUMBER")
    edit.add_argument("--services")
    edit.add_argument("--name")
    edit.add_argument("--front-desk", type=_yes_no, metavar="yes|no")
    edit.add_argument("--active", type=_yes_no, metavar="yes|no")
    disable = as_option(
        add_command(actions, "disable", _counter, "nonaktifkan loket / disable a counter")
    )
    disable.add_argument("number", metavar="NUMBER")


def _register_staff(commands: Any) -> None:
    actions = _group(commands, "staff", "petugas / staff")
    add = as_option(add_command(actions, "add", _staff, "tambah petugas / add a staff member"))
    add.add_argument("username", metavar="USERNAME")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=("staff", "admin", "head"))
    add.add_argument("--pin", required=True)
    add.add_argument("--password")
    add.add_argument("--nip", default="")
    add_command(actions, "list", _staff, "daftar petugas / list staff")
    edit = as_option(add_command(actions, "edit", _staff, "ubah petugas / edit a staff member"))
    edit.add_argument("username", metavar="USERNAME")
    edit.add_argument("--name")
    edit.add_argument("--role", choices=("staff", "admin", "head"))
    edit.add_argument("--pin")
    edit.add_argument("--password")
    edit.add_argument("--nip")
    edit.add_argument("--active", type=_yes_no, metavar="yes|no")
    disable = as_option(
        add_command(actions, "disable", _staff, "nonaktifkan petugas / disable a staff member")
    )
    disable.add_argument("username", metavar="USERNAME")
    unlock = as_option(
        add_command(
            actions, "unlock", _staff, "buka kunci akun / lift a lockout (too many wrong tries)"
        )
    )
    unlock.add_argument("username", metavar="USERNAME")


def _service_line(s: Any) -> str:
    quota = s.daily_quota if s.daily_quota is not None else "-"
    state = "aktif/active" if s.active else "tutup/closed"
    return (
        f"{s.code:<3}{s.name_id} / {s.name_en}  jam/hours {s.hours} hari/days {s.days}"
        f"  kuota/quota {quota}  {state}"
    )


def _service(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.office import catalog

    if args.action == "list":
        rows = catalog.list_services()
        emit(args, [asdict(r) for r in rows], "\n".join(_service_line(r) for r in rows) or "-")
        return
    code = args.code.strip().upper()
    if args.action == "add":
        detail = given(
            name=args.name,
            name_en=args.name_en,
            daily_quota=args.quota,
            hours=args.hours,
            days=args.days,
            default_service_minutes=args.minutes,
        )
        info = audited(
            "service_add",
            code,
            detail,
            lambda: catalog.add_service(
                args.code, args.name, args.name_en, args.quota, args.hours, args.days, args.minutes
            ),
        )
    elif args.action == "edit":
        quota = args.quota
        clear = quota is not None and quota.strip().lower() in ("none", "-", "0", "")
        changes = given(
            name=args.name,
            name_en=args.name_en,
            daily_quota=None if clear else quota,
            clear_quota=clear or None,
            hours=args.hours,
            days=args.days,
            default_service_minutes=args.minutes,
            active=args.active,
        )
        info = audited(
            "service_edit", code, changes, lambda: catalog.edit_service(args.code, **changes)
        )
    else:
        info = audited("service_disable", code, {}, lambda: catalog.disable_service(args.code))
    emit(args, asdict(info), _service_line(info))


def _counter_line(c: Any) -> str:
    services = ",".join(f"{code}:{w}" if w != 1 else code for code, w in c.services)
    desk = "  [loket depan/front desk]" if c.front_desk else ""
    state = "" if c.active else "  (nonaktif/disabled)"
    return f"{c.number:<4}{c.name}  layanan/services {services}{desk}{state}"


def _counter(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.office import catalog

    if args.action == "list":
        rows = catalog.list_counters()
        emit(args, [asdict(r) for r in rows], "\n".join(_counter_line(r) for r in rows) or "-")
        return

    def target(c: Any) -> str:
        return f"loket {c.number}"

    if args.action == "add":
        info = audited(
            "counter_add",
            target,
            given(services=args.services, name=args.name or None, front_desk=args.front_desk),
            lambda: catalog.add_counter(args.number, args.services, args.name, args.front_desk),
        )
    elif args.action == "edit":
        changes = given(
            services=args.services, name=args.name, front_desk=args.front_desk, active=args.active
        )
        info = audited(
            "counter_edit", target, changes, lambda: catalog.edit_counter(args.number, **changes)
        )
    else:
        info = audited("counter_disable", target, {}, lambda: catalog.disable_counter(args.number))
    emit(args, asdict(info), _counter_line(info))


def _staff_line(s: Any) -> str:
    state = "" if s.active else "  (nonaktif/disabled)"
    return f"{s.username:<12}{s.full_name}  [{s.role}]{'  NIP ' + s.nip if s.nip else ''}{state}"


def _staff(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.office import staff

    if args.action == "list":
        rows = staff.list_staff()
        emit(args, [asdict(r) for r in rows], "\n".join(_staff_line(r) for r in rows) or "-")
        return
    username = args.username.strip().lower()
    if args.action == "unlock":
        from loket.models.office.auth import unlock

        username = staff.find_staff(username).username  # an unknown name is refused
        was = audited("account_unlock", username, {}, lambda: unlock(username))
        emit(
            args,
            {"username": username, "was_locked": was},
            f"Akun {username} dapat masuk lagi / account {username} may log in again"
            + ("" if was else " (tidak terkunci / was not locked)"),
        )
        return
    # As the admin app: head accounts and the head role are the head's alone.
    role = getattr(args, "role", None)
    touches_head = "head" in (_current_role(username), (role or "").strip().lower())
    roles = HEAD_ONLY if touches_head else ADMIN_ROLES
    if args.action == "add":
        detail = given(
            full_name=args.name,
            role=args.role,
            nip=args.nip or None,
            pin=SECRET,
            password=SECRET if args.password else None,
        )
        info = audited(
            "staff_add",
            username,
            detail,
            lambda: staff.add_staff(
                args.username, args.name, args.role, args.pin, args.password, args.nip
            ),
            roles=roles,
        )
    elif args.action == "edit":
        detail = given(
            full_name=args.name,
            role=args.role,
            nip=args.nip,
            active=args.active,
            pin=SECRET if args.pin is not None else None,
            password=SECRET if args.password is not None else None,
        )
        info = audited(
            "staff_edit",
            username,
            detail,
            _keeping_a_head(
                lambda: staff.edit_staff(
                    args.username,
                    full_name=args.name,
                    role=args.role,
                    pin=args.pin,
                    password=args.password,
                    nip=args.nip,
                    active=args.active,
                )
            ),
            roles=roles,
        )
    else:
        # The admin app records a disable as an edit to active=False; so does the CLI.
        info = audited(
            "staff_edit",
            username,
            {"active": False},
            _keeping_a_head(lambda: staff.disable_staff(args.username)),
            roles=roles,
        )
    emit(args, asdict(info), _staff_line(info))


def _active_heads() -> int:
    from loket.models import rawsql

    row = rawsql.fetch_one(
        "SELECT COUNT(*) FROM staff WHERE role = ? AND active = ?", ("head", True)
    )
    return int(row[0]) if row else 0


def _keeping_a_head(change: Any) -> Any:
    """As the admin app: an office with a head keeps one (else its set-up would be open
    to anyone with a shell again)."""

    def run() -> Any:
        had = _active_heads()
        info = change()
        if had and not _active_heads():
            from loket.models.errors import InvalidInput

            raise InvalidInput(
                "Perubahan ini meninggalkan kantor tanpa kepala yang aktif",
                "This change would leave the office without an active head",
            )
        return info

    return run


def _current_role(username: str) -> str | None:
    from loket.models import rawsql

    row = rawsql.fetch_one("SELECT role FROM staff WHERE username = ?", (username,))
    return str(row[0]) if row else None


def _settings(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.errors import InvalidInput
    from loket.models.settings import load_settings

    changes: dict[str, str] = {}
    for item in args.assignments:
        key, sep, value = item.partition("=")
        if not sep:
            raise InvalidInput(
                f"Tulis KUNCI=NILAI, bukan '{item}'", f"Write KEY=VALUE, not '{item}'"
            )
        changes[key.strip()] = value
    settings = _audited_settings(changes) if changes else load_settings()
    data = asdict(settings)
    for key in _SECRET_SETTINGS:  # shown set or not, never the value (shoulders, logs)
        if data.get(key):
            data[key] = SECRET
    emit(args, data, "\n".join(f"{k} = {v}" for k, v in data.items()))
    if "pin_min_digits" in changes:
        from loket.models.office.pin_policy import pin_min_digits, short_pin_warning

        warning = short_pin_warning(pin_min_digits())
        if warning is not None:
            print(f"loket: {warning[0]} / {warning[1]}", file=sys.stderr)


_SECRET_SETTINGS = ("notify_webhook_secret",)

# The admin app's action for each setting it changes; the rest are plain "settings".
_SETTING_ACTIONS = {
    "office_name": "office_identity",
    "office_address": "office_identity",
    "office_logo": "office_identity",
    "board_running_text": "office_identity",
    "board_running_text_en": "office_identity",
    "board_voice": "board_voice",
    "board_english": "board_voice",
    "kiosk_language": "board_voice",
    "front_desk_minimum": "front_desk_minimum",
    **dict.fromkeys(
        (
            "wait_target_pct",
            "wait_target_minutes",
            "wait_target_by_service",
            "completion_working_days",
            "completion_days_by_unit",
        ),
        "service_standards",
    ),
    **dict.fromkeys(
        (
            "notify_channel",
            "notify_webhook_url",
            "notify_webhook_secret",
            "notify_gammu_config",
            "notify_sms_mode",
            "notify_max_attempts",
            "notify_near_ahead",
            "notify_retention_days",
        ),
        "notify_settings",
    ),
}


def _audited_settings(changes: dict[str, str]) -> Any:
    """Every value checked first (a refusal changes and records nothing), then the
    change and one audit entry per admin-app action, in one transaction."""
    from loket.models.cli.audited import require_operator
    from loket.models.db import write_transaction
    from loket.models.office import cli_operator
    from loket.models.settings import update_settings, validate_setting

    cleaned = {key: validate_setting(key, str(value)) for key, value in changes.items()}
    entries: dict[str, dict[str, Any]] = {}
    for key, value in cleaned.items():
        action = _SETTING_ACTIONS.get(key, "settings")
        shown: Any = SECRET if key in _SECRET_SETTINGS else value
        entries.setdefault(action, {})[key] = value == "1" if key == "board_english" else shown
    who = require_operator(action="settings", target="office")
    with write_transaction():
        settings = update_settings(**cleaned)
        for action, detail in entries.items():
            if action == "front_desk_minimum":
                cli_operator.record(who, action, action, {"minimum": detail[action]})
            else:
                cli_operator.record(who, action, "office", detail)
    return settings
