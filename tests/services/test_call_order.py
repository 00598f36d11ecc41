"""The call-order prediction against the real calling code, over long random queues.

What is guaranteed, and tested here (no new arrivals while the queue is played out):
- One counter, equal weights: the predicted order is the order the counter calls,
  whatever the service times turn out to be; "ahead" is exactly the number of tickets
  the counter calls first.
- Unequal weights or several counters: the order depends on when each call happens
  (weight × time waited; which counter comes free first). When every visitor takes the
  predicted time, the prediction is exact: same tickets, same counters, same order.
- Several counters with equal weights that all serve the same services and no priority
  tickets: exact for any timing (everyone takes the oldest ticket).
Under arbitrary service times with several counters the predicted count is no bound: a
counter serving only B can call every B ticket before a slow counter gets to an A
ticket. So every promise also carries ``ahead_at_most``, which is never below the true
count whatever the timing (any order of counters calling, any gaps), and equals the
exact count where nothing else can go first.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loket.models.office import catalog
from loket.models.queue import calling
from loket.models.queue.estimates import clear_cache, predicted_calls
from loket.models.queue.tickets import describe_ticket, issue_ticket
from loket.models.tables import Counter, Ticket, TicketEvent, TicketSequence

JAKARTA = dt.timezone(dt.timedelta(hours=7))
SERVICES = ("A", "B", "C")
HELPER = 9  # calls tickets and transfers them to one counter, then closes
ISSUES = st.lists(
    st.tuples(st.sampled_from(SERVICES), st.booleans(), st.integers(0, 120)),
    min_size=1,
    max_size=35,
)
LINKS = st.dictionaries(st.sampled_from(SERVICES), st.integers(1, 3), min_size=1)
RUN = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _office() -> None:
    if catalog.list_services():
        return
    for code, minutes in zip(SERVICES, (3, 7, 5), strict=True):
        catalog.add_service(
            code, f"Layanan {code}", f"Service {code}", None, "00:00-24:00", "1234567"
        )
        catalog.edit_service(code, default_service_minutes=minutes)
    for number in (1, 2, 3):
        catalog.add_counter(number, "A")
    catalog.add_counter(HELPER, "A,B,C")


def _reset(clock, links: list[dict[str, int]], streaks: list[int], interleave: int) -> None:
    TicketEvent.delete().execute()
    Ticket.delete().execute()
    TicketSequence.delete().execute()
    from loket.models.settings import update_settings

    update_settings(interleave_normal=str(interleave))
    for number in (1, 2, 3):
        if number <= len(links):
            spec = ",".join(
                f"{code}:{weight}" for code, weight in sorted(links[number - 1].items())
            )
            catalog.edit_counter(number, services=spec, active=True)
        else:
            catalog.edit_counter(number, active=False)
    catalog.edit_counter(HELPER, active=True)
    Counter.update(normal_streak=0).execute()
    clock.set(dt.datetime(2026, 11, 23, 8, 0, tzinfo=JAKARTA))
    clear_cache()


def _fill(clock, issues, transfers: list[int], counters: int, streaks: list[int]) -> None:
    for code, priority, gap in issues:
        clock.advance(seconds=gap)
        issue_ticket(code, priority="lansia" if priority else None, clock=clock)
    for target in transfers:  # a ticket sent to one counter waits for that counter only
        clock.advance(seconds=5)
        if calling.call_next(HELPER, clock=clock) is not None:
            calling.transfer(HELPER, to_counter=1 + target % counters, clock=clock)
    catalog.edit_counter(HELPER, active=False)
    for number, streak in zip(range(1, counters + 1), streaks, strict=False):
        Counter.update(normal_streak=streak).where(Counter.number == number).execute()
    clock.advance(minutes=1)
    clear_cache()


def _labels() -> dict[int, str]:
    return dict(Ticket.select(Ticket.id, Ticket.label).tuples())


def _promised_ahead(clock) -> dict[str, int]:
    """What every waiting ticket is told right now (ticket screen, `loket status`)."""
    labels = _labels()
    waiting = Ticket.select(Ticket.id).where(Ticket.status == "waiting").tuples()
    return {labels[tid]: describe_ticket(tid, clock).ahead for (tid,) in waiting}


def _play_at_predicted_times(clock) -> list[tuple[str, int]]:
    """Each counter finishes and calls again exactly when the prediction says."""
    labels = _labels()
    plan = predicted_calls(clock)
    actual = []
    for call in plan:
        clock.set(call.at)
        if calling.current_ticket(call.counter, clock=clock) is not None:
            calling.finish(call.counter, clock=clock)
        info = calling.call_next(call.counter, clock=clock)
        assert info is not None, f"counter {call.counter} found nobody at {call.at}"
        actual.append((info.number, call.counter))
    assert [(labels[c.ticket_id], c.counter) for c in plan] == actual
    return actual


def _nobody_left_for(counters: int, clock) -> None:
    for number in range(1, counters + 1):
        if calling.current_ticket(number, clock=clock) is not None:
            calling.finish(number, clock=clock)
        assert calling.call_next(number, clock=clock) is None


@RUN
@given(
    issues=ISSUES,
    served=st.sets(st.sampled_from(SERVICES), min_size=1),
    streak=st.integers(0, 4),
    interleave=st.integers(1, 4),
    transfers=st.lists(st.integers(0, 2), max_size=3),
    gaps=st.lists(st.integers(0, 1800), min_size=40, max_size=40),
)
def test_one_counter_calls_exactly_the_predicted_order_whatever_the_service_times(
    db, clock, issues, served, streak, interleave, transfers, gaps
):
    _office()
    _reset(clock, [dict.fromkeys(served, 1)], [streak], interleave)
    _fill(clock, issues, transfers, 1, [streak])
    promised = _promised_ahead(clock)
    predicted = [_labels()[c.ticket_id] for c in predicted_calls(clock)]
    called = []
    for gap in gaps[: len(predicted)]:
        clock.advance(seconds=gap)  # a visitor takes anything from no time to half an hour
        info = calling.call_next(1, clock=clock)
        assert info is not None
        called.append(info.number)
        calling.finish(1, clock=clock)
    assert called == predicted
    _nobody_left_for(1, clock)
    for position, label in enumerate(called):
        assert promised[label] == position, f"{label} was told {promised[label]} ahead"
    # Tickets for services the counter does not serve are never called: told "after all",
    # and after everyone of their own service who came earlier (labels number in order).
    for label in set(promised) - set(called):
        code, number = label.split("-")
        earlier = [
            other
            for other in set(promised) - set(called)
            if other.startswith(code + "-") and other.split("-")[1] < number
        ]
        assert promised[label] == len(called) + len(earlier), label


@RUN
@given(
    issues=ISSUES,
    links=st.lists(LINKS, min_size=1, max_size=3),
    streaks=st.lists(st.integers(0, 4), min_size=3, max_size=3),
    interleave=st.integers(1, 4),
    transfers=st.lists(st.integers(0, 2), max_size=3),
)
def test_weights_and_several_counters_exact_when_visitors_take_the_predicted_time(
    db, clock, issues, links, streaks, interleave, transfers
):
    _office()
    _reset(clock, links, streaks, interleave)
    _fill(clock, issues, transfers, len(links), streaks)
    promised = _promised_ahead(clock)
    actual = _play_at_predicted_times(clock)
    _nobody_left_for(len(links), clock)
    for position, (label, _) in enumerate(actual):
        assert promised[label] == position, f"{label} was told {promised[label]} ahead"


@RUN
@given(
    issues=st.lists(
        st.tuples(st.sampled_from(SERVICES), st.just(False), st.integers(0, 120)),
        min_size=1,
        max_size=35,
    ),
    counters=st.integers(2, 3),
    turns=st.lists(st.tuples(st.integers(1, 3), st.integers(0, 900)), min_size=80, max_size=80),
)
def test_counters_sharing_every_service_call_oldest_first_whatever_the_timing(
    db, clock, issues, counters, turns
):
    _office()
    everything = dict.fromkeys(SERVICES, 1)
    _reset(clock, [everything] * counters, [0] * counters, 2)
    _fill(clock, issues, [], counters, [0] * counters)
    promised = _promised_ahead(clock)
    called = []
    for number, gap in turns:
        if len(called) == len(promised):
            break
        clock.advance(seconds=gap)
        counter = 1 + number % counters
        if calling.current_ticket(counter, clock=clock) is not None:
            calling.finish(counter, clock=clock)
        info = calling.call_next(counter, clock=clock)
        assert info is not None
        called.append(info.number)
    for position, label in enumerate(called):
        assert promised[label] == position


def _promised_at_most(clock) -> dict[str, tuple[int, int]]:
    labels = _labels()
    waiting = Ticket.select(Ticket.id).where(Ticket.status == "waiting").tuples()
    told = {labels[tid]: describe_ticket(tid, clock) for (tid,) in waiting}
    return {label: (info.ahead, info.ahead_at_most) for label, info in told.items()}


@RUN
@given(
    issues=ISSUES,
    links=st.lists(LINKS, min_size=1, max_size=3),
    streaks=st.lists(st.integers(0, 4), min_size=3, max_size=3),
    interleave=st.integers(1, 4),
    transfers=st.lists(st.integers(0, 2), max_size=3),
    turns=st.lists(st.tuples(st.integers(0, 2), st.integers(0, 1800)), min_size=90, max_size=90),
)
def test_at_most_is_never_below_the_true_count_whatever_the_timing(
    db, clock, issues, links, streaks, interleave, transfers, turns
):
    """Several counters, weights, priorities, transfers; the counters call in any order
    with any gaps (any service times). Nobody is called after more people than the
    ``ahead_at_most`` they were told, and that bound is never below the prediction."""
    _office()
    _reset(clock, links, streaks, interleave)
    _fill(clock, issues, transfers, len(links), streaks)
    promised = _promised_at_most(clock)
    for label, (ahead, at_most) in promised.items():
        assert at_most is not None and at_most >= ahead, label
    called: list[str] = []
    for pick, gap in turns:
        clock.advance(seconds=gap)
        counter = 1 + pick % len(links)
        if calling.current_ticket(counter, clock=clock) is not None:
            calling.finish(counter, clock=clock)
        info = calling.call_next(counter, clock=clock)
        if info is not None:
            called.append(info.number)
    for position, label in enumerate(called):
        assert position <= promised[label][1], (
            f"{label} was told at most {promised[label][1]} ahead; {position} went first"
        )


def test_a_counter_on_break_is_expected_back_not_forgotten(db: str, clock: object) -> None:
    """One counter, on break for 10 minutes: the next visitor waits for its return (the
    break's usual length), not forever and not as if it were calling now."""
    from loket.models.office.staff import add_staff
    from loket.models.staffing import counter_actions

    catalog.add_service("A", "Administrasi", "Administration", hours="00:00-24:00", days="1234567")
    catalog.add_counter(1, "A")
    add_staff("budi", "Budi", "staff", "246813")
    counter_actions.sign_in(1, "budi", "246813", clock=clock)  # type: ignore[arg-type]
    counter_actions.start_break(1, clock=clock)  # type: ignore[arg-type]
    clock.advance(minutes=10)  # type: ignore[attr-defined]
    clear_cache()
    ticket = issue_ticket("A", clock=clock)  # type: ignore[arg-type]
    assert ticket.ahead == 0
    assert 30 <= ticket.estimated_wait_minutes <= 40  # back about 45 min after it began
