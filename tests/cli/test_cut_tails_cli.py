"""Cut tails and deleted receipts from the command line (issue 12, items 2 and 3).

The office works in this process (its own data folder); ``loket`` runs in a
subprocess as another PC with its own data folder (``cli-data``), the way an inspector
or the head verifies on the office PC. The insider edits the database with SQL.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loket.models.db import database, write_transaction
from loket.models.documents import receipt_actions
from loket.models.integrity import certs, checkpoints, hashchain
from loket.models.office import audit, catalog, staff
from loket.models.office.auth import Session


def _sql(statement: str, *params: object) -> list[tuple]:
    db = database.obj
    return list(db.execute_sql(statement.replace("?", db.param), params).fetchall() or [])


def _run(statement: str, *params: object) -> None:
    db = database.obj
    db.execute_sql(statement.replace("?", db.param), params)


@pytest.fixture
def office(db, clock):
    """Three receipts and three audit entries, made on the office's own PC."""
    checkpoints.reset_polling()
    catalog.add_service("A", "Administrasi", "Administration")
    staff.add_staff("kepala", "Ibu Kepala", "head", "9999", password="rahasia-kepala")
    head = Session("kepala", "Ibu Kepala", "head", clock.now().replace(year=2030))
    qrs = []
    for sender in ("Siti Aminah", "Joko Widodo", "Rina"):
        info = receipt_actions.new_receipt(
            sender_name=sender, subject="Surat", recipient_unit="Umum", pages=1, clock=clock
        )
        qrs.append(info.qr_text)
        with write_transaction():
            audit.record(head, "service_edit", "A", {"by": sender}, clock)
        clock.advance(minutes=5)
    return qrs


def _delete_newest_receipt() -> int:
    [(receipt_id,)] = _sql("SELECT id FROM receipt ORDER BY id DESC LIMIT 1")
    [(keep,)] = _sql("SELECT MAX(seq) FROM receipt_event WHERE receipt_id <> ?", receipt_id)
    [(head,)] = _sql("SELECT row_hash FROM receipt_event WHERE seq = ?", keep)
    _run("DELETE FROM receipt_event WHERE receipt_id = ?", receipt_id)
    _run("DELETE FROM receipt WHERE id = ?", receipt_id)
    _run(
        "UPDATE chain_head SET length = ?, head_hash = ? WHERE chain = 'receipt_event'", keep, head
    )
    return int(keep)


def _cut_audit() -> int:
    [(length,)] = _sql("SELECT MAX(seq) FROM audit_entry")
    keep = int(length) - 1
    [(head,)] = _sql("SELECT row_hash FROM audit_entry WHERE seq = ?", keep)
    _run("DELETE FROM audit_entry WHERE seq > ?", keep)
    _run("UPDATE chain_head SET length = ?, head_hash = ? WHERE chain = 'admin_audit'", keep, head)
    return keep


def test_a_deleted_receipt_is_genuine_but_missing_and_leaves_a_gap(office, loket):
    newest = office[-1]
    before = loket("verify", newest)
    assert before.code == 0 and "tidak ada di catatan kantor" not in before.out
    _delete_newest_receipt()
    assert "No receipt" in loket("receipt", "show", "TT-2026-000003").err

    found = loket("verify", newest)
    assert found.code != 0
    assert "SAH:" in found.out  # the signature is genuine …
    assert (
        "tanda terima asli, tetapi tidak ada di catatan kantor — kemungkinan dihapus" in found.out
    )
    assert "genuine receipt, but missing from the office's records — possibly deleted" in found.out
    as_json = loket("--json", "verify", newest)
    assert as_json.code != 0 and as_json.json()["missing"] is True
    # The receipts still on record verify as before.
    assert loket("verify", office[0]).code == 0

    log = loket("receipt", "verify-log")
    assert log.code != 0
    assert "TT-2026-000003" in log.out and "kemungkinan dihapus" in log.out
    assert "missing — possibly deleted" in log.out


def _certified_cli_key(loket) -> None:
    """The inspecting PC gets a key, and the head certifies it with the office root."""
    assert loket("keys", "new", "--label", "inspeksi").code == 0
    [(kid,)] = _sql("SELECT kid FROM signing_key WHERE label = 'inspeksi'")
    certs.certify(kid)


def test_verify_all_checkpoints_then_finds_a_cut_on_another_pc(office, loket, tmp_path):
    _certified_cli_key(loket)
    honest = loket("verify-all")
    assert honest.code == 0, honest.err
    assert "Log audit utuh" in honest.out and "Every seal holds" in honest.out
    [cp] = checkpoints.list_checkpoints()
    assert cp.reason == "verify"
    assert cp.mark("admin_audit").seq == hashchain.read_head("admin_audit").length

    keep = _cut_audit()
    # The inspector's PC lost its witness file: its own checkpoint still holds the length.
    (tmp_path / "cli-data" / "witness.json").unlink()
    cut = loket("audit", "verify")
    assert cut.code != 0
    assert f"Log audit: log dipotong setelah entri {keep}" in cut.err
    assert f"Audit log: the log was cut after entry {keep}" in cut.err
    everything = loket("--json", "verify-all")
    assert everything.code != 0
    assert everything.json()["audit"]["ok"] is False
    assert len(checkpoints.list_checkpoints()) == 1  # a broken log gets no new checkpoint


def test_an_edited_checkpoint_is_reported_by_every_verification(office, loket):
    _certified_cli_key(loket)
    assert loket("verify-all").code == 0
    _run("UPDATE chain_checkpoint SET receipts_seq = 1 WHERE seq = 1")
    for command in (("audit", "verify"), ("staffing", "verify"), ("receipt", "verify-log")):
        result = loket(*command)
        assert result.code != 0
        assert "Checkpoint #1" in result.out + result.err
        assert "its signature does not match" in result.out + result.err


def test_a_damaged_witness_file_is_one_line_and_rebuilt(office, loket, tmp_path):
    assert loket("verify-all").code == 0
    path = Path(tmp_path / "cli-data" / "witness.json")
    assert path.stat().st_mode & 0o777 == 0o600
    path.write_bytes(b"\x00garbage")
    result = loket("verify-all")
    assert result.code == 0 and "Traceback" not in result.err
    lines = [line for line in result.err.splitlines() if "witness" in line]
    assert len(lines) == 1 and "rusak" in lines[0] and "rebuilt" in lines[0]
    assert json.loads(path.read_text())["version"] == 1


def test_honest_use_from_two_pcs_never_reports(office, loket, clock):
    _certified_cli_key(loket)
    for round_ in range(3):
        receipt_actions.new_receipt(
            sender_name=f"Warga {round_}",
            subject="Surat",
            recipient_unit="Umum",
            pages=1,
            clock=clock,
        )
        result = loket("verify-all")
        assert result.code == 0, result.err
        assert loket("receipt", "verify-log").code == 0
    assert hashchain.read_head(checkpoints.CHAIN).length == len(checkpoints.list_checkpoints())
