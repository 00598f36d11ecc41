"""What a counter does with tickets: call next, recall, start, finish, no-show,
transfer, hold and resume. Each is one transaction and one event row.

The statements are hand-written SQL (see ``loket.models.rawsql``): an officer
presses "call next" hundreds of times a day and the board should flash at once.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from loket.models import rawsql, reconnect
from loket.models import validation as check
from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import db_date, is_sqlite, write_transaction
from loket.models.errors import IllegalTransition, InvalidInput, NotFound, ServiceClosed
from loket.models.fields import to_micros
from loket.models.notify.outbox import queue_near_tickets
from loket.models.queue.ticket_info import TicketInfo
from loket.models.queue.tickets import describe_ticket, find_ticket_id, load_service
from loket.models.settings import load_settings

T = TypeVar("T")


@dataclass(frozen=True)
class _Counter:
    id: int
    number: int
    streak: int


@dataclass(frozen=True)
class _Current:
    id: int
    label: str
    status: str
    started: bool


_SELECT_COUNTER = "SELECT id, number, active, normal_streak FROM counter WHERE number = ?"
_CURRENT = (
    "SELECT id, label, status, started_at FROM ticket "
    "WHERE counter_id = ? AND status IN ('called', 'serving') ORDER BY called_at DESC LIMIT 1"
)
_NEXT = (
    # The preferred class first (interleave), then weighted waiting time: weight × time
    # waited, longest first. With equal weights that is strict FIFO by arrival; a higher
    # weight lets a service's visitors age faster, and nobody starves.
    "SELECT t.id, t.priority FROM ticket t "
    "LEFT JOIN counter_service cs ON cs.service_id = t.service_id AND cs.counter_id = ? "
    "WHERE t.status = 'waiting' AND t.day = ? "
    "AND (t.target_counter_id = ? OR (t.target_counter_id IS NULL AND cs.id IS NOT NULL)) "
    "ORDER BY CASE WHEN (t.priority IS NULL) = {normal_first} THEN 0 ELSE 1 END, "
    "COALESCE(cs.weight, 1) * (t.queue_at - ?), t.id LIMIT 1"
)
_EVENT = (
    "INSERT INTO ticket_event (ticket_id, kind, at, counter_id, officer_id, detail) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


def _lock_counter(number: int | str) -> _Counter:
    value = check.positive_int(number, "Nomor loket", "Counter number", 1, 999)
    sql = _SELECT_COUNTER if is_sqlite() else _SELECT_COUNTER + " FOR UPDATE"
    # FOR UPDATE serialises one counter's actions; other counters go on in parallel.
    row = rawsql.fetch_one(sql, (value,))
    if row is None:
        raise NotFound(f"Loket {value} tidak ada", f"No counter {value}")
    counter_id, counter_number, active, streak = row
    if not active:
        raise IllegalTransition(f"Loket {value} tidak aktif", f"Counter {value} is disabled")
    return _Counter(counter_id, counter_number, streak)


def _current(counter: _Counter) -> _Current | None:
    row = rawsql.fetch_one(_CURRENT, (counter.id,))
    if row is None:
        return None
    return _Current(row[0], row[1], row[2], row[3] is not None)


def _require_current(
    counter: _Counter, allowed: tuple[str, ...], action_id: str, action_en: str
) -> _Current:
    ticket = _current(counter)
    if ticket is None:
        raise IllegalTransition(
            f"Loket {counter.number} tidak sedang melayani siapa pun — tidak ada yang bisa "
            f"{action_id}",
            f"Counter {counter.number} has no current ticket to {action_en}",
        )
    if ticket.status not in allowed:
        raise IllegalTransition(
            f"{ticket.label} berstatus {ticket.status}, tidak bisa {action_id}",
            f"{ticket.label} is {ticket.status}; cannot {action_en}",
        )
    return ticket


def _event(
    ticket_id: int,
    kind: str,
    stamp: int,
    counter: _Counter | None,
    officer_id: int | None = None,
    **detail: Any,
) -> None:
    text = json.dumps(detail, ensure_ascii=False) if detail else ""
    rawsql.execute(
        _EVENT, (ticket_id, kind, stamp, counter.id if counter else None, officer_id, text)
    )


def _update(ticket_id: int, **changes: Any) -> None:
    columns = ", ".join(f"{name} = ?" for name in changes)
    rawsql.execute(f"UPDATE ticket SET {columns} WHERE id = ?", (*changes.values(), ticket_id))


def _officer_id(username: str | None) -> int | None:
    if not username:
        return None
    row = rawsql.fetch_one("SELECT id FROM staff WHERE username = ?", (username.strip().lower(),))
    if row is None:
        raise NotFound(f"Petugas '{username}' tidak ada", f"No staff member '{username}'")
    return int(row[0])


def _refuse_if_busy(counter: _Counter) -> None:
    busy = _current(counter)
    if busy is not None:
        raise IllegalTransition(
            f"Loket {counter.number} masih melayani {busy.label}: selesaikan, tandai tidak "
            "hadir, tahan atau alihkan dulu",
            f"Counter {counter.number} is still serving {busy.label}: finish, no-show, hold "
            "or transfer it first",
        )


_DONE = (
    "SELECT e.ticket_id FROM ticket_event e JOIN counter c ON c.id = e.counter_id "
    "WHERE c.number = ? AND e.kind = ? AND e.at = ? ORDER BY e.id DESC LIMIT 1"
)


def _once(
    kind: str,
    counter_number: int | str,
    stamp: int,
    clock: Clock,
    act: Callable[[], T],
) -> T:
    """Run one counter action (its own transaction); after a dropped connection run it
    once more, unless its event row — this counter, this kind, this very instant, the
    action's idempotency key — shows that the first attempt committed after all."""

    def already() -> T | None:
        number = check.positive_int(counter_number, "Nomor loket", "Counter number", 1, 999)
        row = rawsql.fetch_one(_DONE, (number, kind, stamp))
        return cast(T, describe_ticket(int(row[0]), clock)) if row else None

    return reconnect.retry_once(act, already)


def call_next(
    counter_number: int | str, officer: str | None = None, clock: Clock = SYSTEM_CLOCK
) -> TicketInfo | None:
    """Call the next visitor to this counter; ``None`` when nobody waits for it."""
    settings = load_settings()
    now = clock.now()
    stamp = to_micros(now)
    officer_id = _officer_id(officer)

    def act() -> TicketInfo | None:
        with write_transaction():
            counter = _lock_counter(counter_number)
            _refuse_if_busy(counter)
            if (
                rawsql.fetch_one(
                    "SELECT 1 FROM counter_service WHERE counter_id = ?", (counter.id,)
                )
                is None
            ):
                raise IllegalTransition(
                    f"Loket {counter.number} belum melayani layanan apa pun",
                    f"Counter {counter.number} serves no service yet",
                )
            prefer_priority = counter.streak >= settings.interleave_normal
            sql = _NEXT.format(normal_first="FALSE" if prefer_priority else "TRUE")
            if not is_sqlite():
                sql += " FOR UPDATE OF t SKIP LOCKED"
            day = db_date(settings.today(now))
            row = rawsql.fetch_one(sql, (counter.id, day, counter.id, stamp))
            if row is None:
                return None
            ticket_id, priority = int(row[0]), row[1]
            _update(
                ticket_id,
                status="called",
                called_at=stamp,
                counter_id=counter.id,
                officer_id=officer_id,
                target_counter_id=None,
            )
            streak = 0 if priority else counter.streak + 1
            rawsql.execute(
                "UPDATE counter SET normal_streak = ? WHERE id = ?", (streak, counter.id)
            )
            _event(ticket_id, "called", stamp, counter, officer_id)
            queue_near_tickets(ticket_id, settings, clock)  # nothing unless switched on
            publish("tickets")
        return describe_ticket(ticket_id, clock)

    return _once("called", counter_number, stamp, clock, act)


def recall(counter_number: int | str, clock: Clock = SYSTEM_CLOCK) -> TicketInfo:
    stamp = to_micros(clock.now())

    def act() -> TicketInfo:
        with write_transaction():
            counter = _lock_counter(counter_number)
            ticket = _require_current(counter, ("called",), "dipanggil ulang", "recall")
            rawsql.execute(
                "UPDATE ticket SET recall_count = recall_count + 1 WHERE id = ?", (ticket.id,)
            )
            _event(ticket.id, "recalled", stamp, counter)
            publish("tickets")
        return describe_ticket(ticket.id, clock)

    return _once("recalled", counter_number, stamp, clock, act)


def start(counter_number: int | str, clock: Clock = SYSTEM_CLOCK) -> TicketInfo:
    stamp = to_micros(clock.now())

    def act() -> TicketInfo:
        with write_transaction():
            counter = _lock_counter(counter_number)
            ticket = _require_current(counter, ("called",), "dimulai", "start")
            _update(ticket.id, status="serving", started_at=stamp)
            _event(ticket.id, "started", stamp, counter)
            publish("tickets")
        return describe_ticket(ticket.id, clock)

    return _once("started", counter_number, stamp, clock, act)


def finish(counter_number: int | str, clock: Clock = SYSTEM_CLOCK) -> TicketInfo:
    stamp = to_micros(clock.now())

    def act() -> TicketInfo:
        with write_transaction():
            counter = _lock_counter(counter_number)
            ticket = _require_current(counter, ("called", "serving"), "diselesaikan", "finish")
            _update(ticket.id, status="done", finished_at=stamp)
            _event(ticket.id, "finished", stamp, counter)
            publish("tickets")
        return describe_ticket(ticket.id, clock)

    return _once("finished", counter_number, stamp, clock, act)


def no_show(
    counter_number: int | str, requeue: bool = False, clock: Clock = SYSTEM_CLOCK
) -> TicketInfo:
    """The visitor did not come; with ``requeue`` they go back to the end of the queue."""
    stamp = to_micros(clock.now())

    def act() -> TicketInfo:
        with write_transaction():
            counter = _lock_counter(counter_number)
            ticket = _require_current(
                counter, ("called",), "ditandai tidak hadir", "mark as no-show"
            )
            if requeue:
                _update(
                    ticket.id,
                    status="waiting",
                    queue_at=stamp,
                    counter_id=None,
                    officer_id=None,
                    called_at=None,
                )
            else:
                _update(ticket.id, status="no_show", finished_at=stamp)
            _event(ticket.id, "no_show", stamp, counter, requeued=requeue)
            publish("tickets")
        return describe_ticket(ticket.id, clock)

    return _once("no_show", counter_number, stamp, clock, act)


def transfer(
    counter_number: int | str,
    to_service: str | None = None,
    to_counter: int | str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> TicketInfo:
    """Send the current visitor to another service or counter, keeping their arrival time."""
    if (to_service is None) == (to_counter is None):
        raise InvalidInput(
            "Pilih salah satu: layanan tujuan atau loket tujuan",
            "Give exactly one of: a target service or a target counter",
        )
    stamp = to_micros(clock.now())

    def act() -> TicketInfo:
        with write_transaction():
            counter = _lock_counter(counter_number)
            ticket = _require_current(counter, ("called", "serving"), "dialihkan", "transfer")
            row = rawsql.fetch_one("SELECT service_id FROM ticket WHERE id = ?", (ticket.id,))
            assert row is not None
            changes: dict[str, Any] = {
                "status": "waiting",
                "counter_id": None,
                "officer_id": None,
                "called_at": None,
                "started_at": None,
                "transferred_from_counter_id": counter.id,
                "transferred_from_service_id": row[0],
            }
            if to_service is not None:
                service = load_service(to_service)
                if not service.active:
                    raise ServiceClosed(
                        f"Layanan {service.name_id} sedang ditutup",
                        f"Service {service.name_en} is closed",
                    )
                changes.update(service_id=service.id, target_counter_id=None)
                detail: dict[str, Any] = {"to_service": service.code}
            else:
                target = _target_counter(counter, to_counter)
                changes["target_counter_id"] = target.id
                detail = {"to_counter": target.number}
            _update(ticket.id, **changes)
            rawsql.execute(
                "UPDATE ticket SET transfer_count = transfer_count + 1 WHERE id = ?", (ticket.id,)
            )
            _event(ticket.id, "transferred", stamp, counter, **detail)
            publish("tickets")
        return describe_ticket(ticket.id, clock)

    return _once("transferred", counter_number, stamp, clock, act)


def _target_counter(counter: _Counter, to_counter: int | str | None) -> _Counter:
    value = check.positive_int(str(to_counter), "Loket tujuan", "Target counter", 1, 999)
    row = rawsql.fetch_one(_SELECT_COUNTER, (value,))
    if row is None:
        raise NotFound(f"Loket {value} tidak ada", f"No counter {value}")
    if row[0] == counter.id:
        raise InvalidInput(
            "Loket tujuan sama dengan loket ini", "The target counter is this counter"
        )
    if not row[2]:
        raise IllegalTransition(f"Loket {value} tidak aktif", f"Counter {value} is disabled")
    return _Counter(row[0], row[1], row[3])


def hold(counter_number: int | str, clock: Clock = SYSTEM_CLOCK) -> TicketInfo:
    """Park the current visitor (e.g. fetching a photocopy) so the counter can call the next."""
    stamp = to_micros(clock.now())

    def act() -> TicketInfo:
        with write_transaction():
            counter = _lock_counter(counter_number)
            ticket = _require_current(counter, ("called", "serving"), "ditahan", "hold")
            _update(ticket.id, status="held")
            _event(ticket.id, "held", stamp, counter)
            publish("tickets")
        return describe_ticket(ticket.id, clock)

    return _once("held", counter_number, stamp, clock, act)


def resume(
    counter_number: int | str, number: str | None = None, clock: Clock = SYSTEM_CLOCK
) -> TicketInfo:
    """Bring back a ticket this counter parked (the latest one unless ``number`` is given)."""
    stamp = to_micros(clock.now())

    def act() -> TicketInfo:
        with write_transaction():
            counter = _lock_counter(counter_number)
            _refuse_if_busy(counter)
            if number:
                ticket_id = find_ticket_id(number, clock)
                row = rawsql.fetch_one(
                    "SELECT id, label, started_at FROM ticket "
                    "WHERE id = ? AND status = 'held' AND counter_id = ?",
                    (ticket_id, counter.id),
                )
                if row is None:
                    raise IllegalTransition(
                        f"{check.text(number, 'Nomor', 'Number', 12)} tidak sedang ditahan di loket "
                        f"{counter.number}",
                        f"{number} is not on hold at counter {counter.number}",
                    )
            else:
                row = rawsql.fetch_one(
                    "SELECT id, label, started_at FROM ticket WHERE counter_id = ? AND status = 'held' "
                    "ORDER BY id DESC LIMIT 1",
                    (counter.id,),
                )
                if row is None:
                    raise IllegalTransition(
                        f"Tidak ada antrian yang ditahan di loket {counter.number}",
                        f"No ticket is on hold at counter {counter.number}",
                    )
            ticket_id = int(row[0])
            _update(
                ticket_id, status="serving" if row[2] is not None else "called", called_at=stamp
            )
            _event(ticket_id, "resumed", stamp, counter)
            publish("tickets")
        return describe_ticket(ticket_id, clock)

    return _once("resumed", counter_number, stamp, clock, act)


def current_ticket(counter_number: int | str, clock: Clock = SYSTEM_CLOCK) -> TicketInfo | None:
    value = check.positive_int(counter_number, "Nomor loket", "Counter number", 1, 999)
    row = rawsql.fetch_one(_SELECT_COUNTER, (value,))
    if row is None:
        raise NotFound(f"Loket {value} tidak ada", f"No counter {value}")
    ticket = _current(_Counter(row[0], row[1], row[3]))
    return describe_ticket(ticket.id, clock) if ticket else None


__all__ = [
    "call_next",
    "current_ticket",
    "finish",
    "hold",
    "no_show",
    "recall",
    "resume",
    "start",
    "transfer",
]
