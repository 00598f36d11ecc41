"""Notification commands: ``loket notify send-pending | list | purge | test``."""

from __future__ import annotations

import argparse
from typing import Any

from loket.models.cli.common import add_command, emit, open_db, wants_json


def _count(value: str) -> int:
    if value.isascii() and value.isdigit() and 1 <= int(value) <= 100_000:
        return int(value)
    raise argparse.ArgumentTypeError(f"1–100000, bukan/not '{value}'")


def register(commands: Any) -> None:
    help_text = "pesan SMS/WhatsApp ke pengunjung / SMS and WhatsApp messages to visitors"
    group = commands.add_parser("notify", help=help_text, description=help_text)
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    send = add_command(
        actions,
        "send-pending",
        _send_pending,
        "kirim pesan yang jatuh tempo (untuk cron) / deliver the messages that are due (cron)",
    )
    send.add_argument(
        "--limit", type=_count, default=200, metavar="N", help="paling banyak / at most N"
    )
    listing = add_command(
        actions,
        "list",
        _list,
        "semua pesan, statusnya dan kesalahan terakhir / every message, its state, last error",
    )
    listing.add_argument("--status", metavar="STATUS", help="pending | sending | sent | failed")
    listing.add_argument(
        "--full", action="store_true", help="nomor lengkap / whole numbers (not masked)"
    )
    listing.add_argument("--limit", type=_count, default=1000, metavar="N")
    add_command(
        actions,
        "purge",
        _purge,
        "hapus nomor telepon perkara yang sudah lama selesai / delete numbers of closed matters",
    )
    test = add_command(
        actions,
        "test",
        _test,
        "kirim satu pesan uji lewat saluran yang diatur / send one test message",
    )
    test.add_argument("--to", required=True, metavar="NOMOR", help="mis./e.g. 0812-3456-7890")


def _send_pending(args: argparse.Namespace) -> int:
    from loket.models.notify.sender import send_pending

    open_db(args)
    result = send_pending(limit=args.limit)
    text = f"{result.message('id')} / {result.message('en')}"
    for line in result.errors:
        text += f"\n  {line}"
    emit(args, result.as_json(), text)
    return 0 if result.ok else 1


def _list(args: argparse.Namespace) -> None:
    from loket.models.notify.status import list_messages
    from loket.models.settings import load_settings

    open_db(args)
    messages = list_messages(args.status, limit=args.limit)
    zone = load_settings().zone
    if wants_json(args):
        emit(args, [m.as_json(zone, full=args.full) for m in messages], "")
        return
    if not messages:
        emit(args, [], "Tidak ada pesan / No messages")
        return
    lines = []
    for m in messages:
        item = m.as_json(zone, full=args.full)
        when = item["sent_at"] or item["next_try_at"] or item["queued_at"]
        line = (
            f"#{m.id:<5} {m.status:<8} {m.attempts}x {m.channel or '-':<8} "
            f"{m.kind:<19} {m.reference:<18} {item['to']:<17} {when}"
        )
        if m.last_error:
            line += f"\n        {m.last_error}"
        lines.append(line)
    emit(args, [], "\n".join(lines))


def _purge(args: argparse.Namespace) -> None:
    from loket.models.documents.retention import purge_numbers

    open_db(args)
    result = purge_numbers()
    emit(args, result.as_json(), f"{result.message('id')} / {result.message('en')}")


def _test(args: argparse.Namespace) -> int:
    from loket.models.notify.test_message import TestNotSent, mobile_number, send_test

    mobile_number(args.to)  # a wrong number is refused before the database is opened
    open_db(args)
    try:
        sent = send_test(args.to)
    except TestNotSent as exc:
        payload = {"sent": False, "message": exc.message_id, "message_en": exc.message_en}
        emit(args, payload, f"{exc.message_id} / {exc.message_en}")
        return 1
    text_id, text_en = sent.message()
    payload = {"sent": True, "channel": sent.channel, "to": sent.to, "message": text_id,
               "message_en": text_en}  # fmt: skip
    emit(args, payload, f"{text_id} / {text_en}")
    return 0
