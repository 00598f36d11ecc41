"""Riding through a lost PostgreSQL connection (models/reconnect.py), on a private server.

The server here is restarted, stopped and has its sessions killed, so it is this
module's own (durable: an immediate restart must not lose an acknowledged commit), never
the session's shared one.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.postgres import PostgresServer, start_server
from helpers.stubs import FakeClock

from loket.models import rawsql
from loket.models.db import close_thread_connection, database, open_database
from loket.models.errors import ConnectionLost, LoketError, TooManyConnections
from loket.models.office import catalog
from loket.models.queue import calling
from loket.models.queue.tickets import issue_ticket
from loket.models.reconnect import (
    BACK_LINE,
    LOST_LINE,
    ReconnectingPostgresqlDatabase,
    is_connection_lost,
    reconnecting,
)
from loket.models.schema import migrate

DB_NAME = "loket_reconnect"


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    pg = start_server(durable=True)
    try:
        yield pg
    finally:
        pg.stop()


@pytest.fixture
def pg(
    server: PostgresServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[PostgresServer]:
    """A fresh migrated database on the private server, open in this thread."""
    monkeypatch.setenv("LOKET_DATA_DIR", str(tmp_path / "data"))
    server.terminate_backends(DB_NAME)
    url = server.create_database(DB_NAME)
    db = open_database(url)
    migrate()
    catalog.add_service("A", "Administrasi", "Administration", None, "07:30-16:00", "12345")
    catalog.add_counter(1, "A", front_desk=True)
    try:
        yield server
    finally:
        if not db.in_transaction():
            db.close()


def _labels() -> list[tuple[int, str]]:
    return [
        (int(s), str(lab))
        for s, lab in rawsql.fetch_all("SELECT sequence, label FROM ticket ORDER BY sequence")
    ]


def _assert_contiguous(issued: list[str]) -> None:
    rows = _labels()
    assert [s for s, _ in rows] == list(range(1, len(rows) + 1)), rows
    labels = [lab for _, lab in rows]
    assert len(set(labels)) == len(labels)
    assert len(set(issued)) == len(issued), "a visitor got a number twice"
    assert set(issued) <= set(labels)


def _issuing_loop(clock: FakeClock, stop: threading.Event, issued: list[str], errors: list[Any]):
    def run() -> None:
        try:
            while not stop.is_set():
                try:
                    issued.append(issue_ticket("A", clock=clock).number)
                except LoketError as exc:  # a one-line refusal is allowed mid-outage
                    errors.append(exc)
                except Exception as exc:  # never a raw driver error
                    errors.append(exc)
                    return
                time.sleep(0.01)
        finally:
            close_thread_connection()

    thread = threading.Thread(target=run, name="issuing-loop")
    thread.start()
    return thread


@pytest.mark.parametrize("how", ["fast", "immediate", "terminate"])
def test_issuing_rides_through_a_server_restart(pg: PostgresServer, clock: FakeClock, how: str):
    stop = threading.Event()
    issued: list[str] = []
    errors: list[Any] = []
    thread = _issuing_loop(clock, stop, issued, errors)
    time.sleep(0.3)
    if how == "terminate":
        assert pg.terminate_backends(DB_NAME) >= 1
    else:
        pg.restart(how)
    time.sleep(0.5)
    stop.set()
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert all(isinstance(e, ConnectionLost) for e in errors), errors
    # This thread's connection died too: its next use reconnects by itself.
    before = len(_labels())
    info = issue_ticket("A", clock=clock)
    assert len(_labels()) == before + 1
    assert info.number == f"A-{before + 1:03d}"
    _assert_contiguous([*issued, info.number])
    assert len(_labels()) - len(issued) - 1 <= len(errors)  # only unanswered ones unseen


def _drop_after_commit(pg: PostgresServer, monkeypatch: pytest.MonkeyPatch, times: int = 1):
    """The next ``times`` COMMITs reach the server, then the session is killed before the
    answer is read: the caller sees a lost connection, the work is committed."""
    original = ReconnectingPostgresqlDatabase.commit
    left = [times]

    def commit(self: ReconnectingPostgresqlDatabase) -> None:
        original(self)
        if left[0] > 0:
            left[0] -= 1
            pg.terminate_backends(DB_NAME)
            raise ConnectionLost()

    monkeypatch.setattr(ReconnectingPostgresqlDatabase, "commit", commit)


def test_a_commit_whose_answer_is_lost_is_not_issued_twice(
    pg: PostgresServer, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
):
    _drop_after_commit(pg, monkeypatch)
    first = issue_ticket("A", clock=clock)
    assert first.number == "A-001"
    assert [lab for _, lab in _labels()] == ["A-001"]
    assert issue_ticket("A", clock=clock).number == "A-002"


def test_the_same_request_key_gives_the_same_ticket(pg: PostgresServer, clock: FakeClock):
    key = "7b0c6f4e-4a0e-4c2b-9d55-1f0d1c2e3a4b"
    assert issue_ticket("A", clock=clock, request_key=key).number == "A-001"
    assert issue_ticket("A", clock=clock, request_key=key).number == "A-001"
    assert issue_ticket("A", clock=clock).number == "A-002"


def test_a_drop_inside_the_transaction_is_retried_with_the_number_handed_back(
    pg: PostgresServer, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
):
    from loket.models.queue import tickets

    original = tickets.publish
    calls = [0]

    def publish(topic: str) -> None:
        calls[0] += 1
        if calls[0] == 1:  # the ticket row is written, COMMIT not yet sent
            pg.terminate_backends(DB_NAME)
        original(topic)

    monkeypatch.setattr(tickets, "publish", publish)
    assert issue_ticket("A", clock=clock).number == "A-001"
    assert calls[0] == 2
    assert [lab for _, lab in _labels()] == ["A-001"]


def test_receipt_is_not_made_twice(
    pg: PostgresServer, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
):
    from loket.models.documents.receipt_actions import new_receipt

    new_receipt("Ani", "Surat", "Sekretariat", 1, clock=clock)  # the signing key exists now
    _drop_after_commit(pg, monkeypatch)
    made = new_receipt("Budi", "Permohonan izin", "Sekretariat", 3, clock=clock)
    rows = rawsql.fetch_all("SELECT number FROM receipt ORDER BY id")
    assert [r[0] for r in rows][-1] == made.number
    assert len(rows) == 2
    events = rawsql.fetch_all("SELECT count(*) FROM receipt_event")
    assert events[0][0] == 2  # one "received" each: the log was not written twice


def test_counter_actions_do_not_double_act(
    pg: PostgresServer, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
):
    for _ in range(3):
        issue_ticket("A", clock=clock)
    _drop_after_commit(pg, monkeypatch, times=3)
    clock.advance(seconds=5)
    called = calling.call_next(1, clock=clock)
    assert called is not None and called.number == "A-001"
    clock.advance(seconds=5)
    assert calling.recall(1, clock=clock).recall_count == 1
    clock.advance(seconds=5)
    assert calling.finish(1, clock=clock).status == "done"
    statuses = rawsql.fetch_all("SELECT label, status FROM ticket ORDER BY sequence")
    assert statuses == [("A-001", "done"), ("A-002", "waiting"), ("A-003", "waiting")]
    kinds = rawsql.fetch_all("SELECT kind FROM ticket_event WHERE kind <> 'issued' ORDER BY id")
    assert [k[0] for k in kinds] == ["called", "recalled", "finished"]


def test_down_server_is_one_refusal_then_back(pg: PostgresServer, clock: FakeClock):
    pg.shut_down("fast")
    try:
        started = time.monotonic()
        with pytest.raises(ConnectionLost) as refused:
            issue_ticket("A", clock=clock)
        assert time.monotonic() - started < 8
        assert "menyambung ulang" in refused.value.message_id
        assert "Reconnecting" in refused.value.message_en
        assert is_connection_lost(refused.value)
    finally:
        pg.start_up()
    assert issue_ticket("A", clock=clock).number == "A-001"


def test_reconnecting_reports_once_when_lost_and_once_when_back(pg: PostgresServer):
    lines: list[str] = []
    pg.shut_down("fast")
    timer = threading.Timer(1.5, pg.start_up)
    timer.start()
    try:
        value = reconnecting(lambda: rawsql.fetch_one("SELECT 42")[0], report=lines.append)
    finally:
        timer.join()
    assert value == 42
    assert lines == [LOST_LINE, BACK_LINE]


def test_too_many_connections_is_one_bilingual_refusal(pg: PostgresServer):
    import psycopg

    url = pg.url(DB_NAME)
    database.obj.close()
    pg.max_connections = 5
    pg.restart("fast")
    held: list[Any] = []
    try:
        with pytest.raises(psycopg.OperationalError):
            for _ in range(10):
                held.append(psycopg.connect(url))
        with pytest.raises(TooManyConnections) as refused:
            open_database(url)
        text = str(refused.value)
        assert "\n" not in text
        assert "max_connections" in refused.value.message_id
        assert "refuses new connections" in refused.value.message_en
        assert is_connection_lost(refused.value)
    finally:
        for conn in held:
            conn.close()
        pg.max_connections = 200
        pg.restart("fast")
    open_database(url)
    assert rawsql.fetch_one("SELECT 1") == (1,)


def test_a_program_holds_one_connection_plus_the_feed(pg: PostgresServer, clock: FakeClock):
    from loket.models.changefeed import ChangeListener

    url = pg.url(DB_NAME)
    database.obj.close()
    open_database(url)
    issue_ticket("A", clock=clock)
    calling.call_next(1, clock=clock)
    listener = ChangeListener(lambda topics: None, url)
    try:
        # The listener connects on its own thread, and a connection closed by the test
        # before may still be on its way out: settle, then count.
        _wait(lambda: pg.connections(DB_NAME) == 2, 10, "not two connections", [], [])
        assert pg.connections(DB_NAME, "loket") == 1  # the thread's own connection
        assert pg.connections(DB_NAME) == 2  # and the change feed's listener
    finally:
        listener.stop()
        database.obj.close()


def _cli_env(url: str, tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, LOKET_DATA_DIR=str(tmp_path / "cli"), LOKET_DB=url)


def test_staffing_watch_survives_a_restart(pg: PostgresServer, tmp_path: Path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "loket.models.cli", "staffing", "check", "--watch", "0.5"],
        env=_cli_env(pg.url(DB_NAME), tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out: list[str] = []
    err: list[str] = []
    readers = [
        threading.Thread(target=lambda: out.extend(iter(proc.stdout.readline, "")), daemon=True),  # type: ignore[union-attr]
        threading.Thread(target=lambda: err.extend(iter(proc.stderr.readline, "")), daemon=True),  # type: ignore[union-attr]
    ]
    for reader in readers:
        reader.start()
    try:
        _wait(lambda: len(out) >= 1, 20, "the watcher printed nothing", out, err)
        database.obj.close()
        assert pg.connections(DB_NAME) == 1  # the watcher holds one connection
        pg.restart("fast")
        printed = len(out)
        _wait(lambda: len(out) > printed + 2, 20, "no output after a restart", out, err)
        pg.shut_down("immediate")
        _wait(lambda: any(LOST_LINE in e for e in err), 20, "no 'lost' line", out, err)
        assert proc.poll() is None, "".join(err)
        pg.start_up()
        printed = len(out)
        _wait(lambda: any(BACK_LINE in e for e in err), 20, "no 'back' line", out, err)
        _wait(lambda: len(out) > printed + 2, 20, "no output once back", out, err)
        assert proc.poll() is None
        assert sum(LOST_LINE in e for e in err) == 1
        assert "Traceback" not in "".join(err)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _wait(done: Any, seconds: float, what: str, out: list[str], err: list[str]) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}\nstdout: {out[-5:]}\nstderr: {err[-5:]}")
        time.sleep(0.05)
