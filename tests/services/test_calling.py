"""Calling visitors: order, interleave, weights, and every counter action."""

from __future__ import annotations

import pytest

from loket.models.errors import IllegalTransition, InvalidInput, NotFound
from loket.models.office import catalog
from loket.models.queue import calling
from loket.models.queue.tickets import issue_ticket
from loket.models.queue.waiting import snapshot


@pytest.fixture
def office(db, clock):
    catalog.add_service("A", "Administrasi", "Administration", hours="00:00-24:00", days="1234567")
    catalog.add_service("B", "Perizinan", "Permits", hours="00:00-24:00", days="1234567")
    catalog.add_counter(1, "A,B", front_desk=True)
    catalog.add_counter(2, "B")
    return clock


def _issue(clock, service="A", priority=None):
    clock.advance(seconds=10)
    return issue_ticket(service, priority=priority, clock=clock).number


def _call(counter, clock):
    clock.advance(seconds=1)
    info = calling.call_next(counter, clock=clock)
    if info is not None:
        calling.finish(counter, clock=clock)
    return info.number if info else None


def test_fifo_across_services_with_equal_weights(office):
    clock = office
    order = [_issue(clock, "A"), _issue(clock, "B"), _issue(clock, "A")]
    assert [_call(1, clock) for _ in range(3)] == order
    assert _call(1, clock) is None


def test_counter_only_calls_its_services(office):
    clock = office
    _issue(clock, "A")
    assert calling.call_next(2, clock=clock) is None
    b = _issue(clock, "B")
    assert calling.call_next(2, clock=clock).number == b


def test_priority_interleave_two_normal_then_one_priority(office):
    clock = office
    normal = [_issue(clock) for _ in range(5)]
    elders = [_issue(clock, priority="lansia"), _issue(clock, priority="disabilitas")]
    called = [_call(1, clock) for _ in range(7)]
    assert called == [normal[0], normal[1], elders[0], normal[2], normal[3], elders[1], normal[4]]


def test_priority_alone_is_called_at_once(office):
    clock = office
    elder = _issue(clock, priority="hamil")
    assert _call(1, clock) == elder


def test_weight_lets_a_service_age_faster(office):
    clock = office
    catalog.edit_counter(1, services="A,B:3")
    a = issue_ticket("A", clock=clock).number
    clock.advance(seconds=60)
    b = issue_ticket("B", clock=clock).number
    clock.advance(seconds=40)
    # A waited 100 s × 1, B 40 s × 3 = 120 s: B's visitors age faster.
    assert calling.call_next(1, clock=clock).number == b
    calling.finish(1, clock=clock)
    assert calling.call_next(1, clock=clock).number == a


def test_call_while_busy_is_refused(office):
    clock = office
    _issue(clock)
    _issue(clock)
    calling.call_next(1, clock=clock)
    with pytest.raises(IllegalTransition, match="A-001"):
        calling.call_next(1, clock=clock)


def test_illegal_transitions_have_clear_errors(office):
    clock = office
    with pytest.raises(IllegalTransition, match="no current ticket"):
        calling.finish(1, clock=clock)
    with pytest.raises(IllegalTransition):
        calling.recall(1, clock=clock)
    with pytest.raises(NotFound):
        calling.call_next(9, clock=clock)
    _issue(clock)
    calling.call_next(1, clock=clock)
    calling.start(1, clock=clock)
    with pytest.raises(IllegalTransition, match="serving"):
        calling.no_show(1, clock=clock)
    with pytest.raises(InvalidInput):
        calling.transfer(1, clock=clock)


def test_recall_start_finish_records_times(office):
    clock = office
    _issue(clock)
    called = calling.call_next(1, clock=clock)
    assert called.status == "called" and called.counter == 1
    again = calling.recall(1, clock=clock)
    assert again.recall_count == 1
    clock.advance(seconds=30)
    started = calling.start(1, clock=clock)
    assert started.status == "serving" and started.started_at == clock.now()
    clock.advance(minutes=4)
    done = calling.finish(1, clock=clock)
    assert done.status == "done" and done.finished_at == clock.now()


def test_no_show_and_requeue_goes_to_the_back(office):
    clock = office
    first, second = _issue(clock), _issue(clock)
    calling.call_next(1, clock=clock)
    clock.advance(minutes=2)
    assert calling.no_show(1, requeue=True, clock=clock).status == "waiting"
    assert _call(1, clock) == second
    assert _call(1, clock) == first
    _issue(clock)
    calling.call_next(1, clock=clock)
    assert calling.no_show(1, clock=clock).status == "no_show"


def test_transfer_to_service_keeps_arrival_order(office):
    clock = office
    a = _issue(clock, "A")
    b_later = _issue(clock, "B")
    calling.call_next(1, clock=clock)  # A-001 at counter 1
    moved = calling.transfer(1, to_service="B", clock=clock)
    assert moved.status == "waiting" and moved.service == "B"
    # Counter 2 serves B only: the transferred visitor arrived first, so comes first.
    assert calling.call_next(2, clock=clock).number == a
    calling.finish(2, clock=clock)
    assert calling.call_next(2, clock=clock).number == b_later


def test_transfer_to_counter_waits_for_that_counter_only(office):
    clock = office
    a = _issue(clock, "A")
    calling.call_next(1, clock=clock)
    calling.transfer(1, to_counter=2, clock=clock)
    assert calling.call_next(1, clock=clock) is None
    assert calling.call_next(2, clock=clock).number == a
    with pytest.raises(InvalidInput, match="this counter"):
        calling.transfer(2, to_counter=2, clock=clock)


def test_hold_and_resume(office):
    clock = office
    a, b = _issue(clock), _issue(clock)
    calling.call_next(1, clock=clock)
    assert calling.hold(1, clock=clock).status == "held"
    assert calling.call_next(1, clock=clock).number == b
    with pytest.raises(IllegalTransition):
        calling.resume(1, clock=clock)
    calling.finish(1, clock=clock)
    resumed = calling.resume(1, clock=clock)
    assert resumed.number == a and resumed.status == "called"
    snap = snapshot(clock)
    assert snap.counters[0].current == a


def test_snapshot_counts_waiting(office):
    clock = office
    _issue(clock, "A")
    _issue(clock, "B", priority="anak")
    snap = snapshot(clock)
    by_code = {s.code: s for s in snap.services}
    assert by_code["A"].waiting == 1 and by_code["B"].priority_waiting == 1
    assert [c.waiting for c in snap.counters] == [2, 1]
