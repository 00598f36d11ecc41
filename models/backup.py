"""Online backup of the SQLite database (safe while kiosks and counters keep writing): a
private (0600), quick-checked copy, remembered for ``loket db check``."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from loket.models.db import database, is_sqlite
from loket.models.errors import InvalidInput
from loket.models.storage import PRIVATE_FILE, damaged, record_backup, run_check


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
    live = Path(database.obj.database)
    partial = target.with_name(target.name + ".part")
    # The copy holds PIN hashes and visitors' phone numbers: private from the first byte.
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE))
    dest = sqlite3.connect(str(partial))
    try:
        source.backup(dest, pages=1024)
        dest.execute("PRAGMA journal_mode=delete")
    finally:
        dest.close()
    problems = run_check(partial)  # a copy of a damaged file is no backup
    if problems:
        partial.unlink(missing_ok=True)
        raise damaged(live, problems)
    partial.replace(target)
    record_backup(live, target)
    return target
