"""Password login for the admin app, lockout after repeated failures, and role checks.

Roles are enforced here, in the services, not only by hiding buttons: every admin
action calls :func:`require_role`, which re-reads the account so a session outlives
neither a disabled account nor a changed role.

Lockout: ``max_failures`` wrong secrets for one username within ``window`` lock that
username for ``lock``; while locked even the right password is refused (without being
checked). The counter is :mod:`secret_check`'s, shared with every other path that
checks a PIN or password (counter, kiosk exit, ``loket staffing``). Names that do not
exist are counted and locked the same way, so the answers do not tell which usernames
are real. The numbers are office settings (``login_max_failures``,
``login_window_minutes``, ``login_lock_minutes``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from loket.models import rawsql
from loket.models import validation as check
from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import write_transaction
from loket.models.errors import InvalidInput, PermissionDenied
from loket.models.fields import from_micros, to_micros
from loket.models.office import secret_check
from loket.models.office.passwords import check_secret
from loket.models.office.secret_check import (
    POLICY_KEYS,
    AccountLocked,
    LockoutPolicy,
    lockout_policy,
)

__all__ = [
    "ADMIN_ROLES",
    "POLICY_KEYS",
    "AccountLocked",
    "LockInfo",
    "LockoutPolicy",
    "Session",
    "lock_state",
    "lockout_policy",
    "login",
    "require_role",
    "set_lockout_policy",
    "unlock",
]

SESSION_HOURS = 8
ADMIN_ROLES = ("admin", "head")


@dataclass(frozen=True)
class Session:
    """Who is logged in to the admin app, and until when."""

    username: str
    full_name: str
    role: str
    expires: dt.datetime


@dataclass(frozen=True)
class LockInfo:
    username: str
    locked_until: dt.datetime
    failures: int


def set_lockout_policy(
    max_failures: int | str | None = None,
    window_minutes: int | str | None = None,
    lock_minutes: int | str | None = None,
) -> LockoutPolicy:
    """Change the lockout numbers (unchanged where ``None``)."""
    asked = {
        "max_failures": max_failures,
        "window_minutes": window_minutes,
        "lock_minutes": lock_minutes,
    }
    labels = {
        "max_failures": ("Batas gagal masuk", "Failed-login limit"),
        "window_minutes": ("Rentang hitung (menit)", "Counting window (minutes)"),
        "lock_minutes": ("Lama kunci (menit)", "Lock time (minutes)"),
    }
    cleaned: dict[str, int] = {}
    for name, raw in asked.items():
        if raw is None:
            continue
        _, _, low, high = POLICY_KEYS[name]
        cleaned[name] = check.positive_int(raw, *labels[name], low, high)
    with write_transaction():
        for name, value in cleaned.items():
            rawsql.execute(
                "INSERT INTO setting (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (POLICY_KEYS[name][0], str(value)),
            )
        publish("settings")
    return lockout_policy()


def _wrong() -> PermissionDenied:
    return PermissionDenied("Nama pengguna atau kata sandi salah", "Wrong username or password")


def lock_state(username: str, clock: Clock = SYSTEM_CLOCK) -> LockInfo | None:
    """The lock on ``username`` if it is locked now."""
    name = username.strip().lower()
    row = secret_check.lock_row(name)
    if row is None or row[0] <= to_micros(clock.now()):
        return None
    return LockInfo(name, from_micros(row[0]), row[1])


def login(
    username: str, password: str, clock: Clock = SYSTEM_CLOCK, *, pc: str | None = None
) -> Session:
    """Log in to the admin app with a password; refuses staff accounts and locked names."""
    from loket.models.office import audit

    name = username.strip().lower()[:40]
    if not name:
        raise InvalidInput("Nama pengguna wajib diisi", "A username is required")
    found: list[tuple[object, ...]] = []

    def verify() -> bool:
        row = rawsql.fetch_one(
            "SELECT username, full_name, role, password_hash, active FROM staff WHERE username = ?",
            (name,),
        )
        if row is None or not row[4] or not check_secret(password, row[3]):
            return False
        found.append(tuple(row))
        return True

    secret_check.guarded_check(name, secret_check.ADMIN_LOGIN, verify, _wrong(), pc=pc, clock=clock)
    row = found[0]
    now = clock.now()
    if row[2] not in ADMIN_ROLES:
        # The password was right, so saying why does not help a guesser.
        raise PermissionDenied(
            f"Akun '{name}' berperan {row[2]}: aplikasi admin hanya untuk admin dan kepala",
            f"Account '{name}' has the role {row[2]}: the admin app is for admins and the head",
        )
    session = Session(
        username=str(row[0]),
        full_name=str(row[1]),
        role=str(row[2]),
        expires=now + dt.timedelta(hours=SESSION_HOURS),
    )
    with write_transaction():
        audit.append_entry(session.username, session.role, "login", session.username, {}, now)
        publish("staff")
    return session


def unlock(username: str, clock: Clock = SYSTEM_CLOCK) -> bool:
    """Lift a lock early (an admin action); ``True`` when the name was locked."""
    name = username.strip().lower()
    now = to_micros(clock.now())
    with write_transaction():
        row = secret_check.lock_row(name)
        # Ending the lock now also wipes the slate: earlier failures no longer count.
        rawsql.execute(
            "INSERT INTO account_lock (username, locked_at, locked_until, failures) "
            "VALUES (?, ?, ?, 0) ON CONFLICT (username) DO UPDATE SET "
            "locked_until = excluded.locked_until",
            (name, now, now),
        )
        publish("staff")
    return row is not None and row[0] > now


def require_role(session: Session, *roles: str, clock: Clock = SYSTEM_CLOCK) -> Session:
    """Refuse unless the session is live and its account (as stored now) has one of ``roles``."""
    allowed = roles or ADMIN_ROLES
    now = clock.now()
    if now >= session.expires:
        raise PermissionDenied(
            "Sesi sudah berakhir; silakan masuk lagi", "The session has expired; log in again"
        )
    row = rawsql.fetch_one("SELECT role, active FROM staff WHERE username = ?", (session.username,))
    if row is None or not row[1]:
        raise PermissionDenied(
            f"Akun '{session.username}' tidak aktif lagi",
            f"Account '{session.username}' is no longer active",
        )
    role = str(row[0])
    if role != session.role or role not in allowed:
        raise PermissionDenied(
            f"Hanya {' atau '.join(allowed)} yang dapat melakukan ini; "
            f"{session.username} berperan {role}",
            f"Only the {' or '.join(allowed)} may do this; {session.username} is {role}",
        )
    return session
