"""Printing commands: test page, a ticket, live status, the spool; the office's printers."""

from __future__ import annotations

import argparse
from typing import Any

from loket.models.cli.audited import audited
from loket.models.cli.common import add_command, emit, open_db


def register(commands: Any) -> None:
    group = commands.add_parser(
        "print", help="pencetakan / printing", description="pencetakan / printing"
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    test = add_command(actions, "test", _test, "cetak halaman uji / print a test ticket")
    test.add_argument("--printer", metavar="URI", help="default: $LOKET_PRINTER atau PDF")
    ticket = add_command(actions, "ticket", _ticket, "cetak nomor antrian / print a queue ticket")
    ticket.add_argument("number", metavar="NUMBER", help="mis./e.g. A-001 (hari ini / today)")
    ticket.add_argument("--printer", metavar="URI")
    ticket.add_argument("--copy", action="store_true", help="tandai SALINAN / mark as COPY")
    status = add_command(actions, "status", _status, "status printer / printer status")
    status.add_argument("--printer", metavar="URI")
    status.add_argument(
        "--station", help="nama PC ini di daftar printer / this PC's name ($LOKET_STATION)"
    )
    add_command(actions, "pending", _pending, "pekerjaan tertunda / jobs waiting in the spool")
    again = add_command(actions, "retry", _retry, "cetak ulang (SALINAN) / reprint as COPY")
    again.add_argument("job", metavar="JOB_ID")
    again.add_argument("--printer", metavar="URI")
    printers = add_command(
        commands, "printers", _printers, "printer semua PC kantor / every office PC's printers"
    )
    printers.add_argument(
        "--forget",
        nargs=2,
        metavar=("STATION", "URI"),
        help="hapus dari daftar (PC/printer tidak dipakai lagi) / drop a retired one",
    )


def print_summary(outcome: Any) -> dict[str, Any]:
    return {
        "printed": outcome.printed,
        "pending": outcome.pending,
        "job_id": outcome.job_id,
        "message": outcome.message_id,
        "message_en": outcome.message_en,
    }


def print_line(outcome: Any) -> str:
    head = "Tercetak / printed" if outcome.printed else "BELUM tercetak / NOT printed"
    return f"{head} [{outcome.job_id}]: {outcome.message_id} / {outcome.message_en}"


def _printer(uri: str) -> str:
    """``uri``, refused now when mistyped (not spooled as a job no printer can ever take)."""
    from loket.printing.uri import parse_uri

    parse_uri(uri)
    return uri


def _finish(args: argparse.Namespace, outcome: Any, data: dict[str, Any]) -> int:
    data["print"] = print_summary(outcome)
    emit(args, data, print_line(outcome))
    return 0 if outcome.printed else 1


def _test(args: argparse.Namespace) -> int:
    open_db(args)
    import dataclasses

    from loket.models.clock import SYSTEM_CLOCK
    from loket.models.printouts.paper import (
        PrintOutcome,
        default_printer,
        spool_dir,
        ticket_layout,
    )
    from loket.models.queue.ticket_info import TicketInfo
    from loket.printing.jobs import print_job

    sample = TicketInfo(
        number="A-000",
        service="A",
        service_name_id="Halaman uji printer",
        service_name_en="Printer test page",
        priority=None,
        status="waiting",
        issued_at=SYSTEM_CLOCK.now(),
        ahead=0,
        estimated_wait_minutes=0,
        counter=None,
        recall_count=0,
    )
    layout = dataclasses.replace(
        ticket_layout(sample), footer=("Uji cetak Loket berhasil.", "Loket test print OK.")
    )
    uri = _printer(args.printer or default_printer())
    outcome = PrintOutcome.of(print_job(uri, layout, spool_dir()), layout.qr_text)
    return _finish(args, outcome, {"printer": uri})


def _ticket(args: argparse.Namespace) -> int:
    open_db(args)
    import dataclasses

    from loket.models.printouts.paper import (
        PrintOutcome,
        default_printer,
        spool_dir,
        ticket_layout,
    )
    from loket.models.queue.tickets import describe_ticket, find_ticket_id
    from loket.printing.jobs import print_job

    info = describe_ticket(find_ticket_id(args.number))
    layout = ticket_layout(info)
    if args.copy:
        layout = dataclasses.replace(layout, copy=True)
    uri = _printer(args.printer or default_printer())
    outcome = PrintOutcome.of(print_job(uri, layout, spool_dir()), layout.qr_text)
    return _finish(args, outcome, {"printer": uri, "number": info.number, "qr": layout.qr_text})


def _status(args: argparse.Namespace) -> int:
    from loket.models.printouts.paper import default_printer
    from loket.printing.connections import open_connection
    from loket.printing.errors import PrinterError
    from loket.printing.status import PrinterStatus
    from loket.printing.uri import parse_uri

    uri = args.printer or default_printer()
    parsed = parse_uri(uri)  # a mistyped address is refused, not reported as a printer
    try:
        with open_connection(parsed) as conn:
            status = conn.read_status()
    except PrinterError:
        _report_status(args, uri, PrinterStatus.unreachable())
        raise
    _report_status(args, uri, status)
    data = {
        "printer": uri,
        "ok": status.ok,
        "known": status.known,
        "problems": [p.name.lower() for p in status.problems],
        "message": status.message("id"),
        "message_en": status.message("en"),
    }
    emit(args, data, f"{uri}: {status.message('id')} / {status.message('en')}")
    return 0 if status.ok else 1


def _report_status(args: argparse.Namespace, uri: str, status: Any) -> None:
    """Tell the office's printer list what the printer said; a database that cannot be
    reached leaves the status check working."""
    from loket.models.printouts.printer_reports import report_once

    try:
        open_db(args)
    except Exception:  # the status is still worth showing without the database
        return
    report_once("cli", uri, status, args.station)


def _printers(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.printouts.printer_reports import forget_printer, list_printers
    from loket.models.settings import load_settings

    if args.forget:
        station, uri = args.forget

        def forget() -> None:
            if not forget_printer(station, uri):
                from loket.models.errors import NotFound

                raise NotFound(
                    f"Printer {uri} di {station} tidak ada di daftar",
                    f"No printer {uri} at {station} on the list",
                )

        audited("printer_forget", f"{station} {uri}", {}, forget)

    zone = load_settings().zone
    printers = list_printers()
    rows = [
        {
            "station": p.station,
            "role": p.role,
            "uri": p.uri,
            "ok": p.ok,
            "known": p.known,
            "problems": list(p.problems),
            "message": p.status_text(zone)[0],
            "message_en": p.status_text(zone)[1],
            "pending": p.pending,
            "active": p.active,
            "stale": p.stale,
            "severity": p.severity,
            "updated_at": p.updated_at.isoformat(),
            "age_seconds": round(p.age_seconds),
        }
        for p in printers
    ]
    lines = [
        f"{r['station']}  {r['role']}  {r['uri']}  {r['message']} / {r['message_en']}"
        f"  {r['pending']}  {p.updated_at.astimezone(zone):%Y-%m-%d %H:%M}"
        for r, p in zip(rows, printers, strict=True)
    ]
    emit(args, rows, "\n".join(lines) or "-")


def _pending(args: argparse.Namespace) -> None:
    from loket.models.printouts.paper import pending_jobs

    jobs = pending_jobs()
    rows = [{"job_id": j.job_id, "printer": j.uri} for j in jobs]
    emit(args, rows, "\n".join(f"{r['job_id']}  {r['printer']}" for r in rows) or "-")


def _retry(args: argparse.Namespace) -> int:
    from loket.models.errors import NotFound
    from loket.models.printouts.paper import reprint

    try:
        outcome = reprint(args.job, args.printer and _printer(args.printer))
    except KeyError as exc:
        raise NotFound(f"Pekerjaan cetak {args.job} tidak ada", f"No print job {args.job}") from exc
    return _finish(args, outcome, {"job_id": args.job})
