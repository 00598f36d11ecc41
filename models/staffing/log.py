"""The staffing log: every sign-in, break, handover, absence, gap and sign-off, in one
append-only hash chain (``staffing``). Reads are hand-written SQL: status and reports
replay a day's entries many times a minute."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from loket.models import rawsql
from loket.models.db import db_date, is_sqlite
from loket.models.fields import from_micros, to_micros
from loket.models.integrity import hashchain
from loket.models.tables import StaffingEvent

CHAIN = "staffing"
# Entries that set a counter's state; each one alone says what the state is after it.
STATE_KINDS = (
    "sign_in",
    "break",
    "resume",
    "handover",
    "sign_out",
    "heartbeat_lost",
    "heartbeat_restored",
)
GAP_KINDS = ("gap_open", "gap_close", "gap_escalated")
OTHER_KINDS = ("gap_reason", "sign_off", "config")
KINDS = STATE_KINDS + GAP_KINDS + OTHER_KINDS


@dataclass(frozen=True)
class LogEntry:
    seq: int
    at: dt.datetime
    recorded_at: dt.datetime
    day: dt.date
    kind: str
    counter_id: int | None
    officer_id: int | None
    reason: str | None
    reference: str | None
    approved_by_id: int | None
    detail: dict[str, Any] = field(default_factory=dict)
    detail_text: str = ""


def chain_fields(
    kind: str,
    at: dt.datetime,
    recorded_at: dt.datetime,
    day: dt.date,
    counter_id: int | None,
    officer_id: int | None,
    reason: str | None,
    reference: str | None,
    approved_by_id: int | None,
    detail: str,
) -> dict[str, Any]:
    return {
        "kind": kind,
        "at": at,
        "recorded_at": recorded_at,
        "day": day,
        "counter": counter_id,
        "officer": officer_id,
        "reason": reason,
        "reference": reference,
        "approved_by": approved_by_id,
        "detail": detail,
    }


def lock_log() -> None:
    """Serialise staffing writes on the chain head (call first in the transaction).

    Two officers pressing "break" at once must not both see the other as covering the
    desk. SQLite's BEGIN IMMEDIATE already serialises; PostgreSQL locks the head row.
    """
    if is_sqlite():
        return
    rawsql.execute(
        "INSERT INTO chain_head (chain, length, head_hash) VALUES (?, 0, ?) "
        "ON CONFLICT (chain) DO NOTHING",
        (CHAIN, hashchain.GENESIS_HASH),
    )
    rawsql.fetch_one("SELECT length FROM chain_head WHERE chain = ? FOR UPDATE", (CHAIN,))


def append(
    kind: str,
    at: dt.datetime,
    recorded_at: dt.datetime,
    day: dt.date,
    *,
    counter_id: int | None = None,
    officer_id: int | None = None,
    reason: str | None = None,
    reference: str | None = None,
    approved_by_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> LogEntry:
    """Append one entry; call inside ``write_transaction()``."""
    if kind not in KINDS:
        raise ValueError(f"unknown staffing entry kind {kind!r}")
    text = json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail else ""
    fields = chain_fields(
        kind, at, recorded_at, day, counter_id, officer_id, reason, reference, approved_by_id, text
    )
    link = hashchain.append(CHAIN, fields)
    StaffingEvent.insert(
        seq=link.seq,
        at=at,
        recorded_at=recorded_at,
        day=day,
        kind=kind,
        counter=counter_id,
        officer=officer_id,
        reason=reason,
        reference=reference,
        approved_by=approved_by_id,
        detail=text,
        prev_hash=link.prev_hash,
        row_hash=link.row_hash,
    ).execute()
    return LogEntry(
        link.seq,
        at,
        recorded_at,
        day,
        kind,
        counter_id,
        officer_id,
        reason,
        reference,
        approved_by_id,
        dict(detail or {}),
        text,
    )


_COLUMNS = (
    "seq, at, recorded_at, day, kind, counter_id, officer_id, reason, reference, "
    "approved_by_id, detail"
)


_DAYS: dict[str, dt.date] = {}


def stored_day(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    # A year's report reads ~90,000 entries over ~365 distinct days: parse each once.
    day = _DAYS.get(value)
    if day is None:
        day = _DAYS[value] = dt.date.fromisoformat(str(value))
    return day


_EPOCH = from_micros(0)
_MICRO = dt.timedelta(microseconds=1)


def _entry(row: tuple[Any, ...]) -> LogEntry:
    seq, at, recorded_at, day, kind, counter_id, officer_id, reason, ref, approver, text = row
    # Positional and with from_micros inlined: this runs for every entry of a report.
    return LogEntry(
        int(seq),
        _EPOCH + _MICRO * int(at),
        _EPOCH + _MICRO * int(recorded_at),
        stored_day(day),
        kind,
        counter_id,
        officer_id,
        reason,
        ref,
        approver,
        json.loads(text) if text else {},
        text or "",
    )


def entries_for_days(first: dt.date, last: dt.date) -> list[LogEntry]:
    """Every entry about the days ``first``..``last``, in the order things happened."""
    rows = rawsql.fetch_all(
        f"SELECT {_COLUMNS} FROM staffing_event WHERE day >= ? AND day <= ? ORDER BY at, seq",
        (db_date(first), db_date(last)),
    )
    return [_entry(row) for row in rows]


def entries_for_day_list(days: Sequence[dt.date], kinds: Sequence[str] = ()) -> list[LogEntry]:
    """Every entry about the given days (of ``kinds`` if given), in the order things happened."""
    if not days:
        return []
    sql = f"SELECT {_COLUMNS} FROM staffing_event WHERE day IN ({', '.join('?' for _ in days)})"
    if kinds:
        sql += f" AND kind IN ({', '.join('?' for _ in kinds)})"
    rows = rawsql.fetch_all(sql + " ORDER BY at, seq", (*(db_date(d) for d in days), *kinds))
    return [_entry(row) for row in rows]


def entries_with_seqs(seqs: Sequence[int]) -> list[LogEntry]:
    if not seqs:
        return []
    rows = rawsql.fetch_all(
        f"SELECT {_COLUMNS} FROM staffing_event WHERE seq IN ({', '.join('?' for _ in seqs)}) "
        "ORDER BY seq",
        tuple(seqs),
    )
    return [_entry(row) for row in rows]


def gap_entries(first: dt.date, last: dt.date) -> list[LogEntry]:
    rows = rawsql.fetch_all(
        f"SELECT {_COLUMNS} FROM staffing_event WHERE day >= ? AND day <= ? "
        "AND kind IN ('gap_open', 'gap_close') ORDER BY seq",
        (db_date(first), db_date(last)),
    )
    return [_entry(row) for row in rows]


def states_before(instant: dt.datetime) -> list[LogEntry]:
    """The last state entry of every counter before ``instant``."""
    placeholders = ", ".join("?" for _ in STATE_KINDS)
    rows = rawsql.fetch_all(
        f"SELECT {_COLUMNS} FROM staffing_event WHERE seq IN ("
        f"SELECT MAX(seq) FROM staffing_event WHERE at < ? AND kind IN ({placeholders}) "
        "GROUP BY counter_id)",
        (to_micros(instant), *STATE_KINDS),
    )
    return [_entry(row) for row in rows]


def entries(first_seq: int = 1, limit: int | None = None) -> list[LogEntry]:
    sql = f"SELECT {_COLUMNS} FROM staffing_event WHERE seq >= ? ORDER BY seq"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_entry(row) for row in rawsql.fetch_all(sql, (first_seq,))]


def chain_entries() -> list[hashchain.ChainEntry]:
    rows = rawsql.fetch_all(
        "SELECT seq, prev_hash, row_hash, kind, at, recorded_at, day, counter_id, officer_id, "
        "reason, reference, approved_by_id, detail FROM staffing_event ORDER BY seq"
    )
    result = []
    for seq, prev, row_hash, kind, at, recorded, day, counter, officer, why, ref, ok, text in rows:
        # The hashed forms straight from the row (instants as microseconds, the day as
        # ISO text): what chain_fields' datetimes and date encode to, without the round trip
        # through datetime for each of a year's ~90,000 entries.
        iso_day = day.isoformat() if isinstance(day, dt.date) else str(day)
        fields = {
            "kind": kind,
            "at": int(at),
            "recorded_at": int(recorded),
            "day": iso_day,
            "counter": counter,
            "officer": officer,
            "reason": why,
            "reference": ref,
            "approved_by": ok,
            "detail": text,
        }
        result.append(hashchain.ChainEntry(int(seq), prev, row_hash, fields, f"{kind} {iso_day}"))
    return result
