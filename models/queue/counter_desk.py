"""What one counter's officer sees of the queue: who waits for this counter, and who
is parked (held) here. Read-only; the counter app refreshes it after every action.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from loket.models import rawsql
from loket.models import validation as check
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import db_date
from loket.models.errors import NotFound
from loket.models.fields import from_micros, to_micros
from loket.models.settings import load_settings


@dataclass(frozen=True)
class WaitingTicket:
    number: str
    service: str
    service_name_id: str
    service_name_en: str
    priority: str | None
    queue_at: dt.datetime
    waited_minutes: int
    for_this_counter_only: bool  # transferred here by another counter


@dataclass(frozen=True)
class CounterServices:
    number: int
    name: str
    front_desk: bool
    services: tuple[str, ...]


# The same order as ``calling.call_next`` uses for equal streaks: weight × time waited.
_WAITING = (
    "SELECT t.label, s.code, s.name_id, s.name_en, t.priority, t.queue_at, "
    "t.target_counter_id FROM ticket t JOIN service s ON s.id = t.service_id "
    "LEFT JOIN counter_service cs ON cs.service_id = t.service_id AND cs.counter_id = ? "
    "WHERE t.status = 'waiting' AND t.day = ? "
    "AND (t.target_counter_id = ? OR (t.target_counter_id IS NULL AND cs.id IS NOT NULL)) "
    "ORDER BY COALESCE(cs.weight, 1) * (t.queue_at - ?), t.id LIMIT ?"
)
_HELD = (
    "SELECT t.label, s.code, s.name_id, s.name_en, t.priority, t.queue_at, t.target_counter_id "
    "FROM ticket t JOIN service s ON s.id = t.service_id "
    "WHERE t.status = 'held' AND t.counter_id = ? ORDER BY t.id"
)


def _counter_id(number: int | str) -> tuple[int, int]:
    value = check.positive_int(number, "Nomor loket", "Counter number", 1, 999)
    row = rawsql.fetch_one("SELECT id FROM counter WHERE number = ?", (value,))
    if row is None:
        raise NotFound(f"Loket {value} tidak ada", f"No counter {value}")
    return int(row[0]), value


def _tickets(rows: list[tuple[object, ...]], now: dt.datetime) -> tuple[WaitingTicket, ...]:
    result = []
    for label, code, name_id, name_en, priority, queue_at, target in rows:
        at = from_micros(int(queue_at))  # type: ignore[call-overload]
        result.append(
            WaitingTicket(
                number=str(label),
                service=str(code),
                service_name_id=str(name_id),
                service_name_en=str(name_en),
                priority=str(priority) if priority else None,
                queue_at=at,
                waited_minutes=max(0, int((now - at).total_seconds() // 60)),
                for_this_counter_only=target is not None,
            )
        )
    return tuple(result)


def waiting_for_counter(
    number: int | str, limit: int = 50, clock: Clock = SYSTEM_CLOCK
) -> tuple[WaitingTicket, ...]:
    """Today's waiting tickets this counter may call, longest (weighted) wait first."""
    counter_id, _ = _counter_id(number)
    settings = load_settings()
    now = clock.now()
    day = db_date(settings.today(now))
    rows = rawsql.fetch_all(_WAITING, (counter_id, day, counter_id, to_micros(now), limit))
    return _tickets(rows, now)


def held_at_counter(number: int | str, clock: Clock = SYSTEM_CLOCK) -> tuple[WaitingTicket, ...]:
    """Tickets this counter parked with "hold", oldest first."""
    counter_id, _ = _counter_id(number)
    return _tickets(rawsql.fetch_all(_HELD, (counter_id,)), clock.now())


def counter_services(number: int | str) -> CounterServices:
    """The counter's name, front-desk flag and the service codes it serves."""
    counter_id, value = _counter_id(number)
    row = rawsql.fetch_one("SELECT name, front_desk FROM counter WHERE id = ?", (counter_id,))
    assert row is not None
    codes = rawsql.fetch_all(
        "SELECT s.code FROM counter_service cs JOIN service s ON s.id = cs.service_id "
        "WHERE cs.counter_id = ? ORDER BY s.code",
        (counter_id,),
    )
    return CounterServices(value, str(row[0]), bool(row[1]), tuple(str(c) for (c,) in codes))


__all__ = [
    "CounterServices",
    "WaitingTicket",
    "counter_services",
    "held_at_counter",
    "waiting_for_counter",
]
