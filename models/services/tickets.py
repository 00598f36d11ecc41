"""Issuing queue tickets: numbers that never repeat or skip, quotas, hours, priority."""

from __future__ import annotations

import datetime as dt
import json

from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import write_transaction
from loket.models.errors import InvalidInput, NotFound, QuotaReached, ServiceClosed
from loket.models.services import validation as check
from loket.models.services.catalog import find_service
from loket.models.services.estimates import Estimate, estimate, no_estimate
from loket.models.services.office import OfficeSettings, load_settings
from loket.models.services.ticket_info import PRIORITY_CATEGORIES, TicketInfo
from loket.models.tables import Counter, Service, Ticket, TicketEvent, TicketSequence

_DAY_NAMES_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def priority_category(raw: str | None) -> str | None:
    if raw is None or not raw.strip():
        return None
    value = raw.strip().lower()
    if value not in PRIORITY_CATEGORIES:
        raise InvalidInput(
            f"Kategori prioritas tidak dikenal: '{raw}' (pilihan: {', '.join(PRIORITY_CATEGORIES)})",
            f"Unknown priority category: '{raw}' (choices: {', '.join(PRIORITY_CATEGORIES)})",
        )
    return value


def check_open(service: Service, settings: OfficeSettings, now: dt.datetime) -> None:
    """Refuse with the reason when ``service`` does not take tickets at ``now``."""
    name = f"{service.name_id} ({service.code})"
    if not service.active:
        raise ServiceClosed(
            f"Layanan {name} sedang ditutup",
            f"Service {service.name_en} ({service.code}) is closed",
        )
    local = settings.local(now)
    minute = local.hour * 60 + local.minute
    hours = check.format_hours(service.open_minute, service.close_minute)
    if str(local.isoweekday()) not in service.open_days:
        raise ServiceClosed(
            f"Layanan {name} tidak buka hari {_DAY_NAMES_ID[local.weekday()]}",
            f"Service {service.name_en} ({service.code}) is not open on {local:%A}s",
        )
    if not service.open_minute <= minute < service.close_minute:
        raise ServiceClosed(
            f"Layanan {name} buka pukul {hours}", f"Service {service.name_en} opens {hours}"
        )


def _next_number(service: Service, day: dt.date) -> int:
    # One statement takes the row lock, bumps the number and returns it; the lock is
    # held to commit, and a rollback hands the number back.
    query = (
        TicketSequence.insert(service=service, day=day, last_number=1)
        .on_conflict(
            conflict_target=[TicketSequence.service, TicketSequence.day],
            update={TicketSequence.last_number: TicketSequence.last_number + 1},
        )
        .returning(TicketSequence.last_number)
    )
    return int(query.execute()[0].last_number)


def label_for(code: str, sequence: int) -> str:
    return f"{code}-{sequence:03d}"


def ticket_info(
    ticket: Ticket,
    service: Service,
    estimate_: Estimate | None = None,
    counter_number: int | None = None,
) -> TicketInfo:
    est = estimate_ or no_estimate()
    return TicketInfo(
        number=ticket.label,
        service=service.code,
        service_name_id=service.name_id,
        service_name_en=service.name_en,
        priority=ticket.priority,
        status=ticket.status,
        issued_at=ticket.issued_at,
        ahead=est.ahead,
        estimated_wait_minutes=est.minutes,
        counter=counter_number,
        recall_count=ticket.recall_count,
        called_at=ticket.called_at,
        started_at=ticket.started_at,
        finished_at=ticket.finished_at,
        phone=ticket.phone,
    )


def issue_ticket(
    service_code: str,
    priority: str | None = None,
    phone: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> TicketInfo:
    """Hand out the next number of ``service_code`` for today."""
    category = priority_category(priority)
    contact = check.phone(phone)
    service = find_service(service_code)
    settings = load_settings()
    now = clock.now()
    check_open(service, settings, now)
    day = settings.today(now)
    with write_transaction():
        sequence = _next_number(service, day)
        if service.daily_quota is not None and sequence > service.daily_quota:
            raise QuotaReached(
                f"Kuota harian layanan {service.name_id} ({service.daily_quota}) sudah habis",
                f"The daily quota of {service.name_en} ({service.daily_quota}) is used up",
            )
        ticket = Ticket.create(
            issued_service=service,
            service=service,
            day=day,
            sequence=sequence,
            label=label_for(service.code, sequence),
            priority=category,
            issued_at=now,
            queue_at=now,
            phone=contact,
        )
        TicketEvent.insert(
            ticket=ticket.id,
            kind="issued",
            at=now,
            detail=json.dumps({"priority": category}) if category else "",
        ).execute()
        publish("tickets")
    est = estimate(service, now, category, settings.interleave_normal, now, ticket.id)
    return ticket_info(ticket, service, est)


def find_ticket(number: str, clock: Clock = SYSTEM_CLOCK, day: dt.date | None = None) -> Ticket:
    """Today's ticket with label ``number`` (``A-001``, ``a1`` and ``A001`` all work)."""
    raw = number.strip().upper().replace(" ", "")
    code = raw.rstrip("0123456789").rstrip("-")
    digits = raw[len(code) :].lstrip("-")
    if not code or not digits.isdigit():
        raise InvalidInput(
            f"Nomor antrian tidak sah: '{number}'", f"Invalid ticket number: '{number}'"
        )
    label = label_for(check.service_code(code), int(digits))
    when = day or load_settings().today(clock.now())
    ticket = Ticket.get_or_none((Ticket.label == label) & (Ticket.day == when))
    if ticket is None:
        raise NotFound(f"Nomor antrian {label} tidak ada hari ini", f"No ticket {label} today")
    return ticket


def describe_ticket(ticket: Ticket, clock: Clock = SYSTEM_CLOCK) -> TicketInfo:
    service = Service.get_by_id(ticket.service_id)
    counter = Counter.get_by_id(ticket.counter_id).number if ticket.counter_id else None
    est = None
    if ticket.status == "waiting":
        settings = load_settings()
        est = estimate(
            service,
            ticket.queue_at,
            ticket.priority,
            settings.interleave_normal,
            clock.now(),
            ticket.id,
        )
    return ticket_info(ticket, service, est, counter)
