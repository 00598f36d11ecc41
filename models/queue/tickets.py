"""Issuing queue tickets: numbers that never repeat or skip, quotas, hours, priority."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from loket.models import rawsql, reconnect
from loket.models import validation as check
from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import db_date, write_transaction
from loket.models.errors import InvalidInput, NotFound, QuotaReached, ServiceClosed
from loket.models.fields import from_micros, to_micros
from loket.models.phone_numbers import is_mobile
from loket.models.queue.estimates import estimate, no_estimate
from loket.models.queue.ticket_info import PRIORITY_CATEGORIES, TicketInfo
from loket.models.settings import OfficeSettings, load_settings
from loket.models.tables import Service

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


@dataclass(frozen=True)
class ServiceRow:
    """The columns of a service that issuing and estimating need."""

    id: int
    code: str
    name_id: str
    name_en: str
    daily_quota: int | None
    open_minute: int
    close_minute: int
    open_days: str
    default_service_minutes: int
    active: bool

    @classmethod
    def of(cls, row: Service) -> ServiceRow:
        return cls(*(getattr(row, name) for name in _SERVICE_COLUMNS))


_SERVICE_COLUMNS = (
    "id",
    "code",
    "name_id",
    "name_en",
    "daily_quota",
    "open_minute",
    "close_minute",
    "open_days",
    "default_service_minutes",
    "active",
)
_SELECT_SERVICE = f"SELECT {', '.join(_SERVICE_COLUMNS)} FROM service WHERE code = ?"
_NEXT_NUMBER = (
    # One statement takes the row lock, bumps the number and returns it; the lock is
    # held to commit, and a rollback hands the number back.
    "INSERT INTO ticket_sequence (service_id, day, last_number) VALUES (?, ?, 1) "
    "ON CONFLICT (service_id, day) DO UPDATE SET last_number = ticket_sequence.last_number + 1 "
    "RETURNING last_number"
)
_INSERT_TICKET = (
    "INSERT INTO ticket (issued_service_id, service_id, day, sequence, label, priority, status, "
    "issued_at, queue_at, recall_count, transfer_count, phone, request_key, language) "
    "VALUES (?, ?, ?, ?, ?, ?, 'waiting', ?, ?, 0, 0, ?, ?, ?) RETURNING id"
)
_BY_KEY = "SELECT id FROM ticket WHERE request_key = ?"
_INSERT_EVENT = "INSERT INTO ticket_event (ticket_id, kind, at, detail) VALUES (?, 'issued', ?, ?)"


def load_service(code: str) -> ServiceRow:
    code = check.service_code(code)
    row = rawsql.fetch_one(_SELECT_SERVICE, (code,))
    if row is None:
        raise NotFound(f"Layanan '{code}' tidak ada", f"No service '{code}'")
    values = list(row)
    values[-1] = bool(values[-1])  # SQLite answers 0/1
    return ServiceRow(*values)


def check_open(service: ServiceRow, settings: OfficeSettings, now: dt.datetime) -> None:
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


def label_for(code: str, sequence: int) -> str:
    return f"{code}-{sequence:03d}"


def issue_ticket(
    service_code: str,
    priority: str | None = None,
    phone: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
    request_key: str | None = None,
    language: str | None = None,
) -> TicketInfo:
    """Hand out the next number of ``service_code`` for today.

    ``request_key`` (from :func:`~loket.models.reconnect.new_request_key`, one per tap)
    makes the call idempotent: when a ticket with that key exists it is returned instead
    of a new one. Without it a key is made here, so the one retry after a dropped
    connection (:func:`~loket.models.reconnect.retry_once`) never issues a second ticket.
    """
    category = priority_category(priority)
    contact = check.phone(phone)
    if contact is not None and not is_mobile(contact):  # a ticket's number is only for SMS
        raise InvalidInput(
            f"Nomor {phone} bukan nomor ponsel; SMS tidak sampai ke sana",
            f"{phone} is not a mobile number; a text message cannot reach it",
        )
    spoken = check.language(language)
    key = reconnect.request_key(request_key)

    def already() -> TicketInfo | None:
        row = rawsql.fetch_one(_BY_KEY, (key,))
        return describe_ticket(int(row[0]), clock) if row else None

    return reconnect.retry_once(
        lambda: _issue(service_code, category, contact, key, clock, spoken), already
    )


def _issue(
    service_code: str,
    category: str | None,
    contact: str | None,
    key: str,
    clock: Clock,
    spoken: str | None = None,
) -> TicketInfo:
    service = load_service(service_code)
    settings = load_settings()
    now = clock.now()
    check_open(service, settings, now)
    day = settings.today(now)
    stamp = to_micros(now)
    day_value = db_date(day)
    with write_transaction():
        row = rawsql.fetch_one(_NEXT_NUMBER, (service.id, day_value))
        assert row is not None
        sequence = int(row[0])
        if service.daily_quota is not None and sequence > service.daily_quota:
            raise QuotaReached(
                f"Kuota harian layanan {service.name_id} ({service.daily_quota}) sudah habis",
                f"The daily quota of {service.name_en} ({service.daily_quota}) is used up",
            )
        label = label_for(service.code, sequence)
        inserted = rawsql.fetch_one(
            _INSERT_TICKET,
            (
                service.id,
                service.id,
                day_value,
                sequence,
                label,
                category,
                stamp,
                stamp,
                contact,
                key,
                spoken,
            ),
        )
        assert inserted is not None
        ticket_id = int(inserted[0])
        detail = json.dumps({"priority": category}) if category else ""
        rawsql.execute(_INSERT_EVENT, (ticket_id, stamp, detail))
        publish("tickets")
    est = estimate(
        service, now, category, settings.interleave_normal, now, ticket_id, day, newest=True
    )
    return TicketInfo(
        number=label,
        service=service.code,
        service_name_id=service.name_id,
        service_name_en=service.name_en,
        priority=category,
        status="waiting",
        issued_at=now,
        ahead=est.ahead,
        ahead_at_most=est.at_most,
        estimated_wait_minutes=est.minutes,
        counter=None,
        recall_count=0,
        phone=contact,
    )


def parse_label(number: str) -> str:
    """``A-001``, ``a1``, ``A001`` → ``A-001``."""
    raw = number.strip().upper().replace(" ", "")
    code = raw.rstrip("0123456789").rstrip("-")
    digits = raw[len(code) :].lstrip("-")
    if not code or not digits.isdigit() or len(digits) > 6:
        raise InvalidInput(
            f"Nomor antrian tidak sah: '{number}'", f"Invalid ticket number: '{number}'"
        )
    return label_for(check.service_code(code), int(digits))


def find_ticket_id(number: str, clock: Clock = SYSTEM_CLOCK, day: dt.date | None = None) -> int:
    """The id of the ticket labelled ``number`` on ``day`` (default: today)."""
    label = parse_label(number)
    when = day or load_settings().today(clock.now())
    row = rawsql.fetch_one(
        "SELECT id FROM ticket WHERE label = ? AND day = ?", (label, db_date(when))
    )
    if row is None:
        raise NotFound(f"Nomor antrian {label} tidak ada hari ini", f"No ticket {label} today")
    return int(row[0])


_TICKET_VIEW = (
    "SELECT t.id, t.day, t.label, t.priority, t.status, t.issued_at, t.queue_at, t.called_at, "
    "t.started_at, t.finished_at, t.recall_count, t.phone, c.number, "
    "s.id, s.code, s.name_id, s.name_en, s.default_service_minutes "
    "FROM ticket t JOIN service s ON s.id = t.service_id "
    "LEFT JOIN counter c ON c.id = t.counter_id WHERE t.id = ?"
)


@dataclass(frozen=True)
class _RateKey:
    id: int
    default_service_minutes: int


def _instant(value: int | None) -> dt.datetime | None:
    return from_micros(value) if value is not None else None


def describe_ticket(ticket_id: int, clock: Clock = SYSTEM_CLOCK) -> TicketInfo:
    """A ticket as the apps see it; waiting tickets get people ahead and a wait estimate."""
    row = rawsql.fetch_one(_TICKET_VIEW, (ticket_id,))
    if row is None:
        raise NotFound(f"Antrian #{ticket_id} tidak ada", f"No ticket #{ticket_id}")
    (
        tid,
        day,
        label,
        priority,
        status,
        issued,
        queued,
        called,
        started,
        finished,
        recalls,
        phone,
        counter,
        sid,
        code,
        name_id,
        name_en,
        minutes,
    ) = row
    est = no_estimate()
    if status == "waiting":
        if isinstance(day, str):
            day = dt.date.fromisoformat(day)
        settings = load_settings()
        est = estimate(
            _RateKey(sid, minutes),
            from_micros(queued),
            priority,
            settings.interleave_normal,
            clock.now(),
            tid,
            day,
        )
    return TicketInfo(
        number=label,
        service=code,
        service_name_id=name_id,
        service_name_en=name_en,
        priority=priority,
        status=status,
        issued_at=from_micros(issued),
        ahead=est.ahead,
        ahead_at_most=est.at_most,
        estimated_wait_minutes=est.minutes,
        counter=counter,
        recall_count=recalls,
        called_at=_instant(called),
        started_at=_instant(started),
        finished_at=_instant(finished),
        phone=phone,
    )
