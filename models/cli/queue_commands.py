"""Queue commands: issue, call, recall, start, finish, no-show, transfer, hold, resume, queue."""

from __future__ import annotations

import argparse
from typing import Any

from loket.models.cli.common import add_command, emit, open_db


def register(commands: Any) -> None:
    issue = add_command(commands, "issue", _issue, "ambil nomor antrian / issue a queue ticket")
    issue.add_argument("service", metavar="SERVICE", help="kode layanan / service code, e.g. A")
    issue.add_argument(
        "--priority", metavar="CATEGORY", help="lansia | disabilitas | hamil | anak | bencana"
    )
    issue.add_argument("--phone", metavar="PHONE", help="nomor HP (opsional) / phone (optional)")
    issue.add_argument(
        "--language",
        choices=("id", "en"),
        help="bahasa pesan nanti (SMS/WhatsApp) / the language of later messages",
    )

    for name, help_text in (
        ("call", "panggil berikutnya / call the next visitor"),
        ("recall", "panggil ulang / call the current visitor again"),
        ("start", "mulai melayani / start serving"),
        ("finish", "selesai / finish"),
        ("hold", "tahan (parkir) / put the current visitor on hold"),
    ):
        sub = add_command(commands, name, _counter_action, help_text)
        sub.add_argument("counter", metavar="COUNTER", help="nomor loket / counter number")
        if name == "call":
            sub.add_argument("--officer", metavar="USER", help="petugas / officer username")

    no_show = add_command(commands, "no-show", _no_show, "tidak hadir / visitor did not come")
    no_show.add_argument("counter", metavar="COUNTER")
    no_show.add_argument(
        "--requeue",
        action="store_true",
        help="kembalikan ke akhir antrian / back to the end of the queue",
    )

    resume = add_command(
        commands, "resume", _resume, "lanjutkan yang ditahan / resume a held ticket"
    )
    resume.add_argument("counter", metavar="COUNTER")
    resume.add_argument("--number", metavar="TICKET", help="nomor antrian, mis. A-003")

    transfer = add_command(
        commands,
        "transfer",
        _transfer,
        "alihkan ke layanan/loket lain / transfer to another service or counter",
    )
    transfer.add_argument("counter", metavar="COUNTER")
    target = transfer.add_mutually_exclusive_group(required=True)
    target.add_argument("--to-service", metavar="CODE")
    target.add_argument("--to-counter", metavar="NUMBER")

    add_command(
        commands, "queue", _queue, "antrian per layanan dan loket / waiting per service and counter"
    )

    show = add_command(
        commands, "ticket", _ticket, "status satu nomor antrian / one ticket's status"
    )
    show.add_argument("number", metavar="NUMBER")


def _zone() -> Any:
    from loket.models.settings import load_settings

    return load_settings().zone


def _ticket_text(info: Any) -> str:
    if info is None:
        return "Tidak ada antrian / nobody is waiting"
    parts = [f"{info.number}  {info.service_name_id}  [{info.status}]"]
    if info.priority:
        parts.append(f"prioritas/priority: {info.priority}")
    if info.status == "waiting":
        parts.append(
            f"di depan/ahead: {info.ahead}, perkiraan/est. {info.estimated_wait_minutes} menit/min"
        )
    if info.counter:
        parts.append(f"loket/counter {info.counter}")
    return "  ".join(parts)


def _issue(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.queue.tickets import issue_ticket

    info = issue_ticket(
        args.service, priority=args.priority, phone=args.phone, language=args.language
    )
    emit(args, info.as_json(_zone()), _ticket_text(info))


def _emit_ticket(args: argparse.Namespace, info: Any) -> None:
    emit(args, {"ticket": info.as_json(_zone()) if info else None}, _ticket_text(info))


def _counter_action(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.queue import calling

    if args.command == "call":
        from loket.models.cli.officers import counter_officer

        # Whoever is signed in at the counter is recorded, not whom the command names.
        officer = counter_officer(args.counter, args.officer)
        info = calling.call_next(args.counter, officer=officer)
    else:
        info = getattr(calling, args.command)(args.counter)
    _emit_ticket(args, info)


def _no_show(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.queue import calling

    _emit_ticket(args, calling.no_show(args.counter, requeue=args.requeue))


def _resume(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.queue import calling

    _emit_ticket(args, calling.resume(args.counter, args.number))


def _transfer(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.queue import calling

    _emit_ticket(
        args, calling.transfer(args.counter, to_service=args.to_service, to_counter=args.to_counter)
    )


def _ticket(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.queue.tickets import describe_ticket, find_ticket_id

    _emit_ticket(args, describe_ticket(find_ticket_id(args.number)))


def _queue(args: argparse.Namespace) -> None:
    open_db(args)
    from dataclasses import asdict

    from loket.models.queue.waiting import snapshot

    snap = snapshot()
    lines = ["Layanan / Service        menunggu/waiting  prioritas  terlama/longest  est."]
    for s in snap.services:
        state = "" if s.active else "  (tutup/closed)"
        lines.append(
            f"  {s.code:<3}{s.name_id[:22]:<22}{s.waiting:>8}{s.priority_waiting:>11}"
            f"{s.longest_wait_minutes:>12} min{s.estimated_wait_minutes:>6} min{state}"
        )
    lines.append("Loket / Counter")
    for c in snap.counters:
        current = f"{c.current} ({c.current_status})" if c.current else "-"
        held = f"  ditahan/held: {', '.join(c.held)}" if c.held else ""
        desk = " [front desk]" if c.front_desk else ""
        lines.append(
            f"  {c.number:<3}{','.join(c.services):<10} sekarang/now: {current:<18}"
            f" menunggu/waiting: {c.waiting}{held}{desk}"
        )
    emit(
        args,
        {
            "services": [asdict(s) for s in snap.services],
            "counters": [asdict(c) for c in snap.counters],
        },
        "\n".join(lines),
    )
