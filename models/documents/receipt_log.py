"""The receipt history log: every status change is a row of the hash-chained
``receipt_event`` log (:func:`append_event`); :func:`verify_log` finds any edit or
deletion of it, a missing sign-off seal, or a receipt row that no longer matches its
logged content (:func:`content_digest`) or latest status.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from peewee import JOIN

from loket.models.fields import to_micros
from loket.models.integrity import hashchain
from loket.models.integrity.hashchain import ChainEntry, ChainProblem
from loket.models.tables import Receipt, ReceiptEvent, Staff

CHAIN = "receipt_event"


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


def append_event(
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
    from loket.models.integrity import seals as chain_seals

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
