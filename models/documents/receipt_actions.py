"""Taking documents in and moving them on: :func:`new_receipt` validates, numbers and
signs a receipt; :func:`set_status` moves it along :data:`TRANSITIONS`. Every change is
appended to the receipt log (:mod:`receipt_log`).

A receipt taken at a counter is confirmed at once by the receiving officer; one left
at the kiosk waits for an officer to confirm it. A year's counter row is bumped in the
receipt's transaction, so numbers never repeat and a failed receipt hands its number
back.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

from loket.models import reconnect
from loket.models import validation as check
from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import database, is_sqlite, write_transaction
from loket.models.documents.numbering import next_yearly_number
from loket.models.documents.receipt_info import (
    CHANNELS,
    TRANSITIONS,
    ReceiptInfo,
    check_status,
    format_number,
)
from loket.models.documents.receipt_log import append_event, content_digest
from loket.models.documents.receipt_lookup import as_info, find_receipt
from loket.models.errors import IllegalTransition, InvalidInput, NotFound
from loket.models.integrity.qr_payload import Claims, subject_digest
from loket.models.notify.outbox import event_key, queue_message
from loket.models.settings import MAX_COMPLETION_DAYS, OfficeSettings, load_settings
from loket.models.staffing.working_days import add_working_days as _add_working_days
from loket.models.tables import Holiday, Receipt, ReceiptSequence, Staff

MAX_SUBJECT = 500
MAX_PAGES = 10_000
MAX_ATTACHMENTS = 1_000
MAX_WORKING_DAYS = MAX_COMPLETION_DAYS
_NIK = re.compile(r"^\d{16}$")


def _optional_text(raw: str | None, what_id: str, what_en: str, max_length: int) -> str | None:
    if raw is None:
        return None
    value = check.text(raw, what_id, what_en, max_length, required=False)
    return value or None


def _nik(raw: str | None) -> str | None:
    """A NIK (Nomor Induk Kependudukan): 16 digits, province code 11–99, birth day 01–31
    (41–71 for women) and month 01–12 at positions 7–10."""
    if raw is None or not raw.strip():
        return None
    value = raw.replace(" ", "").replace(".", "").strip()
    if _NIK.match(value):
        province, day, month = int(value[:2]), int(value[6:8]), int(value[8:10])
        if province >= 11 and (1 <= day <= 31 or 41 <= day <= 71) and 1 <= month <= 12:
            return value
    raise InvalidInput(
        f"NIK tidak sah: '{raw}' (16 angka sesuai KTP)",
        f"Invalid NIK: '{raw}' (the 16-digit number on the identity card)",
    )


def _channel(raw: str | None, officer: Staff | None) -> str:
    if raw is None or not raw.strip():
        return "counter" if officer else "kiosk"
    value = raw.strip().lower()
    if value not in CHANNELS:
        raise InvalidInput(
            f"Kanal harus kiosk atau counter, bukan '{raw}'",
            f"The channel is kiosk or counter, not '{raw}'",
        )
    return value


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


def add_working_days(
    day: dt.date, days: int, holidays: Collection[dt.date] = frozenset()
) -> dt.date:
    """``days`` working days after ``day``: Monday–Friday, ``holidays`` left out."""
    return _add_working_days(day, days, holidays)


def office_holidays(after: dt.date) -> frozenset[dt.date]:
    """The office's holidays (``loket holiday add`` / ``import``) after ``after``."""
    rows = Holiday.select(Holiday.day).where(Holiday.day > after).tuples()
    return frozenset(
        day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)) for (day,) in rows
    )


def expected_completion(
    day: dt.date, unit: str, days: int | None = None, settings: OfficeSettings | None = None
) -> dt.date:
    """When a document handed in on office-local ``day`` for ``unit`` should be done:
    ``days`` working days when the officer says so, else the unit's figure from
    ``completion_days_by_unit``, else the office's ``completion_working_days``."""
    if days is None:
        days = (settings or load_settings()).completion_days(unit)
    return add_working_days(day, days, office_holidays(day))


def _officer_claim(officer: Staff | None) -> str | None:
    if officer is None:
        return None
    return officer.nip or officer.username


def _next_sequence(office: str, year: int) -> int:
    return next_yearly_number(ReceiptSequence, office, year)


def new_receipt(
    sender_name: str,
    subject: str,
    recipient_unit: str,
    pages: int | str,
    *,
    sender_organisation: str | None = None,
    sender_phone: str | None = None,
    sender_nik: str | None = None,
    attachments: int | str = 0,
    channel: str | None = None,
    officer: str | None = None,
    working_days: int | str | None = None,
    clock: Clock = SYSTEM_CLOCK,
    request_key: str | None = None,
    language: str | None = None,
) -> ReceiptInfo:
    """Record a document handed in and sign its receipt.

    ``channel`` defaults to ``counter`` when an ``officer`` (username) receives it,
    else ``kiosk``; a counter receipt needs the officer, a kiosk receipt has none.
    ``working_days`` sets the expected completion date; without it the office's
    figure for the unit applies (:func:`expected_completion`: working days, the office's
    holidays skipped).
    The returned :class:`ReceiptInfo` carries everything a printed receipt shows,
    including ``qr_text`` and ``check_code``. ``request_key`` works as in
    :func:`~loket.models.queue.tickets.issue_ticket`: a retry after a dropped connection,
    or a second call with the same key, returns the receipt instead of making another.
    """
    from loket.models.integrity.signing import ensure_key, sign_claims

    name = check.text(sender_name, "Nama pengirim", "Sender name", 120)
    organisation = _optional_text(
        sender_organisation, "Instansi pengirim", "Sender organisation", 120
    )
    phone = check.phone(sender_phone)
    spoken = check.language(language)
    nik = _nik(sender_nik)
    unit = check.text(recipient_unit, "Unit tujuan", "Recipient unit", 120)
    perihal = check.text(subject, "Perihal", "Subject", MAX_SUBJECT)
    page_count = check.positive_int(pages, "Jumlah halaman", "Page count", 1, MAX_PAGES)
    attachment_count = check.positive_int(
        attachments, "Jumlah lampiran", "Attachments", 0, MAX_ATTACHMENTS
    )
    staff = _staff(officer)
    via = _channel(channel, staff)
    if via == "counter" and staff is None:
        raise InvalidInput(
            "Tanda terima di loket harus mencantumkan petugas penerima",
            "A receipt taken at a counter must name the receiving officer",
        )
    if via == "kiosk" and staff is not None:
        raise InvalidInput(
            "Tanda terima dari kios tidak mencantumkan petugas",
            "A kiosk receipt has no receiving officer",
        )
    days = (
        None
        if working_days is None or str(working_days).strip() == ""
        else check.positive_int(
            working_days,
            "Lama penyelesaian (hari kerja)",
            "Completion time (working days)",
            0,
            MAX_WORKING_DAYS,
        )
    )
    settings = load_settings()
    now = clock.now().replace(microsecond=0)  # the QR states whole seconds; store the same
    office = settings.office_id
    local_day = settings.today(now)
    expected = expected_completion(local_day, unit, days, settings)
    key = reconnect.request_key(request_key)

    def already() -> ReceiptInfo | None:
        made = Receipt.get_or_none(Receipt.request_key == key)
        return as_info(made, with_history=True) if made is not None else None

    def make() -> ReceiptInfo:
        ensure_key(office, clock=clock)
        digest = subject_digest(perihal).hex()
        with write_transaction():
            year = local_day.year
            sequence = _next_sequence(office, year)
            number = format_number(year, sequence)
            signed = sign_claims(
                Claims(
                    kind="receipt",
                    number=number,
                    office=office,
                    kid="00000000",
                    issued_at=now,
                    sender=name,
                    recipient_unit=unit,
                    subject_digest=digest,
                    pages=page_count,
                    attachments=attachment_count,
                    channel=via,
                    officer=_officer_claim(staff),
                )
            )
            row = Receipt.create(
                office_id=office,
                year=year,
                sequence=sequence,
                number=number,
                sender_name=name,
                sender_organisation=organisation,
                sender_phone=phone,
                language=spoken,
                sender_nik=nik,
                recipient_unit=unit,
                subject=perihal,
                subject_digest=digest,
                pages=page_count,
                attachments=attachment_count,
                channel=via,
                officer=staff.id if staff else None,
                expected_completion=expected,
                status="received",
                check_code=signed.check_code,
                qr_text=signed.text,
                signing_key=signed.kid,
                issued_at=now,
                request_key=key,
            )
            row = Receipt.get_by_id(row.id)  # read back exactly what the database holds
            append_event(row, "received", now, staff, content=content_digest(row))
            if staff is not None:
                append_event(row, "confirmed", now, staff)
                Receipt.update(status="confirmed").where(Receipt.id == row.id).execute()
            publish("receipts")
        return as_info(Receipt.get_by_id(row.id), with_history=True)

    return reconnect.retry_once(make, already)


def set_status(
    number: str,
    status: str,
    officer: str | None = None,
    note: str = "",
    clock: Clock = SYSTEM_CLOCK,
) -> ReceiptInfo:
    """Move a receipt to its next status; refuses moves that :data:`TRANSITIONS` lacks.

    Confirming needs the ``officer`` who checked the documents.
    """
    target = check_status(status)
    staff = _staff(officer)
    remark = check.text(note, "Catatan", "Note", 200, required=False)
    if target == "confirmed" and staff is None:
        raise InvalidInput(
            "Konfirmasi harus mencantumkan petugas", "Confirming needs the officer's username"
        )
    now = clock.now()
    with write_transaction():
        row = find_receipt(number)
        if not is_sqlite():
            database.obj.execute_sql("SELECT id FROM receipt WHERE id = %s FOR UPDATE", (row.id,))
            row = Receipt.get_by_id(row.id)
        allowed = TRANSITIONS[row.status]
        if target not in allowed:
            then_id = ", ".join(allowed) if allowed else "tidak ada (sudah selesai)"
            then_en = ", ".join(allowed) if allowed else "none (it is finished)"
            raise IllegalTransition(
                f"{row.number} berstatus {row.status}; tidak bisa menjadi {target} "
                f"(berikutnya: {then_id})",
                f"{row.number} is {row.status}; it cannot become {target} (next: {then_en})",
            )
        Receipt.update(status=target).where(Receipt.id == row.id).execute()
        detail = {"note": remark} if remark else {}
        append_event(row, target, now, staff, **detail)
        if target == "ready":
            # In this transaction: the status and its message commit together or not at all.
            queue_message(
                "receipt_ready",
                event_key("receipt_ready", row.id),
                row.number,
                row.sender_phone,
                row.language or "id",
                receipt=row.id,
                clock=clock,
            )
        publish("receipts")
    return as_info(Receipt.get_by_id(row.id), with_history=True)
