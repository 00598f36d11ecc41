"""One database for the whole process, chosen by URL, behind a peewee proxy.

A dropped PostgreSQL connection heals itself on next use; what cannot be redone safely
raises :class:`~loket.models.errors.ConnectionLost` (see :mod:`loket.models.reconnect`).
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from peewee import (
    Database,
    DatabaseProxy,
    OperationalError,
    SqliteDatabase,
)

from loket.models import disk_full, writegate
from loket.models.config import DatabaseTarget, parse_url, resolve_url
from loket.models.errors import DatabaseUnavailable

database = DatabaseProxy()

# FULL: a ticket number handed out before a power cut must never be handed out again.
# In WAL mode this costs one fsync per commit (about 0.2 ms here), well inside budget.
SQLITE_PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("busy_timeout", 15_000),
    ("synchronous", os.environ.get("LOKET_SQLITE_SYNCHRONOUS", "full")),
)


def make_database(target: DatabaseTarget) -> Database:
    if target.kind == "sqlite":
        assert target.path is not None
        try:
            target.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnavailable(
                f"Folder basis data tidak dapat dibuat: {target.path.parent} ({exc.strerror})",
                f"Cannot create the database folder {target.path.parent} ({exc.strerror})",
            ) from exc
        return SqliteDatabase(str(target.path), pragmas=SQLITE_PRAGMAS, timeout=15)
    params: dict[str, Any] = dict(target.params)
    params.setdefault("connect_timeout", "5")
    params.setdefault("application_name", "loket")
    # A connection that drops (server restart, network cut) heals itself on next use.
    from loket.models.reconnect import ReconnectingPostgresqlDatabase

    return ReconnectingPostgresqlDatabase(target.name, **params)


def open_database(url: str | None = None) -> Database:
    """Bind the proxy to the database at ``url`` and connect; clear errors if unreachable."""
    target = parse_url(resolve_url(url))
    db = make_database(target)
    writegate.reset()  # a new file: its storage check (storage.py) starts afresh
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
    except OperationalError as exc:
        from loket.models.reconnect import refusal  # "too many clients" gets its own line

        disk_full.raise_if_disk_full(exc, db)  # a -shm file that cannot grow: "disk I/O error"
        raise refusal(target.describe(), exc) from exc
    except Exception as exc:  # driver errors that peewee does not wrap
        if type(exc).__module__.startswith(("psycopg", "sqlite3")):
            from loket.models.reconnect import refusal

            raise refusal(target.describe(), exc) from exc
        raise
    return db


def close_thread_connection() -> None:
    """Close the calling thread's own connection (peewee keeps one per thread); a worker
    thread calls this when it is done so that no idle connection is left behind."""
    db = database.obj
    if db is not None and not db.is_closed():
        db.close()


def is_sqlite(db: Database | None = None) -> bool:
    db = db or database.obj
    return isinstance(db, SqliteDatabase)


@contextmanager
def write_transaction() -> Iterator[None]:
    """A transaction that serialises writers: BEGIN IMMEDIATE on SQLite.

    On PostgreSQL the callers lock the rows they depend on (upsert, FOR UPDATE).
    """
    db = database.obj
    if db.transaction_depth() > 0:
        with db.atomic():
            yield
        return
    writegate.wait()  # held while the file is checked, closed if it is damaged
    callbacks: list[Callable[[], None]] = []
    _pending.callbacks = callbacks
    try:
        if isinstance(db, SqliteDatabase):
            with db.atomic("IMMEDIATE"):
                yield
        else:
            with db.atomic():
                yield
    except Exception as exc:  # a full disk is named, not hidden behind the failed rollback
        disk_full.raise_if_disk_full(exc, db)
        raise
    finally:
        _pending.callbacks = None
    for callback in callbacks:  # committed: only now is what they report true
        callback()


_pending = threading.local()


def after_commit(callback: Callable[[], None]) -> bool:
    """Run ``callback`` once the current ``write_transaction()`` has committed (never on
    a rollback); False, and nothing happens, outside one."""
    callbacks = getattr(_pending, "callbacks", None)
    if callbacks is None or database.obj.transaction_depth() == 0:
        return False
    callbacks.append(callback)
    return True


def db_date(day: dt.date) -> dt.date | str:
    """A date as a raw-SQL parameter: ISO text on SQLite (as peewee stores it)."""
    return day.isoformat() if is_sqlite() else day
