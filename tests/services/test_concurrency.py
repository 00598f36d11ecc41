"""Many kiosks and counters at once, and a kiosk killed mid-write (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from loket.models.db import database, is_sqlite
from loket.models.office import catalog
from loket.models.tables import Ticket, TicketEvent, TicketSequence

WORKERS = str(Path(__file__).parent.parent / "helpers" / "workers.py")
PROCESSES = 6


def _spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, WORKERS, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _collect(procs: list[subprocess.Popen[str]]) -> list[list[str]]:
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


@pytest.fixture
def open_office(db):
    catalog.add_service("A", "Adm", "Adm", hours="00:00-24:00", days="1234567")
    return db


@pytest.mark.slow
def test_parallel_kiosks_never_repeat_or_skip(open_office):
    url = open_office
    per_process = 40
    start_at = time.time() + 1.5
    procs = [_spawn("issue", url, str(per_process), str(start_at)) for _ in range(PROCESSES)]
    labels = [label for batch in _collect(procs) for label in batch]
    total = PROCESSES * per_process
    assert len(labels) == total
    assert sorted(labels) == [f"A-{n:03d}" for n in range(1, total + 1)]
    assert Ticket.select().count() == total


@pytest.mark.slow
def test_parallel_counters_each_ticket_called_once(open_office):
    from loket.models.queue.tickets import issue_ticket

    url = open_office
    for number in range(1, PROCESSES + 1):
        catalog.add_counter(number, "A")
    total = 150
    for _ in range(total):
        issue_ticket("A")
    start_at = time.time() + 1.5
    procs = [_spawn("call", url, str(n), str(start_at)) for n in range(1, PROCESSES + 1)]
    per_counter = _collect(procs)
    called = [label for batch in per_counter for label in batch]
    # Every ticket called exactly once, however the work fell between the counters (on a loaded
    # machine one process may well empty the queue before the others start).
    assert sorted(called) == [f"A-{n:03d}" for n in range(1, total + 1)]
    assert TicketEvent.select().where(TicketEvent.kind == "called").count() == total


@pytest.mark.slow
def test_kill_9_mid_issue_leaves_no_duplicate_or_half_ticket(open_office):
    url = open_office
    for round_ in range(3):
        before = Ticket.select().count()
        proc = _spawn("issue-forever", url)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        # Kill it once it has really issued tickets, however slow the machine is (a fixed sleep
        # proves nothing on a loaded one); the extra pause differs per round so the kill lands
        # at different points of a write.
        deadline = time.monotonic() + 120  # only against a hang
        while Ticket.select().count() < before + 4:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "the worker issued no tickets"
            time.sleep(0.02)
        time.sleep(0.05 + 0.037 * round_)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    database.obj.close()
    database.obj.connect()
    tickets = list(Ticket.select(Ticket.sequence, Ticket.label).order_by(Ticket.sequence).tuples())
    assert len(tickets) >= 12  # each of the three rounds issued at least 4
    assert [seq for seq, _ in tickets] == list(range(1, len(tickets) + 1))
    last = TicketSequence.select(TicketSequence.last_number).scalar()
    assert last == len(tickets)  # no number burnt by the killed transaction
    issued_events = TicketEvent.select().where(TicketEvent.kind == "issued").count()
    assert issued_events == len(tickets)  # never a ticket without its event
    if is_sqlite():
        assert database.obj.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
