"""Complaints and suggestions (pengaduan dan saran, Perpres 76/2013) as the apps see
them: categories, channels, statuses and the moves allowed, tracking numbers,
:class:`ComplaintInfo` and :class:`ComplaintCounts`.

Tracking numbers are ``ADU-<year>-<six digits>`` (``ADU`` = aduan), counted per
office per office-local year like receipt numbers: ``ADU-2026-000123``.

Statuses::

    open → in_progress → answered → closed
      ╰──────────────────╯   ╰─→ in_progress (the citizen was not satisfied)
      ╰──────────── closed (with a reason: duplicate, not for this office …)

A complaint is overdue while it is open or in progress after its due date; an
answer stops the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from loket.models.errors import InvalidInput

NUMBER_PREFIX = "ADU"
SUMMARY_LENGTH = 120
CATEGORIES: dict[str, tuple[str, str]] = {
    "complaint": ("Pengaduan", "Complaint"),
    "suggestion": ("Saran", "Suggestion"),
}
CHANNELS: dict[str, tuple[str, str]] = {
    "kiosk": ("Kios", "Kiosk"),
    "counter": ("Loket", "Counter"),
    "phone": ("Telepon", "Phone"),
    "letter": ("Surat", "Letter"),
    "email": ("Surel", "Email"),
    "lapor": ("SP4N-LAPOR!", "SP4N-LAPOR!"),
}
STATUSES = ("open", "in_progress", "answered", "closed")
STATUS_NAMES: dict[str, tuple[str, str]] = {
    "open": ("Diterima", "Received"),
    "in_progress": ("Sedang ditindaklanjuti", "Being followed up"),
    "answered": ("Sudah dijawab", "Answered"),
    "closed": ("Selesai", "Closed"),
}
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "open": ("in_progress", "answered", "closed"),
    "in_progress": ("answered", "closed"),
    "answered": ("closed", "in_progress"),
    "closed": (),
}
_NUMBER = re.compile(r"^ADU[-/ ]?(\d{4})[-/ ]?(\d{1,7})$")


@dataclass(frozen=True)
class FollowUp:
    at: dt.datetime
    officer: str | None  # username
    status: str
    note: str


@dataclass(frozen=True)
class ComplaintInfo:
    number: str
    category: str
    text: str
    contact_name: str | None
    contact_phone: str | None
    service: str | None  # code
    ticket: str | None  # label
    channel: str
    status: str
    received_at: dt.datetime
    due_date: dt.date
    answered_at: dt.datetime | None
    closed_at: dt.datetime | None
    overdue: bool
    follow_ups: tuple[FollowUp, ...] = ()

    @property
    def summary(self) -> str:
        return summarise(self.text)

    @property
    def status_name(self) -> tuple[str, str]:
        return STATUS_NAMES[self.status]

    def as_json(self, zone: dt.tzinfo, public: bool = False) -> dict[str, Any]:
        """``public`` leaves out the contact details and staff usernames (for the kiosk)."""

        def stamp(value: dt.datetime | None) -> str | None:
            return value.astimezone(zone).isoformat(timespec="seconds") if value else None

        return {
            "number": self.number,
            "category": self.category,
            "category_name": CATEGORIES[self.category][0],
            "category_name_en": CATEGORIES[self.category][1],
            "text": self.text,
            "summary": self.summary,
            "contact_name": None if public else self.contact_name,
            "contact_phone": None if public else self.contact_phone,
            "service": self.service,
            "ticket": self.ticket,
            "channel": self.channel,
            "status": self.status,
            "status_name": STATUS_NAMES[self.status][0],
            "status_name_en": STATUS_NAMES[self.status][1],
            "received_at": stamp(self.received_at),
            "due_date": self.due_date.isoformat(),
            "answered_at": stamp(self.answered_at),
            "closed_at": stamp(self.closed_at),
            "overdue": self.overdue,
            "follow_ups": [
                {
                    "at": stamp(f.at),
                    "officer": None if public else f.officer,
                    "status": f.status,
                    "note": f.note,
                }
                for f in self.follow_ups
            ],
        }


@dataclass(frozen=True)
class ComplaintCounts:
    open: int
    in_progress: int
    answered: int
    closed: int
    overdue: int

    @property
    def not_closed(self) -> int:
        return self.open + self.in_progress + self.answered

    @property
    def total(self) -> int:
        return self.not_closed + self.closed

    def as_json(self) -> dict[str, int]:
        return {
            "open": self.open,
            "in_progress": self.in_progress,
            "answered": self.answered,
            "closed": self.closed,
            "not_closed": self.not_closed,
            "overdue": self.overdue,
            "total": self.total,
        }


# ── small helpers ─────────────────────────────────────────────────────────────────


def summarise(text: str, length: int = SUMMARY_LENGTH) -> str:
    """The start of ``text`` on one line, cut at a word with "…" when longer."""
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    cut = flat[: length - 1]
    if " " in cut[length // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:") + "…"


def format_number(year: int, sequence: int) -> str:
    return f"{NUMBER_PREFIX}-{year:04d}-{sequence:06d}"


def parse_number(raw: str) -> tuple[int, int]:
    """``"ADU-2026-000123"`` (also ``adu-2026-123``, ``ADU2026000123``) → (2026, 123)."""
    match = _NUMBER.match(raw.strip().upper())
    if not match or int(match.group(2)) == 0:
        raise InvalidInput(
            f"Nomor pengaduan tidak sah: '{raw}' (contoh ADU-2026-000123)",
            f"Invalid complaint number: '{raw}' (e.g. ADU-2026-000123)",
        )
    return int(match.group(1)), int(match.group(2))


def choice_key(raw: str | None, table: dict[str, tuple[str, str]], what_id: str, what_en: str,
               default: str) -> str:  # fmt: skip
    if raw is None or not raw.strip():
        return default
    value = raw.strip().lower().replace("-", "_")
    if value not in table:
        raise InvalidInput(
            f"{what_id} tidak dikenal: '{raw}' (pilihan: {', '.join(table)})",
            f"Unknown {what_en}: '{raw}' (choices: {', '.join(table)})",
        )
    return value


def check_status(raw: str) -> str:
    return choice_key(raw, {s: STATUS_NAMES[s] for s in STATUSES}, "Status", "status", "")
