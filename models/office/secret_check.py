"""One lockout for every place that checks a PIN or a password.

The admin login, the counter's sign-in and handover, ``loket staffing sign-in``,
``handover``, ``sign-off`` and ``explain`` and the kiosk's admin exit all go through
:func:`guarded_check` (the kiosk, which asks for a PIN without a name, through
:func:`guarded_check_any`). So there is one counter per account, in the database,
shared by every path and every PC: ``login_max_failures`` wrong secrets within
``login_window_minutes`` lock the account for ``login_lock_minutes``, and while it is
locked even the right secret is refused without being checked. Names that do not
exist are counted and locked the same way, so the answers do not tell which are real.

On top of that each PC slows down after consecutive failures from it (0.25 s, doubling,
at most 4 s), counted in the database too so that a new ``loket`` process per guess
gains nothing. The wait is spent in the model call, which the apps always run on their
worker thread, never on the GUI thread.

Every failure and every lockout goes into the admin audit log, naming the account,
the path (e.g. "counter sign-in") and the PC.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from loket.models import rawsql
from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import write_transaction
from loket.models.errors import LoketError, PermissionDenied
from loket.models.fields import from_micros, to_micros

POLICY_KEYS = {
    "max_failures": ("login_max_failures", 5, 1, 100),
    "window_minutes": ("login_window_minutes", 15, 1, 24 * 60),
    "lock_minutes": ("login_lock_minutes", 15, 1, 24 * 60),
}
FIRST_DELAY = 0.25
MAX_DELAY = 4.0
ENV_STATION = "LOKET_STATION"  # as printouts.printer_reports, which this layer cannot import

# Where a secret is checked, as named in the audit log.
ADMIN_LOGIN = "admin login"
COUNTER_SIGN_IN = "counter sign-in"
COUNTER_HANDOVER = "counter handover"
CLI_SIGN_IN = "cli staffing sign-in"
CLI_HANDOVER = "cli staffing handover"
CLI_SIGN_OFF = "cli staffing sign-off"
CLI_EXPLAIN = "cli staffing explain"
STAFFING_SIGN_OFF = "staffing sign-off"
STAFFING_EXPLAIN = "staffing explain"
KIOSK_EXIT = "kiosk exit"

# Tests replace this to see the waits without spending them.
SLEEP: Callable[[float], None] = time.sleep


class AccountLocked(PermissionDenied):
    code = "account_locked"

    def __init__(self, message_id: str, message_en: str, until: dt.datetime) -> None:
        super().__init__(message_id, message_en)
        self.until = until


@dataclass(frozen=True)
class LockoutPolicy:
    max_failures: int = 5
    window_minutes: int = 15
    lock_minutes: int = 15


def lockout_policy() -> LockoutPolicy:
    values: dict[str, int] = {}
    for name, (key, default, _, _) in POLICY_KEYS.items():
        row = rawsql.fetch_one("SELECT value FROM setting WHERE key = ?", (key,))
        values[name] = int(row[0]) if row and str(row[0]).isdigit() else default
    return LockoutPolicy(**values)


def station_name(explicit: str | None = None) -> str:
    """This PC's name: the caller's label, ``$LOKET_STATION``, or the host name."""
    name = (explicit or os.environ.get(ENV_STATION) or socket.gethostname() or "").strip()
    return name[:80] or "?"


def account_name(username: str) -> str:
    return username.strip().lower()[:40]


def _until(until: dt.datetime, now: dt.datetime) -> tuple[str, str]:
    """When a lock opens, in words: "sampai 10:17" (another day: with its date)."""
    from loket.models.settings import load_settings

    settings = load_settings()
    local = settings.local(until)
    hm = local.strftime("%H:%M")
    if local.date() == settings.local(now).date():
        return f"sampai {hm}", f"until {hm}"
    day = local.strftime("%d-%m-%Y")
    return f"sampai {day} {hm}", f"until {day} {hm}"


def exit_gate(station: str) -> str:
    """The lock a PIN asked without a name counts against: the kiosk's own exit."""
    return f"{GATE_PREFIX}{station}"


GATE_PREFIX = "kiosk@"


def locked_error(username: str, until: dt.datetime, now: dt.datetime) -> AccountLocked:
    when_id, when_en = _until(until, now)
    if username.startswith(GATE_PREFIX):
        return AccountLocked(
            f"Terlalu sering salah: pintu admin kios ini terkunci {when_id}",
            f"Too many wrong tries: this kiosk's admin exit is locked {when_en}",
            until,
        )
    # Short enough for one line on a counter's sign-in screen at 1024 px.
    return AccountLocked(
        f"Terlalu sering salah: akun '{username}' terkunci {when_id}",
        f"Too many wrong tries: account '{username}' is locked {when_en}",
        until,
    )


def lock_row(username: str) -> tuple[int, int] | None:
    """``(locked_until, failures)`` of the account's latest lock, in micros."""
    row = rawsql.fetch_one(
        "SELECT locked_until, failures FROM account_lock WHERE username = ?", (username,)
    )
    return (int(row[0]), int(row[1])) if row else None


def locked_until(username: str, now: dt.datetime) -> dt.datetime | None:
    row = lock_row(username)
    return from_micros(row[0]) if row is not None and row[0] > to_micros(now) else None


def pc_failures(pc: str, clock: Clock = SYSTEM_CLOCK) -> int:
    """Failures in a row from ``pc`` (since its last success, within the window)."""
    now = to_micros(clock.now())
    since = now - lockout_policy().window_minutes * 60_000_000
    last_ok = rawsql.fetch_one(
        "SELECT MAX(at) FROM login_attempt WHERE pc = ? AND success = ?", (pc, True)
    )
    if last_ok and last_ok[0] is not None:
        since = max(since, int(last_ok[0]) + 1)
    row = rawsql.fetch_one(
        "SELECT COUNT(*) FROM login_attempt WHERE pc = ? AND success = ? AND at >= ?",
        (pc, False, since),
    )
    return int(row[0]) if row else 0


def pc_delay(pc: str, clock: Clock = SYSTEM_CLOCK) -> float:
    """Seconds this PC waits before its next check: 0, then 0.25 s doubling to 4 s."""
    failures = pc_failures(pc, clock)
    if failures == 0:
        return 0.0
    return min(FIRST_DELAY * 2 ** (failures - 1), MAX_DELAY)


def _slow_down(pc: str, clock: Clock) -> None:
    delay = pc_delay(pc, clock)
    if delay > 0:
        SLEEP(delay)


def _record(name: str, at: int, success: bool, path: str, pc: str) -> None:
    rawsql.execute(
        "INSERT INTO login_attempt (username, at, success, path, pc) VALUES (?, ?, ?, ?, ?)",
        (name, at, success, path[:40], pc[:80]),
    )


def record_success(name: str, path: str, pc: str, now: dt.datetime) -> None:
    """A right secret: the account's and the PC's failures no longer count."""
    with write_transaction():
        _record(name, to_micros(now), True, path, pc)
        publish("staff")


def _record_failure(name: str, path: str, pc: str, now: dt.datetime) -> dt.datetime | None:
    """Log a failed attempt and audit it; lock the name when it reaches the limit.
    Inside a transaction. Returns the end of a lock this failure started."""
    from loket.models.office import audit

    policy = lockout_policy()
    stamp = to_micros(now)
    _record(name, stamp, False, path, pc)
    where = {"path": path, "pc": pc}
    audit.append_entry(name, "-", "login_failed", name, where, now)
    # Failures count after the newest of: the window start, the last success, the end
    # of the last lock (a lock that ran out starts a clean slate).
    since = stamp - policy.window_minutes * 60_000_000
    last_ok = rawsql.fetch_one(
        "SELECT MAX(at) FROM login_attempt WHERE username = ? AND success = ?", (name, True)
    )
    if last_ok and last_ok[0] is not None:
        since = max(since, int(last_ok[0]) + 1)
    lock = lock_row(name)
    if lock is not None:
        since = max(since, lock[0])
    count_row = rawsql.fetch_one(
        "SELECT COUNT(*) FROM login_attempt WHERE username = ? AND success = ? AND at >= ?",
        (name, False, since),
    )
    failures = int(count_row[0]) if count_row else 0
    if failures < policy.max_failures:
        return None
    until = now + dt.timedelta(minutes=policy.lock_minutes)
    rawsql.execute(
        "INSERT INTO account_lock (username, locked_at, locked_until, failures) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (username) DO UPDATE SET locked_at = excluded.locked_at, "
        "locked_until = excluded.locked_until, failures = excluded.failures",
        (name, stamp, to_micros(until), failures),
    )
    detail = {"until": until.isoformat(), "failures": failures, **where}
    audit.append_entry(name, "-", "account_locked", name, detail, now)
    return until


def record_failures(
    names: Iterable[str], path: str, pc: str, now: dt.datetime
) -> dict[str, dt.datetime]:
    """Count one failure against each name; the locks this started, by name."""
    locks: dict[str, dt.datetime] = {}
    with write_transaction():
        for name in names:
            until = _record_failure(name, path, pc, now)
            if until is not None:
                locks[name] = until
        publish("staff")
    return locks


def guarded_check(
    username: str,
    path: str,
    verify: Callable[[], bool],
    wrong: LoketError,
    *,
    pc: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> str:
    """Check a secret for ``username`` under the lockout; returns the account name.

    ``verify`` does the slow hash check (outside any transaction); ``wrong`` is raised
    when it fails, :class:`AccountLocked` when the account is (or now becomes) locked.
    """
    name = account_name(username)
    station = station_name(pc)
    _slow_down(station, clock)
    now = clock.now()
    until = locked_until(name, now)
    if until is not None:
        raise locked_error(name, until, now)
    if verify():
        record_success(name, path, station, now)
        return name
    locks = record_failures([name], path, station, now)
    if name in locks:
        raise locked_error(name, locks[name], now)
    raise wrong


def guarded_check_any(
    usernames: Iterable[str],
    path: str,
    verify: Callable[[str], bool],
    *,
    pc: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> str | None:
    """A secret asked without a name (the kiosk's admin PIN): the first of ``usernames``
    it is right for, or ``None``.

    A wrong one counts against this PC's exit (:func:`exit_gate`), not against every
    admin and head account: otherwise five taps by a visitor who found the hidden exit
    would lock the office's admins and head out of the admin app and the sign-off. While
    the exit is locked no PIN is checked there; an account locked elsewhere is skipped
    unchecked, and when it was the only match its lock is raised."""
    names = [account_name(u) for u in usernames]
    station = station_name(pc)
    gate = account_name(exit_gate(station))
    _slow_down(station, clock)
    now = clock.now()
    shut = locked_until(gate, now)
    if shut is not None:
        raise locked_error(gate, shut, now)
    locked: dict[str, dt.datetime] = {}
    for name in names:
        until = locked_until(name, now)
        if until is not None:
            locked[name] = until
            continue
        if verify(name):
            record_success(name, path, station, now)
            record_success(gate, path, station, now)
            return name
    shut = record_failures([gate], path, station, now).get(gate)
    if shut is not None:
        raise locked_error(gate, shut, now)
    if locked and len(locked) == len(names):
        name, until = min(locked.items(), key=lambda item: item[1])
        raise locked_error(name, until, now)
    return None
