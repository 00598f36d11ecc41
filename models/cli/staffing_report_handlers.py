"""Handlers of loket staffing report, sign-off and explain: daily summaries as JSON, CSV
or PDF, the head's sign-off with its seal code, and a gap's reason added afterwards.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from loket.models.cli.common import emit, open_db
from loket.models.cli.officers import read_password
from loket.models.cli.staffing_desk_handlers import clock_text, office_zone


def _seal(s: Any) -> Any:
    from loket.models.integrity.seals import seal_for_sign_off

    return seal_for_sign_off(s.sign_off.seq) if s.sign_off else None


def _summary_json(s: Any, zone: Any) -> dict[str, Any]:
    data: dict[str, Any] = s.as_json(zone)
    seal = _seal(s)
    if seal is not None:
        data["seal"] = {"code": seal.code, **seal.as_json(zone)}
    return data


def _summary_text(s: Any, zone: Any) -> str:
    from loket.models.reports.staffing_export import _duration

    head = f"{s.day.isoformat()}  loket depan/front desk {s.coverage_pct:.2f}%"
    head += f" ({_duration(s.covered_seconds)} / {_duration(s.service_seconds)})"
    if s.not_recorded:
        head = f"{s.day.isoformat()}  loket depan/front desk: tidak tercatat / not recorded"
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
            f"  kosong/gap {clock_text(g.start, zone)}–{clock_text(g.end, zone)}"
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

    from loket.models.reports.staffing_export import to_csv, to_pdf
    from loket.models.settings import load_settings
    from loket.models.staffing.summaries import summaries

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
    from loket.models.office.secret_check import CLI_SIGN_OFF
    from loket.models.staffing.sign_off import sign_off_day

    zone = office_zone()
    password = read_password(args.staff)
    summary = sign_off_day(args.day, args.staff, password, path=CLI_SIGN_OFF)
    emit(args, _summary_json(summary, zone), _summary_text(summary, zone))


def _explain(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.office.secret_check import CLI_EXPLAIN
    from loket.models.staffing.sign_off import explain_gap

    zone = office_zone()
    password = read_password(args.staff)
    summary = explain_gap(
        args.day,
        args.start,
        args.reason,
        args.ref,
        args.approved_by,
        args.staff,
        password,
        path=CLI_EXPLAIN,
    )
    emit(args, _summary_json(summary, zone), _summary_text(summary, zone))
