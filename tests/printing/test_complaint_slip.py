"""The complaint slip: rendered to ESC/POS and PDF, decoded back, kept in the spool, printed."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone

import pytest
from helpers.escpos_decode import decode

from loket.printing.escpos_render import render_escpos
from loket.printing.layouts import ComplaintLayout, layout_from_dict, layout_to_dict
from loket.printing.pdf_render import render_pdf
from loket.printing.profiles import PROFILE_58, PROFILE_80, PrinterProfile

WIB = timezone(timedelta(hours=7))


@pytest.fixture
def slip() -> ComplaintLayout:
    return ComplaintLayout(
        office_name="Kantor Kecamatan Menteng",
        office_address="Jl. Sunda Kelapa No. 1, Jakarta Pusat",
        number="ADU-2026-000123",
        received_at=datetime(2026, 11, 23, 9, 5, tzinfo=WIB),
        category="Pengaduan / Complaint",
        summary="Petugas loket 2 tidak ada di tempat selama satu jam, antrean tidak bergerak.",
        due_date=date(2026, 12, 7),
        contact="Siti Aminah — 0812 3456 7890",
        channel="Kios / Kiosk",
        complaint_channel="SP4N-LAPOR! lapor.go.id / SMS 1708",
        qr_text="ADU-2026-000123",
    )


@pytest.mark.parametrize("profile", [PROFILE_58, PROFILE_80], ids=lambda p: p.name)
def test_slip_decodes_to_its_tracking_number_and_due_date(
    slip: ComplaintLayout, profile: PrinterProfile
) -> None:
    out = decode(render_escpos(slip, profile).data)
    number = next(line for line in out.lines if line.text == "ADU-2026-000123")
    assert (number.width, number.height, number.bold) == (2, 2, True)
    flat = " ".join(line.text.strip() for line in out.lines)
    for expected in (
        "BUKTI PENGADUAN / SARAN",
        "Nomor pelacakan / Tracking number",
        "Senin, 23 November 2026 09:05 WIB",
        "Pengaduan / Complaint",
        "Petugas loket 2 tidak ada",
        "Siti Aminah",
        "Senin, 7 Desember 2026",  # answer by
        "Kios / Kiosk",
        "SP4N-LAPOR!",
        "Cek status di kios",
    ):
        assert expected in flat, expected
    assert out.qr_texts() == ["ADU-2026-000123"]
    assert out.cuts == 1
    assert all(len(line.text) * line.width <= profile.columns for line in out.lines)


def test_slip_without_qr_or_contact(slip: ComplaintLayout) -> None:
    bare = dataclasses.replace(slip, qr_text=None, contact="")
    out = decode(render_escpos(bare).data)
    assert out.qr_texts() == [] and out.images == []
    assert "ADU-2026-000123" in out.text
    assert "Kontak / Contact: -" in out.text


def test_slip_survives_the_spool_round_trip_and_reprints_as_copy(slip: ComplaintLayout) -> None:
    data = layout_to_dict(slip)
    assert data["kind"] == "complaint"
    again = layout_from_dict(data)
    assert again == slip
    copy = decode(render_escpos(dataclasses.replace(slip, copy=True)).data)
    assert "SALINAN / COPY" in copy.text


def test_slip_as_pdf(slip: ComplaintLayout) -> None:
    pdf = render_pdf(slip)
    assert pdf.startswith(b"%PDF") and b"ADU-2026-000123" in pdf


def test_filed_complaint_prints_on_the_network_printer(db, clock, sim) -> None:
    from loket.models.feedback.complaint_actions import file_complaint
    from loket.models.printouts.paper import print_complaint

    info = file_complaint(
        "Ruang tunggu panas, kipas angin mati", contact_phone="0812 3456 7890", clock=clock
    )
    outcome = print_complaint(info, sim.uri)
    assert outcome.printed, outcome.message_en
    assert outcome.qr_text == info.number == "ADU-2026-000001"
    assert sim.wait_for(lambda raw: b"ADU-2026-000001" in raw)
    page = decode(sim.received)
    flat = " ".join(line.text.strip() for line in page.lines)
    assert "Ruang tunggu panas" in flat and "0812-3456-7890" in flat
    assert "Senin, 7 Desember 2026" in flat
    assert page.qr_texts() == ["ADU-2026-000001"]
