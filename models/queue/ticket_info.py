"""What the apps get back about a ticket: a frozen snapshot, never a table row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

PRIORITY_CATEGORIES: dict[str, tuple[str, str]] = {
    "lansia": ("Lanjut usia", "Elderly"),
    "disabilitas": ("Penyandang disabilitas", "Person with a disability"),
    "hamil": ("Ibu hamil / menyusui", "Pregnant or nursing mother"),
    "anak": ("Anak-anak / membawa balita", "Child or carrying a toddler"),
    "bencana": ("Korban bencana", "Disaster victim"),
}

STATUSES = ("waiting", "called", "serving", "held", "done", "no_show", "cancelled")


@dataclass(frozen=True)
class TicketInfo:
    number: str
    service: str
    service_name_id: str
    service_name_en: str
    priority: str | None
    status: str
    issued_at: dt.datetime
    ahead: int
    estimated_wait_minutes: int
    counter: int | None
    recall_count: int
    called_at: dt.datetime | None = None
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
    phone: str | None = None
    # Never below the tickets really called first, whatever the service times (None:
    # not waiting); ``ahead`` is the prediction, exact when the order is sure.
    ahead_at_most: int | None = None

    def as_json(self, zone: dt.tzinfo) -> dict[str, Any]:
        def stamp(value: dt.datetime | None) -> str | None:
            return value.astimezone(zone).isoformat(timespec="seconds") if value else None

        return {
            "number": self.number,
            "service": self.service,
            "service_name": self.service_name_id,
            "service_name_en": self.service_name_en,
            "priority": self.priority,
            "status": self.status,
            "issued_at": stamp(self.issued_at),
            "ahead": self.ahead,
            "ahead_at_most": self.ahead_at_most,
            "estimated_wait_minutes": self.estimated_wait_minutes,
            "counter": self.counter,
            "recall_count": self.recall_count,
            "called_at": stamp(self.called_at),
            "started_at": stamp(self.started_at),
            "finished_at": stamp(self.finished_at),
        }
