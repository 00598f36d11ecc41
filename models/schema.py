"""Bring a database to the current schema through the numbered migration files."""

from __future__ import annotations

from pathlib import Path

from peewee import Database
from playhouse.migrations import Runner

from loket.models import migrations as _migrations_package
from loket.models.db import database, is_sqlite, write_transaction

MIGRATIONS_DIR = str(Path(_migrations_package.__file__).parent)
# Any constant works; it only has to be the same in every Loket process.
_PG_MIGRATION_LOCK = 0x4C4B5431  # "LKT1"


def pending_migrations(db: Database | None = None) -> list[str]:
    runner = Runner(db or database.obj, MIGRATIONS_DIR)
    return [m.name for m in runner.status() if not m.applied and m.path is not None]


def migrate(db: Database | None = None) -> list[str]:
    """Apply pending migrations, each in its own transaction; returns their names.

    Several PCs may start at once against a fresh database: the whole run is
    serialised (BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL) and the
    pending list is re-read inside the lock.
    """
    db = db or database.obj
    if not pending_migrations(db):
        return []
    with write_transaction():
        if not is_sqlite(db):
            db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_PG_MIGRATION_LOCK,))
        return Runner(db, MIGRATIONS_DIR).up()
