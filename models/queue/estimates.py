"""People ahead and estimated wait, from one prediction of the call order.

``call_order.predict_calls`` replays what ``calling.call_next`` will do with today's
waiting tickets at the counters working now: the priority interleave and each
counter's current streak, the counters' service weights, counters serving several
services, tickets transferred to one counter. "Ahead" is the number of tickets called
before this one; the wait is the predicted instant of its call, less now.

Counters working: those staffed right now when the office signs officers in (the
staffing guard; a counter on break is not staffed), else those that called anyone in
the last 30 minutes, else every active one. A service nobody working serves is assumed
to get its active counters back. Service time per service: the mean of its last 20
finished tickets in the past week (called → finished), else its configured default.

Service times are cached for 30 s per process; a forecast is reused while no ticket
event has happened since (the newest ``ticket_event`` id), for up to 30 s and 10 s of
clock time: the kiosk asks on every tap.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from typing import Protocol

from loket.models import rawsql
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import db_date
from loket.models.fields import from_micros, to_micros
from loket.models.queue.call_order import (
    NEW_TICKET_ID,
    Call,
    Desk,
    Waiting,
    at_most_before,
    predict_calls,
)
from loket.models.settings import load_settings
from loket.models.staffing.presence import break_starts, staffed_counter_ids

_CACHE_SECONDS = 30.0
_CLOCK_DRIFT = 10_000_000  # µs of clock time a cached forecast stays valid
_RECENT = 20
_ACTIVE_WINDOW = dt.timedelta(minutes=30)
_MINUTE = 60_000_000
# A counter on break is expected back this long after the break began (at least a few
# minutes from now): long waits span the midday break, and leaving the counter out
# altogether promised the visitors behind it far too long.
_BREAK = 45 * _MINUTE
_BACK_SOON = 5 * _MINUTE
_rates: dict[int, tuple[float, float]] = {}  # service id → (monotonic, mean minutes)


class ServiceLike(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def default_service_minutes(self) -> int: ...


@dataclass(frozen=True)
class Estimate:
    ahead: int
    minutes: int
    # Never below the tickets really called first, whatever the service times turn out
    # to be (``call_order.at_most_before``); equal to ``ahead`` when the order is sure.
    at_most: int | None = None


@dataclass
class _Forecast:
    key: tuple[int, str, int]
    now: int
    made: float
    waiting: list[Waiting]
    desks: list[Desk]
    micros: dict[int, int]
    interleave: int
    order: dict[int, tuple[int, int]]  # ticket id → (position, call instant)
    calls: list[Call]
    ends: int
    new: dict[tuple[int, bool], tuple[int, int]]
    bounds: dict[int | tuple[int, bool], int] = field(default_factory=dict)


_forecast: _Forecast | None = None


def clear_cache() -> None:
    global _forecast
    _rates.clear()
    _forecast = None


_DURATIONS = (
    "SELECT called_at, finished_at FROM ticket WHERE service_id = ? AND status = 'done' "
    "AND finished_at >= ? AND called_at IS NOT NULL ORDER BY finished_at DESC LIMIT ?"
)


def mean_service_minutes(service_id: int, default_minutes: float, now: dt.datetime) -> float:
    """The recent mean service time of a service, in minutes (cached 30 s)."""
    hit = _rates.get(service_id)
    if hit and time.monotonic() - hit[0] < _CACHE_SECONDS:
        return hit[1]
    week_ago = to_micros(now - dt.timedelta(days=7))
    rows = rawsql.fetch_all(_DURATIONS, (service_id, week_ago, _RECENT))
    durations = [(int(done) - int(called)) / _MINUTE for called, done in rows]
    mean = sum(durations) / len(durations) if durations else float(default_minutes)
    mean = max(mean, 0.5)
    _rates[service_id] = (time.monotonic(), mean)
    return mean


_WAITING = (
    "SELECT id, service_id, priority IS NOT NULL, queue_at, target_counter_id FROM ticket "
    "WHERE status = 'waiting' AND day = ?"
)
_COUNTERS = "SELECT id, number, normal_streak FROM counter WHERE active = TRUE"
_LINKS = "SELECT counter_id, service_id, weight FROM counter_service"
_SERVICES = "SELECT id, default_service_minutes FROM service"
_BUSY = (
    "SELECT counter_id, service_id, called_at FROM ticket "
    "WHERE status IN ('called', 'serving') AND counter_id IS NOT NULL AND day = ?"
)
_RECENT_CALLERS = (
    "SELECT DISTINCT counter_id FROM ticket WHERE day = ? AND called_at >= ? "
    "AND counter_id IS NOT NULL"
)
_LAST_EVENT = "SELECT MAX(id) FROM ticket_event"


def _working(
    counters: list[tuple[int, int, int]],
    links: dict[int, dict[int, int]],
    waiting: list[Waiting],
    now: dt.datetime,
    day: str,
    away: frozenset[int] = frozenset(),
) -> list[tuple[int, int, int]]:
    staffed = staffed_counter_ids(now)
    if staffed is None:
        recent = to_micros(now - _ACTIVE_WINDOW)
        staffed = frozenset(r[0] for r in rawsql.fetch_all(_RECENT_CALLERS, (day, recent)))
        if not any(c[0] in staffed for c in counters):
            staffed = frozenset(c[0] for c in counters)
    working = {c[0] for c in counters if c[0] in staffed}
    # Counters on break (``away``) come back on their own: they are nobody's orphans.
    served = {s for cid in working | away for s in links.get(cid, {})}
    orphans = {t.service for t in waiting if t.target is None and t.service not in served}
    orphans_at = {t.target for t in waiting if t.target is not None} - working - away
    for cid, _, _ in counters:
        if cid in away:
            continue
        if cid in orphans_at or orphans & links.get(cid, {}).keys():
            working.add(cid)
    return [c for c in counters if c[0] in working]


def _build(now: dt.datetime, day: dt.date, interleave: int, key: tuple[int, str, int]) -> _Forecast:
    day_value = db_date(day)
    stamp = to_micros(now)
    waiting = [
        Waiting(int(i), int(s), bool(p), int(q), int(t) if t is not None else None)
        for i, s, p, q, t in rawsql.fetch_all(_WAITING, (day_value,))
    ]
    micros = {
        int(sid): round(mean_service_minutes(int(sid), minutes, now) * _MINUTE)
        for sid, minutes in rawsql.fetch_all(_SERVICES)
    }
    links: dict[int, dict[int, int]] = {}
    for cid, sid, weight in rawsql.fetch_all(_LINKS):
        links.setdefault(int(cid), {})[int(sid)] = int(weight)
    counters = [(int(i), int(n), int(s)) for i, n, s in rawsql.fetch_all(_COUNTERS)]
    busy: dict[int, int] = {}
    for cid, sid, called in rawsql.fetch_all(_BUSY, (day_value,)):
        length = micros.get(int(sid), 5 * _MINUTE)
        # A visitor past the usual time still needs a while: a quarter of it, say.
        busy[int(cid)] = max(int(called) + length, stamp + length // 4)
    away = break_starts(now)
    desks = [
        Desk(cid, number, streak, busy.get(cid, stamp), links.get(cid, {}))
        for cid, number, streak in _working(
            counters, links, waiting, now, day_value, frozenset(away)
        )
    ]
    working = {desk.id for desk in desks}
    for cid, number, streak in counters:
        if cid in away and cid not in working:
            back = max(away[cid] + _BREAK, stamp + _BACK_SOON)
            desks.append(Desk(cid, number, streak, back, links.get(cid, {})))
    calls = predict_calls(waiting, desks, micros, interleave)
    order = {call.ticket: (i, call.at) for i, call in enumerate(calls)}
    service_of = {t.id: t.service for t in waiting}
    ends = calls[-1].at + micros[service_of[calls[-1].ticket]] if calls else stamp
    return _Forecast(
        key,
        stamp,
        time.monotonic(),
        waiting,
        desks,
        micros,
        interleave,
        order,
        calls,
        ends,
        {},
    )


def _current(now: dt.datetime, day: dt.date, interleave: int) -> _Forecast:
    global _forecast
    row = rawsql.fetch_one(_LAST_EVENT)
    key = (int(row[0]) if row and row[0] is not None else 0, day.isoformat(), interleave)
    stamp = to_micros(now)
    hit = _forecast
    if (
        hit is not None
        and hit.key == key
        and abs(stamp - hit.now) <= _CLOCK_DRIFT
        and time.monotonic() - hit.made < _CACHE_SECONDS
    ):
        return hit
    _forecast = _build(now, day, interleave, key)
    return _forecast


def _result(position: int, at: int, now: int, bound: int | None = None) -> Estimate:
    return Estimate(
        ahead=position,
        minutes=max(0, round((at - now) / _MINUTE)),
        at_most=None if bound is None else max(bound, position),
    )


def _bound(forecast: _Forecast, ticket: Waiting, key: int | tuple[int, bool]) -> int:
    if key not in forecast.bounds:
        forecast.bounds[key] = at_most_before(
            forecast.waiting, forecast.desks, ticket, forecast.now
        )
    return forecast.bounds[key]


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
    """People ahead and minutes to wait for a ticket of ``service`` on ``day``.

    ``ticket_id``: a waiting ticket's own prediction; ``None`` means "a ticket of this
    class issued now" (the kiosk tile and the board). ``newest`` is kept for callers:
    the prediction finds a just-issued ticket like any other.
    """
    forecast = _current(now, day, interleave)
    stamp = to_micros(now)
    if ticket_id is not None and ticket_id in forecast.order:
        mine = next(w for w in forecast.waiting if w.id == ticket_id)
        return _result(*forecast.order[ticket_id], stamp, _bound(forecast, mine, ticket_id))
    if ticket_id is None:
        wanted = (service.id, priority is not None)
        extra = Waiting(NEW_TICKET_ID, service.id, priority is not None, to_micros(queue_at))
        if wanted not in forecast.new:
            micros = dict(forecast.micros)
            micros.setdefault(service.id, round(service.default_service_minutes * _MINUTE))
            calls = predict_calls(
                [*forecast.waiting, extra],
                forecast.desks,
                micros,
                forecast.interleave,
                stop_after=NEW_TICKET_ID,
            )
            if calls and calls[-1].ticket == NEW_TICKET_ID:
                forecast.new[wanted] = (len(calls) - 1, calls[-1].at)
            else:
                forecast.new[wanted] = _unplaced(forecast, service, to_micros(queue_at), None)
        return _result(*forecast.new[wanted], stamp, _bound(forecast, extra, wanted))
    placed = _unplaced(forecast, service, to_micros(queue_at), ticket_id)
    mine = next((w for w in forecast.waiting if w.id == ticket_id), None)
    return _result(*placed, stamp, None if mine is None else _bound(forecast, mine, ticket_id))


def _unplaced(
    forecast: _Forecast, service: ServiceLike, queue_at: int, ticket_id: int | None
) -> tuple[int, int]:
    """A ticket no counter can call now (none set up, or none working for its service): after
    every predicted call and everyone of its service who came earlier and cannot be called
    either — never "nobody ahead" while people wait."""
    mine = (queue_at, NEW_TICKET_ID if ticket_id is None else ticket_id)
    ahead = sum(
        1
        for w in forecast.waiting
        if w.service == service.id and w.id not in forecast.order and (w.queue_at, w.id) < mine
    )
    each = forecast.micros.get(service.id, round(service.default_service_minutes * _MINUTE))
    return len(forecast.calls) + ahead, forecast.ends + ahead * each


@dataclass(frozen=True)
class PredictedCall:
    ticket_id: int
    counter: int  # counter number
    at: dt.datetime


def predicted_calls(clock: Clock = SYSTEM_CLOCK) -> tuple[PredictedCall, ...]:
    """Today's waiting tickets in the order the working counters will call them."""
    settings = load_settings()
    now = clock.now()
    forecast = _current(now, settings.today(now), settings.interleave_normal)
    numbers = {desk.id: desk.number for desk in forecast.desks}
    return tuple(
        PredictedCall(call.ticket, numbers[call.counter], from_micros(call.at))
        for call in forecast.calls
    )


def no_estimate() -> Estimate:
    return Estimate(ahead=0, minutes=0)


__all__ = [
    "Estimate",
    "PredictedCall",
    "clear_cache",
    "estimate",
    "mean_service_minutes",
    "no_estimate",
    "predicted_calls",
]
