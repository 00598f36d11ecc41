"""Cut tails: each chain against what was seen of it — this PC's witness and the signed
checkpoints — so that deleting the newest entries and moving ``chain_head`` back (which
leaves a chain that verifies) is found and named: "log dipotong setelah entri N / the
log was cut after entry N", or "diubah pada entri N / changed at entry N" when the
entry now at a seen position is another one.

:func:`tail_problem` is what the verifications add last (through
:func:`seals.chain_problem`); :func:`all_problems` serves ``verify_seals``;
:func:`quick_problem` is the apps' cheap periodic look (heads and a few rows only).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from loket.models import rawsql
from loket.models.fields import to_micros
from loket.models.integrity import hashchain, witness
from loket.models.integrity.checkpoints import (
    CHAIN as CHECKPOINTS,
)
from loket.models.integrity.checkpoints import (
    Checkpoint,
    chain_entries,
    list_checkpoints,
)
from loket.models.integrity.hashchain import ChainEntry, ChainProblem
from loket.models.integrity.seals import SEALED_CHAINS

# chain → (table, Indonesian name, English name)
CHAINS: dict[str, tuple[str, str, str]] = {
    **{
        chain: (table, name_id, name_en)
        for chain, (table, _, name_id, name_en) in SEALED_CHAINS.items()
    },
    CHECKPOINTS: ("chain_checkpoint", "rantai titik periksa", "checkpoint chain"),
}
QUICK_CHECKPOINTS = 8  # the apps' periodic look compares with the newest few


@dataclass(frozen=True)
class Seen:
    """One (position, hash) of a chain as someone saw it: this PC's witness, or a
    checkpoint (named only when it is reported: a year holds thousands)."""

    seq: int
    hash: str
    checkpoint: Checkpoint | None = None

    def by(self) -> tuple[str, str]:
        cp = self.checkpoint
        if cp is None:
            return "saksi PC ini", "this PC's witness"
        when = f"{cp.at.astimezone(_zone()):%Y-%m-%d %H:%M}"
        return (
            f"titik periksa #{cp.seq} ({cp.pc}, {when})",
            f"checkpoint #{cp.seq} ({cp.pc}, {when})",
        )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _zone() -> dt.tzinfo:
    from loket.models.settings import load_settings

    return load_settings().zone


def _witness_seen(chain: str) -> list[Seen]:
    return [Seen(m.seq, m.hash) for m in witness.marks(chain)]


def _checkpoint_seen(chain: str, checkpoints: Sequence[Checkpoint]) -> list[Seen]:
    index = list(SEALED_CHAINS).index(chain)
    seen: dict[tuple[int, str], Seen] = {}
    for cp in checkpoints:
        mark = cp.marks[index]
        if mark.seq and (mark.seq, mark.hash) not in seen:
            seen[(mark.seq, mark.hash)] = Seen(mark.seq, mark.hash, cp)
    return list(seen.values())


def compare(
    chain: str, length: int, hashes: Mapping[int, str], seen: Iterable[Seen]
) -> ChainProblem | None:
    """The chain (``length`` entries; ``hashes`` at least at the seen positions) against
    what was seen: the longest cut first, else the earliest changed entry."""
    _, name_id, name_en = CHAINS[chain]
    seen = list(seen)
    beyond = [s for s in seen if s.seq > length]
    if beyond:
        s = max(beyond, key=lambda s: s.seq)
        by_id, by_en = s.by()
        return ChainProblem(
            seq=length + 1,
            reason="cut",
            label=name_en,
            message_id=f"{_capital(name_id)}: log dipotong setelah entri {length} — "
            f"{by_id} sudah melihat {s.seq} entri",
            message_en=f"{_capital(name_en)}: the log was cut after entry {length} — "
            f"{by_en} had seen {s.seq} entries",
        )
    changed = [s for s in seen if hashes.get(s.seq) != s.hash]
    if changed:
        s = min(changed, key=lambda s: s.seq)
        by_id, by_en = s.by()
        return ChainProblem(
            seq=s.seq,
            reason="diverged",
            label=name_en,
            message_id=f"{_capital(name_id)}: log diubah pada entri {s.seq} — tidak sama "
            f"dengan yang dilihat {by_id}",
            message_en=f"{_capital(name_en)}: the log was changed at entry {s.seq} — it "
            f"differs from what {by_en} saw",
        )
    return None


def _stored_hashes(chain: str, seqs: Sequence[int]) -> dict[int, str]:
    if not seqs:
        return {}
    table = CHAINS[chain][0]
    found: dict[int, str] = {}
    wanted = sorted(set(seqs))
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        rows = rawsql.fetch_all(
            f"SELECT seq, row_hash FROM {table} WHERE seq IN ({', '.join('?' for _ in part)})",
            tuple(part),
        )
        found.update((int(seq), str(row_hash)) for seq, row_hash in rows)
    return found


# ── the checkpoints themselves ───────────────────────────────────────────────────


def _key_problem(cp: Checkpoint, office_id: str) -> tuple[str, str] | None:
    """Why ``cp``'s signature is not one of this office's keys', or None when it is."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    key = rawsql.fetch_one(
        "SELECT public_key, office_id, retired_at FROM signing_key WHERE kid = ?", (cp.kid,)
    )
    if key is None or key[1] != office_id or cp.office_id != office_id:
        return (
            f"ditandatangani dengan kunci yang tidak dikenal kantor ini ({cp.kid})",
            f"is signed with a key this office does not know ({cp.kid})",
        )
    try:
        Ed25519PublicKey.from_public_bytes(bytes(key[0])).verify(cp.signature, cp.signed())
    except (InvalidSignature, ValueError):
        return (
            "tanda tangannya tidak cocok — titik periksa diubah atau dipalsukan",
            "its signature does not match — the checkpoint was altered or forged",
        )
    untrusted = _certificate_problem(cp)
    if untrusted is not None:  # a key planted in (or rewritten in) the database
        return (
            f"tidak dapat dipercaya: {untrusted[0]}",
            f"cannot be trusted: {untrusted[1]}",
        )
    if key[2] is not None and int(key[2]) < to_micros(cp.at):
        return (
            f"ditandatangani dengan kunci {cp.kid} yang sudah dipensiunkan",
            f"is signed with key {cp.kid}, which was already retired",
        )
    return None


def _certificate_problem(cp: Checkpoint) -> tuple[str, str] | None:
    """Whether the office root certifies the checkpoint's key (issue 12, item 1)."""
    from loket.models.integrity import certs
    from loket.models.tables import SigningKey

    return certs.problem(SigningKey.get_by_id(cp.kid), cp.at)


def _signature_problem(cp: Checkpoint, office_id: str) -> ChainProblem | None:
    why = _key_problem(cp, office_id)
    if why is None:
        return None
    return ChainProblem(
        seq=cp.seq,
        reason="checkpoint_signature",
        label=f"{cp.pc} {cp.reason}",
        message_id=f"Titik periksa #{cp.seq} ({cp.pc}) {why[0]}",
        message_en=f"Checkpoint #{cp.seq} ({cp.pc}) {why[1]}",
    )


@dataclass(frozen=True)
class CheckpointState:
    trusted: tuple[Checkpoint, ...]  # the checkpoints to compare the chains with
    problem: ChainProblem | None


_REUSE_SECONDS = 10.0  # the three verifications of one `loket verify-all` share one check
_recent: dict[tuple[str, str, int, str], tuple[float, CheckpointState]] = {}


def checkpoint_state(office_id: str | None = None) -> CheckpointState:
    """Check the checkpoint chain: every link (a hash each), the newest signature (which
    covers all before it) and the newest of every key; an edited checkpoint is named
    with its own signature's verdict. A clean result is reused for a few seconds while
    the chain's head stays the same."""
    if office_id is None:
        from loket.models.settings import load_settings

        office_id = load_settings().office_id
    head = hashchain.read_head(CHECKPOINTS)
    key = (witness.database_key(), office_id, head.length, head.head_hash)
    found = _recent.get(key)
    if found is not None and time.monotonic() - found[0] < _REUSE_SECONDS:
        return found[1]
    state = _checkpoint_state(office_id)
    _recent.clear()
    if state.problem is None:
        _recent[key] = (time.monotonic(), state)
    return state


def forget_recent() -> None:
    _recent.clear()


def _checkpoint_state(office_id: str | None) -> CheckpointState:
    if office_id is None:
        from loket.models.settings import load_settings

        office_id = load_settings().office_id
    cps = list_checkpoints()
    entries: list[ChainEntry] = chain_entries(cps)
    broken = hashchain.verify_chain(CHECKPOINTS, entries)
    if broken is not None:
        trusted = tuple(c for c in cps if c.seq < broken.seq)
        row = next((c for c in cps if c.seq == broken.seq), None)
        signed = _signature_problem(row, office_id) if row is not None else None
        if signed is not None:
            return CheckpointState(trusted, signed)
        return CheckpointState(
            trusted,
            ChainProblem(
                broken.seq,
                broken.reason,
                broken.label,
                f"Rantai titik periksa rusak: {broken.message_id}",
                f"The checkpoint chain is broken: {broken.message_en}",
            ),
        )
    newest: dict[str, Checkpoint] = {}
    for cp in cps:
        newest[cp.kid] = cp
    checked = sorted(
        {cp.seq: cp for cp in (*newest.values(), *cps[-1:])}.values(), key=lambda c: c.seq
    )
    for cp in reversed(checked):
        problem = _signature_problem(cp, office_id)
        if problem is not None:
            return CheckpointState(tuple(c for c in cps if c.seq < cp.seq), problem)
    problem = compare(
        CHECKPOINTS, len(cps), {c.seq: c.row_hash for c in cps}, _witness_seen(CHECKPOINTS)
    )
    if problem is None and cps:
        witness.observe(CHECKPOINTS, cps[-1].seq, cps[-1].row_hash, durable=True)
    return CheckpointState(tuple(cps), problem)


# ── what the verifications call ──────────────────────────────────────────────────


def tail_problem(
    chain: str,
    entries: Sequence[ChainEntry] | None = None,
    state: CheckpointState | None = None,
) -> ChainProblem | None:
    """``chain`` (as just verified: ``entries``, or as stored) against this PC's witness
    and the checkpoints; a bad checkpoint comes first. When all is well, what was
    verified becomes this PC's witness."""
    state = state or checkpoint_state()
    if state.problem is not None:
        return state.problem
    seen = _witness_seen(chain) + _checkpoint_seen(chain, state.trusted)
    seqs = {s.seq for s in seen}
    if entries is not None:
        length = len(entries)
        head = entries[-1].row_hash if entries else hashchain.GENESIS_HASH
        hashes = {e.seq: e.row_hash for e in entries if e.seq in seqs}
    else:
        stored = hashchain.read_head(chain)
        length, head = stored.length, stored.head_hash
        hashes = _stored_hashes(chain, sorted(s for s in seqs if s <= length))
    problem = compare(chain, length, hashes, seen)
    if problem is None and length:
        witness.observe(chain, length, head, durable=True)
    return problem


def all_problems(skip: Iterable[str] = ()) -> list[ChainProblem]:
    """Every sealed chain (but ``skip``) against the witness and the checkpoints."""
    state = checkpoint_state()
    if state.problem is not None:
        return [state.problem]
    left = [chain for chain in SEALED_CHAINS if chain not in set(skip)]
    found = (tail_problem(chain, state=state) for chain in left)
    return [p for p in found if p is not None]


def quick_problem() -> ChainProblem | None:
    """The apps' periodic look: the stored heads and the rows at the seen positions
    against this PC's witness and the newest checkpoints (no full chain is read)."""
    heads = {
        str(chain): int(length)
        for chain, length in rawsql.fetch_all("SELECT chain, length FROM chain_head")
    }
    recent = list_checkpoints(limit=QUICK_CHECKPOINTS)
    for chain in CHAINS:
        seen = _witness_seen(chain)
        if chain in SEALED_CHAINS:
            seen += _checkpoint_seen(chain, recent)
        if not seen:
            continue
        length = heads.get(chain, 0)
        hashes = _stored_hashes(chain, sorted(s.seq for s in seen if s.seq <= length))
        problem = compare(chain, length, hashes, seen)
        if problem is not None:
            return problem
    return None
