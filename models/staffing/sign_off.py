"""The head's sign-off of a day's staffing summary, and a gap's reason added afterwards.

The head signs a day off with their password; the sign-off entry keeps a digest of
the summary as signed, so any later change to that day (an explanation added, a
holiday entered afterwards, a row edited behind the application's back) shows up as
"changed after sign-off".
"""

from __future__ import annotations

import datetime as dt

from loket.models import rawsql
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import IllegalTransition, InvalidInput, PermissionDenied
from loket.models.fields import to_micros
from loket.models.integrity import seals as chain_seals
from loket.models.office import secret_check
from loket.models.office.passwords import check_secret
from loket.models.settings import load_settings
from loket.models.staffing import log as staffing_log
from loket.models.staffing.hours import GROUPS, HoursBook, parse_day
from loket.models.staffing.reasons import check_absence
from loket.models.staffing.staffing_write import StaffingWrite
from loket.models.staffing.summaries import daily_summary
from loket.models.staffing.summary_records import DailySummary


def _day_is_over(book: HoursBook, day: dt.date, now: dt.datetime) -> bool:
    ends = [b for g in GROUPS for _, b in book.windows(g, day)]
    return now >= max(ends, default=book.day_bounds(day)[0]) or now >= book.day_bounds(day)[1]


def _authenticate(
    username: str,
    password: str,
    roles: tuple[str, ...],
    path: str,
    pc: str | None,
    clock: Clock,
) -> tuple[int, str]:
    """The account's id and name when the password is right, under the shared lockout."""
    found: list[tuple[object, ...]] = []

    def verify() -> bool:
        row = rawsql.fetch_one(
            "SELECT id, username, role, password_hash, active FROM staff WHERE username = ?",
            (secret_check.account_name(username),),
        )
        if row is None or not row[4] or not check_secret(password, row[3]):
            return False
        found.append(tuple(row))
        return True

    wrong = PermissionDenied("Nama pengguna atau kata sandi salah", "Wrong username or password")
    secret_check.guarded_check(username, path, verify, wrong, pc=pc, clock=clock)
    row = found[0]
    if row[2] not in roles:
        who = " atau ".join(roles)
        raise PermissionDenied(
            f"Hanya {who} yang dapat melakukan ini; {row[1]} berperan {row[2]}",
            f"Only the {' or '.join(roles)} may do this; {row[1]} is {row[2]}",
        )
    return int(str(row[0])), str(row[1])


def sign_off_day(
    day: str | dt.date,
    username: str,
    password: str,
    clock: Clock = SYSTEM_CLOCK,
    *,
    path: str = secret_check.STAFFING_SIGN_OFF,
    pc: str | None = None,
) -> DailySummary:
    """The head of office signs off a day's staffing summary."""
    value = parse_day(day)
    head_id, head_name = _authenticate(username, password, ("head",), path, pc, clock)
    with StaffingWrite(clock) as w:
        if not _day_is_over(w.book, value, w.now):
            raise IllegalTransition(
                f"{value} belum selesai: tanda tangani setelah jam layanan berakhir",
                f"{value} is not over yet: sign it off after service hours end",
            )
    summary = daily_summary(value, clock)
    # Made (or found) before the write: a new key writes its own file and row.
    key = chain_seals.sealing_key(clock)
    with StaffingWrite(clock) as w:
        entry = staffing_log.append(
            "sign_off",
            w.now,
            w.now,
            value,
            officer_id=head_id,
            detail={"day": value.isoformat(), "digest": summary.digest, "sealed": True},
        )
        # In the same transaction, after the entry: the seal covers the sign-off itself.
        chain_seals.record_seal(value, entry.seq, head_name, key, clock)
        w.changed = True
    # Committed: a signed checkpoint records the lengths, so erasing this sign-off with
    # its seal later is still found (never raises; the sign-off stands).
    from loket.models.integrity.checkpoints import checkpoint_quietly

    checkpoint_quietly("sign_off", clock)
    return daily_summary(value, clock)


def explain_gap(
    day: str | dt.date,
    start: str,
    reason: str,
    reference: str | None,
    approved_by: str | None,
    username: str,
    password: str,
    clock: Clock = SYSTEM_CLOCK,
    *,
    path: str = secret_check.STAFFING_EXPLAIN,
    pc: str | None = None,
) -> DailySummary:
    """Add the reason for a gap afterwards (e.g. the SPT arrived the next day)."""
    value = parse_day(day)
    staff_id, _ = _authenticate(username, password, ("head", "admin"), path, pc, clock)
    summary = daily_summary(value, clock)
    zone = load_settings().zone
    wanted = start.strip()
    match = next(
        (
            g
            for g in summary.gaps
            if g.start.astimezone(zone).strftime("%H:%M:%S").startswith(wanted)
            or g.start.astimezone(zone).strftime("%H:%M") == wanted
        ),
        None,
    )
    if match is None:
        raise InvalidInput(
            f"Tidak ada kekosongan yang mulai pukul {wanted} pada {value}",
            f"No gap starts at {wanted} on {value}",
        )
    absence = check_absence(reason, reference, approved_by, None)
    with StaffingWrite(clock) as w:
        staffing_log.append(
            "gap_reason",
            w.now,
            w.now,
            value,
            officer_id=staff_id,
            reason=absence.reason.code,
            reference=absence.reference,
            approved_by_id=absence.approved_by_id,
            detail={"start": to_micros(match.start), "cause": match.cause},
        )
        w.changed = True
    return daily_summary(value, clock)
