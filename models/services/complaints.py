"""Complaints and suggestions (pengaduan dan saran, Perpres 76/2013).

Tracking numbers are ``ADU-<year>-<six digits>`` (``ADU`` = aduan), counted per
office per office-local year like receipt numbers: ``ADU-2026-000123``.

The office promises a response within ``complaint_response_days`` working days
(setting, default 10): the due date is that many working days (Monday–Friday minus
the holidays passed in) after the day it was received. Statuses::

    open → in_progress → answered → closed
      ╰──────────────────╯   ╰─→ in_progress (the citizen was not satisfied)
      ╰──────────── closed (with a reason: duplicate, not for this office …)

A complaint is overdue while it is open or in progress after its due date; an
answer stops the clock. Every follow-up is a note by staff with the status it left
the complaint in; notes are never edited.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from loket.models import rawsql
from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import database, db_date, is_sqlite, write_transaction
from loket.models.errors import IllegalTransition, InvalidInput, NotFound
from loket.models.services import validation as check
from loket.models.services.numbering import next_yearly_number
from loket.models.services.office import load_settings
from loket.models.services.working_days import add_working_days
from loket.models.tables import Complaint, ComplaintNote, ComplaintSequence, Service, Staff

NUMBER_PREFIX = "ADU"
TOPIC = "complaints"
RESPONSE_DAYS_KEY = "complaint_response_days"
DEFAULT_RESPONSE_DAYS = 10
MAX_TEXT = 2000
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


def _key(raw: str | None, table: dict[str, tuple[str, str]], what_id: str, what_en: str,
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


def _status(raw: str) -> str:
    return _key(raw, {s: STATUS_NAMES[s] for s in STATUSES}, "Status", "status", "")


def _staff(username: str | None) -> Staff | None:
    if username is None or not username.strip():
        return None
    row = Staff.get_or_none(Staff.username == username.strip().lower())
    if row is None:
        raise NotFound(f"Petugas '{username}' tidak ada", f"No staff member '{username}'")
    if not row.active:
        raise InvalidInput(
            f"Petugas '{username}' tidak aktif", f"Staff member '{username}' is disabled"
        )
    return row


def response_days() -> int:
    """The promised response time in working days (setting ``complaint_response_days``)."""
    row = rawsql.fetch_one("SELECT value FROM setting WHERE key = ?", (RESPONSE_DAYS_KEY,))
    if row is None or not str(row[0]).strip().isdigit():
        return DEFAULT_RESPONSE_DAYS
    return int(row[0])


def set_response_days(days: int | str) -> int:
    value = check.positive_int(days, "Batas waktu jawaban (hari kerja)",
                               "Response time (working days)", 1, 365)  # fmt: skip
    with write_transaction():
        rawsql.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (RESPONSE_DAYS_KEY, str(value)),
        )
        publish("settings")
    return value


def _is_overdue(status: str, due: dt.date, today: dt.date) -> bool:
    return status in ("open", "in_progress") and today > due


# ── reading ───────────────────────────────────────────────────────────────────────


def _info(row: Complaint, today: dt.date, with_notes: bool = False) -> ComplaintInfo:
    follow_ups: tuple[FollowUp, ...] = ()
    if with_notes:
        notes = list(
            ComplaintNote.select(ComplaintNote, Staff.username)
            .left_outer_join(Staff, on=(ComplaintNote.officer == Staff.id))
            .where(ComplaintNote.complaint == row.id)
            .order_by(ComplaintNote.at, ComplaintNote.id)
            .objects()
        )
        follow_ups = tuple(
            FollowUp(at=n.at, officer=getattr(n, "username", None), status=n.status, note=n.note)
            for n in notes
        )
    service = Service.get_by_id(row.service_id).code if row.service_id else None
    ticket = None
    if row.ticket_id:
        found = rawsql.fetch_one("SELECT label FROM ticket WHERE id = ?", (row.ticket_id,))
        ticket = str(found[0]) if found else None
    return ComplaintInfo(
        number=row.number,
        category=row.category,
        text=row.text,
        contact_name=row.contact_name,
        contact_phone=row.contact_phone,
        service=service,
        ticket=ticket,
        channel=row.channel,
        status=row.status,
        received_at=row.received_at,
        due_date=row.due_date,
        answered_at=row.answered_at,
        closed_at=row.closed_at,
        overdue=_is_overdue(row.status, row.due_date, today),
        follow_ups=follow_ups,
    )


def _find(number: str) -> Complaint:
    year, sequence = parse_number(number)
    office = load_settings().office_id
    row = Complaint.get_or_none(
        (Complaint.office_id == office)
        & (Complaint.year == year)
        & (Complaint.sequence == sequence)
    )
    if row is None:
        label = format_number(year, sequence)
        raise NotFound(f"Pengaduan {label} tidak ada", f"No complaint {label}")
    return row


def show_complaint(number: str, clock: Clock = SYSTEM_CLOCK) -> ComplaintInfo:
    """One complaint with its follow-ups (what a citizen checking its status sees)."""
    today = load_settings().today(clock.now())
    return _info(_find(number), today, with_notes=True)


def list_complaints(
    status: str | None = None,
    overdue_only: bool = False,
    service_code: str | None = None,
    limit: int | str = 200,
    clock: Clock = SYSTEM_CLOCK,
) -> list[ComplaintInfo]:
    """Complaints, oldest due first among the unfinished, then newest first; ``status``
    ``"active"`` means every status but closed."""
    settings = load_settings()
    today = settings.today(clock.now())
    query = Complaint.select().where(Complaint.office_id == settings.office_id)
    if status and status.strip().lower() in ("active", "not_closed"):
        query = query.where(Complaint.status != "closed")
    elif status:
        query = query.where(Complaint.status == _status(status))
    if overdue_only:
        query = query.where(
            Complaint.status.in_(("open", "in_progress")) & (Complaint.due_date < today)
        )
    if service_code:
        code = check.service_code(service_code)
        service = Service.get_or_none(Service.code == code)
        if service is None:
            raise NotFound(f"Layanan '{code}' tidak ada", f"No service '{code}'")
        query = query.where(Complaint.service == service.id)
    count = check.positive_int(limit, "Batas", "Limit", 1, 100_000)
    rows = query.order_by(Complaint.received_at.desc(), Complaint.id.desc()).limit(count)
    return [_info(row, today) for row in rows]


def complaint_counts(clock: Clock = SYSTEM_CLOCK) -> ComplaintCounts:
    settings = load_settings()
    today = settings.today(clock.now())
    by_status = dict(
        rawsql.fetch_all(
            "SELECT status, COUNT(*) FROM complaint WHERE office_id = ? GROUP BY status",
            (settings.office_id,),
        )
    )
    overdue = rawsql.fetch_one(
        "SELECT COUNT(*) FROM complaint WHERE office_id = ? "
        "AND status IN ('open', 'in_progress') AND due_date < ?",
        (settings.office_id, db_date(today)),
    )
    return ComplaintCounts(
        open=int(by_status.get("open", 0)),
        in_progress=int(by_status.get("in_progress", 0)),
        answered=int(by_status.get("answered", 0)),
        closed=int(by_status.get("closed", 0)),
        overdue=int(overdue[0]) if overdue else 0,
    )


# ── writing ───────────────────────────────────────────────────────────────────────


def _next_sequence(office: str, year: int) -> int:
    return next_yearly_number(ComplaintSequence, office, year)


def file_complaint(
    text: str,
    contact_name: str | None = None,
    contact_phone: str | None = None,
    service_code: str | None = None,
    ticket_number: str | None = None,
    channel: str = "kiosk",
    category: str = "complaint",
    holidays: Collection[dt.date] | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> ComplaintInfo:
    """Record a complaint or suggestion and give it a tracking number and a due date.

    ``ticket_number`` links it to that ticket of today (office time); its service
    becomes the complaint's when ``service_code`` is not given. The office's holidays
    (``loket holiday add``) are left out of the working-day count, or ``holidays``
    when given.
    """
    from loket.models.services.tickets import parse_label

    body = check.text(text, "Isi pengaduan", "Complaint text", MAX_TEXT)
    name = check.text(contact_name or "", "Nama", "Name", 120, required=False) or None
    phone = check.phone(contact_phone)
    via = _key(channel, CHANNELS, "Kanal", "channel", "kiosk")
    kind = _key(category, CATEGORIES, "Jenis", "category", "complaint")
    settings = load_settings()
    now = clock.now()
    today = settings.today(now)
    service_id: int | None = None
    if service_code:
        code = check.service_code(service_code)
        found = Service.get_or_none(Service.code == code)
        if found is None:
            raise NotFound(f"Layanan '{code}' tidak ada", f"No service '{code}'")
        service_id = found.id
    ticket_id: int | None = None
    if ticket_number is not None and ticket_number.strip():
        label = parse_label(ticket_number)
        row = rawsql.fetch_one(
            "SELECT id, service_id FROM ticket WHERE label = ? AND day = ?",
            (label, db_date(today)),
        )
        if row is None:
            raise NotFound(f"Nomor antrian {label} tidak ada hari ini", f"No ticket {label} today")
        ticket_id = int(row[0])
        service_id = service_id if service_id is not None else int(row[1])
    if holidays is None:
        from loket.models.services.service_hours import list_holidays

        holidays = {h.day for h in list_holidays() if h.day > today}
    due = add_working_days(today, response_days(), holidays)
    with write_transaction():
        sequence = _next_sequence(settings.office_id, today.year)
        created = Complaint.create(
            office_id=settings.office_id,
            year=today.year,
            sequence=sequence,
            number=format_number(today.year, sequence),
            category=kind,
            text=body,
            contact_name=name,
            contact_phone=phone,
            service=service_id,
            ticket=ticket_id,
            channel=via,
            status="open",
            received_at=now,
            due_date=due,
        )
        publish(TOPIC)
    return _info(Complaint.get_by_id(created.id), today, with_notes=True)


def add_follow_up(
    number: str,
    note: str,
    status: str | None = None,
    officer: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> ComplaintInfo:
    """Record a follow-up note by staff, optionally moving the complaint to ``status``.

    A note without a status keeps the status, except that the first note on an open
    complaint moves it to ``in_progress``. Closed complaints take no more notes.
    """
    text = check.text(note, "Catatan tindak lanjut", "Follow-up note", MAX_TEXT)
    target = _status(status) if status is not None and status.strip() else None
    staff = _staff(officer)
    settings = load_settings()
    now = clock.now()
    with write_transaction():
        row = _find(number)
        if not is_sqlite():
            database.obj.execute_sql("SELECT id FROM complaint WHERE id = %s FOR UPDATE", (row.id,))
            row = Complaint.get_by_id(row.id)
        if row.status == "closed":
            raise IllegalTransition(
                f"{row.number} sudah selesai (closed); tidak menerima tindak lanjut lagi",
                f"{row.number} is closed; it takes no more follow-ups",
            )
        if target is None:
            target = "in_progress" if row.status == "open" else row.status
        if target != row.status and target not in TRANSITIONS[row.status]:
            allowed = TRANSITIONS[row.status]
            raise IllegalTransition(
                f"{row.number} berstatus {row.status}; tidak bisa menjadi {target} "
                f"(berikutnya: {', '.join(allowed)})",
                f"{row.number} is {row.status}; it cannot become {target} "
                f"(next: {', '.join(allowed)})",
            )
        changes: dict[Any, Any] = {Complaint.status: target}
        if target == "answered" and row.answered_at is None:
            changes[Complaint.answered_at] = now
        if target == "closed":
            changes[Complaint.closed_at] = now
        Complaint.update(changes).where(Complaint.id == row.id).execute()
        ComplaintNote.insert(
            complaint=row.id, at=now, officer=staff.id if staff else None, status=target, note=text
        ).execute()
        publish(TOPIC)
    return _info(Complaint.get_by_id(row.id), settings.today(now), with_notes=True)


def close_complaint(
    number: str, note: str, officer: str | None = None, clock: Clock = SYSTEM_CLOCK
) -> ComplaintInfo:
    """Close a complaint with a last note (the answer given, or why it is closed)."""
    return add_follow_up(number, note, status="closed", officer=officer, clock=clock)
