"""People ahead and estimated wait: honest approximations from today's queue.

Estimated wait = people ahead × recent mean service time ÷ counters working on the
service. Recent mean: the last 20 finished tickets of the service in the past week
(called → finished), else the service's configured default. Counters working: those
serving the service that called anyone in the last 30 minutes, else all active ones
serving it — unless the office signs officers in (the staffing guard): then it is the
counters serving the service that are staffed right now. Both figures are cached for
30 s per process: they move slowly, and the kiosk's tap-to-print path must stay fast.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from dataclasses import dataclass
from typing import Protocol

from peewee import fn

from loket.models import rawsql
from loket.models.db import db_date
from loket.models.fields import to_micros
from loket.models.staffing.presence import staffed_counter_ids
from loket.models.tables import Counter, CounterService, Ticket

_CACHE_SECONDS = 30.0
_RECENT = 20
_ACTIVE_WINDOW = dt.timedelta(minutes=30)
_cache: dict[int, tuple[float, float, int]] = {}


class ServiceLike(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def default_service_minutes(self) -> int: ...


@dataclass(frozen=True)
class Estimate:
    ahead: int
    minutes: int


def clear_cache() -> None:
    _cache.clear()


def _service_rate(service: ServiceLike, now: dt.datetime) -> tuple[float, int]:
    """(mean service minutes, counters working) for ``service``."""
    hit = _cache.get(service.id)
    if hit and time.monotonic() - hit[0] < _CACHE_SECONDS:
        return hit[1], hit[2]
    week_ago = to_micros(now - dt.timedelta(days=7))
    durations = [
        (finished - called).total_seconds() / 60
        for called, finished in Ticket.select(Ticket.called_at, Ticket.finished_at)
        .where(
            (Ticket.service == service.id)
            & (Ticket.status == "done")
            & (Ticket.finished_at >= week_ago)
            & Ticket.called_at.is_null(False)
        )
        .order_by(Ticket.finished_at.desc())
        .limit(_RECENT)
        .tuples()
    ]
    mean = sum(durations) / len(durations) if durations else float(service.default_service_minutes)
    serving = (
        CounterService.select(CounterService.counter)
        .join(Counter)
        .where((CounterService.service == service.id) & (Counter.active == True))  # noqa: E712
    )
    recent = to_micros(now - _ACTIVE_WINDOW)
    working = (
        Ticket.select(fn.COUNT(fn.DISTINCT(Ticket.counter)))
        .where((Ticket.counter.in_(serving)) & (Ticket.called_at >= recent))
        .scalar()
    ) or serving.count()
    staffed = staffed_counter_ids(now)
    if staffed is not None:
        working = len({row[0] for row in serving.tuples()} & staffed)
    result = (max(mean, 0.5), max(int(working), 1))
    _cache[service.id] = (time.monotonic(), *result)
    return result


# For the ticket just issued every waiting ticket with a smaller id is ahead of it; the
# (service, day, status, priority, target_counter) index answers this on its own.
# Two plain counts (not one GROUP BY), or SQLite's planner picks another index and reads
# every waiting row from the table.
_AHEAD_OF_NEWEST = (
    "SELECT COUNT(*) FROM ticket WHERE service_id = ? AND day = ? AND status = 'waiting' "
    "AND priority IS {} NULL AND target_counter_id IS NULL AND id < ?"
)
_NORMAL_AHEAD_OF_NEWEST = _AHEAD_OF_NEWEST.format("")
_PRIORITY_AHEAD_OF_NEWEST = _AHEAD_OF_NEWEST.format("NOT")
_AHEAD = (
    "SELECT priority IS NULL, (queue_at < ? OR (queue_at = ? AND id < ?)), COUNT(*) FROM ticket "
    "WHERE service_id = ? AND day = ? AND status = 'waiting' AND target_counter_id IS NULL "
    "GROUP BY 1, 2"
)


def estimate(
    service: ServiceLike,
    queue_at: dt.datetime,
    priority: str | None,
    interleave: int,
    now: dt.datetime,
    ticket_id: int | None,
    day: dt.date,
    newest: bool = False,
) -> Estimate:
    """Estimate for a ticket of ``service`` queued at ``queue_at`` on ``day``.

    ``ticket_id`` breaks ties the way calling does; ``None`` means "a ticket issued now".
    ``newest``: the ticket was just issued, so everyone waiting before it is ahead.
    """
    if newest and ticket_id is not None:
        params = (service.id, db_date(day), ticket_id)
        normal = rawsql.fetch_one(_NORMAL_AHEAD_OF_NEWEST, params)
        prioritised = rawsql.fetch_one(_PRIORITY_AHEAD_OF_NEWEST, params)
        counts = {
            (True, True): normal[0] if normal else 0,
            (False, True): prioritised[0] if prioritised else 0,
        }
    else:
        mark = to_micros(queue_at)
        tie_break = ticket_id if ticket_id is not None else 2**62
        rows = rawsql.fetch_all(_AHEAD, (mark, mark, tie_break, service.id, db_date(day)))
        counts = {(bool(n), bool(e)): c for n, e, c in rows}
    normal_before = counts.get((True, True), 0)
    priority_before = counts.get((False, True), 0)
    if priority is None:
        priority_all = priority_before + counts.get((False, False), 0)
        ahead = normal_before + min(priority_all, math.ceil(normal_before / interleave))
    else:
        normal_all = normal_before + counts.get((True, False), 0)
        # The counter's streak is unknown here: assume a full run of normal calls first.
        ahead = priority_before + min(normal_all, interleave * (priority_before + 1))
    mean, working = _service_rate(service, now)
    return Estimate(ahead=ahead, minutes=round(ahead * mean / working))


def no_estimate() -> Estimate:
    return Estimate(ahead=0, minutes=0)


__all__ = ["Estimate", "clear_cache", "estimate", "no_estimate"]
