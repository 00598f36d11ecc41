"""Bring a database to the current schema through the numbered migration files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peewee import Database
from playhouse.migrations import Runner

from loket.models import migrations as _migrations_package
from loket.models.db import database, is_sqlite, write_transaction
from loket.models.errors import DatabaseTooNew

MIGRATIONS_DIR = str(Path(_migrations_package.__file__).parent)
# Any constant works; it only has to be the same in every Loket process.
_PG_MIGRATION_LOCK = 0x4C4B5431  # "LKT1"


@dataclass(frozen=True)
class SchemaState:
    """What the database's migration history says against this build's migration files."""

    applied: tuple[str, ...]
    pending: tuple[str, ...]
    unknown: tuple[str, ...]  # applied there, unknown here: made by a newer Loket

    @property
    def is_loket(self) -> bool:
        """Whether this is a Loket database at all (``loket init`` has run on it)."""
        return bool(self.applied)

    @property
    def version(self) -> str | None:
        """The last migration applied, e.g. ``0010_chain_seals``."""
        return max(self.applied) if self.applied else None

    @property
    def latest_known(self) -> str:
        return max((*self.applied, *self.pending), default="")


def schema_state(db: Database | None = None) -> SchemaState:
    runner = Runner(db or database.obj, MIGRATIONS_DIR)
    rows = runner.status()
    return SchemaState(
        applied=tuple(m.name for m in rows if m.applied),
        pending=tuple(m.name for m in rows if not m.applied and m.path is not None),
        unknown=tuple(m.name for m in rows if m.applied and m.path is None),
    )


def refuse_newer(state: SchemaState, where: str) -> None:
    """Refuse a database carrying a migration this build does not know."""
    if state.unknown:
        names = ", ".join(state.unknown)
        raise DatabaseTooNew(
            f"Basis data {where} dibuat oleh versi Loket yang lebih baru — perbarui PC ini "
            f"(migrasi tak dikenal: {names})",
            f"Database {where} made by a newer Loket — update this PC (unknown migration: {names})",
        )


def pending_migrations(db: Database | None = None) -> list[str]:
    return list(schema_state(db).pending)


def migrate(db: Database | None = None) -> list[str]:
    """Apply pending migrations, each in its own transaction; returns their names.

    Several PCs may start at once against a fresh database: the whole run is
    serialised (BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL) and the
    pending list is re-read inside the lock.
    """
    db = db or database.obj
    state = schema_state(db)
    refuse_newer(state, _where(db))
    if not state.pending:
        return []
    with write_transaction():
        if not is_sqlite(db):
            db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_PG_MIGRATION_LOCK,))
        return Runner(db, MIGRATIONS_DIR).up()


def _where(db: Database) -> str:
    if is_sqlite(db):
        return str(db.database)
    host = getattr(db, "connect_params", {}).get("host", "localhost")
    return f"postgresql://{host}/{db.database}"
