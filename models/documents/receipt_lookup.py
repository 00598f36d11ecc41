"""Finding receipts: one by its number with its status history (:func:`show_receipt`),
or the office's receipts newest first, searched by text and status
(:func:`list_receipts`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from loket.models import validation as check
from loket.models.documents.receipt_info import (
    ReceiptEventInfo,
    ReceiptInfo,
    check_status,
    format_number,
    parse_number,
)
from loket.models.errors import InvalidInput, NotFound
from loket.models.notify.status import Notice, receipt_notices
from loket.models.settings import load_settings
from loket.models.tables import Receipt, ReceiptEvent, Staff


def _event_info(row: ReceiptEvent, usernames: dict[int, str]) -> ReceiptEventInfo:
    note = ""
    if row.detail:
        try:
            note = str(json.loads(row.detail).get("note", ""))
        except (ValueError, AttributeError):
            note = ""
    return ReceiptEventInfo(
        seq=int(row.seq),
        status=row.status,
        at=row.at,
        officer=usernames.get(row.officer_id) if row.officer_id else None,
        note=note,
    )


def as_info(
    row: Receipt, with_history: bool = False, notices: dict[int, Notice] | None = None
) -> ReceiptInfo:
    """``notices``: the receipts' message states read for a whole list at once; without
    it this receipt's own is read."""
    if notices is None:
        notices = receipt_notices([row.id])
    officer = Staff.get_by_id(row.officer_id) if row.officer_id else None
    history: tuple[ReceiptEventInfo, ...] = ()
    if with_history:
        events = list(
            ReceiptEvent.select().where(ReceiptEvent.receipt == row.id).order_by(ReceiptEvent.seq)
        )
        ids = {e.officer_id for e in events if e.officer_id}
        usernames = (
            dict(Staff.select(Staff.id, Staff.username).where(Staff.id.in_(ids)).tuples())
            if ids
            else {}
        )
        history = tuple(_event_info(e, usernames) for e in events)
    return ReceiptInfo(
        number=row.number,
        office_id=row.office_id,
        status=row.status,
        issued_at=row.issued_at,
        sender_name=row.sender_name,
        sender_organisation=row.sender_organisation,
        sender_phone=row.sender_phone,
        sender_nik=row.sender_nik,
        recipient_unit=row.recipient_unit,
        subject=row.subject,
        subject_digest=row.subject_digest,
        pages=row.pages,
        attachments=row.attachments,
        channel=row.channel,
        officer=officer.username if officer else None,
        officer_name=officer.full_name if officer else None,
        officer_nip=(officer.nip or None) if officer else None,
        expected_completion=row.expected_completion,
        check_code=row.check_code,
        qr_text=row.qr_text,
        kid=row.kid,
        history=history,
        notice=notices.get(row.id),
    )


def find_receipt(number: str, office_id: str | None = None) -> Receipt:
    year, sequence = parse_number(number)
    office = office_id or load_settings().office_id
    row = Receipt.get_or_none(
        (Receipt.office_id == office) & (Receipt.year == year) & (Receipt.sequence == sequence)
    )
    if row is None:
        label = format_number(year, sequence)
        raise NotFound(f"Tanda terima {label} tidak ada", f"No receipt {label}")
    return row


def show_receipt(number: str) -> ReceiptInfo:
    """One receipt with its full status history."""
    return as_info(find_receipt(number), with_history=True)


def list_receipts(
    status: str | None = None,
    year: int | None = None,
    limit: int = 200,
    text: str | None = None,
    statuses: Sequence[str] | None = None,
) -> list[ReceiptInfo]:
    """The office's receipts, newest first (without history; see :func:`show_receipt`).

    ``text`` keeps those whose number, sender, organisation or phone contains it (any
    case), searched in the database so that old receipts are found too; ``statuses``
    keeps those in any of these statuses (the counter's open documents)."""
    office = load_settings().office_id
    query = Receipt.select().where(Receipt.office_id == office)
    needle = (text or "").strip()
    if needle:
        if len(needle) > 120:
            raise InvalidInput("Teks pencarian terlalu panjang", "The search text is too long")
        query = query.where(
            Receipt.number.contains(needle)
            | Receipt.sender_name.contains(needle)
            | Receipt.sender_organisation.contains(needle)
            | Receipt.sender_phone.contains(_phone_digits(needle))
        )
    if status:
        query = query.where(Receipt.status == check_status(status))
    if statuses is not None:
        query = query.where(Receipt.status.in_([check_status(s) for s in statuses]))
    if year is not None:
        query = query.where(Receipt.year == check.positive_int(year, "Tahun", "Year", 2000, 9999))
    query = query.order_by(Receipt.issued_at.desc(), Receipt.id.desc()).limit(
        check.positive_int(limit, "Batas", "Limit", 1, 100_000)
    )
    rows = list(query)
    notices = receipt_notices(row.id for row in rows)
    return [as_info(row, notices=notices) for row in rows]


def _phone_digits(needle: str) -> str:
    """Numbers are stored as "+62812…": "0812-3456" is searched as "812…"."""
    digits = needle.replace("-", "").replace(" ", "")
    if digits.isdigit() and digits.startswith("0"):
        return digits[1:]
    if digits.startswith("+62") and digits[3:].isdigit():
        return digits[3:]
    return needle
