"""Handlers of loket staffing log and loket staffing verify: the hash-chained staffing
log, listed and checked.
"""

from __future__ import annotations

import argparse

from loket.models.cli.common import emit, open_db
from loket.models.cli.staffing_desk_handlers import office_zone


def _log(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.staffing import log as staffing_log
    from loket.models.staffing.hours import parse_day

    zone = office_zone()
    if args.day:
        day = parse_day(args.day)
        entries = sorted(staffing_log.entries_for_days(day, day), key=lambda e: e.seq)
    else:
        entries = staffing_log.entries()
    users = _usernames()
    numbers = _counter_numbers()
    rows = []
    lines = []
    for e in entries:
        row = {
            "seq": e.seq,
            "at": e.at.astimezone(zone).isoformat(),
            "recorded_at": e.recorded_at.astimezone(zone).isoformat(),
            "day": e.day.isoformat(),
            "kind": e.kind,
            "counter": numbers.get(e.counter_id) if e.counter_id else None,
            "officer": users.get(e.officer_id) if e.officer_id else None,
            "reason": e.reason,
            "reference": e.reference,
            "approved_by": users.get(e.approved_by_id) if e.approved_by_id else None,
            "detail": e.detail,
        }
        rows.append(row)
        text = f"#{e.seq:<5} {e.at.astimezone(zone):%Y-%m-%d %H:%M:%S}  {e.kind:<18}"
        if row["counter"]:
            text += f" loket {row['counter']}"
        if row["officer"]:
            text += f" {row['officer']}"
        if e.reason:
            text += f" [{e.reason} {e.reference or ''}".rstrip() + "]"
        if row["approved_by"]:
            text += f" izin/approved {row['approved_by']}"
        if e.kind.startswith("gap_") and "cause" in e.detail:
            text += f" {e.detail['cause']}"
        lines.append(text)
    emit(args, rows, "\n".join(lines) or "-")


def _usernames() -> dict[int, str]:
    from loket.models import rawsql

    return dict(rawsql.fetch_all("SELECT id, username FROM staff"))


def _counter_numbers() -> dict[int, int]:
    from loket.models import rawsql

    return dict(rawsql.fetch_all("SELECT id, number FROM counter"))


def _verify(args: argparse.Namespace) -> int:
    from loket.models.cli.db_commands import verify_chain
    from loket.models.staffing.verify import verify_staffing_log

    return verify_chain(args, verify_staffing_log)
