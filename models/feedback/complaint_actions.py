"""Filing complaints and following them up: :func:`file_complaint` gives a complaint
its tracking number and due date; :func:`add_follow_up` and :func:`close_complaint`
record staff's notes and move the status along :data:`TRANSITIONS`.

The office promises a response within ``complaint_response_days`` working days
(setting, default 10, :func:`response_days`): the due date is that many working days
(Monday–Friday minus the holidays passed in) after the day it was received. Every
follow-up is a note by staff with the status it left the complaint in; notes are never
edited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from loket.models import rawsql
from loket.models import validation as check
from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import database, db_date, is_sqlite, write_transaction
from loket.models.documents.numbering import next_yearly_number
from loket.models.errors import IllegalTransition, InvalidInput, NotFound
from loket.models.feedback.complaint_info import (
    CATEGORIES,
    CHANNELS,
    TRANSITIONS,
    ComplaintInfo,
    check_status,
    choice_key,
    format_number,
)
from loket.models.feedback.complaint_lookup import as_info, find_complaint
from loket.models.notify.outbox import event_key, queue_message
from loket.models.settings import load_settings
from loket.models.staffing.working_days import add_working_days
from loket.models.tables import Complaint, ComplaintNote, ComplaintSequence, Service, Staff

TOPIC = "complaints"
RESPONSE_DAYS_KEY = "complaint_response_days"
DEFAULT_RESPONSE_DAYS = 10
MAX_TEXT = 2000


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
    language: str | None = None,
) -> ComplaintInfo:
    """Record a complaint or suggestion and give it a tracking number and a due date.

    ``ticket_number`` links it to that ticket of today (office time); its service
    becomes the complaint's when ``service_code`` is not given. The office's holidays
    (``loket holiday add``) are left out of the working-day count, or ``holidays``
    when given.
    """
    from loket.models.queue.tickets import parse_label

    body = check.text(text, "Isi pengaduan", "Complaint text", MAX_TEXT)
    name = check.text(contact_name or "", "Nama", "Name", 120, required=False) or None
    phone = check.phone(contact_phone)
    spoken = check.language(language)
    via = choice_key(channel, CHANNELS, "Kanal", "channel", "kiosk")
    kind = choice_key(category, CATEGORIES, "Jenis", "category", "complaint")
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
        from loket.models.staffing.hours import list_holidays

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
            language=spoken,
            service=service_id,
            ticket=ticket_id,
            channel=via,
            status="open",
            received_at=now,
            due_date=due,
        )
        publish(TOPIC)
    return as_info(Complaint.get_by_id(created.id), today, with_notes=True)


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
    target = check_status(status) if status is not None and status.strip() else None
    staff = _staff(officer)
    settings = load_settings()
    now = clock.now()
    with write_transaction():
        row = find_complaint(number)
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
        if target in ("answered", "closed") and target != row.status:
            kind = f"complaint_{target}"
            queue_message(
                kind,
                event_key(kind, row.id),
                row.number,
                row.contact_phone,
                row.language or "id",
                complaint=row.id,
                clock=clock,
                settings=settings,
            )
        publish(TOPIC)
    return as_info(Complaint.get_by_id(row.id), settings.today(now), with_notes=True)


def close_complaint(
    number: str, note: str, officer: str | None = None, clock: Clock = SYSTEM_CLOCK
) -> ComplaintInfo:
    """Close a complaint with a last note (the answer given, or why it is closed)."""
    return add_follow_up(number, note, status="closed", officer=officer, clock=clock)
