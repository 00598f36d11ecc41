"""Several senders at once (threads, processes) deliver every message exactly once; a claim
left by a sender that died is taken over; the background Sender delivers on its own."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
import time

import pytest
from helpers.webhook_server import WebhookServer, closed_port_url, ready_receipt, use_webhook

from loket.models.db import close_thread_connection
from loket.models.notify.sender import Sender, backoff, claim, send_pending
from loket.models.settings import update_settings
from loket.models.tables import Notification, Setting

PHONES = [f"0812-{1000 + n:04d}-{5000 + n:04d}" for n in range(12)]


@pytest.fixture
def gateway():
    with WebhookServer() as server:
        yield server


def _queue(clock, count: int) -> set[int]:
    for phone in PHONES[:count]:
        ready_receipt(clock, phone=phone)
    return {row.id for row in Notification.select(Notification.id)}


def test_two_sender_threads_at_once_deliver_each_message_exactly_once(office, gateway):
    clock = office
    gateway.delay = 0.05  # both threads are still at it when the other starts
    use_webhook(gateway.url)
    queued = _queue(clock, 12)
    start = threading.Barrier(2)
    results = []
    errors = []

    def run(name: str) -> None:
        try:
            start.wait(10)
            results.append(send_pending(clock, worker_id=name))
        except Exception as exc:  # shown by the assertion below
            errors.append(exc)
        finally:
            close_thread_connection()

    threads = [threading.Thread(target=run, args=(f"pc-{n}",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert sorted(gateway.ids()) == sorted(queued)  # each id once, none missing
    assert sum(r.sent for r in results) == 12 and all(r.ok for r in results)
    rows = list(Notification.select())
    assert {r.status for r in rows} == {"sent"} and {r.attempts for r in rows} == {1}
    # Which sender took how many depends on scheduling (on a loaded machine one may take
    # all twelve before the other connects); what matters is one claim per message.
    assert {r.claimed_by for r in rows} <= {"pc-1", "pc-2"}


def test_two_send_pending_processes_at_once_deliver_each_message_exactly_once(
    office, gateway, db, tmp_path
):
    gateway.delay = 0.1
    use_webhook(gateway.url)
    queued = _queue(office, 12)  # queued in the past by the fake clock: due for real
    env = dict(os.environ, LOKET_DB=db, LOKET_DATA_DIR=str(tmp_path / "cli-data"))
    command = [sys.executable, "-m", "loket.models.cli", "notify", "send-pending", "--json"]
    runs = [
        subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    for run, (_out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert "Traceback" not in err
    reports = [json.loads(out) for out, _ in outputs]
    assert sum(r["sent"] for r in reports) == 12
    assert sorted(gateway.ids()) == sorted(queued)
    assert len(gateway.requests) == 12
    assert {r.status for r in Notification.select()} == {"sent"}


def test_a_claim_is_held_until_it_is_five_minutes_old(office, gateway):
    clock = office
    use_webhook(gateway.url)
    (message_id,) = _queue(clock, 1)
    assert claim(message_id, "pc-that-dies", clock.now()) is not None
    assert claim(message_id, "pc-2", clock.now()) is None  # held
    assert send_pending(clock).sent == 0 and gateway.requests == []
    clock.advance(minutes=4)
    assert send_pending(clock).sent == 0
    clock.advance(minutes=2)  # the first sender died while sending: taken over
    assert send_pending(clock, worker_id="pc-2").sent == 1
    row = Notification.get_by_id(message_id)
    assert (row.status, row.claimed_by, row.attempts) == ("sent", "pc-2", 2)
    assert gateway.ids() == [message_id]


def test_the_backoff_grows_and_then_stays_at_an_hour():
    assert [backoff(n) for n in range(1, 7)] == [
        dt.timedelta(minutes=m) for m in (1, 5, 15, 60, 60, 60)
    ]


def test_a_late_answer_from_a_taken_over_claim_does_not_overwrite_the_new_one(office, gateway):
    clock = office
    use_webhook(gateway.url)
    (message_id,) = _queue(clock, 1)
    claim(message_id, "slow-pc", clock.now())
    clock.advance(minutes=6)
    send_pending(clock, worker_id="pc-2")
    from loket.models.notify.sender import _record

    _record(Notification.get_by_id(message_id), "slow-pc", {"status": "failed"})
    assert Notification.get_by_id(message_id).status == "sent"


def test_the_background_sender_delivers_a_ready_receipt_by_itself(office, gateway, db):
    clock = office
    use_webhook(gateway.url)
    rounds = []
    sender = Sender(every=0.2, clock=clock, url=db, on_round=rounds.append)
    sender.start()
    try:
        ready_receipt(clock)
        assert gateway.wait_for(1, timeout=10)
    finally:
        sender.stop()
    assert not sender.running and sender.problem is None
    (row,) = Notification.select()
    assert gateway.ids() == [row.id] and row.status == "sent"
    assert any(r is not None and r.sent == 1 for r in rounds)


def test_the_background_sender_reports_bad_settings_and_recovers_when_fixed(office, gateway):
    clock = office
    use_webhook(gateway.url)
    Setting.update(value="ftp://nowhere").where(Setting.key == "notify_webhook_url").execute()
    sender = Sender(every=0.1, clock=clock)
    sender.start()
    try:
        ready_receipt(clock)
        deadline = time.monotonic() + 10
        while sender.problem is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert sender.problem is not None and "notify_webhook_url" in sender.problem
        assert Notification.get().status == "pending"  # nothing claimed meanwhile
        update_settings(notify_webhook_url=gateway.url)  # read afresh: no restart needed
        sender.wake()
        assert gateway.wait_for(1, timeout=10)
    finally:
        sender.stop()
    assert Notification.get().status == "sent"


def test_a_dead_gateway_does_not_stop_the_background_sender(office):
    clock = office
    use_webhook(closed_port_url())
    sender = Sender(every=0.1, clock=clock)
    sender.start()
    try:
        ready_receipt(clock)
        deadline = time.monotonic() + 10
        while Notification.get().attempts == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert sender.running and sender.problem is None
    finally:
        sender.stop()
    row = Notification.get()
    assert row.status == "pending" and "connection refused" in row.last_error


class _BrokenChannel:
    name = "webhook"

    def send(self, message) -> None:
        raise RuntimeError("boom\n  at somewhere deep")

    def close(self) -> None:
        pass


def test_a_channel_that_breaks_unexpectedly_is_a_one_line_failure_and_retried(office):
    clock = office
    use_webhook("http://127.0.0.1:9/hook")
    _queue(clock, 1)
    result = send_pending(clock, channel=_BrokenChannel())
    assert result.retry_later == 1
    row = Notification.get()
    assert row.status == "pending" and row.claimed_by is not None
    assert row.last_error == (
        "Kesalahan tak terduga saat mengirim (RuntimeError): boom / "
        "Unexpected error while sending (RuntimeError): boom"
    )
