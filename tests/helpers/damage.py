"""Damage a SQLite file the way a power cut or a bad disk does: a page zeroed, a tail cut."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def checkpoint(path: Path) -> None:
    """Fold the WAL into the main file, so that damage to the file is what readers see."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def zero_page(path: Path, table: str = "ticket") -> int:
    """Zero one leaf page holding rows of ``table`` (4 KiB, with plain file I/O); its number."""
    checkpoint(path)
    conn = sqlite3.connect(path)
    try:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        leaves = [
            row[0]
            for row in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' AND ncell > 0 "
                "ORDER BY pageno",
                (table,),
            )
        ]
    finally:
        conn.close()
    assert leaves, f"no page of {table} holds rows"
    page = leaves[len(leaves) // 2]
    with path.open("r+b") as raw:
        raw.seek((page - 1) * size)
        raw.write(b"\0" * size)
    return page


def truncate(path: Path, keep: float = 0.5) -> None:
    """Cut the file to ``keep`` of its length (a copy that stopped half-way)."""
    checkpoint(path)
    with path.open("r+b") as raw:
        raw.truncate(int(path.stat().st_size * keep))
