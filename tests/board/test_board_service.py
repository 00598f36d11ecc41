"""The board's data, without Qt: now serving, last calls with recalls, waiting, the ticker."""

from __future__ import annotations

import pytest

from loket.models.office import catalog
from loket.models.queue import calling
from loket.models.queue.board import CallTracker, board_snapshot, recent_calls
from loket.models.queue.tickets import issue_ticket
from loket.models.settings import update_settings


@pytest.fixture
def office(db, clock):
    catalog.add_service("A", "Administrasi", "Administration", hours="00:00-24:00", days="1234567")
    catalog.add_service("B", "Perizinan", "Permits", hours="00:00-24:00", days="1234567")
    catalog.add_counter(1, "A,B", front_desk=True)
    catalog.add_counter(2, "B")
    return clock


def _issue(clock, service):
    clock.advance(seconds=5)
    return issue_ticket(service, clock=clock).number


def test_snapshot_shows_now_serving_waiting_and_last_calls(office):
    clock = office
    a1, _a2, b1 = _issue(clock, "A"), _issue(clock, "A"), _issue(clock, "B")
    clock.advance(seconds=1)
    calling.call_next(1, clock=clock)
    clock.advance(seconds=1)
    calling.call_next(2, clock=clock)
    calling.recall(2, clock=clock)
    board = board_snapshot(clock=clock)
    serving = {row.counter: row.number for row in board.now_serving}
    assert serving == {1: a1, 2: b1}
    assert {w.code: w.waiting for w in board.waiting} == {"A": 1, "B": 0}
    assert [(c.number, c.counter, c.recall) for c in board.recent_calls] == [
        (b1, 2, True),
        (b1, 2, False),
        (a1, 1, False),
    ]
    assert board.office_name == "Kantor Pelayanan Publik"


def test_recent_calls_are_limited_and_only_today(office):
    clock = office
    for _ in range(5):
        _issue(clock, "A")
    for _ in range(5):
        calling.call_next(1, clock=clock)
        calling.finish(1, clock=clock)
    assert len(recent_calls(3, clock)) == 3
    clock.advance(days=1)
    assert recent_calls(3, clock) == ()


def test_tracker_hands_out_each_call_once_in_order_and_recalls_again(office):
    clock = office
    first = _issue(clock, "A")
    calling.call_next(1, clock=clock)  # before the board opened: not spoken
    calling.finish(1, clock=clock)
    tracker = CallTracker(clock)
    assert tracker.new_calls() == ()
    second, third = _issue(clock, "A"), _issue(clock, "B")
    calling.call_next(1, clock=clock)
    calling.call_next(2, clock=clock)
    calling.recall(1, clock=clock)
    calls = tracker.new_calls()
    assert [(c.number, c.counter, c.recall) for c in calls] == [
        (second, 1, False),
        (third, 2, False),
        (second, 1, True),
    ]
    assert tracker.new_calls() == ()
    assert first not in [c.number for c in calls]


def test_running_text_defaults_to_the_maklumat_and_can_be_set(office):
    board = board_snapshot(clock=office)
    assert "MAKLUMAT PELAYANAN" in board.running_text_id
    assert "prioritas" in board.running_text_id
    assert "SP4N-LAPOR" in board.running_text_id
    assert "SERVICE PLEDGE" in board.running_text_en
    update_settings(board_running_text="Loket tutup pukul 12.00", office_logo="/tmp/logo.png")
    board = board_snapshot(clock=office)
    assert board.running_text_id == "Loket tutup pukul 12.00"
    assert board.office_logo == "/tmp/logo.png"
