"""The apps' database opening (kiosk/shell/app.py open_office_database) behind the storage
guard: never creates, refuses a newer schema, tightens modes, quick-checks in the background
with writes held, and refuses every write to a damaged file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from helpers.damage import zero_page

from loket.kiosk.shell.app import open_office_database
from loket.models.errors import DatabaseDamaged, DatabaseMissing, DatabaseTooNew
from loket.models.storage import open_guarded, wait_for_check


@pytest.fixture(autouse=True)
def data(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("LOKET_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def _close() -> None:
    from loket.models.db import database

    if database.obj is not None:
        database.obj.close()


def _office(path: Path, tickets: int = 0) -> str:
    from loket.models.office.demo import install_demo
    from loket.models.queue.tickets import issue_ticket

    url = f"sqlite:///{path}"
    open_guarded(url, create=True, check="sync")
    install_demo()
    for _ in range(tickets):
        issue_ticket("A")
    _close()
    return url


def test_an_app_never_creates_a_database(tmp_path):
    typo = tmp_path / "typo" / "loket.db"
    with pytest.raises(DatabaseMissing) as refused:
        open_office_database(f"sqlite:///{typo}")
    assert str(typo) in refused.value.message_en and "loket init" in refused.value.message_en
    assert not typo.parent.exists()


def test_an_app_refuses_a_newer_database(tmp_path):
    from loket.models import rawsql

    url = _office(tmp_path / "loket.db")
    open_guarded(url)
    rawsql.execute(
        "INSERT INTO schema_migration (name, applied) VALUES ('0999_next', CURRENT_TIMESTAMP)"
    )
    _close()
    with pytest.raises(DatabaseTooNew) as refused:
        open_office_database(url)
    assert refused.value.message("en").startswith("Database ")
    assert "update this PC" in refused.value.message("en")
    assert "perbarui PC ini" in refused.value.message("id")


def test_an_app_tightens_an_old_install(tmp_path, data):
    path = tmp_path / "loket.db"
    url = _office(path)
    path.chmod(0o644)
    data.chmod(0o755)
    assert open_office_database(url) == url
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert wait_for_check(30) is None
    _close()


def test_an_app_on_a_damaged_file_opens_but_refuses_every_write(tmp_path):
    from loket.models.queue.tickets import issue_ticket

    path = tmp_path / "loket.db"
    url = _office(path, tickets=300)
    zero_page(path, "ticket")
    assert open_office_database(url) == url  # at once: the check runs in the background
    refusal = wait_for_check(30)
    assert isinstance(refusal, DatabaseDamaged)
    with pytest.raises(DatabaseDamaged) as refused:
        issue_ticket("A")
    for language, words in (("id", "pulihkan cadangan terakhir"), ("en", "restore the last")):
        line = refused.value.message(language)
        assert str(path) in line and words in line and "\n" not in line
    _close()
