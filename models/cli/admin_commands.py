"""Set-up commands: init, migrate, demo, backup."""

from __future__ import annotations

import argparse
from typing import Any

from loket.models.cli.audited import as_option, record, require_operator
from loket.models.cli.common import add_command, emit, open_db


def register(commands: Any) -> None:
    init = add_command(
        commands, "init", _init, "siapkan basis data (dan migrasi) / create or upgrade the database"
    )
    init.add_argument(
        "--trust",
        metavar="FINGERPRINT",
        help="sidik kunci akar kantor yang sudah dicocokkan dengan kertas / the office root "
        "fingerprint, checked against the paper (joining an existing database)",
    )
    demo = as_option(  # --as when it would add to an office that has an admin or head
        add_command(
            commands,
            "demo",
            _demo,
            "isi kantor contoh yang buka 24 jam / install a demo office open around the clock",
        )
    )
    demo.add_argument(
        "--apps",
        choices=("auto", "yes", "no"),
        default="auto",
        help="buka kios, papan, dan aplikasi loket / open the kiosk, board and counter apps "
        "(auto: when a screen is available)",
    )
    backup = add_command(
        commands, "backup", _backup, "cadangkan basis data SQLite / back up the SQLite database"
    )
    backup.add_argument("path", metavar="PATH")


def _init(args: argparse.Namespace) -> None:
    # The only command that creates a database; it checks an existing file before writing.
    opened = open_db(args, create=True, check="sync")
    from loket.models.cli.root_commands import PAPER, join_trust
    from loket.models.integrity.signing import ensure_key

    applied = list(opened.applied)
    trust = join_trust(args)  # before any key: nothing else may pin a root first
    key = ensure_key()
    if key.created:
        from loket.models.cli.key_commands import record_new_key

        record_new_key(key)
    where = opened.target.describe()
    paper = f"\n{PAPER[0]}\n{PAPER[1]}" if trust["root_created"] else ""
    pending = (
        f"\nBelum disahkan: jalankan 'loket keys certify {key.kid}' di PC pemegang kunci akar / "
        f"Not certified yet: run 'loket keys certify {key.kid}' on the PC holding the root"
        if key.certificate != "certified"
        else ""
    )
    emit(
        args,
        {
            "database": where,
            "applied": applied,
            "key": key.kid,
            "key_created": key.created,
            "key_certificate": key.certificate,
            **trust,
        },
        f"Basis data siap / database ready: {where}"
        + (f" (migrasi/migrations: {', '.join(applied)})" if applied else "")
        + f"\nKunci akar kantor / office root: {trust['display']}"
        + (" (baru/new)" if trust["root_created"] else "")
        + paper
        + f"\nKunci tanda tangan / signing key: {key.kid}"
        + (" (baru/new)" if key.created else "")
        + pending,
    )


def _demo(args: argparse.Namespace) -> int:
    open_db(args)
    from loket.models.office.demo import install_demo

    who = None
    if _demo_missing():
        # Its accounts have well-known passwords: not added behind a head's back.
        who = require_operator(action="demo", target="office")
    created = install_demo()
    if who is not None and who.username and any(created.values()):
        record("demo_install", "office", {k: v for k, v in created.items() if v})
    made = ", ".join(f"{k}: {' '.join(v)}" for k, v in created.items() if v) or "-"
    emit(
        args,
        {"created": created},
        f"Kantor contoh siap / demo office ready (baru/new: {made}).\n"
        "Coba / try:  loket issue A   loket call 1   loket queue",
    )
    if _wants_apps(args):
        from loket.models.cli.demo_apps import run_demo_apps
        from loket.models.config import resolve_url

        return run_demo_apps(resolve_url(getattr(args, "db", None)))
    return 0


def _demo_missing() -> bool:
    """Whether ``loket demo`` would add anything (it never changes what exists)."""
    from loket.models import rawsql
    from loket.models.office.demo import DEMO_COUNTERS, DEMO_SERVICES, DEMO_STAFF

    def count(sql: str, values: list[object]) -> int:
        marks = ", ".join("?" for _ in values)
        row = rawsql.fetch_one(sql.format(marks), tuple(values))
        return int(row[0]) if row else 0

    return (
        count("SELECT COUNT(*) FROM service WHERE code IN ({})", [c[0] for c in DEMO_SERVICES])
        < len(DEMO_SERVICES)
        or count("SELECT COUNT(*) FROM counter WHERE number IN ({})", [c[0] for c in DEMO_COUNTERS])
        < len(DEMO_COUNTERS)
        or count("SELECT COUNT(*) FROM staff WHERE username IN ({})", [s[0] for s in DEMO_STAFF])
        < len(DEMO_STAFF)
    )


def _wants_apps(args: argparse.Namespace) -> bool:
    import os

    if args.apps == "no" or (args.apps == "auto" and getattr(args, "json", False)):
        return False
    has_screen = bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return args.apps == "yes" or has_screen


def _backup(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.backup import backup_to

    path = backup_to(args.path)
    emit(args, {"backup": str(path)}, f"Cadangan tersimpan / backup written: {path}")
