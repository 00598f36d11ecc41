"""Long random runs: FIFO inside each class, the priority interleave, no starvation."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loket.models.office import catalog
from loket.models.queue import calling
from loket.models.settings import update_settings
from loket.models.tables import Counter, Ticket, TicketEvent, TicketSequence

ISSUE = st.tuples(st.just("issue"), st.sampled_from(["A", "B"]), st.booleans())
CALL = st.tuples(st.just("call"), st.just(""), st.just(False))
RUNS = st.lists(st.one_of(ISSUE, CALL), min_size=10, max_size=60)


def _reset() -> None:
    TicketEvent.delete().execute()
    Ticket.delete().execute()
    TicketSequence.delete().execute()
    Counter.update(normal_streak=0).execute()


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(runs=RUNS, interleave=st.integers(min_value=1, max_value=4))
def test_calls_follow_fifo_and_interleave(db, clock, runs, interleave):
    if not catalog.list_services():
        catalog.add_service("A", "Adm", "Adm", hours="00:00-24:00", days="1234567")
        catalog.add_service("B", "Izin", "Permits", hours="00:00-24:00", days="1234567")
        catalog.add_counter(1, "A,B")
    _reset()
    update_settings(interleave_normal=str(interleave))
    from loket.models.queue.tickets import issue_ticket

    normal: list[str] = []  # the model: waiting tickets per class in arrival order
    priority: list[str] = []
    streak = 0
    passed: dict[str, int] = {}  # calls that went to someone else while this one waited
    bound: dict[str, int] = {}
    for op, service, is_priority in runs:
        clock.advance(seconds=7)
        if op == "issue":
            number = issue_ticket(
                service, priority="lansia" if is_priority else None, clock=clock
            ).number
            if is_priority:
                # Each priority visitor ahead may be preceded by a full run of normal calls.
                bound[number] = (len(priority) + 1) * (interleave + 1) - 1
                priority.append(number)
            else:
                # Normal visitors ahead, plus at most one priority call per run of normal calls.
                bound[number] = len(normal) + len(normal) // interleave + 1
                normal.append(number)
            passed[number] = 0
            continue
        called = calling.call_next(1, clock=clock)
        if not normal and not priority:
            assert called is None
            continue
        assert called is not None
        take_priority = bool(priority) and (streak >= interleave or not normal)
        expected = priority.pop(0) if take_priority else normal.pop(0)
        assert called.number == expected
        streak = 0 if take_priority else streak + 1
        for number in normal + priority:
            passed[number] += 1
            assert passed[number] <= bound[number], f"{number} starved"
        calling.finish(1, clock=clock)
