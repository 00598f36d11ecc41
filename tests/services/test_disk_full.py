"""A full disk named plainly on PostgreSQL (SQLSTATE 53100, "could not extend file",
"No space left on device") and on SQLite (SQLITE_FULL behind a failed rollback).

The error translation is checked on the drivers' own exceptions; the PostgreSQL server's
disk is then really filled: the Loket tables live in a tablespace on a 8 MB tmpfs.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import peewee
import psycopg
import pytest
from helpers.postgres import PostgresServer
from helpers.small_disk import fill, small_disk

from loket.models import disk_full
from loket.models.errors import DiskFull


def _wrapped(driver_error: Exception, rollback_too: bool = False) -> BaseException:
    """``driver_error`` as peewee raises it (wrapped; with SQLite's failed rollback on top)."""
    try:
        try:
            try:
                raise driver_error
            except Exception as exc:
                raise peewee.OperationalError(exc, *exc.args) from None
        except peewee.OperationalError:
            if rollback_too:
                raise peewee.OperationalError(
                    "cannot rollback - no transaction is active"
                ) from None
            raise
    except peewee.OperationalError as outer:
        return outer


def _sqlite_full() -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = 13  # type: ignore[attr-defined]
    return error


SERVER_ERRORS = [
    psycopg.errors.DiskFull('could not extend file "base/16384/16390": wrote only 4096 of 8192'),
    psycopg.OperationalError('could not extend file "base/16384/2619": No space left on device'),
    psycopg.errors.InternalError('could not write to file "pg_wal/x": No space left on device'),
]


@pytest.mark.parametrize("driver_error", SERVER_ERRORS, ids=["53100", "extend", "enospc-text"])
def test_postgres_disk_full_is_named_in_both_languages(driver_error: Exception) -> None:
    server = peewee.PostgresqlDatabase("loket", host="db.kantor")
    refused = disk_full.for_database(_wrapped(driver_error), server)
    assert isinstance(refused, DiskFull)
    assert "Disk server basis data penuh (db.kantor/loket)" in refused.message_id
    assert "database server's disk is full (db.kantor/loket)" in refused.message_en
    assert "\n" not in str(refused)


def test_sqlite_full_behind_a_failed_rollback_is_named(tmp_path: Path) -> None:
    database = peewee.SqliteDatabase(str(tmp_path / "loket.db"))
    refused = disk_full.for_database(_wrapped(_sqlite_full(), rollback_too=True), database)
    assert isinstance(refused, DiskFull)
    assert str(tmp_path / "loket.db") in refused.message_en
    assert "nothing was half-written" in refused.message_en
    assert "tidak ada yang tersimpan setengah jalan" in refused.message_id


def test_a_plain_disk_io_error_is_a_full_disk_only_when_the_disk_is_full(tmp_path: Path) -> None:
    io_error = sqlite3.OperationalError("disk I/O error")
    io_error.sqlite_errorcode = 4874  # type: ignore[attr-defined]  # SQLITE_IOERR_SHMSIZE
    roomy = peewee.SqliteDatabase(str(tmp_path / "loket.db"))
    assert disk_full.for_database(_wrapped(io_error), roomy) is None
    with small_disk(tmp_path / "small") as disk:
        fill(disk, leave=0)
        cramped = peewee.SqliteDatabase(str(disk / "loket.db"))
        assert isinstance(disk_full.for_database(_wrapped(io_error), cramped), DiskFull)


def test_other_errors_are_not_a_full_disk(tmp_path: Path) -> None:
    database = peewee.SqliteDatabase(str(tmp_path / "loket.db"))
    for other in (
        sqlite3.OperationalError("database is locked"),
        psycopg.errors.UniqueViolation("duplicate key value"),
        OSError(13, "Permission denied"),
    ):
        assert disk_full.for_database(_wrapped(other), database) is None
    assert disk_full.is_disk_full(OSError(28, "No space left on device", "/data/x.pem"))


@pytest.fixture
def full_server_disk(
    pg_server: PostgresServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[str]:
    """A fresh Loket database whose tables sit in a tablespace on a small tmpfs."""
    from loket.models.db import open_database
    from loket.models.schema import migrate

    monkeypatch.setenv("LOKET_DATA_DIR", str(tmp_path / "data"))
    root = Path(tempfile.mkdtemp(prefix="loket-pg-disk-"))
    os.chmod(root, 0o755)  # the server (user postgres) reaches the mount point through it
    url = pg_server.create_database("loket_disk_full")
    admin = psycopg.connect(pg_server.url("postgres"), autocommit=True)
    try:
        with small_disk(root / "small", size="8m", owner="postgres") as disk:
            admin.execute(f"CREATE TABLESPACE loket_small LOCATION '{disk}'")
            database = open_database(url)
            try:
                migrate()
                database.execute_sql(
                    "ALTER TABLE ALL IN TABLESPACE pg_default SET TABLESPACE loket_small"
                )
                database.execute_sql(
                    "ALTER INDEX ALL IN TABLESPACE pg_default SET TABLESPACE loket_small"
                )
                yield url
            finally:
                database.close()
                admin.execute('DROP DATABASE IF EXISTS "loket_disk_full" WITH (FORCE)')
                admin.execute("DROP TABLESPACE IF EXISTS loket_small")
    finally:
        admin.close()
        shutil.rmtree(root, ignore_errors=True)


def test_a_full_server_disk_refuses_the_ticket_and_leaves_nothing(full_server_disk, clock):
    from loket.models.db import database
    from loket.models.office import catalog
    from loket.models.queue.tickets import issue_ticket

    catalog.add_service("A", "Umum", "General", None, "00:00-24:00", "1234567")
    with psycopg.connect(full_server_disk, autocommit=True) as filler:
        filler.execute("CREATE TABLE filler (x text) TABLESPACE loket_small")
        with pytest.raises(psycopg.errors.DiskFull):
            filler.execute(
                "INSERT INTO filler SELECT repeat(md5(i::text), 200) "
                "FROM generate_series(1, 1000000) AS i"
            )
        with pytest.raises(DiskFull) as refused:
            issue_ticket("A", clock=clock)
        assert "Disk server basis data penuh" in refused.value.message_id
        assert "database server's disk is full" in refused.value.message_en
        counts = database.execute_sql(
            "SELECT (SELECT count(*) FROM ticket), (SELECT count(*) FROM ticket_sequence)"
        ).fetchone()
        assert counts == (0, 0)  # nothing half-written
        filler.execute("DROP TABLE filler")
    assert issue_ticket("A", clock=clock).number == "A-001"  # no number was burnt
