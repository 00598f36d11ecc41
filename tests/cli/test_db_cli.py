"""`loket db check`, and every command against a damaged, newer, missing or loose database:
the real `loket` command in a subprocess, on real SQLite files and a real PostgreSQL."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult
from helpers.damage import truncate, zero_page

Run = Callable[..., CliResult]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _loket(env: dict[str, str], *args: str) -> CliResult:
    """`loket ARGS` as its own process, as an installer or a cron job runs it."""
    proc = subprocess.run(
        [sys.executable, "-m", "loket.models.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def office(tmp_path) -> tuple[Path, Run]:
    """A SQLite office made the way an installer does (init, demo); runs `loket` on it."""
    path = tmp_path / "office" / "loket.db"
    env = dict(os.environ, LOKET_DATA_DIR=str(tmp_path / "data"), LOKET_DB=f"sqlite:///{path}")

    def run(*args: str) -> CliResult:
        return _loket(env, *args)

    assert run("init").code == 0
    assert run("demo", "--apps", "no").code == 0
    return path, run


def _one_line_refusal(result: CliResult, *words: str) -> str:
    assert result.code == 1, (result.out, result.err)
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def test_a_mistyped_path_is_refused_by_every_command_but_init(tmp_path):
    typo = tmp_path / "lokte" / "loket.db"
    env = dict(os.environ, LOKET_DATA_DIR=str(tmp_path / "data"))
    for argv in (["issue", "A"], ["queue"], ["demo", "--apps", "no"], ["db", "check"]):
        line = _one_line_refusal(
            _loket(env, *argv, "--db", f"sqlite:///{typo}"), str(typo), "loket init"
        )
        assert "No Loket database" in line and "Tidak ada basis data Loket" in line
    assert not (tmp_path / "lokte").exists()  # no folder, no file


def test_init_makes_private_files_and_db_check_reports(office):
    path, run = office
    assert _mode(path.parent) == 0o700 and _mode(path) == 0o600
    assert _mode(path.parent.parent / "data") == 0o700
    assert run("issue", "A").code == 0
    report = run("db", "check", "--json")
    assert report.code == 0, report.err
    data = report.json()
    assert data["ok"] is True and data["kind"] == "sqlite"
    found = {f["name"]: f for f in data["findings"]}
    assert set(found) == {"integrity", "schema", "permissions", "disk", "wal", "backup"}
    assert found["integrity"]["value"]["check"] == "integrity_check"
    assert found["schema"]["value"]["version"].startswith("00")
    assert found["schema"]["value"]["unknown"] == []
    assert found["permissions"]["severity"] == "ok"
    assert found["disk"]["value"]["free_bytes"] > 0
    assert found["wal"]["value"]["bytes"] >= 0
    assert found["backup"]["severity"] == "warning"  # never backed up
    copy = path.parent.parent / "copy.db"
    assert run("backup", str(copy)).code == 0
    assert _mode(copy) == 0o600
    after = {f["name"]: f for f in run("db", "check", "--json").json()["findings"]}
    assert after["backup"]["severity"] == "ok"
    assert after["backup"]["value"]["path"] == str(copy)
    assert after["backup"]["value"]["age_seconds"] < 600
    text = run("db", "check", "--quick")
    assert text.code == 0 and "quick_check" in text.out and "WAL" in text.out


def test_an_existing_loose_install_is_tightened_by_any_command(office):
    path, run = office
    path.chmod(0o644)
    (path.parent.parent / "data").chmod(0o755)
    assert run("queue").code == 0
    assert _mode(path) == 0o600
    assert _mode(path.parent.parent / "data") == 0o700


def test_a_zeroed_page_is_reported_by_every_check_and_no_command_writes(office):
    path, run = office
    for _ in range(3):
        assert run("issue", "B").code == 0
    from loket.models.db import open_database
    from loket.models.queue.tickets import issue_ticket

    open_database(f"sqlite:///{path}")
    for _ in range(300):
        issue_ticket("A")
    from loket.models.db import database

    database.obj.close()
    zero_page(path, "ticket")
    before = path.read_bytes()

    for verify in (["staffing", "verify"], ["receipt", "verify-log"], ["audit", "verify"]):
        line = _one_line_refusal(run(*verify), str(path), "damaged", "rusak")
        assert "intact" not in line
        as_json = run(*verify, "--json")
        assert as_json.code == 1 and as_json.json()["ok"] is False
    init = run("init")
    assert "database ready" not in init.out
    _one_line_refusal(init, str(path), "restore the last backup", "pulihkan cadangan terakhir")
    issued = run("issue", "A")
    line = _one_line_refusal(issued, str(path), "damaged")
    assert "FOREIGN KEY" not in line
    report = run("db", "check", "--json")
    assert report.code == 1
    found = {f["name"]: f for f in report.json()["findings"]}
    assert found["integrity"]["severity"] == "problem"
    assert found["integrity"]["value"]["problems"]
    assert path.read_bytes() == before  # nothing was written to it


def test_a_truncated_file_is_refused(office):
    path, run = office
    truncate(path, keep=0.6)
    _one_line_refusal(run("init"), str(path), "damaged")
    _one_line_refusal(run("staffing", "verify"), str(path), "damaged")
    assert run("db", "check").code == 1


def test_a_newer_database_is_refused_by_every_command(loket, db):
    from loket.models import rawsql

    rawsql.execute(
        "INSERT INTO schema_migration (name, applied) VALUES ('0999_from_the_future', "
        "CURRENT_TIMESTAMP)"
    )
    try:
        for argv in (["init"], ["issue", "A"], ["queue"], ["db", "check"], ["audit", "verify"]):
            _one_line_refusal(
                loket(*argv),
                "dibuat oleh versi Loket yang lebih baru — perbarui PC ini",
                "made by a newer Loket — update this PC",
            )
    finally:
        rawsql.execute("DELETE FROM schema_migration WHERE name = '0999_from_the_future'")


def test_db_check_on_postgres(pg_server, tmp_path):
    url = pg_server.create_database("loket_cli_db_check")
    env = dict(os.environ, LOKET_DATA_DIR=str(tmp_path / "data"), LOKET_DB=url)

    def run(*args: str) -> CliResult:
        return _loket(env, *args)

    assert run("init").code == 0
    report = run("db", "check", "--json")
    assert report.code == 0, report.err
    data = report.json()
    assert data["kind"] == "postgresql" and data["ok"] is True
    assert {f["name"] for f in data["findings"]} == {"integrity", "schema", "files"}


def test_postgres_without_loket_schema_is_refused_except_by_init(pg_server, tmp_path):
    url = pg_server.create_database("loket_cli_empty")
    env = dict(os.environ, LOKET_DATA_DIR=str(tmp_path / "data"), LOKET_DB=url)

    def run(*args: str) -> CliResult:
        return _loket(env, *args)

    _one_line_refusal(run("issue", "A"), "loket_cli_empty", "loket init")
    assert run("init").code == 0
    assert run("queue").code == 0


def test_the_first_command_on_a_damaged_page_names_the_damage(office):
    """No check ran before: the database error is traced to the damage, not shown raw."""
    path, run = office
    from loket.models.db import database, open_database
    from loket.models.queue.tickets import issue_ticket

    open_database(f"sqlite:///{path}")
    for _ in range(300):
        issue_ticket("A")
    database.obj.close()
    zero_page(path, "ticket")
    line = _one_line_refusal(run("issue", "A"), str(path), "damaged", "rusak")
    assert "FOREIGN KEY" not in line and "Database error" not in line
    assert Path(f"{path}.damaged.json").exists()
