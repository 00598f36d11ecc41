"""Signed checkpoints: where every chain stood, written into the database by the PCs.

A seal is made once a day, and only when the head signs off; a witness
(:mod:`witness`) lives on one PC. A checkpoint records the (length, head hash) of the
staffing, receipt and audit chains at a moment, signed with the Ed25519 key of the PC
that wrote it (over :func:`signed_bytes`). Running apps write one when the office's
newest checkpoint is 15 minutes old and a chain has moved since
(:func:`maybe_checkpoint`, from their periodic background work); every sign-off and
every successful verification from the command line writes one too.

The checkpoints are themselves the hash chain ``checkpoint``: an edited, inserted or
deleted checkpoint breaks it, and the newest checkpoint's signature covers every
checkpoint before it (its ``prev_hash``), so verifying a year of them costs a hash each
and a few signatures (:mod:`tails` does the checking).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import socket
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from loket.models import rawsql
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import write_transaction
from loket.models.fields import from_micros, to_micros
from loket.models.integrity import hashchain, signing, witness
from loket.models.integrity.hashchain import ChainEntry
from loket.models.integrity.seals import SEALED_CHAINS, ChainMark, current_marks

log = logging.getLogger(__name__)

CHAIN = "checkpoint"
EVERY = dt.timedelta(minutes=15)
POLL = dt.timedelta(minutes=1)  # how often a running app looks whether one is due
REASONS = ("timer", "sign_off", "verify")
_DOMAIN = "loket-checkpoint-v1"
_COLUMNS = (
    "seq, at, office_id, kid, pc, reason, staffing_seq, staffing_hash, receipts_seq, "
    "receipts_hash, audit_seq, audit_hash, signature, prev_hash, row_hash"
)


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    at: dt.datetime
    office_id: str
    kid: str
    pc: str
    reason: str
    marks: tuple[ChainMark, ...]
    signature: bytes
    prev_hash: str
    row_hash: str

    def mark(self, chain: str) -> ChainMark:
        return next(m for m in self.marks if m.chain == chain)

    def fields(self) -> dict[str, Any]:
        """What the ``checkpoint`` chain hashes (everything but the signature)."""
        return chain_fields(self.at, self.office_id, self.kid, self.pc, self.reason, self.marks)

    def signed(self) -> bytes:
        return signed_bytes(self.seq, self.prev_hash, self.fields())

    def as_json(self, zone: dt.tzinfo) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at.astimezone(zone).isoformat(),
            "office_id": self.office_id,
            "kid": self.kid,
            "pc": self.pc,
            "reason": self.reason,
            "chains": {m.chain: {"seq": m.seq, "hash": m.hash} for m in self.marks},
        }


def chain_fields(
    at: dt.datetime, office_id: str, kid: str, pc: str, reason: str, marks: Sequence[ChainMark]
) -> dict[str, Any]:
    fields: dict[str, Any] = {"at": at, "office": office_id, "kid": kid, "pc": pc, "reason": reason}
    for mark in marks:
        prefix = SEALED_CHAINS[mark.chain][1]
        fields[f"{prefix}_seq"] = mark.seq
        fields[f"{prefix}_hash"] = mark.hash
    return fields


def signed_bytes(seq: int, prev_hash: str, fields: dict[str, Any]) -> bytes:
    """The exact bytes a checkpoint's signature covers: its place in the checkpoint
    chain (so the newest signature vouches for all before it) and its fields."""
    body = {str(k): hashchain._plain(v) for k, v in fields.items()}
    return json.dumps(
        [_DOMAIN, seq, prev_hash, body], sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def pc_label() -> str:
    return (socket.gethostname() or "pc").strip()[:80] or "pc"


def _checkpoint(row: Sequence[Any]) -> Checkpoint:
    seq, at, office_id, kid, pc, reason, *heads, signature, prev_hash, row_hash = row
    marks = tuple(
        ChainMark(chain, int(heads[2 * i]), str(heads[2 * i + 1]))
        for i, chain in enumerate(SEALED_CHAINS)
    )
    return Checkpoint(
        int(seq),
        from_micros(int(at)),
        str(office_id),
        str(kid),
        str(pc),
        str(reason),
        marks,
        bytes(signature),
        str(prev_hash),
        str(row_hash),
    )


def list_checkpoints(limit: int | None = None) -> list[Checkpoint]:
    """Every checkpoint oldest first (the newest ``limit`` when given)."""
    if limit is None:
        rows = rawsql.fetch_all(f"SELECT {_COLUMNS} FROM chain_checkpoint ORDER BY seq")
        return [_checkpoint(r) for r in rows]
    rows = rawsql.fetch_all(
        f"SELECT {_COLUMNS} FROM chain_checkpoint ORDER BY seq DESC LIMIT {int(limit)}"
    )
    return [_checkpoint(r) for r in reversed(rows)]


def chain_entries(checkpoints: Sequence[Checkpoint]) -> list[ChainEntry]:
    return [
        ChainEntry(
            seq=c.seq,
            prev_hash=c.prev_hash,
            row_hash=c.row_hash,
            fields=c.fields(),
            label=f"{c.pc} {c.reason}",
        )
        for c in checkpoints
    ]


def _this_pc_key(office_id: str) -> signing.KeyInfo | None:
    """This PC's signing key for the office, if it has one (a checkpoint never makes one:
    ``loket init`` and the first receipt or sign-off do)."""
    usable = signing._usable_keys(office_id)
    return signing._info(usable[0]) if usable else None


def _certified(kid: str, at: dt.datetime) -> bool:
    """A checkpoint under a key the office root does not certify would only be reported
    as untrustworthy: a PC whose key awaits its certificate writes none."""
    from loket.models.integrity import certs
    from loket.models.tables import SigningKey

    return certs.problem(SigningKey.get_by_id(kid), at) is None


def write_checkpoint(
    reason: str, clock: Clock = SYSTEM_CLOCK, key: signing.KeyInfo | None = None
) -> Checkpoint | None:
    """Sign and store where the chains stand now; None when this PC has no certified key."""
    from loket.models.settings import load_settings

    assert reason in REASONS, reason
    office_id = load_settings().office_id
    key = key or _this_pc_key(office_id)
    if key is None:
        return None
    at = from_micros(to_micros(clock.now()))
    if not _certified(key.kid, at):
        log.info("checkpoint skipped: key %s is not certified by the office root", key.kid)
        return None
    private = signing._load_private_key(str(signing.keys_dir() / f"{key.kid}.pem"))
    pc = pc_label()
    with write_transaction():
        marks = current_marks()
        fields = chain_fields(at, key.office_id, key.kid, pc, reason, marks)
        link = hashchain.append(CHAIN, fields)
        signature = private.sign(signed_bytes(link.seq, link.prev_hash, fields))
        by_chain = {m.chain: m for m in marks}
        rawsql.execute(
            f"INSERT INTO chain_checkpoint ({_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                link.seq,
                to_micros(at),
                key.office_id,
                key.kid,
                pc,
                reason,
                *(v for c in SEALED_CHAINS for v in (by_chain[c].seq, by_chain[c].hash)),
                signature,
                link.prev_hash,
                link.row_hash,
            ),
        )
    for mark in marks:  # committed: what this PC saw is now its witness too
        witness.observe(mark.chain, mark.seq, mark.hash)
    return Checkpoint(
        link.seq,
        at,
        key.office_id,
        key.kid,
        pc,
        reason,
        marks,
        signature,
        link.prev_hash,
        link.row_hash,
    )


def checkpoint_quietly(reason: str, clock: Clock = SYSTEM_CLOCK) -> Checkpoint | None:
    """:func:`write_checkpoint` for callers whose own work is already done (a sign-off,
    a verification): a failure is logged, never raised."""
    try:
        return write_checkpoint(reason, clock)
    except Exception:
        log.warning("checkpoint (%s) not written", reason, exc_info=True)
        return None


_polled: dict[str, dt.datetime] = {}
_poll_lock = threading.Lock()


@dataclass(frozen=True)
class Round:
    """What one :func:`maybe_checkpoint` did: wrote ``written``, or found ``problem``
    (then it wrote nothing: a checkpoint must not bless a cut log)."""

    written: Checkpoint | None = None
    problem: Any = None  # a ChainProblem


def maybe_checkpoint(clock: Clock = SYSTEM_CLOCK) -> Round:
    """The apps' periodic call (off the GUI thread; cheap when nothing is due): compare
    the chain heads with this PC's witness and the newest checkpoints, then write a
    checkpoint when the office's newest one is :data:`EVERY` old and a chain has moved.
    Never raises: a database that is away is tried again at the next round."""
    from loket.models.integrity import tails

    now = clock.now()
    try:
        db_key = witness.database_key()
        with _poll_lock:
            last = _polled.get(db_key)
            if last is not None and dt.timedelta(0) <= now - last < POLL:
                return Round()
            _polled[db_key] = now
        problem = tails.quick_problem()
        if problem is not None:
            log.error("chain check: %s", problem.message_en)
            return Round(problem=problem)
        newest = list_checkpoints(limit=1)
        if newest and now - newest[0].at < EVERY:
            return Round()
        if newest and newest[0].marks == current_marks():
            return Round()  # nothing moved since
        return Round(written=write_checkpoint("timer", clock))
    except Exception:
        log.warning("periodic checkpoint failed; trying again at the next round", exc_info=True)
        return Round()


def reset_polling() -> None:
    with _poll_lock:
        _polled.clear()
