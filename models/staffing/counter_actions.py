"""What an officer does at a counter: sign-in, heartbeat, break, resume, handover,
sign-out, and the gap check that the apps and the CLI call (``check``).

A counter is staffed when a signed-in officer, not on break, has a heartbeat younger
than 60 s; the front desk is covered when at least ``front_desk_minimum`` front-desk
counters are staffed. A break or sign-out that would uncover the front desk during
service hours is refused unless the officer records a reason (see
``staffing_reasons``); a handover keeps the counter staffed without a gap. Every
write runs :func:`check`, which logs lost heartbeats, opens and closes gaps in the log
and escalates them, and publishes ``staffing`` on the change feed.
"""

from __future__ import annotations

import datetime as dt

from loket.models import rawsql, reconnect
from loket.models import validation as check_input
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import IllegalTransition, NotFound
from loket.models.fields import to_micros
from loket.models.office import secret_check
from loket.models.office.staff import authenticate_pin
from loket.models.staffing.desk_records import CounterStaffing, FrontDeskStatus
from loket.models.staffing.desk_state import Presence, counter_state, front_desk_status
from loket.models.staffing.presence import HEARTBEAT_TIMEOUT
from loket.models.staffing.reasons import Absence, check_absence
from loket.models.staffing.staffing_write import StaffingWrite


class NotSignedIn(IllegalTransition):
    code = "not_signed_in"


def _not_signed_in(p: Presence) -> NotSignedIn:
    return NotSignedIn(
        f"Tidak ada petugas yang masuk di loket {p.number}; masuk dulu (sign-in)",
        f"Nobody is signed in at counter {p.number}; sign in first",
    )


def sign_in(
    number: int | str,
    username: str,
    pin: str,
    clock: Clock = SYSTEM_CLOCK,
    *,
    path: str = secret_check.COUNTER_SIGN_IN,
    pc: str | None = None,
) -> CounterStaffing:
    """Sign in with a PIN, under the shared lockout (``path``/``pc``: where it was typed)."""
    # Slow on purpose (the hash, and the wait after failures): outside the lock.
    officer = authenticate_pin(username, pin, path=path, pc=pc, clock=clock)
    with StaffingWrite(clock) as w:
        p = w.counter(number)
        officer_id = _staff_id(officer.username)
        other = w.elsewhere(officer_id, p.counter_id)
        if other is not None and other.status != "lost":
            raise IllegalTransition(
                f"{officer.username} masih masuk di loket {other.number}; keluar dulu dari sana "
                "atau minta serah terima",
                f"{officer.username} is still signed in at counter {other.number}; sign out "
                "there first or hand it over",
            )
        if other is not None:  # the old PC died: close that counter first
            w.log("sign_out", other, officer_id, detail={"moved_to": p.number})
        if p.status in ("staffed", "break", "lost") and p.officer_id not in (None, officer_id):
            if p.status != "lost":
                holder = _username(p.officer_id)
                raise IllegalTransition(
                    f"Loket {p.number} sedang dijaga oleh {holder}; gunakan serah terima (handover)",
                    f"Counter {p.number} is held by {holder}; use a handover",
                )
            w.log("sign_out", p, p.officer_id, detail={"replaced_by": officer.username})
            w.log("sign_in", p, officer_id)
        elif p.officer_id == officer_id and p.status == "staffed":
            _beat(p, w.now)
        elif p.officer_id == officer_id and p.status == "break":
            w.log("resume", p, officer_id)
        else:
            w.log("sign_in", p, officer_id)
    return counter_state(number, clock)


def _beat(p: Presence, now: dt.datetime) -> None:
    rawsql.execute(
        "UPDATE counter_presence SET last_heartbeat = ? WHERE counter_id = ?",
        (to_micros(now), p.counter_id),
    )


def heartbeat(number: int | str, clock: Clock = SYSTEM_CLOCK) -> CounterStaffing:
    """The counter app is alive (call every 10–20 s while it is open). Safe to repeat, so
    a beat that hit a dropped connection is sent again once after reconnecting."""
    return reconnect.retry_once(lambda: _heartbeat(number, clock))


def _heartbeat(number: int | str, clock: Clock) -> CounterStaffing:
    value = check_input.positive_int(number, "Nomor loket", "Counter number", 1, 999)
    now = clock.now()
    # The common case changes no state: one UPDATE, no lock on the log, no replay.
    beat = rawsql.execute(
        "UPDATE counter_presence SET last_heartbeat = ? WHERE status IN ('staffed', 'break') "
        "AND last_heartbeat > ? AND counter_id = (SELECT id FROM counter WHERE number = ?)",
        (to_micros(now), to_micros(now - HEARTBEAT_TIMEOUT), value),
    )
    if beat.rowcount == 1:
        return counter_state(value, clock)
    with StaffingWrite(clock) as w:
        p = w.counter(number)
        if p.status == "out":
            raise _not_signed_in(p)
        if p.status == "lost":
            w.log("heartbeat_restored", p, p.officer_id)
        else:
            _beat(p, w.now)
    return counter_state(number, clock)


def start_break(
    number: int | str,
    reason: str | None = None,
    reference: str | None = None,
    approved_by: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> CounterStaffing:
    with StaffingWrite(clock) as w:
        p = w.counter(number)
        if p.status == "out":
            raise _not_signed_in(p)
        if p.status == "break":
            raise IllegalTransition(
                f"Loket {p.number} sudah istirahat", f"Counter {p.number} is already on break"
            )
        absence = check_absence(reason, reference, approved_by, p.officer_id) if reason else None
        if absence is None:
            w.guard(p, "Istirahat", "Break")
        w.log("break", p, p.officer_id, absence=absence)
    return counter_state(number, clock)


def resume(number: int | str, clock: Clock = SYSTEM_CLOCK) -> CounterStaffing:
    with StaffingWrite(clock) as w:
        p = w.counter(number)
        if p.status != "break":
            raise IllegalTransition(
                f"Loket {p.number} tidak sedang istirahat", f"Counter {p.number} is not on break"
            )
        w.log("resume", p, p.officer_id)
    return counter_state(number, clock)


def sign_out(
    number: int | str,
    reason: str | None = None,
    reference: str | None = None,
    approved_by: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> CounterStaffing:
    with StaffingWrite(clock) as w:
        p = w.counter(number)
        if p.status == "out":
            raise _not_signed_in(p)
        absence = check_absence(reason, reference, approved_by, p.officer_id) if reason else None
        if absence is None and p.status == "break" and p.event_seq:
            absence = _break_absence(p.event_seq)  # leaving from a break keeps its reason
        if absence is None:
            w.guard(p, "Keluar", "Sign-out")
        w.log("sign_out", p, p.officer_id, absence=absence)
    return counter_state(number, clock)


def handover(
    number: int | str,
    to_username: str,
    pin: str,
    clock: Clock = SYSTEM_CLOCK,
    *,
    path: str = secret_check.COUNTER_HANDOVER,
    pc: str | None = None,
) -> CounterStaffing:
    """Another officer takes the counter over with their PIN: no gap in between."""
    officer = authenticate_pin(to_username, pin, path=path, pc=pc, clock=clock)
    with StaffingWrite(clock) as w:
        p = w.counter(number)
        officer_id = _staff_id(officer.username)
        if p.status == "out":
            raise IllegalTransition(
                f"Tidak ada petugas di loket {p.number} untuk diserahterimakan; masuk (sign-in) saja",
                f"Nobody is at counter {p.number} to hand over from; just sign in",
            )
        if p.officer_id == officer_id:
            raise IllegalTransition(
                f"{officer.username} sudah menjaga loket {p.number}",
                f"{officer.username} already holds counter {p.number}",
            )
        other = w.elsewhere(officer_id, p.counter_id)
        if other is not None and other.status != "lost":
            raise IllegalTransition(
                f"{officer.username} masih masuk di loket {other.number}; keluar dulu dari sana",
                f"{officer.username} is still signed in at counter {other.number}; sign out there first",
            )
        if other is not None:
            w.log("sign_out", other, officer_id, detail={"moved_to": p.number})
        w.log(
            "handover",
            p,
            officer_id,
            detail={"from": p.officer_id, "from_username": _username(p.officer_id)},
        )
    return counter_state(number, clock)


def check(clock: Clock = SYSTEM_CLOCK) -> FrontDeskStatus:
    """Log lost heartbeats, open/close/escalate gaps, publish; the apps' tick."""
    with StaffingWrite(clock):
        pass
    return front_desk_status(clock)


def _staff_id(username: str) -> int:
    row = rawsql.fetch_one("SELECT id FROM staff WHERE username = ?", (username,))
    if row is None:
        raise NotFound(f"Petugas '{username}' tidak ada", f"No staff member '{username}'")
    return int(row[0])


def _username(staff_id: int | None) -> str:
    if staff_id is None:
        return "-"
    row = rawsql.fetch_one("SELECT username FROM staff WHERE id = ?", (staff_id,))
    return str(row[0]) if row else f"#{staff_id}"


def _break_absence(seq: int) -> Absence | None:
    row = rawsql.fetch_one(
        "SELECT reason, reference, approved_by_id FROM staffing_event WHERE seq = ? AND kind = 'break'",
        (seq,),
    )
    if row is None or row[0] is None:
        return None
    from loket.models.staffing.reasons import REASONS

    code = REASONS.get(row[0])
    if code is None:
        return None
    return Absence(code, row[1], row[2], _username(row[2]) if row[2] else None)
