"""The order in which the counters will call today's waiting tickets: a replay of
``calling.call_next`` without the database.

Each counter picks the way ``call_next`` does: its preferred class first (priority
once its run of normal calls reaches the interleave), then the largest weight × time
waited at the instant of the call, then the lower ticket id; targeted tickets only at
their counter. The counters are the ones working now; each is free when its current
visitor is expected to finish and then takes one service time per visitor (the
service's recent mean). Nobody new arrives.

With one counter and equal weights the order does not depend on the service times at
all, so the prediction is exact whatever they turn out to be. With several counters,
or unequal weights, it is exact when every visitor takes the predicted time.

Pure Python over plain values: no database, no clock, fast enough for every kiosk tap.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# Larger than any real ticket id: "a ticket issued now" sorts last among equals.
NEW_TICKET_ID = 2**62


@dataclass(frozen=True)
class Waiting:
    id: int
    service: int
    priority: bool
    queue_at: int  # microseconds, as stored
    target: int | None = None  # counter id of a ticket transferred to one counter


@dataclass(frozen=True)
class Desk:
    id: int
    number: int
    streak: int  # normal calls since the last priority call
    free_at: int  # microseconds: when it calls next
    weights: Mapping[int, int]  # service id → weight, for the services it serves


@dataclass(frozen=True)
class Call:
    ticket: int
    counter: int  # counter id
    at: int  # microseconds


@dataclass
class _Desk:
    desk: Desk
    streak: int
    groups: tuple[list[tuple[deque[Waiting], int]], list[tuple[deque[Waiting], int]]] = field(
        default_factory=lambda: ([], [])
    )


def _pick(groups: list[tuple[deque[Waiting], int]], now: int) -> deque[Waiting] | None:
    best: deque[Waiting] | None = None
    best_key: tuple[int, int] | None = None
    for queue, weight in groups:
        if not queue:
            continue
        head = queue[0]
        key = (weight * (head.queue_at - now), head.id)
        if best_key is None or key < best_key:
            best, best_key = queue, key
    return best


def predict_calls(
    waiting: Iterable[Waiting],
    desks: Iterable[Desk],
    service_micros: Mapping[int, int],
    interleave: int,
    stop_after: int | None = None,
) -> list[Call]:
    """Every call the ``desks`` make, in order, until nobody they serve waits (or
    ``stop_after`` — a ticket id — has been called). Desks free at the same instant
    call in counter-number order."""
    # FIFO groups: (class, service) shared by every desk serving the service, and
    # (class, service) per desk for tickets transferred to that desk. Within a group
    # the weight is the same, so weight × waited orders it by (queue_at, id) for good.
    shared: dict[tuple[bool, int], list[Waiting]] = {}
    targeted: dict[tuple[int, bool, int], list[Waiting]] = {}
    for ticket in waiting:
        if ticket.target is None:
            shared.setdefault((ticket.priority, ticket.service), []).append(ticket)
        else:
            targeted.setdefault((ticket.target, ticket.priority, ticket.service), []).append(ticket)

    def fifo(tickets: list[Waiting]) -> deque[Waiting]:
        return deque(sorted(tickets, key=lambda t: (t.queue_at, t.id)))

    shared_queues = {key: fifo(tickets) for key, tickets in shared.items()}
    states: list[_Desk] = []
    for desk in desks:
        state = _Desk(desk, desk.streak)
        for (prio, service), queue in shared_queues.items():
            if service in desk.weights:
                state.groups[prio].append((queue, desk.weights[service]))
        for (target, prio, service), tickets in targeted.items():
            if target == desk.id:
                state.groups[prio].append((fifo(tickets), desk.weights.get(service, 1)))
        states.append(state)

    heap = [(s.desk.free_at, s.desk.number, i) for i, s in enumerate(states)]
    heapq.heapify(heap)
    calls: list[Call] = []
    while heap:
        now, _, index = heapq.heappop(heap)
        state = states[index]
        prefer_priority = state.streak >= interleave
        chosen = _pick(state.groups[prefer_priority], now) or _pick(
            state.groups[not prefer_priority], now
        )
        if chosen is None:
            continue  # nothing it serves is left, and nobody new arrives
        ticket = chosen.popleft()
        calls.append(Call(ticket.id, state.desk.id, now))
        state.streak = 0 if ticket.priority else state.streak + 1
        if ticket.id == stop_after:
            break
        heapq.heappush(heap, (now + service_micros[ticket.service], state.desk.number, index))
    return calls


def _callers(ticket: Waiting, desks: list[Desk]) -> list[Desk]:
    if ticket.target is not None:
        return [d for d in desks if d.id == ticket.target]
    return [d for d in desks if ticket.service in d.weights]


def _always_first(desk: Desk, first: Waiting, then: Waiting, now: int) -> bool:
    """Whether ``desk`` prefers ``first`` to ``then`` at every instant from ``now`` on.

    Within a class the desk takes the smaller (weight × (queue_at − t), id). The
    difference of the two keys is linear in t, so "at every t ≥ now" is its value now
    and the sign of its slope."""
    if first.priority != then.priority:
        return False  # the interleave streak can put either class first
    w1, w2 = desk.weights.get(first.service, 1), desk.weights.get(then.service, 1)
    gap = w2 * (then.queue_at - now) - w1 * (first.queue_at - now)
    return (gap > 0 or (gap == 0 and first.id < then.id)) and w1 >= w2


def at_most_before(
    waiting: Iterable[Waiting], desks: Iterable[Desk], ticket: Waiting, now: int
) -> int:
    """An upper bound on the tickets called before ``ticket`` whatever the service
    times turn out to be (no new arrivals, the same counters working).

    ``other`` can only come after ``ticket`` if every desk able to call it can call
    ``ticket`` too and always prefers ``ticket``: whoever calls ``other`` would have
    called ``ticket`` instead while it waited. Every other waiting ticket might go
    first, and is counted."""
    desk_list = list(desks)
    mine = {d.id for d in _callers(ticket, desk_list)}
    count = 0
    for other in waiting:
        if other.id == ticket.id:
            continue
        callers = _callers(other, desk_list)
        if not callers:
            continue  # nobody working can call it: it is never called before
        if not all(d.id in mine and _always_first(d, ticket, other, now) for d in callers):
            count += 1
    return count


__all__ = ["NEW_TICKET_ID", "Call", "Desk", "Waiting", "at_most_before", "predict_calls"]
