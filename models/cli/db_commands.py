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
    if report.ok:
        emit(args, payload, str(report))
        return 0
    if wants_json(args):
        emit(args, payload, "")
    print(f"loket: {report}", file=sys.stderr)
    return 1

