from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from helpers.escpos_decode import decode

from loket.printing.connections import DummyConnection
from loket.printing.jobs import list_pending, print_job, retry
from loket.printing.layouts import ReceiptLayout, TicketLayout, layout_from_dict, layout_to_dict
from loket.printing.pdf_render import PAGE_WIDTH, render_pdf
from loket.printing.spool import Spool


def _pdf_strings(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    return " ".join(m.decode("latin-1") for m in re.findall(rb"\((.*?)\) Tj", pdf))


def test_ticket_pdf_contains_text_and_is_receipt_sized(ticket: TicketLayout) -> None:
    pdf = render_pdf(ticket)
    text = _pdf_strings(pdf)
    assert "A-012" in text and "Nomor Antrian / Queue number" in text
    assert "Administrasi Kependudukan" in text
    box = re.search(rb"/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]", pdf)
    assert box is not None and abs(float(box.group(1)) - PAGE_WIDTH) < 0.01
    assert render_pdf(ticket) == pdf  # invariant: same layout, same bytes


def test_receipt_pdf_with_copy_and_odd_text(receipt: ReceiptLayout) -> None:
    odd = dataclasses.replace(receipt, subject="Izin 中文 😀 usaha", copy=True)
    text = _pdf_strings(render_pdf(odd))
    assert "TT-2026-000123" in text and "SALINAN / COPY" in text and "Izin ?? ? usaha" in text


def test_pdf_printer_writes_one_file_per_job(ticket: TicketLayout, tmp_path: Path) -> None:
    out = tmp_path / "pdf"
    result = print_job(f"pdf://{out}", ticket, tmp_path / "spool")
    assert result.printed and not result.pending
    files = list(out.glob("*.pdf"))
    assert [f.stem for f in files] == [result.job_id]
    assert "A-012" in _pdf_strings(files[0].read_bytes())


def test_dummy_printer_and_layout_round_trip(
    ticket: TicketLayout, receipt: ReceiptLayout, tmp_path: Path
) -> None:
    for layout in (ticket, receipt):
        assert layout_from_dict(json.loads(json.dumps(layout_to_dict(layout)))) == layout
    result = print_job("dummy://kiosk1", ticket, tmp_path)
    assert result.printed
    assert "A-012" in decode(bytes(DummyConnection.outputs["kiosk1"])).text


def test_spool_files_are_json_and_survive_a_reprint(ticket: TicketLayout, tmp_path: Path) -> None:
    DummyConnection.replies["k"] = {1: 0x1A, 2: 0x32, 3: 0x12, 4: 0x7E}  # paper out
    first = print_job("dummy://k", ticket, tmp_path)
    assert not first.printed
    spool_file = tmp_path / f"{first.job_id}.json"
    data = json.loads(spool_file.read_text())
    assert data["layout"]["number"] == "A-012" and data["problems"] == ["offline", "paper_out"]
    assert not list(tmp_path.glob(".*.tmp"))  # no temp files left behind
    del DummyConnection.replies["k"]
    assert retry(first.job_id, tmp_path).printed
    assert list_pending(tmp_path) == []
    assert (tmp_path / "done" / f"{first.job_id}.json").exists()
    assert "SALINAN / COPY" in decode(bytes(DummyConnection.outputs["k"])).text
    # A lost ticket can be reprinted from done/ as well.
    assert retry(first.job_id, tmp_path).printed


def test_unreadable_spool_file_is_kept_not_deleted(tmp_path: Path) -> None:
    spool = Spool(tmp_path)
    broken = tmp_path / "broken.json"
    broken.write_bytes(b"{not json")
    assert spool.list_pending() == []
    assert broken.exists()


def test_file_printer_gets_raw_bytes(ticket: TicketLayout, tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    result = print_job(f"file://{target}", ticket, tmp_path / "spool")
    # A plain file cannot report status: printed, and nothing left pending.
    assert result.printed and not result.pending and not result.status.known
    out = decode(target.read_bytes())
    assert "A-012" in out.text and out.qr_texts() == [ticket.qr_text]


def test_pdf_opens_in_a_reader_and_its_qr_scans(
    qapp, receipt: ReceiptLayout, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The PDF is written by hand (no reportlab): a real reader (Qt's PDFium) opens it, and
    the QR drawn in it scans back to the signed text."""
    import zxingcpp
    from PIL import Image
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    path = tmp_path / "receipt.pdf"
    odd = dataclasses.replace(receipt, sender_name="José (Łukasz) \\ Müller", copy=True)
    path.write_bytes(render_pdf(odd))
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_ and document.pageCount() == 1
    size = document.pagePointSize(0)
    page = document.render(0, QSize(int(size.width() * 3), int(size.height() * 3)))
    shot = tmp_path / "page.png"
    assert page.save(str(shot))
    with Image.open(shot) as rendered:  # the page is transparent where nothing is drawn
        white = Image.new("RGBA", rendered.size, "white")
        flat = Image.alpha_composite(white, rendered.convert("RGBA")).convert("L")
    found = [r.text for r in zxingcpp.read_barcodes(flat)]
    assert found == [receipt.qr_text]
    assert "José (Lukasz) \\ Müller" in document.getAllText(0).text()


def test_pdf_with_a_logo_opens_in_a_reader(qapp, ticket: TicketLayout, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image
    from PySide6.QtPdf import QPdfDocument

    logo = tmp_path / "logo.png"
    Image.new("RGBA", (300, 100), (0, 0, 120, 128)).save(logo)
    path = tmp_path / "ticket.pdf"
    path.write_bytes(render_pdf(dataclasses.replace(ticket, logo_path=logo)))
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    assert "A-012" in document.getAllText(0).text()
