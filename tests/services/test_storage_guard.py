"""The storage guard (models/storage.py): only init creates a database, a newer schema is
refused, SQLite files are private, a damaged file is found and never written to.

Real SQLite files (a page zeroed, a tail cut, modes) and a real PostgreSQL server.
"""

from __future__ import annotations

import os
import shutil
import stat
import threading
import time
from pathlib import Path

import pytest
from helpers.damage import truncate, zero_page

from loket.models import writegate
from loket.models.errors import DatabaseDamaged, DatabaseMissing, DatabaseTooNew
from loket.models.storage import open_guarded, recorded_damage, wait_for_check


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("LOKET_DATA_DIR", str(folder))
    return folder


def _office(path: Path, tickets: int = 0) -> str:
    """An initialised SQLite office at ``path`` with ``tickets`` tickets of service A."""
    from loket.models.office.demo import install_demo
    from loket.models.queue.tickets import issue_ticket

    url = f"sqlite:///{path}"
    open_guarded(url, create=True, check="sync")
    install_demo()
    for _ in range(tickets):
        issue_ticket("A")
    _close()
    return url


def _close() -> None:
    from loket.models.db import database

    if database.obj is not None:
        database.obj.close()


def _fake_future_migration(url: str) -> None:
    from loket.models import rawsql
    from loket.models.db import open_database

    open_database(url)
    rawsql.execute(
        "INSERT INTO schema_migration (name, applied) VALUES ('0999_from_the_future', "
        "CURRENT_TIMESTAMP)"
    )
    _close()


# --- only init creates ---------------------------------------------------------------------


def test_a_mistyped_path_is_refused_and_nothing_is_created(tmp_path, data):
    typo = tmp_path / "lokte" / "sub" / "loket.db"
    with pytest.raises(DatabaseMissing) as refused:
        open_guarded(f"sqlite:///{typo}")
    assert str(typo) in refused.value.message_en
    assert "loket init" in refused.value.message_id and "loket init" in refused.value.message_en
    assert not (tmp_path / "lokte").exists()


def test_an_empty_or_foreign_sqlite_file_is_no_loket_database(tmp_path, data):
    import sqlite3

    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(DatabaseMissing):
        open_guarded(f"sqlite:///{empty}")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE notes (x)").connection.commit()
    with pytest.raises(DatabaseMissing):
        open_guarded(f"sqlite:///{other}")
    with pytest.raises(DatabaseMissing):
        open_guarded(f"sqlite:///{tmp_path}")  # a folder


def test_init_creates_private_folders_and_files(tmp_path, data):
    path = tmp_path / "new" / "deeper" / "loket.db"
    opened = open_guarded(f"sqlite:///{path}", create=True, check="sync")
    assert "0001_initial" in opened.applied
    from loket.models.office.demo import install_demo

    install_demo()  # a write: the -wal and -shm appear
    assert _mode(tmp_path / "new") == 0o700
    assert _mode(path.parent) == 0o700
    assert _mode(data) == 0o700
    for each in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        assert each.exists() and _mode(each) == 0o600, each
    _close()
    again = open_guarded(f"sqlite:///{path}")  # any command now opens it
    assert again.applied == ()


def test_postgres_without_the_loket_schema_is_refused_except_by_init(pg_server, data):
    url = pg_server.create_database("loket_empty_guard")
    with pytest.raises(DatabaseMissing) as refused:
        open_guarded(url)
    assert "loket_empty_guard" in refused.value.message_en
    assert "loket init" in refused.value.message_en
    opened = open_guarded(url, create=True)
    assert "0001_initial" in opened.applied
    _close()
    assert open_guarded(url).applied == ()
    _close()


# --- version guard -------------------------------------------------------------------------


def test_a_database_from_a_newer_loket_is_refused(db, data):
    _close()
    _fake_future_migration(db)
    for create in (False, True):  # init too
        with pytest.raises(DatabaseTooNew) as refused:
            open_guarded(db, create=create)
        assert "dibuat oleh versi Loket yang lebih baru — perbarui PC ini" in (
            refused.value.message_id
        )
        assert "made by a newer Loket — update this PC" in refused.value.message_en
        assert "0999_from_the_future" in refused.value.message_en
    from loket.models.schema import migrate

    with pytest.raises(DatabaseTooNew):
        migrate()
    if db.startswith("postgresql"):
        from loket.models import rawsql

        rawsql.execute("DELETE FROM schema_migration WHERE name = '0999_from_the_future'")


# --- private files -------------------------------------------------------------------------


def test_an_existing_install_is_tightened_at_start(tmp_path, data):
    path = tmp_path / "old" / "loket.db"
    url = _office(path, tickets=1)
    data.chmod(0o755)
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    wal.write_bytes(b"")
    shm.write_bytes(b"")
    for each in (path, wal, shm):
        each.chmod(0o644)
    opened = open_guarded(url)
    assert opened.warnings == ()
    assert _mode(data) == 0o700
    assert [_mode(p) for p in (path, wal, shm)] == [0o600, 0o600, 0o600]
    _close()


def test_a_file_that_cannot_be_tightened_gives_a_clear_warning(tmp_path, data, monkeypatch):
    path = tmp_path / "loket.db"
    url = _office(path)
    path.chmod(0o644)

    def refuse(target: object, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chmod", refuse)
    opened = open_guarded(url)
    (line,) = [w for w in opened.warnings if str(path) in w]
    assert f"chmod 600 {path}" in line and "Cannot make" in line and "tidak dapat" in line
    assert "\n" not in line
    _close()


# --- damaged files -------------------------------------------------------------------------


def test_a_zeroed_page_is_found_by_the_apps_check_and_every_write_is_refused(tmp_path, data):
    path = tmp_path / "loket.db"
    url = _office(path, tickets=300)
    zero_page(path, "ticket")
    open_guarded(url, check="background")  # what an app does: it opens at once
    refusal = wait_for_check(30)
    assert isinstance(refusal, DatabaseDamaged)
    assert str(path) in refusal.message_en and "restore the last backup" in refusal.message_en
    assert "pulihkan cadangan terakhir" in refusal.message_id
    from loket.models.queue.tickets import issue_ticket

    with pytest.raises(DatabaseDamaged):
        issue_ticket("A")
    _close()
    assert recorded_damage(path)
    # Any later command knows without checking again: writes refused, reads still served.
    open_guarded(url)
    with pytest.raises(DatabaseDamaged):
        issue_ticket("B")
    from loket.models.office.catalog import list_services

    assert list_services()
    _close()


def test_a_sound_file_releases_the_held_writes(tmp_path, data):
    url = _office(tmp_path / "loket.db", tickets=3)
    open_guarded(url, check="background")
    assert wait_for_check(30) is None
    from loket.models.queue.tickets import issue_ticket

    assert issue_ticket("A").number.startswith("A")
    _close()


def test_writes_wait_while_the_check_runs(tmp_path, data):
    url = _office(tmp_path / "loket.db")
    open_guarded(url)
    generation = writegate.hold()
    threading.Timer(0.3, writegate.release, (generation,)).start()
    from loket.models.queue.tickets import issue_ticket

    started = time.monotonic()
    issue_ticket("A")
    assert time.monotonic() - started >= 0.25
    _close()


def test_init_checks_an_existing_file_before_writing(tmp_path, data):
    path = tmp_path / "loket.db"
    url = _office(path, tickets=300)
    zero_page(path, "ticket")
    with pytest.raises(DatabaseDamaged) as refused:
        open_guarded(url, create=True, check="sync")
    assert str(path) in refused.value.message_en
    _close()


def test_a_truncated_file_is_damaged(tmp_path, data):
    path = tmp_path / "loket.db"
    url = _office(path, tickets=50)
    truncate(path)
    with pytest.raises(DatabaseDamaged):
        open_guarded(url, create=True, check="sync")
    _close()
    try:
        open_guarded(url, check="background")
    except DatabaseDamaged:
        pass  # found while opening
    else:
        assert isinstance(wait_for_check(30), DatabaseDamaged)
    _close()


def test_restoring_the_backup_makes_the_office_writable_again(tmp_path, data):
    from loket.models.backup import backup_to
    from loket.models.queue.tickets import issue_ticket

    path = tmp_path / "loket.db"
    url = _office(path, tickets=300)
    open_guarded(url)
    copy = backup_to(tmp_path / "backups-copy.db")
    assert _mode(copy) == 0o600
    _close()
    zero_page(path, "ticket")
    open_guarded(url, check="background")
    refusal = wait_for_check(30)
    assert isinstance(refusal, DatabaseDamaged) and str(copy) in refusal.message_en
    _close()
    shutil.copyfile(copy, path)  # the way back the message names
    open_guarded(url, check="background")
    assert wait_for_check(30) is None
    assert issue_ticket("A")
    assert recorded_damage(path) is None
    _close()


def test_a_backup_of_a_damaged_file_is_refused(tmp_path, data):
    from loket.models.backup import backup_to

    path = tmp_path / "loket.db"
    url = _office(path, tickets=300)
    zero_page(path, "ticket")
    open_guarded(url)
    with pytest.raises(DatabaseDamaged):
        backup_to(tmp_path / "bad-copy.db")
    assert not (tmp_path / "bad-copy.db").exists()
    assert not (tmp_path / "bad-copy.db.part").exists()
    _close()
