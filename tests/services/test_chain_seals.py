"""Sign-off seals: a full rewrite of a hash chain (every later hash recomputed) before a
seal is found, a deleted seal is found, and a seal not signed by the office is refused."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from helpers.pdf_text import pdf_text
from helpers.stubs import JAKARTA

from loket.models.db import database, write_transaction
from loket.models.documents import receipt_actions, receipt_log
from loket.models.integrity import hashchain, signing
from loket.models.integrity import seals as chain_seals
from loket.models.integrity.hashchain import ChainEntry
from loket.models.office import audit, catalog, staff
from loket.models.office.auth import Session
from loket.models.reports import staffing_export
from loket.models.staffing import counter_actions as staffing
from loket.models.staffing import log as staffing_log
from loket.models.staffing.sign_off import sign_off_day
from loket.models.staffing.summaries import daily_summary
from loket.models.staffing.verify import verify_staffing_log

MONDAY = dt.date(2026, 11, 23)


def _sql(statement: str, *params: object) -> None:
    db = database.obj
    db.execute_sql(statement.replace("?", db.param), params)


@pytest.fixture
def signed_day(db, clock):
    """Monday: a staffed morning, two receipts, two audit entries; signed off Tuesday."""
    catalog.add_service("A", "Administrasi", "Administration")
    catalog.add_counter(1, "A", front_desk=True)
    staff.add_staff("ani", "Ani Lestari", "staff", "1111")
    staff.add_staff("kepala", "Ibu Kepala", "head", "9999", password="rahasia-kepala")
    head = Session("kepala", "Ibu Kepala", "head", clock.now() + dt.timedelta(days=3))
    clock.set(dt.datetime(2026, 11, 23, 7, 20, tzinfo=JAKARTA))
    staffing.sign_in(1, "ani", "1111", clock)
    clock.set(dt.datetime(2026, 11, 23, 7, 40, tzinfo=JAKARTA))
    staffing.start_break(1, "sakit", "SKD-1", clock=clock)
    clock.set(dt.datetime(2026, 11, 23, 8, 0, tzinfo=JAKARTA))
    staffing.resume(1, clock)
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
    clock.advance(minutes=5)
    with write_transaction():
        audit.record(head, "counter_edit", "loket 1", {"services": "A,B"}, clock)
    clock.set(dt.datetime(2026, 11, 23, 16, 30, tzinfo=JAKARTA))
    staffing.sign_out(1, clock=clock)
    clock.set(dt.datetime(2026, 11, 24, 9, 0, tzinfo=JAKARTA))
    summary = sign_off_day(MONDAY, "kepala", "rahasia-kepala", clock)
    # The logs go on after the seal: a receipt and an audit entry on Tuesday.
    clock.advance(minutes=30)
    receipt_actions.new_receipt(
        sender_name="Rina", subject="Izin keramaian", recipient_unit="Umum", pages=1, clock=clock
    )
    with write_transaction():
        audit.record(head, "holiday_add", "2026-12-25", {"name": "Natal"}, clock)
    return summary


def _verifications() -> list[tuple[bool, str, str]]:
    staffing_report = verify_staffing_log()
    receipt_report = receipt_log.verify_log()
    audit_report = audit.verify_audit()
    return [
        (r.ok, r.message_id, r.message_en) for r in (staffing_report, receipt_report, audit_report)
    ]


# ── sealing ───────────────────────────────────────────────────────────────────────


def test_sign_off_seals_the_three_chains(signed_day):
    [seal] = chain_seals.list_seals()
    assert seal.day == MONDAY and seal.sealed_by == "kepala"
    assert seal.sign_off_seq == signed_day.sign_off.seq
    assert seal.sealed_at == signed_day.sign_off.at
    # The seal covers the sign-off entry itself, both receipts and both audit entries.
    assert seal.mark("staffing").seq == signed_day.sign_off.seq
    assert (seal.mark("receipt_event").seq, seal.mark("admin_audit").seq) == (2, 2)
    stored = dict(
        database.obj.execute_sql("SELECT seq, row_hash FROM audit_entry ORDER BY seq").fetchall()
    )
    assert seal.mark("admin_audit").hash == stored[2]
    # Signed by this PC's key, whose private half is on this PC only.
    key = signing.ensure_key()
    assert seal.kid == key.kid and key.private_key_here
    assert re.fullmatch(r"[0-9A-F]{4}(-[0-9A-F]{4}){3}", seal.code)
    assert chain_seals.seal_for_sign_off(seal.sign_off_seq) == seal


def test_untouched_logs_verify_with_their_seal(signed_day):
    assert chain_seals.verify_seals().ok
    for ok, message_id, message_en in _verifications():
        assert ok, message_en
        assert "1 segel cocok" in message_id and "1 seals hold" in message_en
    report = receipt_log.verify_log()
    assert report.seals == 1 and report.as_json()["seals"] == 1


def test_the_chain_names_match_the_logs():
    assert set(chain_seals.SEALED_CHAINS) == {staffing_log.CHAIN, receipt_log.CHAIN, audit.CHAIN}


def test_a_second_sign_off_gets_its_own_seal(signed_day, clock):
    clock.advance(hours=1)
    again = sign_off_day(MONDAY, "kepala", "rahasia-kepala", clock)
    seals = chain_seals.list_seals()
    assert [s.sign_off_seq for s in seals] == [signed_day.sign_off.seq, again.sign_off.seq]
    assert seals[1].mark("receipt_event").seq == 3  # Tuesday's receipt is sealed now
    assert chain_seals.verify_seals().ok


# ── a full rewrite: one row edited and every later hash recomputed ────────────────


def _rewrite(
    chain: str, table: str, read: Callable[[], list[ChainEntry]], from_seq: int
) -> list[ChainEntry]:
    """Recompute every hash from ``from_seq`` on with the real hash function, and the head,
    as someone with database access would; returns the chain as it then reads."""
    entries = read()
    prev = entries[from_seq - 2].row_hash if from_seq > 1 else hashchain.GENESIS_HASH
    for entry in entries[from_seq - 1 :]:
        row_hash = hashchain.entry_hash(chain, entry.seq, prev, entry.fields)
        _sql(
            f"UPDATE {table} SET prev_hash = ?, row_hash = ? WHERE seq = ?",
            prev,
            row_hash,
            entry.seq,
        )
        prev = row_hash
    _sql("UPDATE chain_head SET head_hash = ? WHERE chain = ?", prev, chain)
    return read()


def _staffing_edit() -> tuple[str, str, Callable[[], list[ChainEntry]], int]:
    seq = next(e.seq for e in staffing_log.entries() if e.kind == "break")
    _sql("UPDATE staffing_event SET reference = 'SKD-999' WHERE seq = ?", seq)
    return staffing_log.CHAIN, "staffing_event", staffing_log.chain_entries, seq


def _receipt_edit() -> tuple[str, str, Callable[[], list[ChainEntry]], int]:
    _sql("UPDATE receipt_event SET at = at - 3600000000 WHERE seq = 1")
    return receipt_log.CHAIN, "receipt_event", receipt_log._chain_entries, 1


def _audit_edit() -> tuple[str, str, Callable[[], list[ChainEntry]], int]:
    _sql("UPDATE audit_entry SET target = 'loket 9' WHERE seq = 2")
    return audit.CHAIN, "audit_entry", audit._chain_entries, 2


@pytest.mark.parametrize(
    ("edit", "which", "name_en"),
    [
        (_staffing_edit, 0, "staffing log"),
        (_receipt_edit, 1, "receipt log"),
        (_audit_edit, 2, "audit log"),
    ],
    ids=["staffing", "receipts", "audit"],
)
def test_a_full_rewrite_before_the_seal_is_found(signed_day, edit, which, name_en):
    chain, table, read, seq = edit()
    entries = _rewrite(chain, table, read, seq)
    # The plain chain check is fooled: every link and the head agree again.
    assert hashchain.verify_chain(chain, entries) is None
    ok, message_id, message_en = _verifications()[which]
    assert not ok
    assert "ditulis ulang sebelum segel 2026-11-23" in message_id
    assert f"The {name_en} was rewritten before the seal of 2026-11-23" in message_en
    report = chain_seals.verify_seals()
    assert not report.ok
    assert [p.reason for p in report.problems] == ["rewritten_before_seal"]
    # The other two logs still verify.
    assert [v[0] for i, v in enumerate(_verifications()) if i != which] == [True, True]


def test_the_rewrite_reason_reaches_the_reports(signed_day):
    chain, table, read, seq = _audit_edit()
    _rewrite(chain, table, read, seq)
    report = audit.verify_audit()
    assert report.problem is not None
    assert report.problem.reason == "rewritten_before_seal"
    assert report.problem.seq == 2  # the sealed position
    assert report.problem.label == "segel/seal 2026-11-23"


def test_a_truncated_log_is_found_at_the_seal(signed_day):
    # Every receipt entry deleted and the head reset: an empty, self-consistent chain.
    _sql("DELETE FROM receipt_event")
    _sql("DELETE FROM receipt")
    _sql("DELETE FROM chain_head WHERE chain = ?", receipt_log.CHAIN)
    report = receipt_log.verify_log()
    assert not report.ok and report.problem is not None
    assert report.problem.reason == "rewritten_before_seal"
    assert "entri #2 hilang" in report.message_id and "entry #2 is missing" in report.message_en


def test_a_rewrite_after_the_seal_is_only_the_plain_checks_business(signed_day):
    # Tuesday's receipt (#3) came after the seal: editing it is found by the chain itself.
    _sql("UPDATE receipt_event SET detail = '' WHERE seq = 3")
    report = receipt_log.verify_log()
    assert not report.ok and report.problem is not None
    assert report.problem.reason == "edited"


# ── deleted and forged seals ──────────────────────────────────────────────────────


def test_a_deleted_seal_is_reported(signed_day):
    _sql("DELETE FROM chain_seal")
    report = verify_staffing_log()
    assert not report.ok and report.problem is not None
    assert report.problem.reason == "seal_missing"
    assert "Segel pengesahan 2026-11-23 hilang" in report.message_id
    assert "seal of the sign-off of 2026-11-23 is missing" in report.message_en
    # The seal anchored the receipts and the audit log too.
    assert not receipt_log.verify_log().ok and not audit.verify_audit().ok
    assert [p.reason for p in chain_seals.verify_seals().problems] == ["seal_missing"]


def test_a_later_seal_deleted_while_an_earlier_one_stays_is_reported(signed_day, clock):
    clock.advance(hours=1)
    again = sign_off_day(MONDAY, "kepala", "rahasia-kepala", clock)
    _sql("DELETE FROM chain_seal WHERE sign_off_seq = ?", again.sign_off.seq)
    report = verify_staffing_log()
    assert report.problem is not None and report.problem.reason == "seal_missing"
    assert f"#{again.sign_off.seq}" in report.message_en


def test_sign_offs_from_before_seals_existed_need_none(db, clock):
    staff.add_staff("kepala", "Ibu Kepala", "head", "9999", password="rahasia-kepala")
    with write_transaction():
        staffing_log.append(
            "sign_off",
            clock.now(),
            clock.now(),
            dt.date(2026, 11, 20),
            detail={"day": "2026-11-20", "digest": "x"},
        )
    assert verify_staffing_log().ok
    assert chain_seals.verify_seals().ok


def _foreign_key() -> tuple[object, bytes]:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return private, raw


def _forge(seal: chain_seals.SealInfo, private: object, kid: str) -> None:
    """Sign the seal's own content again, with someone else's key."""
    message = chain_seals.signed_bytes(
        seal.office_id, seal.day, seal.sign_off_seq, seal.sealed_by, seal.sealed_at, seal.marks
    )
    signature = private.sign(message)  # type: ignore[attr-defined]
    _sql("UPDATE chain_seal SET kid = ?, signature = ? WHERE id = ?", kid, signature, seal.id)


def test_a_seal_signed_with_a_key_the_office_does_not_know_is_refused(signed_day):
    [seal] = chain_seals.list_seals()
    private, raw = _foreign_key()
    _forge(seal, private, signing.kid_for(raw))
    for ok, message_id, message_en in _verifications():
        assert not ok
        assert "tidak dikenal kantor ini" in message_id
        assert "signed with a key this office does not know" in message_en
    assert chain_seals.verify_seals().problems[0].reason == "seal_unknown_key"


def test_a_seal_signed_with_another_offices_key_is_refused(signed_day):
    [seal] = chain_seals.list_seals()
    private, raw = _foreign_key()
    signing.import_public_key(signing.public_pem(raw), "KANTOR-LAIN", "kantor lain")
    _forge(seal, private, signing.kid_for(raw))
    report = verify_staffing_log()
    assert report.problem is not None and report.problem.reason == "seal_unknown_key"


def test_a_seal_edited_to_match_a_rewrite_fails_its_signature(signed_day):
    chain, table, read, seq = _staffing_edit()
    entries = _rewrite(chain, table, read, seq)
    [seal] = chain_seals.list_seals()
    new_hash = next(e.row_hash for e in entries if e.seq == seal.mark(chain).seq)
    _sql("UPDATE chain_seal SET staffing_hash = ? WHERE id = ?", new_hash, seal.id)
    report = verify_staffing_log()
    assert report.problem is not None and report.problem.reason == "seal_bad_signature"
    assert "Tanda tangan segel 2026-11-23 tidak cocok" in report.message_id


def test_the_summary_still_reads_after_sealing(signed_day, clock):
    summary = daily_summary(MONDAY, clock)
    assert summary.sign_off is not None and not summary.sign_off.changed_after


# ── the command line ──────────────────────────────────────────────────────────────


def test_cli_verifications_report_the_rewrite(signed_day, loket):
    loket("keys", "root")  # the CLI's PC pins the office root (first use, said on stderr)
    chain, table, read, seq = _staffing_edit()
    _rewrite(chain, table, read, seq)
    result = loket("staffing", "verify")
    assert result.code == 1
    assert "ditulis ulang sebelum segel 2026-11-23" in result.err
    assert result.err.count("\n") == 1  # one line, no traceback
    payload = loket("staffing", "verify", "--json").json()
    assert payload["problem"]["reason"] == "rewritten_before_seal"  # type: ignore[index]
    receipts_json = loket("receipt", "verify-log", "--json").json()
    assert receipts_json["ok"] and receipts_json["seals"] == 1  # type: ignore[index]


# ── the seal code on paper ────────────────────────────────────────────────────────


def test_the_staffing_report_pdf_carries_the_seal_code(signed_day, clock):
    [seal] = chain_seals.list_seals()
    summary = daily_summary(MONDAY, clock)
    pdf = staffing_export.to_pdf([summary], JAKARTA, "Kantor Kelurahan Menteng")
    text = pdf_text(pdf)
    assert f"kode segel / seal code {seal.code}" in text
    assert "Disahkan/signed off: Ibu Kepala 2026-11-24 09:00" in text
    # … on a report that carries the day's figures: its heading, totals, gaps and rows.
    assert "Kantor Kelurahan Menteng — Laporan penjagaan loket / Staffing report" in text
    assert "2026-11-23 (Monday)" in text
    assert "Loket depan / front desk: 0.20% dijaga/covered (0:01:00 dari/of 8:30:00)" in text
    assert "3 kekosongan/gaps" in text
    assert "07:30:00 07:40:00 0:10:00 aplikasi loket tidak merespons" in text
    assert "07:40:00 08:00:00 0:20:00 ditinggal dengan alasan sah — Sakit (SKD-1)" in text
    assert "08:01:00 16:00:00 7:59:00" in text
    assert "1 (depan/front) 8:30:00 0:01:00 0.2 0:20:00 ani" in text
    assert "Ani Lestari 8:30:00 0:01:00 0.2 0:20:00 loket 1" in text
