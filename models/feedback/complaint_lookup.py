"""Finding complaints: one by its number with its follow-ups (:func:`show_complaint`),
the office's list filtered by status, lateness or service (:func:`list_complaints`),
and the counts per status (:func:`complaint_counts`).
"""

from __future__ import annotations

import datetime as dt

from loket.models import rawsql
from loket.models import validation as check
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import db_date
from loket.models.errors import NotFound
from loket.models.feedback.complaint_info import (
    ComplaintCounts,
    ComplaintInfo,
    FollowUp,
    check_status,
    format_number,
    parse_number,
)
from loket.models.settings import load_settings
from loket.models.tables import Complaint, ComplaintNote, Service, Staff


def _is_overdue(status: str, due: dt.date, today: dt.date) -> bool:
    return status in ("open", "in_progress") and today > due


def as_info(row: Complaint, today: dt.date, with_notes: bool = False) -> ComplaintInfo:
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


def find_complaint(number: str) -> Complaint:
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
    return as_info(find_complaint(number), today, with_notes=True)


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
        query = query.where(Complaint.status == check_status(status))
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
    return [as_info(row, today) for row in rows]


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
