from __future__ import annotations

import dataclasses

import pytest
from helpers.escpos_decode import decode

from loket.printing.errors import QrDoesNotFitError
from loket.printing.escpos_render import render_escpos
from loket.printing.layouts import ReceiptLayout, TicketLayout
from loket.printing.profiles import PROFILE_58, PROFILE_80, PROFILE_80_NATIVE_QR, PrinterProfile

PROFILES = [PROFILE_58, PROFILE_80]


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.name)
def test_ticket_decodes_to_number_service_and_qr(
    ticket: TicketLayout, profile: PrinterProfile
) -> None:
    out = decode(render_escpos(ticket, profile).data)
    assert "Nomor Antrian / Queue number" in out.text
    number = next(line for line in out.lines if line.text == "A-012")
    assert number.bold and number.height >= 4
    assert "Administrasi Kependudukan" in out.text.replace("\n", " ")
    assert "Civil registration" in out.text
    assert "Senin, 23 November 2026" in out.text and "08:12 WIB" in out.text
    assert "4" in out.text and "15 menit" in out.text
    assert out.qr_texts() == [ticket.qr_text]
    assert out.cuts == 1
    assert out.code_pages == [profile.code_page_number]
    assert all(len(line.text) * line.width <= profile.columns for line in out.lines)
    assert all(image.width <= profile.dots for image in out.images)
    assert "SALINAN" not in out.text


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.name)
def test_receipt_decodes_with_signed_qr(receipt: ReceiptLayout, profile: PrinterProfile) -> None:
    out = decode(render_escpos(receipt, profile).data)
    flat = " ".join(line.text.strip() for line in out.lines)
    for expected in (
        "TANDA TERIMA DOKUMEN",
        "TT-2026-000123",
        "Siti Rahmawati",
        "7KQ-4M2",
        "Permohonan izin usaha mikro",
        "Senin, 30 November 2026",
        "lapor.go.id",
    ):
        assert expected in flat
    assert out.qr_texts() == [receipt.qr_text]


def test_qr_has_at_least_four_dots_per_module(receipt: ReceiptLayout) -> None:
    out = decode(render_escpos(receipt, PROFILE_58).data)
    image = out.images[0]
    # The finder pattern's top-left black run is 7 modules wide.
    row = next(
        y
        for y in range(image.height)
        if image.getpixel((image.width // 2, y)) == 0
        or min(image.getpixel((x, y)) for x in range(image.width)) == 0
    )
    pixels = [image.getpixel((x, row)) for x in range(image.width)]
    start = pixels.index(0)
    run = pixels[start:].index(255)
    assert run // 7 >= 4


def test_long_subject_is_wrapped_not_cut(receipt: ReceiptLayout) -> None:
    words = [f"kata{i:03d}" for i in range(60)] + ["Sangatpanjangsekalitanpaspasi" * 3]
    long = dataclasses.replace(receipt, subject=" ".join(words))
    for profile in PROFILES:
        out = decode(render_escpos(long, profile).data)
        assert all(len(line.text) <= profile.columns for line in out.lines)
        joined = "".join(line.text.strip() for line in out.lines)
        assert "".join(words) in joined.replace(" ", "")


def test_cjk_and_emoji_never_switch_to_gb18030(ticket: TicketLayout) -> None:
    odd = dataclasses.replace(
        ticket, service_name="Layanan 中文 Umum 😀 café", office_name="Kantor “Lurah” — Menteng"
    )
    data = render_escpos(odd).data
    assert "中".encode("gb18030") not in data
    out = decode(data)
    assert out.code_pages == [0]
    assert "Layanan ?? Umum ? café" in out.text
    assert 'Kantor "Lurah" - Menteng' in out.text


def test_control_characters_cannot_inject_commands(ticket: TicketLayout) -> None:
    evil = dataclasses.replace(ticket, service_name="Umum\x1b@\x1dV\x00\x10\x04\x01")
    out = decode(render_escpos(evil).data)
    assert out.cuts == 1 and out.status_questions == []


def test_copy_marker(ticket: TicketLayout) -> None:
    out = decode(render_escpos(dataclasses.replace(ticket, copy=True)).data)
    assert out.text.count("SALINAN / COPY") == 2


def test_native_qr_only_when_profile_says_so(ticket: TicketLayout) -> None:
    out = decode(render_escpos(ticket, PROFILE_80_NATIVE_QR).data)
    assert out.images == []
    assert out.native_qr == [ticket.qr_text.encode()]


def test_qr_that_cannot_fit_raises_clearly(ticket: TicketLayout) -> None:
    huge = dataclasses.replace(ticket, qr_text="x" * 1500)
    with pytest.raises(QrDoesNotFitError) as info:
        render_escpos(huge, PROFILE_58)
    assert "QR" in info.value.message_en and "QR" in info.value.message_id


def test_no_cutter_profile_feeds_instead(ticket: TicketLayout) -> None:
    out = decode(render_escpos(ticket, PROFILE_58.with_options(cutter=False)).data)
    assert out.cuts == 0


def test_logo_is_printed(ticket: TicketLayout, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("L", (800, 200), 0).save(logo)
    out = decode(render_escpos(dataclasses.replace(ticket, logo_path=logo), PROFILE_58).data)
    assert len(out.images) == 2 and out.images[0].width == PROFILE_58.dots
