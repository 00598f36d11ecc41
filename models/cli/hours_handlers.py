"""Handlers of loket hours … and loket holiday …: service hours, the Ramadan schedule
and holidays (a CSV import among them), each change audited.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from loket.models.cli.audited import audited, given
from loket.models.cli.common import emit, open_db


def _hours(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.staffing import hours

    if args.action == "ramadan":
        first, last = audited(
            "ramadan_set",
            lambda r: f"{r[0]}..{r[1]}",
            {},
            lambda: hours.set_ramadan(args.first, args.last),
        )
        emit(
            args,
            {"ramadan": [first.isoformat(), last.isoformat()]},
            f"Jadwal Ramadan / Ramadan schedule: {first} – {last}",
        )
        return
    if args.action == "set":
        breaks = args.break_window
        if breaks is not None and breaks.strip().lower() in ("none", "-", "tidak", "no"):
            breaks = ""
        audited(
            "hours_set",
            f"{args.group} {args.schedule} {args.days}",
            given(
                hours=args.hours,
                break_window=breaks,
                closed=args.closed or None,
                open_through_break=args.through_break,
            ),
            lambda: hours.set_hours(
                args.group,
                args.days,
                hours=args.hours,
                break_window=breaks,
                closed=args.closed,
                open_through_break=args.through_break,
                schedule=args.schedule,
            ),
        )
    names = ("Sen/Mon", "Sel/Tue", "Rab/Wed", "Kam/Thu", "Jum/Fri", "Sab/Sat", "Min/Sun")
    payload: dict[str, Any] = {}
    lines = []
    for group in hours.GROUPS:
        week = hours.week(group, args.schedule)
        payload[group] = [asdict(d) for d in week]
        lines.append(f"{' / '.join(hours.GROUP_NAMES[group])} ({args.schedule}):")
        lines += [f"  {names[d.weekday - 1]}  {d.describe()}" for d in week]
    ramadan = hours.list_ramadan()
    payload["ramadan"] = [[a.isoformat(), b.isoformat()] for a, b in ramadan]
    if ramadan:
        lines.append("Ramadan: " + ", ".join(f"{a} – {b}" for a, b in ramadan))
    emit(args, payload, "\n".join(lines))


def _read_text(path: str) -> str:
    from loket.models.input_files import HOLIDAY_CSV_LIMIT, read_bytes
    from loket.models.staffing.holiday_import import decode

    return decode(read_bytes(path, HOLIDAY_CSV_LIMIT))


def _holiday(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.staffing import hours

    if args.action == "add":
        info = audited(
            "holiday_add",
            lambda h: h.day.isoformat(),
            lambda h: {"name": h.name},
            lambda: hours.add_holiday(args.day, args.name),
        )
        emit(
            args,
            {"day": info.day.isoformat(), "name": info.name},
            f"Libur/holiday: {info.day} {info.name}",
        )
    elif args.action == "remove":
        info = audited(
            "holiday_remove",
            lambda h: h.day.isoformat(),
            {},
            lambda: hours.remove_holiday(args.day),
        )
        emit(args, {"removed": info.day.isoformat()}, f"Dihapus/removed: {info.day} {info.name}")
    elif args.action == "import":
        from loket.models.staffing.holiday_import import import_holidays, parse_holidays

        pairs = parse_holidays(_read_text(args.file))
        result = audited(
            "holiday_import",
            f"{len(pairs)} baris/lines",
            {"days": [day.isoformat() for day, _ in pairs]},
            lambda: import_holidays(pairs),
        )
        said_id, said_en = result.text()
        emit(
            args,
            {
                "added": [h.day.isoformat() for h in result.added],
                "already": [h.day.isoformat() for h in result.already],
            },
            f"{said_id} / {said_en}",
        )
    else:
        rows = hours.list_holidays(args.year)
        emit(
            args,
            [{"day": r.day.isoformat(), "name": r.name} for r in rows],
            "\n".join(f"{r.day}  {r.name}" for r in rows) or "-",
        )
