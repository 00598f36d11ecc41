"""Printing commands: test page, a ticket, live status, the spool; the office's printers."""

from __future__ import annotations

import argparse
from typing import Any

from loket.models.cli.audited import as_option, audited
from loket.models.cli.common import (
    add_command,
    describe_error,
    emit,
    fail,
    open_db,
    wants_json,
)
from loket.printing.errors import PrinterUriError

PRINTER_HELP = (
    "printer (URI); bawaan: $LOKET_PRINTER, lalu salinan PDF di folder data / "
    "default: $LOKET_PRINTER, else PDF copies in the data folder"
)
# Exit codes of every printout command.
PRINTED = 0  # printed and confirmed, or sent to a printer that never answers (said plainly)
NOT_PRINTED = 1  # not printed, or broken mid-job: the job waits in the spool for a reprint
USAGE = 2  # the printer address is wrong (nothing recorded, nothing spooled)

_NAMES = {
    "ticket": ("Tiket", "Ticket"),
    "receipt": ("Tanda terima", "Receipt"),
    "complaint": ("Bukti pengaduan", "Complaint slip"),
    "test": ("Halaman uji", "Test page"),
    "copy": ("Salinan", "Copy"),
    "printout": ("Cetakan", "Printout"),
}


def add_printer_option(command: Any, *, no_print: bool = False, retry: bool = False) -> None:
    """``--printer`` (and ``--no-print``) as every printout command takes them."""
    help_text = PRINTER_HELP
    if retry:
        help_text = (
            "printer (URI); bawaan: $LOKET_PRINTER, lalu printer pekerjaan itu / "
            "default: $LOKET_PRINTER, else the job's own printer"
        )
    command.add_argument("--printer", metavar="URI", help=help_text)
    if no_print:
        command.add_argument(
            "--no-print", action="store_true", help="jangan cetak / do not print anything"
        )


def register(commands: Any) -> None:
    group = commands.add_parser(
        "print", help="pencetakan / printing", description="pencetakan / printing"
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    test = add_command(actions, "test", _test, "cetak halaman uji / print a test ticket")
    add_printer_option(test)
    ticket = add_command(actions, "ticket", _ticket, "cetak nomor antrian / print a queue ticket")
    ticket.add_argument("number", metavar="NUMBER", help="mis./e.g. A-001 (hari ini / today)")
    add_printer_option(ticket)
    ticket.add_argument("--copy", action="store_true", help="tandai SALINAN / mark as COPY")
    status = add_command(actions, "status", _status, "status printer / printer status")
    add_printer_option(status)
    status.add_argument(
        "--station", help="nama PC ini di daftar printer / this PC's name ($LOKET_STATION)"
    )
    add_command(actions, "pending", _pending, "pekerjaan tertunda / jobs waiting in the spool")
    again = add_command(actions, "retry", _retry, "cetak ulang (SALINAN) / reprint as COPY")
    again.add_argument("job", metavar="JOB_ID")
    add_printer_option(again, retry=True)
    printers = as_option(  # --as for --forget; the list stays open
        add_command(
            commands, "printers", _printers, "printer semua PC kantor / every office PC's printers"
        )
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
        "state": outcome.state,
        "job_id": outcome.job_id,
        "message": outcome.message_id,
        "message_en": outcome.message_en,
    }


def print_line(outcome: Any) -> str:
    """One line, both languages, naming the printout: what happened, and the way to a reprint."""
    name_id, name_en = _NAMES.get(outcome.printout, _NAMES["printout"])
    job = f" [{outcome.job_id}]" if outcome.job_id else ""
    state = outcome.state
    if state == "printed":
        head = f"{name_id} tercetak / {name_en} printed{job}"
    elif state == "unconfirmed":
        head = f"{name_id} terkirim, belum pasti tercetak / {name_en} sent, not confirmed{job}"
    else:
        head = f"{name_id} BELUM tercetak / {name_en} NOT printed{job}"
    line = f"{head}: {outcome.message_id} / {outcome.message_en}"
    if state in ("failed", "unconfirmed") and outcome.job_id:
        line += f" — cetak ulang / reprint: loket print retry {outcome.job_id}"
    return line


def choose(
    option: str | None, *, no_print: bool = False, fallback: str | None = None
) -> str | None:
    """The printer (see ``choose_printer``); a wrong address raises ``PrinterUriError``."""
    from loket.models.printouts.printer_choice import choose_printer

    return choose_printer(option, no_print=no_print, fallback=fallback)


def usage_error(exc: Exception) -> int:
    """A printer address that is no address: one line on stderr, exit 2."""
    fail(describe_error(exc))
    return USAGE


def tell(outcome: Any) -> int:
    """The printout's exit code; anything but a confirmed print is said on stderr, once,
    in both languages (stdout keeps the command's answer for scripts)."""
    if outcome.state == "refused":
        fail(f"{outcome.message_id} / {outcome.message_en}")
        return USAGE
    if outcome.state != "printed":
        fail(print_line(outcome))
    return PRINTED if outcome.printed else NOT_PRINTED


def finish(args: argparse.Namespace, outcome: Any, data: dict[str, Any], text: str = "") -> int:
    """Emit the answer (with the print line on stdout when it printed) and the exit code."""
    data["print"] = print_summary(outcome)
    if outcome.state == "printed":
        text = f"{text}\n{print_line(outcome)}" if text else print_line(outcome)
    if text or wants_json(args):
        emit(args, data, text)
    return tell(outcome)


def _test(args: argparse.Namespace) -> int:
    try:
        uri = choose(args.printer)
    except PrinterUriError as exc:
        return usage_error(exc)
    open_db(args)
    from loket.models.printouts.paper import print_test_page

    return finish(args, print_test_page(uri), {"printer": uri})


def _ticket(args: argparse.Namespace) -> int:
    try:
        uri = choose(args.printer)
    except PrinterUriError as exc:
        return usage_error(exc)
    open_db(args)
    import dataclasses

    from loket.models.printouts.paper import PrintOutcome, spool_dir, ticket_layout
    from loket.models.queue.tickets import describe_ticket, find_ticket_id
    from loket.printing.jobs import print_job

    info = describe_ticket(find_ticket_id(args.number))
    layout = ticket_layout(info)
    if args.copy:
        layout = dataclasses.replace(layout, copy=True)
    assert uri is not None
    outcome = PrintOutcome.of(print_job(uri, layout, spool_dir()), layout.qr_text)
    return finish(args, outcome, {"printer": uri, "number": info.number, "qr": layout.qr_text})


def _status(args: argparse.Namespace) -> int:
    from loket.printing.connections import open_connection
    from loket.printing.errors import PrinterError
    from loket.printing.status import PrinterStatus
    from loket.printing.uri import parse_uri

    try:
        uri = choose(args.printer)
    except PrinterUriError as exc:  # a mistyped address is refused, not reported as a printer
        return usage_error(exc)
    assert uri is not None
    parsed = parse_uri(uri)
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
        "message": status.message("id", None),
        "message_en": status.message("en", None),
    }
    emit(args, data, f"{uri}: {status.message('id', None)} / {status.message('en', None)}")
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
    from loket.models.printouts.paper import reprint, spool_dir
    from loket.printing.spool import Spool

    try:
        job = Spool(spool_dir()).get(args.job)
    except KeyError as exc:
        raise NotFound(f"Pekerjaan cetak {args.job} tidak ada", f"No print job {args.job}") from exc
    try:
        uri = choose(args.printer, fallback=job.uri)
    except PrinterUriError as exc:
        return usage_error(exc)
    outcome = reprint(args.job, uri)
    return finish(args, outcome, {"job_id": args.job, "printer": uri})
