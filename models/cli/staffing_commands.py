"""Staffing commands: loket staffing …, loket hours …, loket holiday …"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from loket.models.cli.audited import audited, given
from loket.models.cli.common import add_command, emit, open_db, wants_json


def _yes_no(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("yes", "ya", "y", "true", "1"):
        return True
    if lowered in ("no", "tidak", "n", "false", "0"):
        return False
    raise argparse.ArgumentTypeError(f"ya/tidak (yes/no), bukan/not '{value}'")


def _group(commands: Any, name: str, help_text: str) -> Any:
    parser = commands.add_parser(name, help=help_text, description=help_text)
    return parser.add_subparsers(dest="action", metavar="ACTION", required=True)


def _absence_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--reason", metavar="CODE", help="kode alasan / reason code (loket staffing reasons)"
    )
    sub.add_argument("--ref", metavar="TEXT", help="nomor rujukan (SPT, surat cuti …) / reference")
    sub.add_argument(
        "--approved-by", metavar="USER", help="pemberi izin / approver (head or admin)"
    )


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0.5 <= seconds <= 86_400:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(
            f"detik antara 0,5 dan 86400 / seconds between 0.5 and 86400, bukan/not '{value}'"
        )
    return seconds


def register(commands: Any) -> None:
    actions = _group(commands, "staffing", "penjagaan loket / front-desk staffing")
    sub = add_command(actions, "sign-in", _sign_in, "masuk di loket / sign in at a counter")
    sub.add_argument("--counter", required=True, metavar="N")
    sub.add_argument("--staff", required=True, metavar="USER")
    sub.add_argument("--pin", required=True)
    sub = add_command(
        actions, "heartbeat", _heartbeat, "aplikasi loket masih hidup / the counter app is alive"
    )
    sub.add_argument("--counter", required=True, metavar="N")
    sub.add_argument(
        "--every",
        type=float,
        metavar="SECONDS",
        help="ulangi sampai dihentikan / repeat until stopped (a counter process)",
    )
    for name, help_text in (
        ("break", "istirahat / take a break"),
        ("sign-out", "keluar dari loket / sign out"),
    ):
        sub = add_command(actions, name, _leave, help_text)
        sub.add_argument("--counter", required=True, metavar="N")
        _absence_options(sub)
    sub = add_command(actions, "resume", _resume, "kembali dari istirahat / back from a break")
    sub.add_argument("--counter", required=True, metavar="N")
    sub = add_command(
        actions, "handover", _handover, "serah terima loket / another officer takes over"
    )
    sub.add_argument("--counter", required=True, metavar="N")
    sub.add_argument("--to", required=True, metavar="USER")
    sub.add_argument("--pin", required=True)
    add_command(actions, "status", _status, "loket depan dijaga? / is the front desk covered?")
    sub = add_command(
        actions, "check", _check, "periksa kekosongan sekarang / detect gaps now (the apps' tick)"
    )
    sub.add_argument(
        "--watch", type=_seconds, metavar="SECONDS", help="ulangi / repeat every SECONDS"
    )
    sub = add_command(actions, "log", _log, "log penjagaan / the staffing log")
    sub.add_argument("--day", metavar="DATE")
    add_command(actions, "verify", _verify, "periksa keutuhan log / verify the staffing log")
    sub = add_command(actions, "report", _report, "laporan harian / daily summaries")
    sub.add_argument("--from", dest="first", required=True, metavar="DATE")
    sub.add_argument("--to", dest="last", required=True, metavar="DATE")
    sub.add_argument("--format", choices=("json", "csv", "pdf"), default="json")
    sub.add_argument("--output", metavar="PATH")
    sub = add_command(
        actions, "sign-off", _sign_off, "kepala mengesahkan satu hari / the head signs off a day"
    )
    sub.add_argument("--day", required=True, metavar="DATE")
    sub.add_argument("--staff", required=True, metavar="USER")
    sub.add_argument("--password", required=True)
    sub = add_command(
        actions, "explain", _explain, "beri alasan kekosongan / add the reason for a past gap"
    )
    sub.add_argument("--day", required=True, metavar="DATE")
    sub.add_argument("--start", required=True, metavar="HH:MM[:SS]")
    sub.add_argument("--reason", required=True, metavar="CODE")
    sub.add_argument("--ref", metavar="TEXT")
    sub.add_argument("--approved-by", metavar="USER")
    sub.add_argument("--staff", required=True, metavar="USER")
    sub.add_argument("--password", required=True)
    add_command(actions, "reasons", _reasons, "kode alasan / reason codes")
    sub = add_command(
        actions,
        "escalation",
        _escalation,
        "tunda eskalasi ke kepala / delay before a gap goes to the head",
    )
    sub.add_argument("--minutes", metavar="N")
    _register_hours(commands)
    _register_holiday(commands)


def _register_hours(commands: Any) -> None:
    actions = _group(commands, "hours", "jam layanan / service hours")
    sub = add_command(actions, "show", _hours, "lihat jam layanan / show service hours")
    sub.add_argument("--schedule", choices=("normal", "ramadan"), default="normal")
    sub = add_command(actions, "set", _hours, "ubah jam layanan / change service hours")
    sub.add_argument("--group", required=True, metavar="front_desk|other")
    sub.add_argument("--days", required=True, help="1=Senin/Monday … 7=Minggu/Sunday, e.g. 1234")
    sub.add_argument("--hours", metavar="HH:MM-HH:MM")
    sub.add_argument("--break", dest="break_window", metavar="HH:MM-HH:MM|none")
    sub.add_argument("--closed", action="store_true", help="tutup / closed on these days")
    sub.add_argument(
        "--through-break",
        type=_yes_no,
        metavar="yes|no",
        help="tetap dilayani saat istirahat (bergantian) / served through the break (staggered)",
    )
    sub.add_argument("--schedule", choices=("normal", "ramadan"), default="normal")
    sub = add_command(actions, "ramadan", _hours, "periode Ramadan / set a Ramadan period")
    sub.add_argument("--from", dest="first", required=True, metavar="DATE")
    sub.add_argument("--to", dest="last", required=True, metavar="DATE")


def _register_holiday(commands: Any) -> None:
    actions = _group(commands, "holiday", "hari libur / holidays")
    sub = add_command(actions, "add", _holiday, "tambah hari libur / add a holiday")
    sub.add_argument("day", metavar="DATE")
    sub.add_argument("--name", required=True)
    sub = add_command(actions, "list", _holiday, "daftar hari libur / list holidays")
    sub.add_argument("--year", type=int)
    sub = add_command(actions, "remove", _holiday, "hapus hari libur / remove a holiday")
    sub.add_argument("day", metavar="DATE")
    sub = add_command(
        actions,
        "import",
        _holiday,
        "muat hari libur dari CSV (tanggal;nama) / load holidays from a CSV (date;name)",
    )
    sub.add_argument("file", metavar="FILE")


# ── handlers ─────────────────────────────────────────────────────────────────────


def _zone() -> Any:
    from loket.models.services.office import load_settings

    return load_settings().zone


def _clock_text(value: Any, zone: Any) -> str:
    return value.astimezone(zone).strftime("%H:%M:%S") if value else "-"


def _counter_line(state: Any, zone: Any) -> str:
    names = {"out": "kosong/out", "staffed": "dijaga/staffed", "break": "istirahat/break"}
    status = names.get(state.status, "detak hilang/heartbeat lost")
    parts = [f"loket/counter {state.number:<3}{' [depan/front]' if state.front_desk else ''}"]
    parts.append(status)
    if state.officer:
        parts.append(f"{state.officer} sejak/since {_clock_text(state.since, zone)}")
    if state.heartbeat_age_seconds is not None:
        parts.append(f"detak/heartbeat {state.heartbeat_age_seconds:.0f} s")
    if state.reason:
        parts.append(f"alasan/reason {state.reason} {state.reference or ''}".rstrip())
    if state.serving:
        parts.append(f"melayani/serving {state.serving}")
    return "  ".join(parts)


def _emit_counter(args: argparse.Namespace, state: Any) -> None:
    zone = _zone()
    emit(args, state.as_json(zone), _counter_line(state, zone))


def _sign_in(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.services import staffing

    _emit_counter(args, staffing.sign_in(args.counter, args.staff, args.pin))


def _heartbeat(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.services import staffing

    state = staffing.heartbeat(args.counter)
    _emit_counter(args, state)
    if args.every:
        sys.stdout.flush()
        while True:
            time.sleep(max(args.every, 0.05))
            staffing.heartbeat(args.counter)


def _leave(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.services import staffing

    action = staffing.start_break if args.action == "break" else staffing.sign_out
    state = action(args.counter, args.reason, args.ref, args.approved_by)
    _emit_counter(args, state)


def _resume(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.services import staffing

    _emit_counter(args, staffing.resume(args.counter))


def _handover(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.services import staffing

    _emit_counter(args, staffing.handover(args.counter, args.to, args.pin))


def _status_payload() -> tuple[dict[str, Any], str]:
    from loket.models.services import staffing

    zone = _zone()
    desk = staffing.front_desk_status()
    counters = staffing.counter_states()
    lines = [desk.message("id") + " / " + desk.message("en")]
    if desk.gap_since:
        lines.append(
            f"  sejak/since {_clock_text(desk.gap_since, zone)}"
            + (
                f", eskalasi/escalation {_clock_text(desk.escalate_at, zone)}"
                if desk.escalate_at
                else ""
            )
        )
    lines += [_counter_line(c, zone) for c in counters]
    payload = {"front_desk": desk.as_json(zone), "counters": [c.as_json(zone) for c in counters]}
    return payload, "\n".join(lines)


def _status(args: argparse.Namespace) -> None:
    open_db(args)
    payload, text = _status_payload()
    emit(args, payload, text)


def _check(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.services import staffing

    while True:
        staffing.check()
        payload, text = _status_payload()
        emit(args, payload, text)
        if not args.watch:
            return
        sys.stdout.flush()
        time.sleep(args.watch)


def _log(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.services import staffing_log
    from loket.models.services.service_hours import parse_day

    zone = _zone()
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
    open_db(args)
    from loket.models.services.staffing_verify import verify_staffing_log

    report = verify_staffing_log()
    payload = {
        "ok": report.ok,
        "entries": report.entries,
        "problem": asdict(report.problem) if report.problem else None,
        "message_id": report.message_id,
        "message_en": report.message_en,
    }
    if report.ok:
        emit(args, payload, str(report))
        return 0
    if wants_json(args):
        emit(args, payload, "")
    print(f"loket: {report}", file=sys.stderr)
    return 1


def _seal(s: Any) -> Any:
    from loket.models.services.chain_seals import seal_for_sign_off

    return seal_for_sign_off(s.sign_off.seq) if s.sign_off else None


def _summary_json(s: Any, zone: Any) -> dict[str, Any]:
    data: dict[str, Any] = s.as_json(zone)
    seal = _seal(s)
    if seal is not None:
        data["seal"] = {"code": seal.code, **seal.as_json(zone)}
    return data


def _summary_text(s: Any, zone: Any) -> str:
    from loket.models.services.staffing_export import _duration

    head = f"{s.day.isoformat()}  loket depan/front desk {s.coverage_pct:.2f}%"
    head += f" ({_duration(s.covered_seconds)} / {_duration(s.service_seconds)})"
    if s.holiday:
        head += f"  libur/holiday: {s.holiday}"
    if s.sign_off:
        head += f"  disahkan/signed off: {s.sign_off.by}"
        seal = _seal(s)
        if seal is not None:
            head += f"  kode segel/seal code {seal.code}"
        if s.sign_off.changed_after:
            head += " — DIUBAH SETELAH DISAHKAN / CHANGED AFTER SIGN-OFF"
    lines = [head]
    for g in s.gaps:
        lines.append(
            f"  kosong/gap {_clock_text(g.start, zone)}–{_clock_text(g.end, zone)}"
            f" ({_duration(g.seconds)}) {g.cause_text('id')} / {g.cause_text('en')}"
            + (f" izin/approved {g.approved_by}" if g.approved_by else "")
            + (" [eskalasi/escalated]" if g.escalated else "")
        )
    for c in s.counters:
        lines.append(
            f"  loket/counter {c.number}: {c.coverage_pct:.1f}% dijaga/staffed,"
            f" istirahat/breaks {_duration(c.break_seconds)}  {', '.join(c.officers)}"
        )
    for o in s.officers:
        lines.append(
            f"  {o.username}: {o.coverage_pct:.1f}% dijaga/staffed,"
            f" istirahat/breaks {_duration(o.break_seconds)}"
        )
    return "\n".join(lines)


def _report(args: argparse.Namespace) -> None:
    open_db(args)
    import json

    from loket.models.services.office import load_settings
    from loket.models.services.staffing_export import to_csv, to_pdf
    from loket.models.services.staffing_summary import summaries

    settings = load_settings()
    zone = settings.zone
    days = summaries(args.first, args.last)
    if args.format == "pdf":
        data = to_pdf(days, zone, settings.office_name)
        target = Path(args.output or f"staffing-{args.first}-{args.last}.pdf")
        target.write_bytes(data)
        emit(
            args,
            {"output": str(target), "days": len(days), "bytes": len(data)},
            f"Laporan PDF / PDF report: {target}",
        )
        return
    if args.format == "csv":
        text = to_csv(days, zone)
    else:
        text = json.dumps([_summary_json(d, zone) for d in days], ensure_ascii=False, indent=1)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        emit(args, {"output": args.output, "days": len(days)}, f"Laporan / report: {args.output}")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _sign_off(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.services.staffing_summary import sign_off_day

    zone = _zone()
    summary = sign_off_day(args.day, args.staff, args.password)
    emit(args, _summary_json(summary, zone), _summary_text(summary, zone))


def _explain(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.services.staffing_summary import explain_gap

    zone = _zone()
    summary = explain_gap(
        args.day, args.start, args.reason, args.ref, args.approved_by, args.staff, args.password
    )
    emit(args, _summary_json(summary, zone), _summary_text(summary, zone))


def _reasons(args: argparse.Namespace) -> None:
    from loket.models.services.staffing_reasons import REASONS

    rows = [asdict(r) for r in REASONS.values()]
    lines = [
        f"{r.code:<20} {r.name_id} / {r.name_en}"
        + (f"  --ref {r.reference_id} / {r.reference_en}" if r.needs_reference else "")
        + ("  --approved-by USER" if r.needs_approval else "")
        for r in REASONS.values()
    ]
    emit(args, rows, "\n".join(lines))


def _escalation(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.services import staffing

    delay = (
        audited(
            "escalation_delay",
            "staffing",
            lambda d: {"minutes": str(int(d.total_seconds() // 60))},
            lambda: staffing.set_escalation_delay(args.minutes),
        )
        if args.minutes is not None
        else staffing.escalation_delay()
    )
    minutes = int(delay.total_seconds() // 60)
    emit(
        args,
        {"escalation_minutes": minutes},
        f"Eskalasi ke kepala setelah {minutes} menit / escalate to the head after {minutes} min",
    )


def _hours(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.services import service_hours as hours

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
    from loket.models.errors import InvalidInput

    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InvalidInput(
            f"Berkas {path} tidak dapat dibaca ({exc.strerror})",
            f"Cannot read the file {path} ({exc.strerror})",
        ) from exc
    if len(raw) > 200_000:
        raise InvalidInput(f"Berkas {path} terlalu besar", f"The file {path} is too large")
    from loket.models.services.holiday_import import decode

    return decode(raw)


def _holiday(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.services import service_hours as hours

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
        from loket.models.services.holiday_import import import_holidays, parse_holidays

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
