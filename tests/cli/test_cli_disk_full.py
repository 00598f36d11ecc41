"""A full disk under a SQLite database, on a real small filesystem (a 2 MB tmpfs).

The refusal names the full disk in both languages (not "cannot rollback - no transaction
is active", which hid it), exits 1 on one line, and nothing is half-written: the file
passes integrity_check and the ticket numbers carry on without a gap once there is room.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.small_disk import fill, small_disk


@pytest.fixture
def office_on_small_disk(tmp_path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    with small_disk(tmp_path / "small") as disk:
        database = disk / "loket.db"
        env = dict(os.environ, LOKET_DATA_DIR=str(tmp_path / "data"))
        env["LOKET_DB"] = f"sqlite:///{database}"
        for argv in (
            ["init"],
            [
                "service",
                "add",
                "A",
                "--name",
                "Umum",
                "--hours",
                "00:00-24:00",
                "--days",
                "1234567",
            ],
        ):
            done = _loket(env, *argv)
            assert done.returncode == 0, done.stderr
        yield database, env


def _loket(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "loket.models.cli", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _assert_disk_full_refusal(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert done.stderr.startswith("loket: Disk penuh") and done.stderr.count("\n") == 1, done.stderr
    assert "The disk is full" in done.stderr and "loket.db" in done.stderr
    assert "rollback" not in done.stderr and "Traceback" not in done.stderr


def _tickets(database: Path) -> list[str]:
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = conn.execute("SELECT sequence FROM ticket ORDER BY sequence").fetchall()
    return [f"A-{seq:03d}" for (seq,) in rows]


def test_a_full_disk_is_named_and_nothing_is_half_written(office_on_small_disk):
    database, env = office_on_small_disk
    disk = database.parent
    issued = [_loket(env, "issue", "A").stdout.split()[0] for _ in range(3)]
    assert issued == ["A-001", "A-002", "A-003"]
    # Room for the -shm file and a few pages of WAL, not for a ticket's transaction:
    # SQLITE_FULL mid-transaction, then peewee's "cannot rollback" on top of it.
    filler = fill(disk, leave=96 * 1024)
    for _ in range(40):
        done = _loket(env, "issue", "A")
        if done.returncode != 0:
            break
        issued.append(done.stdout.split()[0])
    else:
        pytest.fail("the disk never filled up")
    _assert_disk_full_refusal(done)

    fill(disk, leave=0, name="filler-2")  # not a byte left: the -shm file cannot grow
    _assert_disk_full_refusal(_loket(env, "issue", "A"))

    filler.unlink()
    (disk / "filler-2").unlink()
    assert _tickets(database) == issued  # the refused tickets left nothing behind
    done = _loket(env, "issue", "A")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[0] == f"A-{len(issued) + 1:03d}"  # no gap, no repeat
    assert _tickets(database) == [*issued, done.stdout.split()[0]]
