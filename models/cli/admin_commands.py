"""Set-up commands: init, migrate, demo, backup."""

from __future__ import annotations

import argparse
from typing import Any

from loket.models.cli.common import add_command, emit, open_db


def register(commands: Any) -> None:
    add_command(
        commands, "init", _init, "siapkan basis data (dan migrasi) / create or upgrade the database"
    )
    demo = add_command(
        commands,
        "demo",
        _demo,
        "isi kantor contoh yang buka 24 jam / install a demo office open around the clock",
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
    from loket.models.integrity.signing import ensure_key

    applied = list(opened.applied)
    key = ensure_key()
    if key.created:
        from loket.models.cli.key_commands import record_new_key

        record_new_key(key)
    where = opened.target.describe()
    emit(
        args,
        {"database": where, "applied": applied, "key": key.kid, "key_created": key.created},
        f"Basis data siap / database ready: {where}"
        + (f" (migrasi/migrations: {', '.join(applied)})" if applied else "")
        + f"\nKunci tanda tangan / signing key: {key.kid}"
        + (" (baru/new)" if key.created else ""),
    )


def _demo(args: argparse.Namespace) -> int:
    open_db(args)
    from loket.models.office.demo import install_demo

    created = install_demo()
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
