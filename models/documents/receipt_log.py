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

from loket.models import rawsql
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
    return _digest(
        (
            row.number, row.office_id, row.year, row.sequence, row.sender_name,
            row.sender_organisation, row.sender_phone, row.sender_nik, row.recipient_unit,
            row.subject, row.subject_digest, row.pages, row.attachments, row.channel,
            row.officer_id, row.expected_completion, row.check_code, row.qr_text, row.kid,
            to_micros(row.issued_at),
        )
    )  # fmt: skip


# content_digest's fields in this order; the verification reads them as raw columns.
_DIGESTED = (
    "number", "office_id", "year", "sequence", "sender_name", "sender_organisation",
    "sender_phone", "sender_nik", "recipient_unit", "subject", "subject_digest", "pages",
    "attachments", "channel", "officer", "expected_completion", "check_code", "qr_text",
    "kid", "issued_at",
)  # fmt: skip
_COLUMNS = ", ".join("officer_id" if name == "officer" else name for name in _DIGESTED)


def _digest(values: tuple[Any, ...]) -> str:
    fields = dict(zip(_DIGESTED, values, strict=True))
    done = fields["expected_completion"]
    if isinstance(done, dt.date):  # a date (PostgreSQL, a row) or already ISO text (SQLite)
        fields["expected_completion"] = done.isoformat()
    fields["issued_at"] = int(fields["issued_at"])
    encoded = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


ERASED_NOTE = "Nomor HP dihapus (masa simpan habis) / phone number deleted (retention)"


def erase_sender_phone(row: Receipt, at: dt.datetime) -> None:
    """Delete the sender's phone number of a closed receipt, inside a transaction. The
    log records the erasure with the new content digest, so :func:`verify_log` checks
    the row against it and the receipt stays intact; the status is unchanged."""
    Receipt.update(sender_phone=None).where(Receipt.id == row.id).execute()
    row.sender_phone = None
    append_event(
        row, row.status, at, None, erased="sender_phone", content=content_digest(row),
        note=ERASED_NOTE,
    )  # fmt: skip


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
    # An outer join: an event whose receipt row vanished still counts (and fails). Raw
    # rows: the instant stays microseconds, the form it is hashed in.
    rows = rawsql.fetch_all(
        "SELECT e.seq, e.prev_hash, e.row_hash, e.status, e.at, e.officer_id, e.detail, "
        "r.number FROM receipt_event e LEFT OUTER JOIN receipt r ON r.id = e.receipt_id "
        "ORDER BY e.seq"
    )
    return [
        ChainEntry(
            seq=int(seq),
            prev_hash=prev_hash,
            row_hash=row_hash,
            fields={
                "receipt": number,
                "status": status,
                "at": int(at),
                "officer": officer,
                "detail": detail,
            },
            label=f"{number or '?'} → {status}",
        )
        for seq, prev_hash, row_hash, status, at, officer, detail, number in rows
    ]


@dataclass(frozen=True)
class _Row:
    number: str
    status: str
    digest: str


def _receipt_problem(entries: list[ChainEntry]) -> ChainProblem | None:
    """Receipt rows must match their logged content digest (the ``received`` entry's,
    or the newest erasure's) and latest status."""
    first: dict[str, ChainEntry] = {}
    last: dict[str, ChainEntry] = {}
    digest: dict[str, ChainEntry] = {}
    for entry in entries:
        number = str(entry.fields["receipt"])
        first.setdefault(number, entry)
        last[number] = entry
        if entry is not first[number] and '"erased"' in str(entry.fields["detail"]):
            digest[number] = entry
    rows = rawsql.fetch_all(f"SELECT {_COLUMNS}, status FROM receipt ORDER BY id")
    for values in rows:
        row = _Row(values[0], str(values[-1]), _digest(tuple(values[:-1])))
        start = first.get(row.number)
        if start is None or start.fields["status"] != "received":
            return ChainProblem(
                seq=start.seq if start else 0,
                reason="unlogged",
                label=row.number,
                message_id=f"Tanda terima {row.number} tidak tercatat diterima di log",
                message_en=f"Receipt {row.number} has no 'received' entry in the log",
            )
        holder = digest.get(row.number, start)
        try:
            recorded = json.loads(str(holder.fields["detail"])).get("content")
        except (ValueError, AttributeError):
            recorded = None
        if recorded != row.digest:
            return ChainProblem(
                seq=holder.seq,
                reason="receipt_edited",
                label=row.number,
                message_id=f"Data tanda terima {row.number} diubah setelah dicatat (entri #{holder.seq})",
                message_en=f"Receipt {row.number} was changed after it was recorded (entry #{holder.seq})",
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


def missing_numbers() -> dict[tuple[str, int], list[int]]:
    """Per (office, year): the numbers of the yearly sequence that no receipt holds.

    Numbers are handed out inside the receipt's transaction (a rollback hands its
    number back), so every number up to the sequence's last one belongs to a receipt;
    a hole is a receipt deleted behind the application's back.
    """
    from loket.models import rawsql

    held: dict[tuple[str, int], set[int]] = {}
    for office, year, sequence in rawsql.fetch_all("SELECT office_id, year, sequence FROM receipt"):
        held.setdefault((str(office), int(year)), set()).add(int(sequence))
    gaps: dict[tuple[str, int], list[int]] = {}
    for office, year, last in rawsql.fetch_all(
        "SELECT office_id, year, last_number FROM receipt_sequence ORDER BY year, office_id"
    ):
        have = held.get((str(office), int(year)), set())
        last = max(int(last), max(have, default=0))
        missing = [n for n in range(1, last + 1) if n not in have]
        if missing:
            gaps[(str(office), int(year))] = missing
    return gaps


def _numbering_problem() -> ChainProblem | None:
    from loket.models.documents.receipt_info import format_number

    gaps = missing_numbers()
    if not gaps:
        return None
    (office, year), missing = next(iter(gaps.items()))
    shown = ", ".join(format_number(year, n) for n in missing[:10])
    more = len(missing) - 10
    if more > 0:
        shown += f" (+{more})"
    return ChainProblem(
        seq=0,
        reason="number_gap",
        label=format_number(year, missing[0]),
        message_id=f"Penomoran tanda terima {year} (kantor {office}) berlubang: {shown} "
        "tidak ada — kemungkinan dihapus",
        message_en=f"The {year} receipt numbering (office {office}) has gaps: {shown} "
        "missing — possibly deleted",
    )


def verify_log() -> LogReport:
    """Check the whole receipt history: the hash chain, the sign-off seals over it
    (:mod:`chain_seals`), then each receipt against it."""
    from loket.models.integrity import seals as chain_seals

    entries = _chain_entries()
    problem = (
        hashchain.verify_chain(CHAIN, entries)
        or chain_seals.chain_problem(CHAIN, entries)
        or _receipt_problem(entries)
        or _numbering_problem()
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
    extra_id = extra_en = ""
    if problem.reason != "number_gap":  # a hole in the numbering is named as well
        gap = _numbering_problem()
        if gap is not None:
            extra_id, extra_en = f"; {gap.message_id}", f"; {gap.message_en}"
    return LogReport(
        ok=False,
        entries=len(entries),
        receipts=receipts,
        problem=problem,
        message_id=f"LOG RUSAK: {problem.message_id}{extra_id}",
        message_en=f"LOG BROKEN: {problem.message_en}{extra_en}",
        seals=seals,
    )
