"""A full disk named plainly, in both languages, whatever error it hides behind.

SQLite reports SQLITE_FULL ("database or disk is full"), but the failed write has already
ended the transaction, so peewee's rollback then fails with "cannot rollback - no
transaction is active" and that is what surfaces (the real cause is in its context). A
``-shm`` file that cannot grow gives a bare "disk I/O error" (SQLITE_IOERR_SHMSIZE).
PostgreSQL says SQLSTATE 53100 (disk_full): "could not extend file …: No space left on
device". A file Loket writes itself fails with ENOSPC. All become one :class:`DiskFull`.

SQLite and PostgreSQL roll the interrupted transaction back by themselves, so a full disk
never leaves anything half-written; the refusal says so.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from loket.models.errors import DiskFull

SQLITE_FULL = 13
SQLITE_IOERR = 10
PG_DISK_FULL = "53100"
_TEXTS = ("database or disk is full", "no space left on device", "could not extend file")
_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})
#: A bare "disk I/O error" counts as a full disk when the database's disk has less room.
NEARLY_FULL_BYTES = 1 << 20


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """``exc``, its causes and contexts, and the driver errors peewee wraps in its args."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo += [current.__cause__, current.__context__]
        todo += [arg for arg in current.args if isinstance(arg, BaseException)]


def _says_disk_full(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF == SQLITE_FULL:
        return True
    if PG_DISK_FULL in (getattr(exc, "sqlstate", None), getattr(exc, "pgcode", None)):
        return True
    if isinstance(exc, OSError) and exc.errno in _ERRNOS:
        return True
    text = str(exc).lower()
    return any(marker in text for marker in _TEXTS)


def _says_io_error(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF == SQLITE_IOERR
    return (
        type(exc).__module__.startswith(("sqlite3", "peewee"))
        and "disk i/o error" in str(exc).lower()
    )


def is_disk_full(exc: BaseException) -> bool:
    """Whether a full disk is the cause of ``exc`` (anywhere in its chain)."""
    return any(isinstance(e, DiskFull) or _says_disk_full(e) for e in _chain(exc))


def free_bytes(folder: Path) -> int | None:
    """Room left for an ordinary user on the disk holding ``folder`` (None: unknown)."""
    try:
        stats = os.statvfs(folder)
    except (OSError, AttributeError):  # no statvfs on Windows
        return None
    return stats.f_bavail * stats.f_frsize


def refusal(
    exc: BaseException, where_id: str, where_en: str, folder: Path | None = None
) -> DiskFull | None:
    """The refusal naming ``where`` (a file, a database) if ``exc`` comes from a full disk.

    With ``folder`` (a SQLite database's), a bare I/O error counts as a full disk when that
    folder's disk has (almost) no room left.
    """
    for e in _chain(exc):
        if isinstance(e, DiskFull):
            return e
    full = is_disk_full(exc)
    if not full and folder is not None and any(_says_io_error(e) for e in _chain(exc)):
        room = free_bytes(folder)
        full = room is not None and room < NEARLY_FULL_BYTES
    if not full:
        return None
    return DiskFull(
        f"Disk penuh: {where_id} tidak dapat menyimpan apa pun lagi; tidak ada yang tersimpan "
        "setengah jalan. Kosongkan ruang di disk itu lalu coba lagi",
        f"The disk is full: {where_en} cannot store anything more; nothing was half-written. "
        "Free some space on that disk and try again",
    )


def server_refusal(exc: BaseException, where: str) -> DiskFull | None:
    """The refusal for a database server (``where``) whose own disk is full."""
    if not is_disk_full(exc):
        return None
    for e in _chain(exc):
        if isinstance(e, DiskFull):
            return e
    return DiskFull(
        f"Disk server basis data penuh ({where}); tidak ada yang tersimpan setengah jalan. "
        "Minta pengelola server mengosongkan ruang disk lalu coba lagi",
        f"The database server's disk is full ({where}); nothing was half-written. "
        "Ask the server's administrator to free some disk space and try again",
    )


def for_database(exc: BaseException, db: Any) -> DiskFull | None:
    """The full-disk refusal for an error of the open peewee database ``db``, naming it."""
    from peewee import SqliteDatabase

    if isinstance(db, SqliteDatabase):
        path = Path(str(db.database))
        return refusal(exc, f"basis data {path}", f"the database {path}", path.parent)
    host = getattr(db, "connect_params", {}).get("host") or "localhost"
    return server_refusal(exc, f"{host}/{getattr(db, 'database', '')}")


def raise_if_disk_full(exc: BaseException, db: Any) -> None:
    """Raise the :class:`DiskFull` refusal in place of ``exc`` when a full disk caused it."""
    full = for_database(exc, db)
    if full is None or full is exc:
        return
    if any(e is full for e in _chain(exc)):  # named further down already: no cycle
        raise full
    raise full from exc
