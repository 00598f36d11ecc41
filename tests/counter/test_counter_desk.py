"""The counter's view of the queue (no Qt): who waits for it, in calling order, and
who is held there."""

from __future__ import annotations

import pytest

from loket.models.errors import NotFound
from loket.models.queue import calling
from loket.models.queue.counter_desk import (
    counter_services,
    held_at_counter,
    waiting_for_counter,
)
from loket.models.queue.tickets import issue_ticket


def test_waiting_list_follows_the_counters_services_and_transfers(office, clock):
    issue_ticket("A", clock=clock)
    clock.advance(minutes=3)
    issue_ticket("B", priority="lansia", clock=clock)
    clock.advance(minutes=2)
    assert [(w.number, w.waited_minutes) for w in waiting_for_counter(1, clock=clock)] == [
        ("A-001", 5),
        ("B-001", 2),
    ]
    assert [w.number for w in waiting_for_counter(3, clock=clock)] == ["B-001"]  # serves B only
    assert waiting_for_counter(3, clock=clock)[0].priority == "lansia"

    assert calling.call_next(1, clock=clock).number == "A-001"
    calling.transfer(1, to_counter=3, clock=clock)
    at_three = waiting_for_counter(3, clock=clock)
    assert [w.number for w in at_three] == ["A-001", "B-001"]  # keeps its arrival time
    assert at_three[0].for_this_counter_only
    assert [w.number for w in waiting_for_counter(1, clock=clock)] == ["B-001"]
    assert [w.number for w in waiting_for_counter(2, clock=clock)] == ["B-001"]


def test_held_tickets_and_services(office, clock):
    issue_ticket("A", clock=clock)
    calling.call_next(2, clock=clock)
    calling.hold(2, clock=clock)
    assert [h.number for h in held_at_counter(2, clock=clock)] == ["A-001"]
    assert held_at_counter(1, clock=clock) == ()
    assert waiting_for_counter(1, clock=clock) == ()
    info = counter_services(3)
    assert (info.number, info.front_desk, info.services) == (3, False, ("B",))
    with pytest.raises(NotFound):
        waiting_for_counter(9, clock=clock)
