"""What a counter does with tickets: call next, recall, start, finish, no-show,
transfer, hold and resume. Each is one transaction and one event row."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import database, is_sqlite, write_transaction
from loket.models.errors import IllegalTransition, InvalidInput, NotFound, ServiceClosed
from loket.models.fields import to_micros
from loket.models.services.catalog import find_counter, find_service
from loket.models.services.office import load_settings
from loket.models.services.ticket_info import TicketInfo
from loket.models.services.tickets import describe_ticket, find_ticket
from loket.models.tables import Counter, CounterService, Staff, Ticket, TicketEvent

ACTIVE = ("called", "serving")


def _lock_counter(number: int | str) -> Counter:
    counter = find_counter(number)
    if not is_sqlite():
        # Serialises the operations of one counter; other counters proceed in parallel.
        database.obj.execute_sql("SELECT id FROM counter WHERE id = %s FOR UPDATE", (counter.id,))
        counter = Counter.get_by_id(counter.id)
    if not counter.active:
        raise IllegalTransition(
            f"Loket {counter.number} tidak aktif", f"Counter {counter.number} is disabled"
        )
    return counter


def _current(counter: Counter) -> Ticket | None:
    return (
        Ticket.select()
        .where((Ticket.counter == counter) & Ticket.status.in_(ACTIVE))
        .order_by(Ticket.called_at.desc())
        .first()
    )


def _require_current(
    counter: Counter, allowed: tuple[str, ...], action_id: str, action_en: str
) -> Ticket:
    ticket = _current(counter)
    if ticket is None:
        raise IllegalTransition(
            f"Loket {counter.number} tidak sedang melayani siapa pun — tidak ada yang bisa {action_id}",
            f"Counter {counter.number} has no current ticket to {action_en}",
        )
    if ticket.status not in allowed:
        raise IllegalTransition(
            f"{ticket.label} berstatus {ticket.status}, tidak bisa {action_id}",
            f"{ticket.label} is {ticket.status}; cannot {action_en}",
        )
    return ticket


def _event(
    ticket: Ticket,
    kind: str,
    now: dt.datetime,
    counter: Counter | None,
    officer: Staff | None,
    **detail: Any,
) -> None:
    TicketEvent.insert(
        ticket=ticket.id,
        kind=kind,
        at=now,
        counter=counter.id if counter else None,
        officer=officer.id if officer else None,
        detail=json.dumps(detail, ensure_ascii=False) if detail else "",
    ).execute()


def _officer(username: str | None) -> Staff | None:
    if not username:
        return None
    officer = Staff.get_or_none(Staff.username == username.strip().lower())
    if officer is None:
        raise NotFound(f"Petugas '{username}' tidak ada", f"No staff member '{username}'")
    return officer


def _next_candidate(
    counter: Counter, prefer_priority: bool, day: dt.date, now: dt.datetime
) -> int | None:
    """The id of the ticket this counter should call, locked for this transaction.

    Order: the preferred class first (interleave), then weighted waiting time, i.e.
    weight × time waited, longest first. With equal weights that is strict FIFO by
    arrival; a higher weight lets a service's visitors age faster, so nobody starves.
    """
    db = database.obj
    p = db.param
    normal_first = 0 if prefer_priority else 1
    sql = (
        "SELECT t.id FROM ticket t "
        "LEFT JOIN counter_service cs ON cs.service_id = t.service_id AND cs.counter_id = {p} "
        "WHERE t.status = 'waiting' AND t.day = {p} "
        "AND (t.target_counter_id = {p} OR (t.target_counter_id IS NULL AND cs.id IS NOT NULL)) "
        "ORDER BY CASE WHEN (t.priority IS NULL) = {bool} THEN 0 ELSE 1 END, "
        "COALESCE(cs.weight, 1) * (t.queue_at - {p}), t.id LIMIT 1"
    ).format(p=p, bool="TRUE" if normal_first else "FALSE")
    if not is_sqlite(db):
        sql += " FOR UPDATE OF t SKIP LOCKED"
    row = db.execute_sql(sql, (counter.id, day, counter.id, to_micros(now))).fetchone()
    return int(row[0]) if row else None


def _result(ticket: Ticket, clock: Clock) -> TicketInfo:
    return describe_ticket(Ticket.get_by_id(ticket.id), clock)


def call_next(
    counter_number: int | str, officer: str | None = None, clock: Clock = SYSTEM_CLOCK
) -> TicketInfo | None:
    """Call the next visitor to this counter; ``None`` when nobody waits for it."""
    settings = load_settings()
    now = clock.now()
    day = settings.today(now)
    staff = _officer(officer)
    with write_transaction():
        counter = _lock_counter(counter_number)
        busy = _current(counter)
        if busy is not None:
            raise IllegalTransition(
                f"Loket {counter.number} masih melayani {busy.label}: selesaikan, tandai tidak hadir, "
                "tahan atau alihkan dulu",
                f"Counter {counter.number} is still serving {busy.label}: finish, no-show, hold or "
                "transfer it first",
            )
        if not CounterService.select().where(CounterService.counter == counter).exists():
            raise IllegalTransition(
                f"Loket {counter.number} belum melayani layanan apa pun",
                f"Counter {counter.number} serves no service yet",
            )
        prefer_priority = counter.normal_streak >= settings.interleave_normal
        ticket_id = _next_candidate(counter, prefer_priority, day, now)
        if ticket_id is None:
            return None
        ticket = Ticket.get_by_id(ticket_id)
        Ticket.update(
            status="called",
            called_at=now,
            counter=counter.id,
            officer=staff.id if staff else None,
            target_counter=None,
        ).where(Ticket.id == ticket_id).execute()
        streak = 0 if ticket.priority else counter.normal_streak + 1
        Counter.update(normal_streak=streak).where(Counter.id == counter.id).execute()
        _event(ticket, "called", now, counter, staff)
        publish("tickets")
    return _result(ticket, clock)


def recall(counter_number: int | str, clock: Clock = SYSTEM_CLOCK) -> TicketInfo:
    now = clock.now()
    with write_transaction():
        counter = _lock_counter(counter_number)
        ticket = _require_current(counter, ("called",), "dipanggil ulang", "recall")
        Ticket.update(recall_count=Ticket.recall_count + 1).where(Ticket.id == ticket.id).execute()
        _event(ticket, "recalled", now, counter, None)
        publish("tickets")
    return _result(ticket, clock)


def start(counter_number: int | str, clock: Clock = SYSTEM_CLOCK) -> TicketInfo:
    now = clock.now()
    with write_transaction():
        counter = _lock_counter(counter_number)
        ticket = _require_current(counter, ("called",), "dimulai", "start")
        Ticket.update(status="serving", started_at=now).where(Ticket.id == ticket.id).execute()
        _event(ticket, "started", now, counter, None)
        publish("tickets")
    return _result(ticket, clock)


def finish(counter_number: int | str, clock: Clock = SYSTEM_CLOCK) -> TicketInfo:
    now = clock.now()
    with write_transaction():
        counter = _lock_counter(counter_number)
        ticket = _require_current(counter, ACTIVE, "diselesaikan", "finish")
        Ticket.update(status="done", finished_at=now).where(Ticket.id == ticket.id).execute()
        _event(ticket, "finished", now, counter, None)
        publish("tickets")
    return _result(ticket, clock)


def no_show(
    counter_number: int | str, requeue: bool = False, clock: Clock = SYSTEM_CLOCK
) -> TicketInfo:
    """The visitor did not come; with ``requeue`` they go back to the end of the queue."""
    now = clock.now()
    with write_transaction():
        counter = _lock_counter(counter_number)
        ticket = _require_current(counter, ("called",), "ditandai tidak hadir", "mark as no-show")
        if requeue:
            Ticket.update(
                status="waiting",
                queue_at=now,
                counter=None,
                officer=None,
                called_at=None,
            ).where(Ticket.id == ticket.id).execute()
        else:
            Ticket.update(status="no_show", finished_at=now).where(Ticket.id == ticket.id).execute()
        _event(ticket, "no_show", now, counter, None, requeued=requeue)
        publish("tickets")
    return _result(ticket, clock)


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
    now = clock.now()
    with write_transaction():
        counter = _lock_counter(counter_number)
        ticket = _require_current(counter, ACTIVE, "dialihkan", "transfer")
        changes: dict[str, Any] = {
            "status": "waiting",
            "counter": None,
            "officer": None,
            "called_at": None,
            "started_at": None,
            "transfer_count": ticket.transfer_count + 1,
            "transferred_from_counter": counter.id,
            "transferred_from_service": ticket.service_id,
        }
        if to_service is not None:
            service = find_service(to_service)
            if not service.active:
                raise ServiceClosed(
                    f"Layanan {service.name_id} sedang ditutup",
                    f"Service {service.name_en} is closed",
                )
            changes["service"] = service.id
            changes["target_counter"] = None
            detail: dict[str, Any] = {"to_service": service.code}
        else:
            target = find_counter(to_counter)
            if target.id == counter.id:
                raise InvalidInput(
                    "Loket tujuan sama dengan loket ini", "The target counter is this counter"
                )
            if not target.active:
                raise IllegalTransition(
                    f"Loket {target.number} tidak aktif", f"Counter {target.number} is disabled"
                )
            changes["target_counter"] = target.id
            detail = {"to_counter": target.number}
        Ticket.update(**changes).where(Ticket.id == ticket.id).execute()
        _event(ticket, "transferred", now, counter, None, **detail)
        publish("tickets")
    return _result(ticket, clock)


def hold(counter_number: int | str, clock: Clock = SYSTEM_CLOCK) -> TicketInfo:
    """Park the current visitor (e.g. fetching a photocopy) so the counter can call the next."""
    now = clock.now()
    with write_transaction():
        counter = _lock_counter(counter_number)
        ticket = _require_current(counter, ACTIVE, "ditahan", "hold")
        Ticket.update(status="held").where(Ticket.id == ticket.id).execute()
        _event(ticket, "held", now, counter, None)
        publish("tickets")
    return _result(ticket, clock)


def resume(
    counter_number: int | str, number: str | None = None, clock: Clock = SYSTEM_CLOCK
) -> TicketInfo:
    """Bring back a ticket this counter parked (the latest one unless ``number`` is given)."""
    now = clock.now()
    with write_transaction():
        counter = _lock_counter(counter_number)
        busy = _current(counter)
        if busy is not None:
            raise IllegalTransition(
                f"Loket {counter.number} masih melayani {busy.label}",
                f"Counter {counter.number} is still serving {busy.label}",
            )
        if number:
            ticket = find_ticket(number, clock)
            if ticket.status != "held" or ticket.counter_id != counter.id:
                raise IllegalTransition(
                    f"{ticket.label} tidak sedang ditahan di loket {counter.number}",
                    f"{ticket.label} is not on hold at counter {counter.number}",
                )
        else:
            ticket = (
                Ticket.select()
                .where((Ticket.counter == counter) & (Ticket.status == "held"))
                .order_by(Ticket.id.desc())
                .first()
            )
            if ticket is None:
                raise IllegalTransition(
                    f"Tidak ada antrian yang ditahan di loket {counter.number}",
                    f"No ticket is on hold at counter {counter.number}",
                )
        status = "serving" if ticket.started_at else "called"
        Ticket.update(status=status, called_at=now).where(Ticket.id == ticket.id).execute()
        _event(ticket, "resumed", now, counter, None)
        publish("tickets")
    return _result(ticket, clock)


def current_ticket(counter_number: int | str, clock: Clock = SYSTEM_CLOCK) -> TicketInfo | None:
    ticket = _current(find_counter(counter_number))
    return describe_ticket(ticket, clock) if ticket else None
