"""Tickets and receipts on a (simulated) network printer, read back and verified."""

from __future__ import annotations

import pytest
from helpers.escpos_decode import decode
from helpers.sim_printer import SimPrinter


def _ok(result):
    assert result.code == 0, result.err
    return result


@pytest.fixture
def office(loket):
    _ok(loket("init"))
    _ok(loket("demo"))
    return loket


@pytest.fixture
def printer():
    with SimPrinter() as sim:
        yield sim


def test_ticket_prints_with_a_signed_qr_that_verifies(office, printer):
    _ok(office("issue", "A", "--priority", "lansia"))
    data = _ok(office("print", "ticket", "A-001", "--printer", printer.uri, "--json")).json()
    assert data["print"]["printed"] is True
    assert printer.wait_for(lambda raw: len(raw) > 1000)
    page = decode(printer.received)
    text = page.text.replace("\n", " ")  # the service name is printed large, on two lines
    assert "A-001" in text and "Nomor Antrian" in text and "Administrasi Kependudukan" in text
    assert "lansia" in text.lower() or "Lanjut usia" in text
    [qr] = page.qr_texts()
    assert qr == data["qr"] and qr.startswith("LKT1:")
    verdict = _ok(office("verify", qr, "--json")).json()
    assert verdict["valid"] is True and verdict["kind"] == "ticket" and verdict["number"] == "A-001"


def test_paper_out_keeps_the_job_and_reprint_says_copy(office, printer):
    _ok(office("issue", "B"))
    printer.paper_out = True
    refused = office("print", "ticket", "B-001", "--printer", printer.uri, "--json")
    assert refused.code == 1
    data = refused.json()
    assert data["print"]["printed"] is False and data["print"]["pending"] is True
    assert "habis" in data["print"]["message"] and "out of paper" in data["print"]["message_en"]
    pending = _ok(office("print", "pending", "--json")).json()
    assert [job["job_id"] for job in pending] == [data["print"]["job_id"]]
    printer.paper_out = False
    _ok(office("print", "retry", data["print"]["job_id"]))
    assert printer.wait_for(lambda raw: b"B-001" in raw)
    text = decode(printer.received).text
    assert "SALINAN" in text and "COPY" in text and "B-001" in text
    assert _ok(office("print", "pending", "--json")).json() == []


def test_receipt_new_prints_and_its_qr_verifies(office, printer):
    data = _ok(
        office(
            "receipt",
            "new",
            "--sender",
            "Budi Santoso",
            "--subject",
            "Permohonan izin usaha",
            "--to",
            "Bidang Perizinan",
            "--pages",
            "3",
            "--printer",
            printer.uri,
            "--json",
        )
    ).json()
    assert data["print"]["printed"] is True
    assert printer.wait_for(lambda raw: data["number"].encode() in raw)
    page = decode(printer.received)
    assert "Budi Santoso" in page.text and data["number"] in page.text
    assert page.qr_texts() == [data["qr"]]
    assert _ok(office("verify", data["qr"], "--json")).json()["valid"] is True


def test_status_and_test_page(office, printer):
    assert _ok(office("print", "status", "--printer", printer.uri, "--json")).json()["ok"] is True
    printer.cover_open = True
    status = office("print", "status", "--printer", printer.uri, "--json")
    assert status.code == 1 and "cover_open" in status.json()["problems"]
    printer.cover_open = False
    _ok(office("print", "test", "--printer", printer.uri))
    assert printer.wait_for(lambda raw: b"Loket test print OK." in raw)


def test_unreachable_printer_and_bad_uri_are_one_line(office):
    bad = office("print", "test", "--printer", "lpt://nowhere")
    assert bad.code == 2 and "Traceback" not in bad.err and len(bad.err.splitlines()) == 1
    assert _ok(office("print", "pending", "--json")).json() == []  # a typo is never spooled
    gone = office("print", "test", "--printer", "network://127.0.0.1:9", "--json")
    assert gone.code == 1 and gone.json()["print"]["pending"] is True
    assert len(gone.err.splitlines()) == 1 and "Test page NOT printed" in gone.err


def test_default_printer_writes_pdf_copies(office, tmp_path):
    _ok(office("issue", "A"))
    data = _ok(office("print", "ticket", "A-001", "--json")).json()
    assert data["printer"].startswith("pdf://")
    folder = tmp_path / "cli-data" / "pdf"
    pdfs = list(folder.glob("*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF")
