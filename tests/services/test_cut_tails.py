"""Cut tails (issue 12, item 2): an insider with database access deletes the newest
entries of a log and moves ``chain_head`` back (and for the staffing log fixes
``counter_presence`` too), so that every hash still links. This PC's witness and the
signed checkpoints find it, name the log and the entry; honest use never trips them."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from helpers.stubs import JAKARTA

from loket.models.config import data_dir
from loket.models.db import database, write_transaction
from loket.models.documents import receipt_actions, receipt_log
from loket.models.integrity import certs, checkpoints, hashchain, root, signing, tails, witness
from loket.models.integrity import seals as chain_seals
from loket.models.office import audit, catalog, staff
from loket.models.office.auth import Session
from loket.models.staffing import counter_actions as staffing
from loket.models.staffing import log as staffing_log
from loket.models.staffing.coverage import state_after
from loket.models.staffing.sign_off import sign_off_day
from loket.models.staffing.verify import verify_staffing_log

MONDAY = dt.date(2026, 11, 23)
NAMES = {
    "staffing": ("Log penjagaan loket", "Staffing log"),
    "receipt_event": ("Log tanda terima", "Receipt log"),
    "admin_audit": ("Log audit", "Audit log"),
}


@pytest.fixture(autouse=True)
def fresh_polling():
    checkpoints.reset_polling()
    tails.forget_recent()
    yield
    checkpoints.reset_polling()
    tails.forget_recent()


def _sql(statement: str, *params: object) -> list[tuple]:
    db = database.obj
    return list(db.execute_sql(statement.replace("?", db.param), params).fetchall() or [])


def _run(statement: str, *params: object) -> None:
    db = database.obj
    db.execute_sql(statement.replace("?", db.param), params)


def _head_session(clock) -> Session:
    return Session("kepala", "Ibu Kepala", "head", clock.now() + dt.timedelta(days=3))


@pytest.fixture
def office_week(db, clock):
    """Monday staffed, two receipts and two audit entries, signed off on Tuesday 09:00;
    on Tuesday the logs go on (a receipt, an audit entry, a sign-in and a break), and a
    running app writes its 15-minute checkpoint at 11:00."""
    catalog.add_service("A", "Administrasi", "Administration")
    catalog.add_counter(1, "A", front_desk=True)
    staff.add_staff("ani", "Ani Lestari", "staff", "1111")
    staff.add_staff("kepala", "Ibu Kepala", "head", "9999", password="rahasia-kepala")
    head = _head_session(clock)
    clock.set(dt.datetime(2026, 11, 23, 7, 20, tzinfo=JAKARTA))
    staffing.sign_in(1, "ani", "1111", clock)
    for sender in ("Siti Aminah", "Joko Widodo"):
        receipt_actions.new_receipt(
            sender_name=sender,
            subject="Permohonan surat keterangan domisili",
            recipient_unit="Seksi Pemerintahan",
            pages=2,
            clock=clock,
        )
        clock.advance(minutes=10)
    with write_transaction():
        audit.record(head, "service_add", "B", {"name": "Perizinan"}, clock)
    clock.set(dt.datetime(2026, 11, 23, 16, 30, tzinfo=JAKARTA))
    staffing.sign_out(1, clock=clock)
    clock.set(dt.datetime(2026, 11, 24, 9, 0, tzinfo=JAKARTA))
    summary = sign_off_day(MONDAY, "kepala", "rahasia-kepala", clock)
    clock.set(dt.datetime(2026, 11, 24, 10, 0, tzinfo=JAKARTA))
    receipt_actions.new_receipt(
        sender_name="Rina", subject="Izin keramaian", recipient_unit="Umum", pages=1, clock=clock
    )
    with write_transaction():
        audit.record(head, "holiday_add", "2026-12-25", {"name": "Natal"}, clock)
    staffing.sign_in(1, "ani", "1111", clock)
    clock.advance(minutes=20)
    staffing.start_break(1, "sakit", "SKD-1", clock=clock)
    clock.set(dt.datetime(2026, 11, 24, 11, 0, tzinfo=JAKARTA))
    written = checkpoints.maybe_checkpoint(clock).written
    assert written is not None and written.reason == "timer"
    return summary


def _verify(chain: str) -> tuple[bool, str, str]:
    report = {
        "staffing": verify_staffing_log,
        "receipt_event": receipt_log.verify_log,
        "admin_audit": audit.verify_audit,
    }[chain]()
    return report.ok, report.message_id, report.message_en


def _all_ok() -> None:
    for chain in NAMES:
        ok, _, message_en = _verify(chain)
        assert ok, message_en
    report = chain_seals.verify_seals()
    assert report.ok, report.message_en


def _move_head(chain: str, table: str, keep: int) -> None:
    rows = _sql(f"SELECT row_hash FROM {table} WHERE seq = ?", keep)
    head = rows[0][0] if rows else hashchain.GENESIS_HASH
    _run("UPDATE chain_head SET length = ?, head_hash = ? WHERE chain = ?", keep, head, chain)


def _cut_receipts() -> int:
    """Delete the newest receipt with its whole history; move the head back."""
    [(receipt_id,)] = _sql("SELECT id FROM receipt ORDER BY id DESC LIMIT 1")
    [(keep,)] = _sql("SELECT MAX(seq) FROM receipt_event WHERE receipt_id <> ?", receipt_id)
    _run("DELETE FROM receipt_event WHERE receipt_id = ?", receipt_id)
    _run("DELETE FROM receipt WHERE id = ?", receipt_id)
    _move_head("receipt_event", "receipt_event", keep)
    return int(keep)


def _cut_audit() -> int:
    [(length,)] = _sql("SELECT MAX(seq) FROM audit_entry")
    keep = int(length) - 1
    _run("DELETE FROM audit_entry WHERE seq > ?", keep)
    _move_head("admin_audit", "audit_entry", keep)
    return keep


def _fix_presence(keep: int) -> None:
    """Make counter_presence agree with what is left of the log, as the insider would."""
    last = {}
    for entry in staffing_log.entries():
        if entry.seq <= keep and entry.kind in staffing_log.STATE_KINDS and entry.counter_id:
            last[entry.counter_id] = entry
    for counter_id, entry in last.items():
        state = state_after(entry)
        _run(
            "UPDATE counter_presence SET status = ?, officer_id = ?, event_seq = ? "
            "WHERE counter_id = ?",
            state.status,
            state.officer_id,
            entry.seq,
            counter_id,
        )


def _cut_staffing() -> int:
    """Delete the newest two staffing entries (Tuesday's break and what came with it)."""
    [(length,)] = _sql("SELECT MAX(seq) FROM staffing_event")
    keep = int(length) - 2
    _run("DELETE FROM staffing_event WHERE seq > ?", keep)
    _move_head("staffing", "staffing_event", keep)
    _fix_presence(keep)
    return keep


CUTS: dict[str, Callable[[], int]] = {
    "staffing": _cut_staffing,
    "receipt_event": _cut_receipts,
    "admin_audit": _cut_audit,
}


def _lose_witness() -> None:
    """This PC's witness file is deleted (and the process restarted)."""
    witness.flush()
    (data_dir() / witness.FILE_NAME).unlink()
    witness.forget()


@pytest.mark.parametrize("chain", list(CUTS))
@pytest.mark.parametrize("caught_by", ["witness", "checkpoint"])
def test_a_cut_tail_is_reported_by_name_and_entry(office_week, chain, caught_by):
    _all_ok()
    if caught_by == "checkpoint":
        _lose_witness()
    keep = CUTS[chain]()
    # The chain alone is fooled: every link and the head agree again.
    table = chain_seals.SEALED_CHAINS[chain][0]
    rows = _sql(f"SELECT seq, prev_hash, row_hash FROM {table} ORDER BY seq")
    assert len(rows) == keep and rows[-1][0] == keep
    ok, message_id, message_en = _verify(chain)
    assert not ok
    name_id, name_en = NAMES[chain]
    assert f"{name_id}: log dipotong setelah entri {keep}" in message_id
    assert f"{name_en}: the log was cut after entry {keep}" in message_en
    assert ("saksi PC ini" if caught_by == "witness" else "titik periksa #") in message_id
    seal_report = chain_seals.verify_seals()
    assert not seal_report.ok
    assert any(f"cut after entry {keep}" in p.message_en for p in seal_report.problems)
    # An app's periodic look sees it too, and blesses nothing with a new checkpoint.
    before = len(checkpoints.list_checkpoints())
    office_round = checkpoints.maybe_checkpoint(_later_clock(office_week))
    assert office_round.problem is not None and office_round.written is None
    assert len(checkpoints.list_checkpoints()) == before


def _later_clock(summary):
    class Later:
        def now(self) -> dt.datetime:
            return dt.datetime(2026, 11, 24, 15, 0, tzinfo=JAKARTA).astimezone(dt.UTC)

    return Later()


@pytest.mark.parametrize("caught_by", ["witness", "checkpoint"])
def test_an_erased_sign_off_with_its_seal_is_reported(office_week, caught_by):
    if caught_by == "checkpoint":
        _lose_witness()
    sign_off_seq = office_week.sign_off.seq
    keep = sign_off_seq - 1
    # Everything from the sign-off on, its seal, the head, and the presence it left.
    _run("DELETE FROM staffing_event WHERE seq >= ?", sign_off_seq)
    _run("DELETE FROM chain_seal WHERE sign_off_seq = ?", sign_off_seq)
    _move_head("staffing", "staffing_event", keep)
    _fix_presence(keep)
    assert chain_seals.list_seals() == []
    ok, message_id, message_en = _verify("staffing")
    assert not ok
    assert f"Log penjagaan loket: log dipotong setelah entri {keep}" in message_id
    assert f"Staffing log: the log was cut after entry {keep}" in message_en
    assert not chain_seals.verify_seals().ok


def test_the_sign_off_writes_a_signed_checkpoint_of_every_chain(office_week):
    sign_off = [c for c in checkpoints.list_checkpoints() if c.reason == "sign_off"]
    assert len(sign_off) == 1
    assert sign_off[0].mark("staffing").seq == office_week.sign_off.seq
    key = signing.ensure_key()
    assert sign_off[0].kid == key.kid


def test_an_edited_checkpoint_fails_its_signature(office_week):
    _run("UPDATE chain_checkpoint SET staffing_seq = staffing_seq - 1 WHERE seq = 1")
    tails.forget_recent()  # a new process (the edit keeps the head, so no re-check sooner)
    for chain in NAMES:
        ok, message_id, message_en = _verify(chain)
        assert not ok
        assert "Titik periksa #1" in message_id and "tanda tangannya tidak cocok" in message_id
        assert "Checkpoint #1" in message_en and "its signature does not match" in message_en
    assert not chain_seals.verify_seals().ok


def test_a_rehashed_checkpoint_chain_still_fails_the_newest_signature(office_week):
    """The insider edits a checkpoint and recomputes every checkpoint hash and the head:
    the links agree, but the newest signature covers the old links."""
    _run("UPDATE chain_checkpoint SET staffing_seq = staffing_seq - 2 WHERE seq = 1")
    cps = checkpoints.list_checkpoints()
    prev = hashchain.GENESIS_HASH
    for cp in cps:
        row_hash = hashchain.entry_hash(checkpoints.CHAIN, cp.seq, prev, cp.fields())
        _run(
            "UPDATE chain_checkpoint SET prev_hash = ?, row_hash = ? WHERE seq = ?",
            prev,
            row_hash,
            cp.seq,
        )
        prev = row_hash
    _run("UPDATE chain_head SET head_hash = ? WHERE chain = ?", prev, checkpoints.CHAIN)
    ok, _, message_en = _verify("admin_audit")
    assert not ok
    assert f"Checkpoint #{cps[-1].seq}" in message_en
    assert "its signature does not match" in message_en


def test_a_cut_of_the_checkpoints_themselves_is_found(office_week):
    [(length,)] = _sql("SELECT MAX(seq) FROM chain_checkpoint")
    _run("DELETE FROM chain_checkpoint WHERE seq = ?", length)
    _move_head(checkpoints.CHAIN, "chain_checkpoint", int(length) - 1)
    ok, _, message_en = _verify("staffing")
    assert not ok
    assert f"Checkpoint chain: the log was cut after entry {int(length) - 1}" in message_en


def test_a_deleted_receipt_leaves_a_gap_in_the_numbering(office_week):
    _lose_witness()  # no witness; and the checkpoint was written after the receipt …
    _run("DELETE FROM chain_checkpoint")  # … so the insider deletes the checkpoints too
    _run("DELETE FROM chain_head WHERE chain = ?", checkpoints.CHAIN)
    cut = _cut_receipts()
    assert cut > 0
    report = receipt_log.verify_log()
    assert not report.ok
    assert report.problem is not None and report.problem.reason == "number_gap"
    assert "TT-2026-000003" in report.message_id and "kemungkinan dihapus" in report.message_id
    assert "TT-2026-000003 missing — possibly deleted" in report.message_en
    assert receipt_log.missing_numbers() == {(office_week_office(), 2026): [3]}


def office_week_office() -> str:
    from loket.models.settings import load_settings

    return load_settings().office_id


def test_honest_use_on_several_pcs_reports_nothing(office_week, clock, monkeypatch, tmp_path):
    _all_ok()
    pc_a = data_dir()
    head = _head_session(clock)
    # PC B: its own data folder, its own key (certified by the root on PC A), its own
    # witness and checkpoints.
    fingerprint = root.pinned()
    assert fingerprint is not None
    monkeypatch.setenv("LOKET_DATA_DIR", str(tmp_path / "pc-b"))
    root.pin(fingerprint)
    kid = signing.ensure_key(label="loket-2").kid
    monkeypatch.setenv("LOKET_DATA_DIR", str(pc_a))
    certs.certify(kid)
    monkeypatch.setenv("LOKET_DATA_DIR", str(tmp_path / "pc-b"))
    for i in range(12):
        clock.advance(minutes=8)
        receipt_actions.new_receipt(
            sender_name=f"Pengirim {i}",
            subject="Surat",
            recipient_unit="Umum",
            pages=1,
            clock=clock,
        )
        with write_transaction():
            audit.record(head, "counter_edit", f"loket {i}", {"n": i}, clock)
        checkpoints.maybe_checkpoint(clock)
    staffing.resume(1, clock)
    _all_ok()
    by_pc = {c.kid for c in checkpoints.list_checkpoints()}
    assert len(by_pc) == 2  # both PCs' keys signed checkpoints
    # Back on PC A, whose witness is older than the chains now: longer is fine.
    monkeypatch.setenv("LOKET_DATA_DIR", str(pc_a))
    for _ in range(30):
        clock.advance(minutes=1)
        with write_transaction():
            audit.record(head, "service_edit", "A", {}, clock)
    clock.advance(minutes=20)
    assert checkpoints.maybe_checkpoint(clock).problem is None
    _all_ok()
    assert tails.quick_problem() is None


def test_checkpoints_are_written_every_15_minutes_only_when_a_chain_moved(office_week, clock):
    clock.set(dt.datetime(2026, 11, 24, 11, 5, tzinfo=JAKARTA))
    assert checkpoints.maybe_checkpoint(clock).written is None  # 5 minutes after the last
    clock.set(dt.datetime(2026, 11, 24, 11, 30, tzinfo=JAKARTA))
    assert checkpoints.maybe_checkpoint(clock).written is None  # nothing moved
    with write_transaction():
        audit.record(_head_session(clock), "service_edit", "A", {}, clock)
    clock.advance(minutes=1)
    written = checkpoints.maybe_checkpoint(clock).written
    assert written is not None
    assert written.mark("admin_audit").seq == hashchain.read_head("admin_audit").length


def test_the_witness_file_is_private_and_holds_what_was_seen(office_week):
    witness.flush()
    path = data_dir() / witness.FILE_NAME
    assert path.stat().st_mode & 0o777 == 0o600
    data = json.loads(path.read_text())
    [book] = data["databases"].values()
    assert book["staffing"][-1][0] == hashchain.read_head("staffing").length


def test_a_damaged_witness_file_is_reported_in_one_line_and_rebuilt(office_week):
    witness.flush()
    path = data_dir() / witness.FILE_NAME
    path.write_text("{not json")
    witness.forget()
    _all_ok()  # never a crash; the checkpoints still stand in
    notice = witness.take_notice()
    assert notice is not None
    assert "rusak" in notice[0] and "damaged" in notice[1] and "\n" not in " / ".join(notice)
    data = json.loads(path.read_text())  # rebuilt
    assert data["version"] == 1


def test_a_checkpoint_under_a_planted_key_is_not_trusted(office_week, clock, monkeypatch, tmp_path):
    """The insider adds a key of their own to signing_key and signs a checkpoint with it
    (say, to record a shorter log): the key has no certificate from the office root."""
    pc_a = data_dir()
    monkeypatch.setenv("LOKET_DATA_DIR", str(tmp_path / "insider"))
    planted = signing.new_key(label="loket-9")
    monkeypatch.setattr(checkpoints, "_certified", lambda kid, at: True)
    clock.advance(hours=1)
    forged = checkpoints.write_checkpoint("timer", clock, planted)
    assert forged is not None
    monkeypatch.setenv("LOKET_DATA_DIR", str(pc_a))
    ok, message_id, message_en = _verify("staffing")
    assert not ok
    assert f"Titik periksa #{forged.seq}" in message_id and "tidak dapat dipercaya" in message_id
    assert "cannot be trusted" in message_en and planted.kid in message_en
