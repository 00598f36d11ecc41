"""The read side of the outbox: per receipt "told? when? by which channel?" and the list
of messages for ``loket notify list`` and the staff pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from peewee import fn

from loket.models.errors import InvalidInput
from loket.models.notify.phones import mask_phone
from loket.models.tables import Notification

STATUSES = ("pending", "sending", "sent", "failed")
STATUS_NAMES: dict[str, tuple[str, str]] = {
    "pending": ("Menunggu dikirim", "Waiting to be sent"),
    "sending": ("Sedang dikirim", "Being sent"),
    "sent": ("Terkirim", "Sent"),
    "failed": ("Gagal terkirim", "Could not be sent"),
}
CHANNEL_NAMES: dict[str, tuple[str, str]] = {
    "sms": ("SMS", "SMS"),
    "webhook": ("WhatsApp/gateway", "WhatsApp/gateway"),
}


@dataclass(frozen=True)
class Notice:
    """Whether a visitor was told about one event (e.g. their receipt being ready)."""

    status: str  # pending | sending | sent | failed
    attempts: int
    channel: str | None  # sms | webhook, once sent or tried
    sent_at: dt.datetime | None  # UTC
    created_at: dt.datetime  # UTC, when queued
    last_error: str | None  # one line "id / en"

    @property
    def told(self) -> bool:
        return self.status == "sent"

    @property
    def gave_up(self) -> bool:
        """Nobody could reach them: staff should phone."""
        return self.status == "failed"

    @property
    def status_name(self) -> tuple[str, str]:
        return STATUS_NAMES[self.status]

    def summary(self, zone: dt.tzinfo, language: str = "id") -> str:
        """One line for a list: "Terkirim 04/12 10:15 lewat SMS", "Gagal terkirim: …"."""
        en = language == "en"
        name = self.status_name[1 if en else 0]
        if self.told and self.sent_at is not None:
            via = CHANNEL_NAMES.get(self.channel or "", (self.channel or "", self.channel or ""))
            when = self.sent_at.astimezone(zone).strftime("%d/%m %H:%M")
            return f"{name} {when} " + (f"via {via[1]}" if en else f"lewat {via[0]}")
        if self.gave_up and self.last_error:
            error = self.last_error.split(" / ")
            return f"{name}: {error[-1] if en else error[0]}"
        return name

    def as_json(self, zone: dt.tzinfo) -> dict[str, Any]:
        return {
            "status": self.status,
            "status_name": self.status_name[0],
            "status_name_en": self.status_name[1],
            "attempts": self.attempts,
            "channel": self.channel,
            "sent_at": _stamp(self.sent_at, zone),
            "queued_at": _stamp(self.created_at, zone),
            "last_error": self.last_error,
        }


@dataclass(frozen=True)
class MessageInfo:
    id: int
    event_key: str
    kind: str
    reference: str
    to_number: str  # E.164; "" once retention deleted it
    language: str
    text: str
    status: str
    attempts: int
    next_try_at: dt.datetime
    channel: str | None
    sent_at: dt.datetime | None
    created_at: dt.datetime
    last_error: str | None
    claimed_by: str | None

    @property
    def masked_number(self) -> str:
        return mask_phone(self.to_number)

    def as_json(self, zone: dt.tzinfo, full: bool = False) -> dict[str, Any]:
        """``full``: the whole number (for the office's administrator); else masked."""
        return {
            "id": self.id,
            "event_key": self.event_key,
            "kind": self.kind,
            "reference": self.reference,
            "to": self.to_number if full else self.masked_number,
            "language": self.language,
            "text": self.text,
            "status": self.status,
            "status_name": STATUS_NAMES[self.status][0],
            "status_name_en": STATUS_NAMES[self.status][1],
            "attempts": self.attempts,
            "next_try_at": _stamp(self.next_try_at, zone) if self.status == "pending" else None,
            "channel": self.channel,
            "sent_at": _stamp(self.sent_at, zone),
            "queued_at": _stamp(self.created_at, zone),
            "last_error": self.last_error,
            "claimed_by": self.claimed_by,
        }


def _stamp(value: dt.datetime | None, zone: dt.tzinfo) -> str | None:
    return value.astimezone(zone).isoformat(timespec="seconds") if value else None


def _notice(row: Notification) -> Notice:
    return Notice(
        status=row.status,
        attempts=row.attempts,
        channel=row.channel,
        sent_at=row.sent_at,
        created_at=row.created_at,
        last_error=row.last_error,
    )


def receipt_notices(receipt_ids: Iterable[int]) -> dict[int, Notice]:
    """Receipt id → the state of its "ready" message, for those that have one (one query)."""
    ids = list(set(receipt_ids))
    if not ids:
        return {}
    found: dict[int, Notice] = {}
    for start in range(0, len(ids), 500):  # SQLite's parameter limit
        rows = Notification.select().where(
            (Notification.kind == "receipt_ready")
            & Notification.receipt.in_(ids[start : start + 500])
        )
        for row in rows:
            found[int(row.receipt_id)] = _notice(row)
    return found


def check_message_status(raw: str | None) -> str | None:
    if raw is None or not raw.strip():
        return None
    value = raw.strip().lower()
    if value not in STATUSES:
        raise InvalidInput(
            f"Status pesan tidak dikenal: '{raw}' (pilihan: {', '.join(STATUSES)})",
            f"Unknown message status: '{raw}' (choices: {', '.join(STATUSES)})",
        )
    return value


def list_messages(status: str | None = None, limit: int = 1000) -> list[MessageInfo]:
    """Every message, newest first, optionally of one status."""
    wanted = check_message_status(status)
    query = Notification.select()
    if wanted:
        query = query.where(Notification.status == wanted)
    query = query.order_by(Notification.created_at.desc(), Notification.id.desc()).limit(limit)
    return [
        MessageInfo(
            id=row.id,
            event_key=row.event_key,
            kind=row.kind,
            reference=row.reference,
            to_number=row.to_number,
            language=row.language,
            text=row.text,
            status=row.status,
            attempts=row.attempts,
            next_try_at=row.next_try_at,
            channel=row.channel,
            sent_at=row.sent_at,
            created_at=row.created_at,
            last_error=row.last_error,
            claimed_by=row.claimed_by,
        )
        for row in query
    ]


def message_counts() -> dict[str, int]:
    """How many messages are in each status (every status present, 0 when none)."""
    counts = dict.fromkeys(STATUSES, 0)
    rows = (
        Notification.select(Notification.status, fn.COUNT(Notification.id))
        .group_by(Notification.status)
        .tuples()
    )
    for status, count in rows:
        counts[str(status)] = int(count)
    return counts
