"""Queueing a message: one row in ``notification`` per event, written in the event's own
transaction, so the event and its message commit together or not at all."""

from __future__ import annotations

import logging
from typing import Any

from loket.models import rawsql
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import database, is_sqlite, write_transaction
from loket.models.errors import InvalidInput
from loket.models.notify.phones import is_mobile, normalise_phone
from loket.models.notify.templates import KINDS, LANGUAGES, render
from loket.models.settings import OfficeSettings, load_settings
from loket.models.tables import Notification

log = logging.getLogger(__name__)


def event_key(kind: str, row_id: int) -> str:
    """``"receipt_ready:42"``: what makes a second message for one event impossible."""
    return f"{kind}:{row_id}"


def queue_message(
    kind: str,
    event_key: str,
    reference: str,
    phone: str | None,
    language: str,
    *,
    receipt: int | None = None,
    complaint: int | None = None,
    ticket: int | None = None,
    service: str = "",
    clock: Clock = SYSTEM_CLOCK,
    settings: OfficeSettings | None = None,
) -> Notification | None:
    """Queue the message for ``event_key`` inside the caller's transaction (one of its own
    when there is none) and return the new row.

    None, with nothing written, when notifications are off, there is no number, the
    number cannot take an SMS (a landline, or a number stored before numbers were
    checked), or the event already has its message (a retried action)."""
    if kind not in KINDS:
        raise ValueError(f"unknown notification kind {kind!r}")
    settings = settings or load_settings()
    if settings.notify_channel == "off" or not phone:
        return None
    try:
        number = normalise_phone(phone)
    except InvalidInput:
        log.info("notification %s not queued: the stored number is not valid", event_key)
        return None
    if number is None or not is_mobile(number):
        return None
    language = language if language in LANGUAGES else "id"
    now = clock.now()
    text = render(
        kind,
        language,
        settings,
        reference=reference,
        service=service,
        date=settings.today(now),
    )
    row: dict[str, Any] = {
        "event_key": event_key,
        "kind": kind,
        "reference": reference,
        "to_number": number,
        "language": language,
        "text": text,
        "status": "pending",
        "attempts": 0,
        "next_try_at": now,
        "created_at": now,
        "receipt": receipt,
        "complaint": complaint,
        "ticket": ticket,
    }
    if database.obj.in_transaction():
        new_id = _insert(row)  # no savepoint: call_next runs this on every call
    else:
        with write_transaction():
            new_id = _insert(row)
    return None if new_id is None else Notification(id=new_id, **row)


def _insert(row: dict[str, Any]) -> int | None:
    """The new row's id, or None when the event already has its message. ON CONFLICT DO
    NOTHING: a duplicate leaves the caller's transaction usable on PostgreSQL, where a
    failed INSERT would abort it."""
    query = Notification.insert(row).on_conflict_ignore()
    if not is_sqlite():
        new_id = query.execute()  # RETURNING id: nothing when it conflicted
        return int(new_id) if new_id is not None else None
    if not query.as_rowcount().execute():
        return None
    found = rawsql.fetch_one("SELECT last_insert_rowid()")
    return int(found[0]) if found else None


# The next tickets of one service in calling order (priority first, then arrival), with
# whether "your number is near" was already queued for each.
_NEAR = (
    "SELECT t.id, t.label, t.phone, s.name_id, s.name_en, t.language, EXISTS (SELECT 1 FROM notification n "
    "WHERE n.ticket_id = t.id AND n.kind = 'ticket_near') "
    "FROM ticket c JOIN ticket t ON t.service_id = c.service_id AND t.day = c.day "
    "JOIN service s ON s.id = t.service_id "
    "WHERE c.id = ? AND t.status = 'waiting' "
    "ORDER BY CASE WHEN t.priority IS NULL THEN 1 ELSE 0 END, t.queue_at, t.id LIMIT ?"
)


def queue_near_tickets(
    called_ticket: int, settings: OfficeSettings, clock: Clock = SYSTEM_CLOCK
) -> int:
    """After ``called_ticket`` was called: queue "your number is near" for the waiting
    tickets of its service with ``notify_near_ahead`` or fewer ahead that have a phone and
    were not told yet; returns how many were queued. Inside the call's transaction.

    "Ahead" is counted in the service's own queue (priority first, then arrival): cheap
    enough for every call, and close to the full forecast of :mod:`queue.estimates`."""
    ahead = settings.notify_near_ahead
    if ahead <= 0 or settings.notify_channel == "off":
        return 0
    waiting = rawsql.fetch_all(_NEAR, (called_ticket, ahead + 1))
    queued = 0
    for ticket_id, label, phone, name_id, name_en, language, told in waiting:
        if not phone or told:
            continue
        made = queue_message(
            "ticket_near",
            event_key("ticket_near", int(ticket_id)),
            label,
            phone,
            language or "id",
            ticket=int(ticket_id),
            service=name_en if language == "en" else name_id,
            clock=clock,
            settings=settings,
        )
        queued += made is not None
    return queued
