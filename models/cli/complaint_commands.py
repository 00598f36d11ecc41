"""Complaint commands: complaint new/list/show/follow-up/close/counts/response-days."""

from __future__ import annotations

import argparse
from typing import Any

from loket.models.cli.audited import as_option, audited
from loket.models.cli.common import add_command, emit, open_db
from loket.models.cli.print_commands import add_printer_option, choose, finish, usage_error
from loket.printing.errors import PrinterUriError


def register(commands: Any) -> None:
    group = commands.add_parser(
        "complaint",
        help="pengaduan dan saran / complaints and suggestions",
        description="pengaduan dan saran / complaints and suggestions",
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    new = add_command(actions, "new", _new, "catat pengaduan / record a complaint")
    new.add_argument("--text", metavar="TEXT", help="isi pengaduan / what happened")
    new.add_argument("--name", metavar="NAME", help="nama pelapor (opsional) / contact name")
    new.add_argument("--phone", metavar="P", help="telepon (opsional) / contact phone")
    new.add_argument(
        "--language",
        choices=("id", "en"),
        help="bahasa pesan nanti (SMS/WhatsApp) / the language of later messages",
    )
    new.add_argument("--service", metavar="CODE", help="layanan terkait / service concerned")
    new.add_argument("--ticket", metavar="NUMBER", help="nomor antrian hari ini / today's ticket")
    new.add_argument("--channel", metavar="kiosk|counter|phone|letter|email|lapor", default="kiosk")
    new.add_argument("--category", metavar="complaint|suggestion", default="complaint")
    add_printer_option(new, no_print=True)

    listing = add_command(actions, "list", _list, "daftar pengaduan / list complaints")
    listing.add_argument(
        "--status", metavar="STATUS", help="open, in_progress, answered, closed, active"
    )
    listing.add_argument(
        "--overdue", action="store_true", help="hanya yang terlambat / only overdue"
    )
    listing.add_argument("--service", metavar="CODE")
    listing.add_argument("--limit", metavar="N", default="200")

    show = add_command(actions, "show", _show, "satu pengaduan / one complaint and its follow-ups")
    show.add_argument("number", metavar="NUMBER")
    show.add_argument(
        "--public", action="store_true", help="tanpa data kontak / without contact details"
    )

    follow = add_command(actions, "follow-up", _follow_up, "catat tindak lanjut / add a follow-up")
    follow.add_argument("number", metavar="NUMBER")
    follow.add_argument("--note", metavar="TEXT", help="catatan / note")
    follow.add_argument("--status", metavar="in_progress|answered|closed")
    follow.add_argument("--officer", metavar="USER", help="petugas / officer username")

    close = add_command(actions, "close", _close, "tutup pengaduan / close a complaint")
    close.add_argument("number", metavar="NUMBER")
    close.add_argument("--note", metavar="TEXT", help="jawaban atau alasan / answer or reason")
    close.add_argument("--officer", metavar="USER")

    add_command(actions, "counts", _counts, "jumlah per status / counts by status")

    days = as_option(
        add_command(
            actions,
            "response-days",
            _response_days,
            "batas waktu jawaban (hari kerja) / promised response time in working days",
        )
    )
    days.add_argument("days", nargs="?", metavar="N")


def _required(value: str | None, option: str) -> str:
    if value is None or not value.strip():
        from loket.models.errors import InvalidInput

        raise InvalidInput(f"{option} wajib diisi", f"{option} is required")
    return value


def _zone() -> Any:
    from loket.models.settings import load_settings

    return load_settings().zone


def _line(c: Any) -> str:
    late = "  TERLAMBAT/OVERDUE" if c.overdue else ""
    return (
        f"{c.number}  [{c.status}]  {c.received_at.astimezone(_zone()):%Y-%m-%d %H:%M}  "
        f"batas/due {c.due_date:%Y-%m-%d}{late}  {c.summary[:50]}"
    )


def _details(c: Any, public: bool = False) -> str:
    zone = _zone()
    contact = ", ".join(p for p in (c.contact_name, c.contact_phone) if p) or "-"
    lines = [
        f"Nomor / Number:      {c.number}  ({c.category}, via {c.channel})",
        f"Diterima / Received: {c.received_at.astimezone(zone):%Y-%m-%d %H:%M}",
        f"Batas / Due:         {c.due_date:%Y-%m-%d}"
        + ("  TERLAMBAT / OVERDUE" if c.overdue else ""),
        f"Status:              {c.status_name[0]} / {c.status_name[1]}",
    ]
    if not public:
        lines.append(f"Kontak / Contact:    {contact}")
    if c.service or c.ticket:
        lines.append(f"Layanan / Service:   {c.service or '-'}  antrian/ticket {c.ticket or '-'}")
    lines.append(f"Isi / Text:          {c.text}")
    for f in c.follow_ups:
        who = f"  ({f.officer})" if f.officer and not public else ""
        lines.append(f"  {f.at.astimezone(zone):%Y-%m-%d %H:%M}  {f.status}{who}  — {f.note}")
    return "\n".join(lines)


def _new(args: argparse.Namespace) -> int:
    # The printer first: a mistyped address records nothing (exit 2).
    try:
        printer = choose(args.printer, no_print=args.no_print)
    except PrinterUriError as exc:
        return usage_error(exc)
    open_db(args)
    from loket.models.feedback.complaint_actions import file_complaint

    info = file_complaint(
        _required(args.text, "--text"),
        contact_name=args.name,
        contact_phone=args.phone,
        service_code=args.service,
        ticket_number=args.ticket,
        channel=args.channel,
        category=args.category,
        language=args.language,
    )
    data = info.as_json(_zone())
    text = _details(info)
    if printer is None:
        emit(args, data, text)
        return 0
    from loket.models.printouts.paper import print_complaint

    data["printer"] = printer
    return finish(args, print_complaint(info, printer), data, text)


def _list(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.feedback.complaint_lookup import list_complaints

    rows = list_complaints(
        status=args.status, overdue_only=args.overdue, service_code=args.service, limit=args.limit
    )
    zone = _zone()
    emit(args, [c.as_json(zone) for c in rows], "\n".join(_line(c) for c in rows) or "-")


def _show(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.feedback.complaint_lookup import show_complaint

    info = show_complaint(args.number)
    emit(args, info.as_json(_zone(), public=args.public), _details(info, args.public))


def _follow_up(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.feedback.complaint_actions import add_follow_up

    info = add_follow_up(
        args.number, _required(args.note, "--note"), status=args.status, officer=args.officer
    )
    emit(args, info.as_json(_zone()), _line(info))


def _close(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.feedback.complaint_actions import close_complaint

    info = close_complaint(args.number, _required(args.note, "--note"), officer=args.officer)
    emit(args, info.as_json(_zone()), _line(info))


def _counts(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.feedback.complaint_lookup import complaint_counts

    counts = complaint_counts()
    emit(
        args,
        counts.as_json(),
        f"Terbuka / open {counts.open}, ditindaklanjuti / in progress {counts.in_progress}, "
        f"dijawab / answered {counts.answered}, selesai / closed {counts.closed}; "
        f"terlambat / overdue {counts.overdue}",
    )


def _response_days(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.feedback.complaint_actions import response_days, set_response_days

    days = (
        audited(
            "settings",
            "office",
            lambda d: {"complaint_response_days": str(d)},
            lambda: set_response_days(args.days),
        )
        if args.days is not None
        else response_days()
    )
    emit(args, {"response_days": days}, f"{days} hari kerja / working days")
