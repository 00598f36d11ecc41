"""The waiting room at a glance: per service and per counter."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import fn

from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.queue.estimates import estimate
from loket.models.queue.tickets import ServiceRow
from loket.models.settings import load_settings
from loket.models.tables import Counter, CounterService, Service, Ticket


@dataclass(frozen=True)
class ServiceQueue:
    code: str
    name_id: str
    name_en: str
    waiting: int
    priority_waiting: int
    longest_wait_minutes: int
    estimated_wait_minutes: int
    issued_today: int
    active: bool


@dataclass(frozen=True)
class CounterQueue:
    number: int
    name: str
    front_desk: bool
    active: bool
    services: tuple[str, ...]
    current: str | None
    current_status: str | None
    held: tuple[str, ...]
    waiting: int


@dataclass(frozen=True)
class QueueSnapshot:
    services: tuple[ServiceQueue, ...]
    counters: tuple[CounterQueue, ...]


def snapshot(clock: Clock = SYSTEM_CLOCK) -> QueueSnapshot:
    settings = load_settings()
    now = clock.now()
    day = settings.today(now)
    is_priority = Ticket.priority.is_null(False)
    waiting_rows = (
        Ticket.select(
            Ticket.service,
            fn.COUNT(Ticket.id),
            fn.SUM(is_priority.cast("integer")),
            fn.MIN(Ticket.queue_at),
        )
        .where((Ticket.status == "waiting") & (Ticket.day == day))
        .group_by(Ticket.service)
        .tuples()
    )
    waiting = {sid: (count, int(prio or 0), first) for sid, count, prio, first in waiting_rows}
    issued = dict(
        Ticket.select(Ticket.issued_service, fn.COUNT(Ticket.id))
        .where(Ticket.day == day)
        .group_by(Ticket.issued_service)
        .tuples()
    )
    services = []
    for service in Service.select().order_by(Service.code):
        count, prio, first = waiting.get(service.id, (0, 0, None))
        est = estimate(
            ServiceRow.of(service), now, None, settings.interleave_normal, now, None, day
        )
        services.append(
            ServiceQueue(
                code=service.code,
                name_id=service.name_id,
                name_en=service.name_en,
                waiting=count,
                priority_waiting=prio,
                longest_wait_minutes=int((now - first).total_seconds() // 60) if first else 0,
                estimated_wait_minutes=est.minutes,
                issued_today=issued.get(service.id, 0),
                active=service.active,
            )
        )
    by_service = {s.code: s.waiting for s in services}
    code_of = {s.id: s.code for s in Service.select(Service.id, Service.code)}
    links: dict[int, list[str]] = {}
    for counter_id, service_id in CounterService.select(
        CounterService.counter, CounterService.service
    ).tuples():
        links.setdefault(counter_id, []).append(code_of[service_id])
    targeted = dict(
        Ticket.select(Ticket.target_counter, fn.COUNT(Ticket.id))
        .where(
            (Ticket.status == "waiting")
            & (Ticket.day == day)
            & Ticket.target_counter.is_null(False)
        )
        .group_by(Ticket.target_counter)
        .tuples()
    )
    at_counter: dict[int, list[tuple[str, str]]] = {}
    for counter_id, label, status in (
        Ticket.select(Ticket.counter, Ticket.label, Ticket.status)
        .where(Ticket.status.in_(("called", "serving", "held")) & Ticket.counter.is_null(False))
        .order_by(Ticket.id)
        .tuples()
    ):
        at_counter.setdefault(counter_id, []).append((label, status))
    counters = []
    for counter in Counter.select().order_by(Counter.number):
        codes = tuple(sorted(links.get(counter.id, [])))
        tickets = at_counter.get(counter.id, [])
        current = next(((lbl, st) for lbl, st in tickets if st != "held"), None)
        counters.append(
            CounterQueue(
                number=counter.number,
                name=counter.name,
                front_desk=counter.front_desk,
                active=counter.active,
                services=codes,
                current=current[0] if current else None,
                current_status=current[1] if current else None,
                held=tuple(lbl for lbl, st in tickets if st == "held"),
                waiting=sum(by_service.get(c, 0) for c in codes) + targeted.get(counter.id, 0),
            )
        )
    return QueueSnapshot(services=tuple(services), counters=tuple(counters))
