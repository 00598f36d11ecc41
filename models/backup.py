"""Online backup of the SQLite database (safe while kiosks and counters keep writing)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from loket.models.db import database, is_sqlite
from loket.models.errors import InvalidInput


def backup_to(path: str | Path) -> Path:
    target = Path(path).expanduser()
    if not is_sqlite():
        raise InvalidInput(
            "Cadangan daring hanya untuk SQLite; pakai pg_dump untuk PostgreSQL",
            "Online backup is for SQLite; use pg_dump for PostgreSQL",
        )
    if target.exists():
        raise InvalidInput(f"Berkas {target} sudah ada", f"{target} already exists")
    if not target.parent.is_dir():
        raise InvalidInput(
            f"Folder {target.parent} tidak ada", f"Folder {target.parent} does not exist"
        )
    source = database.obj.connection()
    partial = target.with_name(target.name + ".part")
    dest = sqlite3.connect(str(partial))
    try:
        source.backup(dest, pages=1024)
        dest.execute("PRAGMA journal_mode=delete")
    finally:
        dest.close()
    partial.replace(target)
    return target
