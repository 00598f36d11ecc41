"""Hash chains for append-only logs that people are held accountable by.

Every entry stores ``prev_hash`` (the previous entry's ``row_hash``, or
:data:`GENESIS_HASH` for the first) and ``row_hash`` = SHA-256 over a canonical
encoding of (chain name, position, ``prev_hash``, the entry's fields). Positions run
1, 2, 3 … without gaps, and a separate head row (:class:`ChainHead`) keeps the length
and last hash, so :func:`verify_chain` finds an edited, inserted or deleted entry —
including the newest one — and names the first bad position.

Appends serialise on the head row: call :func:`append` inside ``write_transaction()``
(``BEGIN IMMEDIATE`` on SQLite; the head row is locked ``FOR UPDATE`` on PostgreSQL).

A chain proves the log was not changed *behind the application's back*; someone with
write access who recomputes every hash and the head can still rewrite history, or cut
the newest entries and move the head back. The anchors outside the database's reach
close that gap: the daily seals (:mod:`seals`), the signed checkpoints
(:mod:`checkpoints`) and each PC's own witness (:mod:`witness`, told of every committed
append here), compared by :mod:`tails`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from loket.models.db import after_commit, database, is_sqlite
from loket.models.fields import to_micros
from loket.models.integrity import witness
from loket.models.tables import ChainHead

GENESIS_HASH = "0" * 64
_DOMAIN = "loket-chain-v1"


_AS_IS = frozenset({str, int, bool, type(None)})


def _plain(value: Any) -> Any:
    if type(value) in _AS_IS:  # the common case, without the isinstance chain below
        return value
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, dt.datetime):
        return to_micros(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot hash-chain a {type(value).__name__}; use int, str, bool, None, dates")


def canonical_bytes(chain: str, seq: int, prev_hash: str, fields: Mapping[str, Any]) -> bytes:
    """The exact bytes hashed for one entry: compact JSON with sorted keys, UTF-8.

    Datetimes become integer microseconds since the epoch (UTC), dates ISO strings,
    so SQLite and PostgreSQL rows hash the same.
    """
    as_is = _AS_IS  # inlined: a year's verification converts over a million values
    body = {str(k): v if type(v) in as_is else _plain(v) for k, v in fields.items()}
    return _ENCODER.encode([_DOMAIN, chain, seq, prev_hash, body]).encode("utf-8")


# What json.dumps(…, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
# allow_nan=False) builds on every call, made once: a year's verification hashes 150,000.
_ENCODER = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
)


def entry_hash(chain: str, seq: int, prev_hash: str, fields: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_bytes(chain, seq, prev_hash, fields)).hexdigest()


@dataclass(frozen=True)
class Link:
    """Where a new entry goes: store these three values on the new row."""

    seq: int
    prev_hash: str
    row_hash: str


@dataclass(frozen=True)
class ChainEntry:
    """One stored entry as :func:`verify_chain` reads it back."""

    seq: int
    prev_hash: str
    row_hash: str
    fields: Mapping[str, Any]
    label: str = ""  # how people name the entry, e.g. "TT-2026-000003 → confirmed"


@dataclass(frozen=True)
class ChainHeadState:
    length: int
    head_hash: str
    exists: bool = True


@dataclass(frozen=True)
class ChainProblem:
    """The first bad entry of a chain and why."""

    seq: int
    reason: str  # edited | deleted | inserted | relinked | head_mismatch | head_missing
    label: str
    message_id: str
    message_en: str

    def __str__(self) -> str:
        return f"{self.message_id} / {self.message_en}"


def read_head(chain: str) -> ChainHeadState:
    row = ChainHead.get_or_none(ChainHead.chain == chain)
    if row is None:
        return ChainHeadState(0, GENESIS_HASH, exists=False)
    return ChainHeadState(int(row.length), row.head_hash)


def append(chain: str, fields: Mapping[str, Any]) -> Link:
    """Reserve the next position of ``chain`` for an entry with ``fields``.

    Must run inside ``write_transaction()``: the head row stays locked until commit,
    and a rollback undoes both the head move and the caller's row insert.
    """
    db = database.obj
    if db.transaction_depth() == 0:
        raise RuntimeError("hashchain.append must run inside write_transaction()")
    ChainHead.insert(chain=chain, length=0, head_hash=GENESIS_HASH).on_conflict_ignore().execute()
    if is_sqlite(db):
        row = db.execute_sql(
            "SELECT length, head_hash FROM chain_head WHERE chain = ?", (chain,)
        ).fetchone()
    else:
        row = db.execute_sql(
            "SELECT length, head_hash FROM chain_head WHERE chain = %s FOR UPDATE", (chain,)
        ).fetchone()
    length, prev_hash = int(row[0]), str(row[1])
    seq = length + 1
    row_hash = entry_hash(chain, seq, prev_hash, fields)
    ChainHead.update(length=seq, head_hash=row_hash).where(ChainHead.chain == chain).execute()
    # This PC's witness learns the new head once it is committed (never a rolled-back one).
    after_commit(lambda: witness.observe(chain, seq, row_hash))
    return Link(seq=seq, prev_hash=prev_hash, row_hash=row_hash)


def _problem(seq: int, reason: str, label: str, why_id: str, why_en: str) -> ChainProblem:
    name = f"#{seq}" + (f" ({label})" if label else "")
    return ChainProblem(
        seq=seq,
        reason=reason,
        label=label,
        message_id=f"Entri {name}: {why_id}",
        message_en=f"Entry {name}: {why_en}",
    )


def verify_chain(
    chain: str, entries: Iterable[ChainEntry], head: ChainHeadState | None = None
) -> ChainProblem | None:
    """The first bad entry of ``chain`` (entries in position order), or ``None``.

    ``head`` defaults to the stored head row; pass it explicitly to check an export.
    """
    head = head if head is not None else read_head(chain)
    expected_seq = 1
    prev_hash = GENESIS_HASH
    last_label = ""
    for entry in entries:
        if entry.seq > expected_seq:
            return _problem(
                expected_seq,
                "deleted",
                "",
                f"hilang (dihapus) — entri berikutnya yang ada adalah #{entry.seq}",
                f"is missing (deleted) — the next entry present is #{entry.seq}",
            )
        if entry.seq < expected_seq:
            return _problem(
                entry.seq,
                "inserted",
                entry.label,
                "muncul dua kali atau tidak urut (disisipkan)",
                "appears twice or out of order (inserted)",
            )
        if entry.prev_hash != prev_hash:
            return _problem(
                entry.seq,
                "relinked",
                entry.label,
                "tidak tersambung ke entri sebelumnya (ada yang disisipkan, dihapus atau diubah)",
                "does not link to the entry before it (something was inserted, deleted or edited)",
            )
        if entry_hash(chain, entry.seq, entry.prev_hash, entry.fields) != entry.row_hash:
            return _problem(
                entry.seq,
                "edited",
                entry.label,
                "isinya diubah setelah dicatat",
                "was changed after it was recorded",
            )
        prev_hash = entry.row_hash
        last_label = entry.label
        expected_seq += 1
    count = expected_seq - 1
    if count and not head.exists:
        return _problem(
            1,
            "head_missing",
            "",
            f"kepala rantai '{chain}' hilang (dihapus) padahal log berisi {count} entri",
            f"the head of chain '{chain}' is missing (deleted) though the log holds {count} entries",
        )
    if count < head.length:
        return _problem(
            count + 1,
            "deleted",
            "",
            f"hilang (dihapus) — log seharusnya berisi {head.length} entri, ada {count}",
            f"is missing (deleted) — the log should hold {head.length} entries, found {count}",
        )
    if count > head.length:
        return _problem(
            head.length + 1,
            "inserted",
            "",
            f"tidak tercatat di kepala rantai (disisipkan); kepala mencatat {head.length} entri",
            f"is not recorded in the chain head (inserted); the head records {head.length} entries",
        )
    if count and prev_hash != head.head_hash:
        return _problem(
            count,
            "head_mismatch",
            last_label,
            "tidak cocok dengan kepala rantai (entri terakhir diganti)",
            "does not match the chain head (the newest entry was replaced)",
        )
    return None
