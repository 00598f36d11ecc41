"""Document receipts (tanda terima): numbering, signed QR, status history, log check.

Numbers are ``TT-<year>-<six digits>`` (``TT`` = Tanda Terima), counting from 1 per
office per office-local calendar year: ``TT-2026-000123``. Past 999 999 the number
simply grows a digit. A year's counter row is bumped in the receipt's transaction,
so numbers never repeat and a failed receipt hands its number back.

Statuses a citizen cares about, and the only moves allowed::

    received → confirmed → forwarded → ready → collected
                        ╰──────────────╯ (a unit that handles it itself skips forwarding)

A receipt taken at a counter is confirmed at once by the receiving officer; one left
at the kiosk waits for an officer to confirm it. Every status change is a row of the
hash-chained ``receipt_event`` log; ``verify_log()`` finds any edit or deletion.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from peewee import JOIN

from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import database, is_sqlite, write_transaction
from loket.models.errors import IllegalTransition, InvalidInput, NotFound
from loket.models.fields import to_micros
from loket.models.services import hashchain
from loket.models.services import validation as check
from loket.models.services.hashchain import ChainEntry, ChainProblem
from loket.models.services.numbering import next_yearly_number
from loket.models.services.office import load_settings
from loket.models.services.qr_payload import Claims, subject_digest
from loket.models.tables import Receipt, ReceiptEvent, ReceiptSequence, Staff

NUMBER_PREFIX = "TT"
CHAIN = "receipt_event"
CHANNELS = ("kiosk", "counter")
STATUSES = ("received", "confirmed", "forwarded", "ready", "collected")
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "received": ("confirmed",),
    "confirmed": ("forwarded", "ready"),
    "forwarded": ("ready",),
    "ready": ("collected",),
    "collected": (),
}
STATUS_NAMES: dict[str, tuple[str, str]] = {
    "received": ("Diterima", "Received"),
    "confirmed": ("Dikonfirmasi petugas", "Confirmed by an officer"),
    "forwarded": ("Diteruskan ke unit", "Forwarded to the unit"),
    "ready": ("Siap diambil", "Ready for collection"),
    "collected": ("Sudah diambil", "Collected"),
}
MAX_SUBJECT = 500
MAX_PAGES = 10_000
MAX_ATTACHMENTS = 1_000
MAX_WORKING_DAYS = 365
_NUMBER = re.compile(r"^TT[-/ ]?(\d{4})[-/ ]?(\d{1,7})$")
_NIK = re.compile(r"^\d{16}$")


@dataclass(frozen=True)
class ReceiptEventInfo:
    seq: int
    status: str
    at: dt.datetime
    officer: str | None  # username
    note: str


@dataclass(frozen=True)
class ReceiptInfo:
    """A receipt as the apps get it: everything a printed tanda terima shows."""

    number: str
    office_id: str
    status: str
    issued_at: dt.datetime  # UTC, whole seconds (as signed)
    sender_name: str
    sender_organisation: str | None
    sender_phone: str | None
    sender_nik: str | None
    recipient_unit: str
    subject: str
    subject_digest: str
    pages: int
    attachments: int
    channel: str
    officer: str | None  # username of the receiving officer
    officer_name: str | None
    officer_nip: str | None
    expected_completion: dt.date | None
    check_code: str
    qr_text: str
    kid: str
    history: tuple[ReceiptEventInfo, ...] = ()

    @property
    def status_name(self) -> tuple[str, str]:
        return STATUS_NAMES[self.status]

    def as_json(self, zone: dt.tzinfo) -> dict[str, Any]:
        def stamp(value: dt.datetime) -> str:
            return value.astimezone(zone).isoformat(timespec="seconds")

        return {
            "number": self.number,
            "office_id": self.office_id,
            "status": self.status,
            "status_name": STATUS_NAMES[self.status][0],
            "status_name_en": STATUS_NAMES[self.status][1],
            "issued_at": stamp(self.issued_at),
            "sender_name": self.sender_name,
            "sender_organisation": self.sender_organisation,
            "sender_phone": self.sender_phone,
            "sender_nik": self.sender_nik,
            "recipient_unit": self.recipient_unit,
            "subject": self.subject,
            "subject_digest": self.subject_digest,
            "pages": self.pages,
            "attachments": self.attachments,
            "channel": self.channel,
            "officer": self.officer,
            "officer_name": self.officer_name,
            "officer_nip": self.officer_nip,
            "expected_completion": (
                self.expected_completion.isoformat() if self.expected_completion else None
            ),
            "check_code": self.check_code,
            "kid": self.kid,
            "qr": self.qr_text,
            "history": [
                {
                    "seq": e.seq,
                    "status": e.status,
                    "at": stamp(e.at),
                    "officer": e.officer,
                    "note": e.note,
                }
                for e in self.history
            ],
        }


@dataclass(frozen=True)
class LogReport:
    """The result of checking the receipt history log."""

    ok: bool
    entries: int
    receipts: int
    problem: ChainProblem | None
    message_id: str
    message_en: str
    seals: int = 0  # sign-off seals checked

    def as_json(self) -> dict[str, Any]:
        problem = None
        if self.problem:
            problem = {
                "seq": self.problem.seq,
                "reason": self.problem.reason,
                "label": self.problem.label,
                "message": self.problem.message_id,
                "message_en": self.problem.message_en,
            }
        return {
            "ok": self.ok,
            "entries": self.entries,
            "receipts": self.receipts,
            "problem": problem,
            "message": self.message_id,
            "message_en": self.message_en,
            "seals": self.seals,
        }


# ── validation ────────────────────────────────────────────────────────────────────


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


def _status(raw: str) -> str:
    value = raw.strip().lower()
    if value not in STATUSES:
        raise InvalidInput(
            f"Status tidak dikenal: '{raw}' (pilihan: {', '.join(STATUSES)})",
            f"Unknown status: '{raw}' (choices: {', '.join(STATUSES)})",
        )
    return value


def add_working_days(day: dt.date, days: int) -> dt.date:
    """``days`` working days (Monday–Friday) after ``day``. Holidays are not known yet."""
    current = day
    remaining = days
    while remaining > 0:
        current += dt.timedelta(days=1)
        if current.isoweekday() <= 5:
            remaining -= 1
    return current


def format_number(year: int, sequence: int) -> str:
    return f"{NUMBER_PREFIX}-{year:04d}-{sequence:06d}"


def parse_number(raw: str) -> tuple[int, int]:
    """``"TT-2026-000123"`` (also ``tt-2026-123``, ``TT2026000123``) → (2026, 123)."""
    match = _NUMBER.match(raw.strip().upper())
    if not match or int(match.group(2)) == 0:
        raise InvalidInput(
            f"Nomor tanda terima tidak sah: '{raw}' (contoh TT-2026-000123)",
            f"Invalid receipt number: '{raw}' (e.g. TT-2026-000123)",
        )
    return int(match.group(1)), int(match.group(2))


# ── reading ───────────────────────────────────────────────────────────────────────


def _officer_claim(officer: Staff | None) -> str | None:
    if officer is None:
        return None
    return officer.nip or officer.username


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


def _info(row: Receipt, with_history: bool = False) -> ReceiptInfo:
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
    return _info(find_receipt(number), with_history=True)


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
            | Receipt.sender_phone.contains(needle)
        )
    if status:
        query = query.where(Receipt.status == _status(status))
    if statuses is not None:
        query = query.where(Receipt.status.in_([_status(s) for s in statuses]))
    if year is not None:
        query = query.where(Receipt.year == check.positive_int(year, "Tahun", "Year", 2000, 9999))
    query = query.order_by(Receipt.issued_at.desc(), Receipt.id.desc()).limit(
        check.positive_int(limit, "Batas", "Limit", 1, 100_000)
    )
    return [_info(row) for row in query]


# ── writing ───────────────────────────────────────────────────────────────────────


def content_digest(row: Receipt) -> str:
    """SHA-256 over the receipt's fixed fields; recorded in its ``received`` event so
    that editing the receipt row itself shows up in :func:`verify_log`."""
    fields = {
        "number": row.number,
        "office_id": row.office_id,
        "year": row.year,
        "sequence": row.sequence,
        "sender_name": row.sender_name,
        "sender_organisation": row.sender_organisation,
        "sender_phone": row.sender_phone,
        "sender_nik": row.sender_nik,
        "recipient_unit": row.recipient_unit,
        "subject": row.subject,
        "subject_digest": row.subject_digest,
        "pages": row.pages,
        "attachments": row.attachments,
        "channel": row.channel,
        "officer": row.officer_id,
        "expected_completion": (
            row.expected_completion.isoformat() if row.expected_completion else None
        ),
        "check_code": row.check_code,
        "qr_text": row.qr_text,
        "kid": row.kid,
        "issued_at": to_micros(row.issued_at),
    }
    encoded = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _chain_fields(
    number: str | None, status: str, at: dt.datetime, officer_id: int | None, detail: str
) -> dict[str, Any]:
    return {"receipt": number, "status": status, "at": at, "officer": officer_id, "detail": detail}


def _append_event(
    receipt: Receipt, status: str, at: dt.datetime, officer: Staff | None, **detail: Any
) -> None:
    text = json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail else ""
    officer_id = officer.id if officer else None
    link = hashchain.append(CHAIN, _chain_fields(receipt.number, status, at, officer_id, text))
    ReceiptEvent.insert(
        seq=link.seq,
        receipt=receipt.id,
        status=status,
        at=at,
        officer=officer_id,
        detail=text,
        prev_hash=link.prev_hash,
        row_hash=link.row_hash,
    ).execute()


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
) -> ReceiptInfo:
    """Record a document handed in and sign its receipt.

    ``channel`` defaults to ``counter`` when an ``officer`` (username) receives it,
    else ``kiosk``; a counter receipt needs the officer, a kiosk receipt has none.
    ``working_days`` sets the expected completion date (Monday–Friday count).
    The returned :class:`ReceiptInfo` carries everything a printed receipt shows,
    including ``qr_text`` and ``check_code``.
    """
    from loket.models.services.signing import ensure_key, sign_claims

    name = check.text(sender_name, "Nama pengirim", "Sender name", 120)
    organisation = _optional_text(
        sender_organisation, "Instansi pengirim", "Sender organisation", 120
    )
    phone = check.phone(sender_phone)
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
    expected = add_working_days(local_day, days) if days is not None else None
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
        )
        row = Receipt.get_by_id(row.id)  # read back exactly what the database holds
        _append_event(row, "received", now, staff, content=content_digest(row))
        if staff is not None:
            _append_event(row, "confirmed", now, staff)
            Receipt.update(status="confirmed").where(Receipt.id == row.id).execute()
        publish("receipts")
    return _info(Receipt.get_by_id(row.id), with_history=True)


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
    target = _status(status)
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
        _append_event(row, target, now, staff, **detail)
        publish("receipts")
    return _info(Receipt.get_by_id(row.id), with_history=True)


def ticket_qr_text(
    ticket_label: str,
    service: str | None = None,
    issued_at: dt.datetime | None = None,
    day: dt.date | None = None,
    office_id: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> str:
    """The signed ``LKT1:`` text for a queue ticket's QR (kiosk and counter print it).

    ``service`` defaults to the label's letters (``A-012`` → ``A``), ``issued_at`` to
    now and ``day`` to the office-local day of ``issued_at``.
    """
    from loket.models.services.signing import ensure_key, sign_claims

    label = ticket_label.strip().upper()
    code = check.service_code(service if service else label.split("-", 1)[0])
    if not re.match(r"^[A-Z]{1,2}-\d{1,5}$", label):
        raise InvalidInput(
            f"Nomor antrian tidak sah: '{ticket_label}'", f"Invalid ticket number: '{ticket_label}'"
        )
    settings = load_settings()
    when = (issued_at or clock.now()).astimezone(dt.UTC).replace(microsecond=0)
    office = office_id or settings.office_id
    ensure_key(office, clock=clock)
    signed = sign_claims(
        Claims(
            kind="ticket",
            number=label,
            office=office,
            kid="00000000",
            issued_at=when,
            service=code,
            day=day or settings.today(when),
        )
    )
    return signed.text


# ── checking the log ──────────────────────────────────────────────────────────────


def _chain_entries() -> list[ChainEntry]:
    # An outer join: an event whose receipt row vanished still counts (and fails).
    query = (
        ReceiptEvent.select(
            ReceiptEvent.seq,
            ReceiptEvent.prev_hash,
            ReceiptEvent.row_hash,
            ReceiptEvent.status,
            ReceiptEvent.at,
            ReceiptEvent.officer,
            ReceiptEvent.detail,
            Receipt.number,
        )
        .join(Receipt, JOIN.LEFT_OUTER)
        .order_by(ReceiptEvent.seq)
        .tuples()
    )
    entries = []
    for seq, prev_hash, row_hash, status, at, officer_id, detail, number in query:
        entries.append(
            ChainEntry(
                seq=int(seq),
                prev_hash=prev_hash,
                row_hash=row_hash,
                fields=_chain_fields(number, status, at, officer_id, detail),
                label=f"{number or '?'} → {status}",
            )
        )
    return entries


def _receipt_problem(entries: list[ChainEntry]) -> ChainProblem | None:
    """Receipt rows must match their logged content digest and latest status."""
    first: dict[str, ChainEntry] = {}
    last: dict[str, ChainEntry] = {}
    for entry in entries:
        number = str(entry.fields["receipt"])
        first.setdefault(number, entry)
        last[number] = entry
    for row in Receipt.select().order_by(Receipt.id):
        start = first.get(row.number)
        if start is None or start.fields["status"] != "received":
            return ChainProblem(
                seq=start.seq if start else 0,
                reason="unlogged",
                label=row.number,
                message_id=f"Tanda terima {row.number} tidak tercatat diterima di log",
                message_en=f"Receipt {row.number} has no 'received' entry in the log",
            )
        try:
            recorded = json.loads(str(start.fields["detail"])).get("content")
        except (ValueError, AttributeError):
            recorded = None
        if recorded != content_digest(row):
            return ChainProblem(
                seq=start.seq,
                reason="receipt_edited",
                label=row.number,
                message_id=f"Data tanda terima {row.number} diubah setelah dicatat (entri #{start.seq})",
                message_en=f"Receipt {row.number} was changed after it was recorded (entry #{start.seq})",
            )
        end = last[row.number]
        if end.fields["status"] != row.status:
            return ChainProblem(
                seq=end.seq,
                reason="status_mismatch",
                label=row.number,
                message_id=f"Status {row.number} ({row.status}) tidak sesuai log "
                f"({end.fields['status']}, entri #{end.seq})",
                message_en=f"The status of {row.number} ({row.status}) differs from the log "
                f"({end.fields['status']}, entry #{end.seq})",
            )
    return None


def verify_log() -> LogReport:
    """Check the whole receipt history: the hash chain, the sign-off seals over it
    (:mod:`chain_seals`), then each receipt against it."""
    from loket.models.services import chain_seals

    entries = _chain_entries()
    problem = (
        hashchain.verify_chain(CHAIN, entries)
        or chain_seals.chain_problem(CHAIN, entries)
        or _receipt_problem(entries)
    )
    receipts = Receipt.select().count()
    seals = chain_seals.seal_count()
    if problem is None:
        sealed_id, sealed_en = chain_seals.sealed_suffix(seals)
        return LogReport(
            ok=True,
            entries=len(entries),
            receipts=receipts,
            problem=None,
            message_id=f"Log tanda terima utuh: {len(entries)} entri, {receipts} tanda terima"
            + sealed_id,
            message_en=f"Receipt log intact: {len(entries)} entries, {receipts} receipts"
            + sealed_en,
            seals=seals,
        )
    return LogReport(
        ok=False,
        entries=len(entries),
        receipts=receipts,
        problem=problem,
        message_id=f"LOG RUSAK: {problem.message_id}",
        message_en=f"LOG BROKEN: {problem.message_en}",
        seals=seals,
    )
