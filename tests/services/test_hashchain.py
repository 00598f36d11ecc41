"""The generic hash chain: every edit, insertion and deletion is found, the first one named."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loket.models.db import write_transaction
from loket.models.fields import to_micros
from loket.models.integrity import hashchain
from loket.models.integrity.hashchain import (
    GENESIS_HASH,
    ChainEntry,
    ChainHeadState,
    entry_hash,
    verify_chain,
)


def _build(n: int, chain: str = "test") -> tuple[list[ChainEntry], ChainHeadState]:
    """A valid in-memory chain of ``n`` entries and its head (no database needed)."""
    entries = []
    prev = GENESIS_HASH
    for seq in range(1, n + 1):
        fields = {"who": f"officer{seq % 3}", "what": "break", "at": seq * 1000, "n": None}
        row = entry_hash(chain, seq, prev, fields)
        entries.append(ChainEntry(seq, prev, row, fields, label=f"e{seq}"))
        prev = row
    return entries, ChainHeadState(n, prev)


def test_intact_chain_verifies():
    entries, head = _build(5)
    assert verify_chain("test", entries, head) is None
    assert verify_chain("test", [], ChainHeadState(0, GENESIS_HASH)) is None


def test_canonical_encoding_is_stable_and_typed():
    when = dt.datetime(2026, 11, 23, 1, 2, 3, 456789, tzinfo=dt.UTC)
    a = hashchain.canonical_bytes(
        "c", 1, GENESIS_HASH, {"b": 1, "a": when, "d": dt.date(2026, 1, 2)}
    )
    b = hashchain.canonical_bytes(
        "c", 1, GENESIS_HASH, {"d": dt.date(2026, 1, 2), "a": when, "b": 1}
    )
    assert a == b
    assert str(to_micros(when)).encode() in a and b'"2026-01-02"' in a
    with pytest.raises(TypeError):
        hashchain.canonical_bytes("c", 1, GENESIS_HASH, {"x": 1.5})
    # The chain name is part of the hash: rows cannot be moved between logs.
    assert entry_hash("a", 1, GENESIS_HASH, {}) != entry_hash("b", 1, GENESIS_HASH, {})


def test_edited_entry_is_named():
    entries, head = _build(5)
    entries[2] = dataclasses.replace(entries[2], fields={**entries[2].fields, "what": "lunch"})
    problem = verify_chain("test", entries, head)
    assert problem is not None
    assert (problem.seq, problem.reason) == (3, "edited")
    assert "#3" in problem.message_id and "#3" in problem.message_en


def test_deleted_middle_entry_is_named():
    entries, head = _build(5)
    del entries[1]
    problem = verify_chain("test", entries, head)
    assert problem is not None and (problem.seq, problem.reason) == (2, "deleted")


def test_deleted_last_entry_is_found_through_the_head():
    entries, head = _build(5)
    entries.pop()
    problem = verify_chain("test", entries, head)
    assert problem is not None and (problem.seq, problem.reason) == (5, "deleted")
    assert "5" in problem.message_en


def test_deleting_everything_is_found():
    _, head = _build(3)
    problem = verify_chain("test", [], head)
    assert problem is not None and (problem.seq, problem.reason) == (1, "deleted")


def test_appended_entry_not_in_head_is_inserted():
    entries, _ = _build(5)
    _, head4 = _build(4)
    problem = verify_chain("test", entries, head4)
    assert problem is not None and (problem.seq, problem.reason) == (5, "inserted")


def test_renumbered_deletion_breaks_the_links():
    entries, head = _build(5)
    # Delete entry 2 and renumber the rest to hide the gap (hashes no longer fit).
    rest = [dataclasses.replace(e, seq=e.seq - 1) for e in entries[2:]]
    problem = verify_chain("test", [entries[0], *rest], head)
    assert problem is not None and problem.seq == 2 and problem.reason == "relinked"


def test_replaced_newest_entry_is_found_through_the_head():
    entries, head = _build(3)
    last = entries[-1]
    fields = {**last.fields, "what": "forged"}
    entries[-1] = dataclasses.replace(
        last, fields=fields, row_hash=entry_hash("test", 3, last.prev_hash, fields)
    )
    problem = verify_chain("test", entries, head)
    assert problem is not None and (problem.seq, problem.reason) == (3, "head_mismatch")


def test_missing_head_is_found():
    entries, _ = _build(2)
    problem = verify_chain("test", entries, ChainHeadState(0, GENESIS_HASH, exists=False))
    assert problem is not None and problem.reason == "head_missing"


@settings(max_examples=300, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=12),
    data=st.data(),
)
def test_any_single_tampering_is_found_at_or_before_it(n, data):
    entries, head = _build(n)
    index = data.draw(st.integers(min_value=0, max_value=n - 1))
    action = data.draw(st.sampled_from(["edit", "delete", "duplicate", "swap", "rehash_edit"]))
    tampered = list(entries)
    target = entries[index]
    if action == "edit":
        tampered[index] = dataclasses.replace(target, fields={**target.fields, "what": "x"})
    elif action == "delete":
        del tampered[index]
    elif action == "duplicate":
        tampered.insert(index, target)
    elif action == "swap":
        if n < 2:
            return
        other = (index + 1) % n
        tampered[index], tampered[other] = tampered[other], tampered[index]
    else:  # edit and recompute this row's own hash: the next link (or the head) breaks
        fields = {**target.fields, "what": "x"}
        tampered[index] = dataclasses.replace(
            target, fields=fields, row_hash=entry_hash("test", target.seq, target.prev_hash, fields)
        )
    problem = verify_chain("test", tampered, head)
    assert problem is not None
    assert problem.seq <= index + 2


def test_append_needs_a_transaction(db):
    with pytest.raises(RuntimeError):
        hashchain.append("test", {"a": 1})


def test_append_links_entries_and_moves_the_head(db):
    links = []
    for i in range(3):
        with write_transaction():
            links.append(hashchain.append("test", {"i": i}))
    assert [link.seq for link in links] == [1, 2, 3]
    assert links[0].prev_hash == GENESIS_HASH
    assert links[1].prev_hash == links[0].row_hash
    head = hashchain.read_head("test")
    assert (head.length, head.head_hash) == (3, links[2].row_hash)
    entries = [
        ChainEntry(lk.seq, lk.prev_hash, lk.row_hash, {"i": i}) for i, lk in enumerate(links)
    ]
    assert verify_chain("test", entries) is None
    # Another chain starts from its own genesis.
    with write_transaction():
        assert hashchain.append("other", {"i": 0}).seq == 1


def test_rolled_back_append_leaves_no_trace(db):
    with write_transaction():
        hashchain.append("test", {"i": 0})
    with pytest.raises(ZeroDivisionError), write_transaction():
        hashchain.append("test", {"i": 1})
        raise ZeroDivisionError
    assert hashchain.read_head("test").length == 1
