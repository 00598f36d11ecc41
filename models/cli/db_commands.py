"""loket db check, and the full integrity check the three verify commands run first."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from loket.models.cli.common import add_command, emit, open_db, wants_json


def register(commands: Any) -> None:
    help_text = "basis data / the database"
    parser = commands.add_parser("db", help=help_text, description=help_text)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = add_command(
        actions,
        "check",
        _check,
        "periksa keutuhan, versi skema, izin berkas, ruang disk, WAL, umur cadangan / "
        "check integrity, schema version, file permissions, disk space, WAL, backup age",
    )
    check.add_argument(
        "--quick",
        action="store_true",
        help="quick_check saja, lebih cepat / only the quick check, faster",
    )
    add_command(
        commands,
        "verify-all",
        _verify_all,
        "periksa semua log, segel dan titik periksa / verify every log, seal and checkpoint",
    )


def _check(args: argparse.Namespace) -> int:
    opened = open_db(args, migrate=False)  # a diagnosis writes nothing
    from loket.models.dbcheck import check_database

    report = check_database(opened.target.describe(), opened.target.path, full=not args.quick)
    emit(args, report.as_json(), report.text())
    return 0 if report.ok else 1


def integrity_refusal(args: argparse.Namespace) -> int | None:
    """The full ``integrity_check`` of the open SQLite file, before a log is verified: the
    exit code when it is damaged (the refusal printed), None when it is intact."""
    from loket.models.db import database, is_sqlite
    from loket.models.storage import clear_damage, damaged, run_check

    if not is_sqlite():
        return None
    path = Path(database.obj.database)
    problems = run_check(path, full=True)
    if not problems:
        clear_damage(path)
        return None
    refusal = damaged(path, problems)
    if wants_json(args):
        emit(
            args,
            {
                "ok": False,
                "integrity": problems,
                "message_id": refusal.message_id,
                "message_en": refusal.message_en,
            },
            "",
        )
    print(f"loket: {refusal}", file=sys.stderr)
    return 1


def verify_chain(args: argparse.Namespace, verify: Callable[[], Any]) -> int:
    """``staffing verify`` and ``audit verify``: the file's integrity first, then the
    chain's report (``ok``, ``entries``, ``problem``, both messages); exit 1 if not intact."""
    open_db(args)
    damaged_file = integrity_refusal(args)
    if damaged_file is not None:
        return damaged_file
    report = verify()
    payload = {
        "ok": report.ok,
        "entries": report.entries,
        "problem": asdict(report.problem) if report.problem else None,
        "message_id": report.message_id,
        "message_en": report.message_en,
    }
    after_verification(report.ok)
    if report.ok:
        emit(args, payload, str(report))
        return 0
    if wants_json(args):
        emit(args, payload, "")
    print(f"loket: {report}", file=sys.stderr)
    return 1


def after_verification(ok: bool) -> None:
    """An intact verification leaves a signed checkpoint (when this PC has a key), so a
    later cut is found on any PC. (A damaged witness file was already named on stderr,
    in one line, by the log.)"""
    from loket.models.integrity import witness

    witness.take_notice()
    if ok:
        from loket.models.integrity.checkpoints import checkpoint_quietly

        checkpoint_quietly("verify")


def _verify_all(args: argparse.Namespace) -> int:
    """The staffing log, the receipt log, the audit log and every seal and checkpoint."""
    open_db(args)
    damaged_file = integrity_refusal(args)
    if damaged_file is not None:
        return damaged_file
    from loket.models.documents.receipt_log import verify_log
    from loket.models.integrity.seals import verify_seals
    from loket.models.office.audit import verify_audit
    from loket.models.staffing.verify import verify_staffing_log

    reports = {
        "staffing": verify_staffing_log(),
        "receipts": verify_log(),
        "audit": verify_audit(),
        "seals": verify_seals(),
    }
    ok = all(r.ok for r in reports.values())
    after_verification(ok)
    payload = {
        "ok": ok,
        **{
            name: {"ok": r.ok, "message_id": r.message_id, "message_en": r.message_en}
            for name, r in reports.items()
        },
    }
    text = "\n".join(f"{r.message_id}\n{r.message_en}" for r in reports.values())
    if ok:
        emit(args, payload, text)
        return 0
    if wants_json(args):
        emit(args, payload, "")
    else:
        print(text)
    bad = next(r for r in reports.values() if not r.ok)
    print(f"loket: {bad.message_id} / {bad.message_en}", file=sys.stderr)
    return 1
