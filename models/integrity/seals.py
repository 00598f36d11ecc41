"""Seals: the daily sign-off anchors the three hash chains outside the database's reach.

A hash chain (:mod:`hashchain`) finds a row edited behind the application's back, but
someone who can write to the database can edit a row and recompute every later hash
and the chain head. So when the head signs off a day, :func:`record_seal` stores the
current head (position, hash) of the staffing, receipt and audit chains, signed with
this PC's Ed25519 key (:mod:`signing`: private keys live only on the PC's disk, the
database holds public keys). A database-only rewrite of anything before a seal then
no longer matches it, and a new seal cannot be forged without the private key.

:func:`verify_seals` checks every seal; :func:`chain_problem` is what the three
verifications (``loket staffing verify``, ``loket receipt verify-log``,
``loket audit verify``) add after their own chain check. The short :func:`seal_code`
is printed on the day's summary, so the head can keep it on paper.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from loket.models import rawsql
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.config import data_dir
from loket.models.db import database, db_date
from loket.models.errors import ConfigurationError
from loket.models.fields import from_micros, to_micros
from loket.models.integrity import certs, hashchain, signing
from loket.models.integrity.hashchain import ChainEntry, ChainProblem
from loket.models.integrity.signing import KeyInfo
from loket.models.tables import SigningKey

_DOMAIN = "loket-seal-v1"

# chain name → (log table, seal columns prefix, Indonesian and English name)
SEALED_CHAINS: dict[str, tuple[str, str, str, str]] = {
    "staffing": ("staffing_event", "staffing", "log penjagaan loket", "staffing log"),
    "receipt_event": ("receipt_event", "receipts", "log tanda terima", "receipt log"),
    "admin_audit": ("audit_entry", "audit", "log audit", "audit log"),
}


@dataclass(frozen=True)
class ChainMark:
    """Where one chain stood when it was sealed (seq 0: the chain was still empty)."""

    chain: str
    seq: int
    hash: str


@dataclass(frozen=True)
class SealInfo:
    id: int
    day: dt.date
    sign_off_seq: int
    office_id: str
    sealed_by: str
    sealed_at: dt.datetime
    marks: tuple[ChainMark, ...]
    kid: str
    signature: bytes

    @property
    def code(self) -> str:
        return seal_code(self.signature)

    def mark(self, chain: str) -> ChainMark:
        return next(m for m in self.marks if m.chain == chain)

    def as_json(self, zone: dt.tzinfo) -> dict[str, Any]:
        return {
            "id": self.id,
            "day": self.day.isoformat(),
            "sign_off_seq": self.sign_off_seq,
            "office_id": self.office_id,
            "sealed_by": self.sealed_by,
            "sealed_at": self.sealed_at.astimezone(zone).isoformat(),
            "chains": {m.chain: {"seq": m.seq, "hash": m.hash} for m in self.marks},
            "kid": self.kid,
            "code": self.code,
        }


@dataclass(frozen=True)
class SealReport:
    ok: bool
    seals: int
    problems: tuple[ChainProblem, ...]
    message_id: str
    message_en: str

    def __str__(self) -> str:
        return f"{self.message_id} / {self.message_en}"


def seal_code(signature: bytes) -> str:
    """What the head writes down: the first 16 hex digits of SHA-256 over the signature,
    in four groups (``3F2A-9C01-77BE-0D45``)."""
    digest = hashlib.sha256(signature).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def signed_bytes(
    office_id: str,
    day: dt.date,
    sign_off_seq: int,
    sealed_by: str,
    sealed_at: dt.datetime,
    marks: Iterable[ChainMark],
) -> bytes:
    """The exact bytes a seal's signature covers: compact JSON, sorted keys, UTF-8."""
    chains = {m.chain: [m.seq, m.hash] for m in marks}
    return json.dumps(
        [
            _DOMAIN,
            office_id,
            day.isoformat(),
            sign_off_seq,
            sealed_by,
            to_micros(sealed_at),
            chains,
        ],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode("utf-8")


def sealing_key(clock: Clock = SYSTEM_CLOCK) -> KeyInfo:
    """This PC's signing key, made now if it has none; call before the sign-off's
    transaction (making a key writes a file and a row of its own)."""
    return signing.ensure_key(clock=clock)


def _private_key(kid: str) -> Any:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = signing.keys_dir() / f"{kid}.pem"
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError) as exc:
        raise ConfigurationError(
            f"Kunci privat {kid} tidak dapat dibaca di {data_dir()}: segel tidak dapat dibuat",
            f"Private key {kid} cannot be read in {data_dir()}: no seal can be made",
        ) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigurationError(
            f"Berkas kunci {path} bukan kunci Ed25519", f"Key file {path} is not an Ed25519 key"
        )
    return key


def current_marks() -> tuple[ChainMark, ...]:
    """Each sealed chain's head as stored now (seq 0 and the genesis hash when empty)."""
    rows = rawsql.fetch_all(
        "SELECT chain, length, head_hash FROM chain_head WHERE chain IN (?, ?, ?)",
        tuple(SEALED_CHAINS),
    )
    heads = {str(chain): (int(length), str(head)) for chain, length, head in rows}
    return tuple(
        ChainMark(chain, *heads.get(chain, (0, hashchain.GENESIS_HASH))) for chain in SEALED_CHAINS
    )


def record_seal(
    day: dt.date, sign_off_seq: int, sealed_by: str, key: KeyInfo, clock: Clock = SYSTEM_CLOCK
) -> SealInfo:
    """Seal the three chains as they stand now, for the sign-off at ``sign_off_seq``.

    Runs inside the sign-off's ``write_transaction()``, after its log entry, so the
    seal covers the sign-off itself and a rollback takes both away.
    """
    if database.obj.transaction_depth() == 0:
        raise RuntimeError("chain_seals.record_seal must run inside write_transaction()")
    sealed_at = from_micros(to_micros(clock.now()))
    marks = current_marks()
    message = signed_bytes(key.office_id, day, sign_off_seq, sealed_by, sealed_at, marks)
    signature = _private_key(key.kid).sign(message)
    by_chain = {m.chain: m for m in marks}
    row = rawsql.fetch_one(
        "INSERT INTO chain_seal (day, sign_off_seq, office_id, sealed_by, sealed_at, "
        "staffing_seq, staffing_hash, receipts_seq, receipts_hash, audit_seq, audit_hash, "
        "kid, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (
            db_date(day),
            sign_off_seq,
            key.office_id,
            sealed_by,
            to_micros(sealed_at),
            *_mark_values(by_chain),
            key.kid,
            signature,
        ),
    )
    assert row is not None
    return SealInfo(
        int(row[0]),
        day,
        sign_off_seq,
        key.office_id,
        sealed_by,
        sealed_at,
        marks,
        key.kid,
        signature,
    )


def _mark_values(by_chain: dict[str, ChainMark]) -> tuple[Any, ...]:
    values: list[Any] = []
    for chain in SEALED_CHAINS:
        values += [by_chain[chain].seq, by_chain[chain].hash]
    return tuple(values)


_COLUMNS = (
    "id, day, sign_off_seq, office_id, sealed_by, sealed_at, staffing_seq, staffing_hash, "
    "receipts_seq, receipts_hash, audit_seq, audit_hash, kid, signature"
)


def _seal(row: Sequence[Any]) -> SealInfo:
    id_, day, sign_off_seq, office_id, by, at, *heads, kid, signature = row
    marks = tuple(
        ChainMark(chain, int(heads[2 * i]), str(heads[2 * i + 1]))
        for i, chain in enumerate(SEALED_CHAINS)
    )
    stored = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
    return SealInfo(
        int(id_),
        stored,
        int(sign_off_seq),
        office_id,
        by,
        from_micros(int(at)),
        marks,
        kid,
        bytes(signature),
    )


def list_seals() -> list[SealInfo]:
    """Every seal, oldest first."""
    return [_seal(r) for r in rawsql.fetch_all(f"SELECT {_COLUMNS} FROM chain_seal ORDER BY id")]


def seal_for_sign_off(sign_off_seq: int) -> SealInfo | None:
    row = rawsql.fetch_one(
        f"SELECT {_COLUMNS} FROM chain_seal WHERE sign_off_seq = ?", (sign_off_seq,)
    )
    return _seal(row) if row else None


def seals_for_sign_offs(sign_off_seqs: Sequence[int]) -> dict[int, SealInfo]:
    """The seals of these sign-off entries, by sign-off position (missing ones left out)."""
    if not sign_off_seqs:
        return {}
    rows = rawsql.fetch_all(
        f"SELECT {_COLUMNS} FROM chain_seal WHERE sign_off_seq IN "
        f"({', '.join('?' for _ in sign_off_seqs)})",
        tuple(sign_off_seqs),
    )
    return {seal.sign_off_seq: seal for seal in map(_seal, rows)}


# ── checking ──────────────────────────────────────────────────────────────────────


def _problem(seal_day: dt.date, seq: int, reason: str, why_id: str, why_en: str) -> ChainProblem:
    return ChainProblem(
        seq=seq,
        reason=reason,
        label=f"segel/seal {seal_day}",
        message_id=why_id,
        message_en=why_en,
    )


def _signature_problem(seal: SealInfo, office_id: str) -> ChainProblem | None:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    key = rawsql.fetch_one(
        "SELECT public_key, office_id, retired_at FROM signing_key WHERE kid = ?", (seal.kid,)
    )
    day = seal.day
    if key is None or key[1] != office_id or seal.office_id != office_id:
        return _problem(
            day,
            seal.sign_off_seq,
            "seal_unknown_key",
            f"Segel {day} ditandatangani dengan kunci yang tidak dikenal kantor ini "
            f"({seal.kid}); segel ini tidak dapat dipercaya",
            f"The seal of {day} is signed with a key this office does not know "
            f"({seal.kid}); the seal cannot be trusted",
        )
    message = signed_bytes(
        seal.office_id, seal.day, seal.sign_off_seq, seal.sealed_by, seal.sealed_at, seal.marks
    )
    try:
        Ed25519PublicKey.from_public_bytes(bytes(key[0])).verify(seal.signature, message)
    except (InvalidSignature, ValueError):
        return _problem(
            day,
            seal.sign_off_seq,
            "seal_bad_signature",
            f"Tanda tangan segel {day} tidak cocok — segel diubah atau dipalsukan",
            f"The signature of the seal of {day} does not match — the seal was altered or forged",
        )
    untrusted = certs.problem(SigningKey.get_by_id(seal.kid), seal.sealed_at)
    if untrusted is not None:  # a key planted in (or rewritten in) the database
        return _problem(
            day,
            seal.sign_off_seq,
            "seal_uncertified_key",
            f"Segel {day}: {untrusted[0]}; segel ini tidak dapat dipercaya",
            f"The seal of {day}: {untrusted[1]}; the seal cannot be trusted",
        )
    if key[2] is not None and to_micros(seal.sealed_at) > int(key[2]):
        return _problem(
            day,
            seal.sign_off_seq,
            "seal_retired_key",
            f"Segel {day} ditandatangani dengan kunci {seal.kid} yang sudah dipensiunkan",
            f"The seal of {day} is signed with key {seal.kid}, which was already retired",
        )
    return None


def _unsealed_sign_offs(seals: list[SealInfo]) -> list[tuple[int, dt.date]]:
    """Sign-offs that should have a seal and have none.

    A sign-off should be sealed when its log entry says so, or when it comes after the
    first seal (sign-offs from before seals existed have none, and that is fine).
    """
    sealed = {s.sign_off_seq for s in seals}
    first = min(sealed) if sealed else None
    missing = []
    for seq, day, detail in rawsql.fetch_all(
        "SELECT seq, day, detail FROM staffing_event WHERE kind = 'sign_off' ORDER BY seq"
    ):
        seq = int(seq)
        if seq in sealed:
            continue
        try:
            flagged = bool(json.loads(detail or "{}").get("sealed"))
        except (ValueError, AttributeError):
            flagged = False
        if flagged or (first is not None and seq > first):
            stored = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
            missing.append((seq, stored))
    return missing


def _missing_problem(seq: int, day: dt.date) -> ChainProblem:
    return _problem(
        day,
        seq,
        "seal_missing",
        f"Segel pengesahan {day} hilang (dihapus) padahal hari itu disahkan (entri #{seq})",
        f"The seal of the sign-off of {day} is missing (deleted) though the day was signed "
        f"off (entry #{seq})",
    )


def _stored_hashes(chain: str, seqs: Sequence[int]) -> dict[int, str]:
    if not seqs:
        return {}
    table = SEALED_CHAINS[chain][0]
    rows = rawsql.fetch_all(
        f"SELECT seq, row_hash FROM {table} WHERE seq IN ({', '.join('?' for _ in seqs)})",
        tuple(seqs),
    )
    return {int(seq): str(row_hash) for seq, row_hash in rows}


def _rewrite_problem(seal: SealInfo, chain: str, found: str | None) -> ChainProblem | None:
    mark = seal.mark(chain)
    if mark.seq == 0 or found == mark.hash:
        return None
    _, _, name_id, name_en = SEALED_CHAINS[chain]
    gone_id = "hilang" if found is None else "tidak lagi sama dengan yang disegel"
    gone_en = "is missing" if found is None else "no longer matches what was sealed"
    return ChainProblem(
        seq=mark.seq,
        reason="rewritten_before_seal",
        label=f"segel/seal {seal.day}",
        message_id=f"{name_id[0].upper()}{name_id[1:]} ditulis ulang sebelum segel {seal.day}: "
        f"entri #{mark.seq} {gone_id}",
        message_en=f"The {name_en} was rewritten before the seal of {seal.day}: "
        f"entry #{mark.seq} {gone_en}",
    )


def _office_id() -> str:
    from loket.models.settings import load_settings

    return load_settings().office_id


def _seal_problems(seals: list[SealInfo]) -> list[ChainProblem]:
    """Bad signatures and missing seals: these concern every sealed chain alike."""
    office_id = _office_id()
    problems = [p for s in seals if (p := _signature_problem(s, office_id)) is not None]
    problems += [_missing_problem(seq, day) for seq, day in _unsealed_sign_offs(seals)]
    return problems


def chain_problem(chain: str, entries: Sequence[ChainEntry] | None = None) -> ChainProblem | None:
    """The first seal that ``chain`` breaks, or a bad or missing seal; ``None`` when fine.

    ``entries`` are the chain as the caller just checked it (stored hashes are read
    when omitted). Call after :func:`hashchain.verify_chain` found nothing: a rewrite
    that kept every link intact shows up here, at the earliest seal it passed.
    """
    seals = list_seals()
    problems = _seal_problems(seals)
    if problems:
        return problems[0]
    seqs = sorted({s.mark(chain).seq for s in seals if s.mark(chain).seq})
    if entries is not None:
        wanted = set(seqs)
        hashes = {e.seq: e.row_hash for e in entries if e.seq in wanted}
    else:
        hashes = _stored_hashes(chain, seqs)
    for seal in sorted(seals, key=lambda s: s.mark(chain).seq):
        problem = _rewrite_problem(seal, chain, hashes.get(seal.mark(chain).seq))
        if problem is not None:
            return problem
    from loket.models.integrity import tails

    # Last: a tail cut with chain_head moved back leaves every seal before it intact.
    return tails.tail_problem(chain, entries)


def verify_seals() -> SealReport:
    """Check every seal: signed by a key of this office, and each chain still holds the
    sealed hash at the sealed position; sign-offs without their seal are named."""
    seals = list_seals()
    problems = _seal_problems(seals)
    rewritten = set()
    for chain in SEALED_CHAINS:
        seqs = sorted({s.mark(chain).seq for s in seals if s.mark(chain).seq})
        hashes = _stored_hashes(chain, seqs)
        for seal in sorted(seals, key=lambda s: s.mark(chain).seq):
            problem = _rewrite_problem(seal, chain, hashes.get(seal.mark(chain).seq))
            if problem is not None:
                problems.append(problem)
                rewritten.add(chain)
    from loket.models.integrity import tails

    # Cut tails and the checkpoints themselves (a chain already named is not named twice).
    problems += tails.all_problems(skip=rewritten)
    if not problems:
        return SealReport(
            True,
            len(seals),
            (),
            f"Semua segel cocok: {len(seals)} segel",
            f"Every seal holds: {len(seals)} seals",
        )
    first = problems[0]
    return SealReport(
        False,
        len(seals),
        tuple(problems),
        f"SEGEL RUSAK: {first.message_id}",
        f"SEAL BROKEN: {first.message_en}",
    )


def seal_count() -> int:
    row = rawsql.fetch_one("SELECT COUNT(*) FROM chain_seal")
    return int(row[0]) if row else 0


def sealed_suffix(seals: int) -> tuple[str, str]:
    """What an intact log's message adds about its seals (nothing before the first one)."""
    if not seals:
        return "", ""
    return f", {seals} segel cocok", f", {seals} seals hold"
