"""What a visitor reads on paper: the queue number at least 12 mm tall, service and time
clearly larger than the small print, and 58 mm labels that do not fall apart.

Heights come from the decoded bytes: the magnification in effect for each text run
(``GS !``) times the profile font's capital height (17 of the 24-dot cell of font A).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime, timedelta, timezone

import pytest
from helpers.escpos_decode import TextLine, decode

from loket.printing.blocks import NUMBER_MIN_MM
from loket.printing.escpos_render import render_escpos
from loket.printing.layouts import ReceiptLayout, TicketLayout
from loket.printing.pdf_render import CAP_HEIGHT_EM, render_pdf
from loket.printing.profiles import PROFILE_58, PROFILE_80, PrinterProfile

PROFILES = [PROFILE_58, PROFILE_80]
MM_PER_POINT = 25.4 / 72


def _printed_mm(line: TextLine, profile: PrinterProfile) -> float:
    """How tall the line's capitals print: its largest run's magnification × the glyph."""
    return max(profile.glyph_height_mm(run.height) for run in line.runs)


def _line(lines: list[TextLine], text: str) -> TextLine:
    return next(line for line in lines if line.text.strip() == text)


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.name)
@pytest.mark.parametrize("number", ["A-012", "B-1234", "PRI-07"])
def test_queue_number_prints_at_least_12_mm_tall(
    ticket: TicketLayout, profile: PrinterProfile, number: str
) -> None:
    out = decode(render_escpos(dataclasses.replace(ticket, number=number), profile).data)
    line = _line(out.lines, number)
    assert line.bold
    assert _printed_mm(line, profile) >= NUMBER_MIN_MM
    # The character cell itself is taller still (font A: 24 dots per magnification step).
    assert line.cell_height_dots / profile.dots_per_mm >= NUMBER_MIN_MM
    # …and it still fits the paper: never wider than the printable line.
    assert len(number) * line.width <= profile.columns
    # Three times the height of the next largest text (service, time: double height).
    assert line.height >= 3 * 2


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.name)
def test_service_and_time_are_larger_than_the_small_print(
    ticket: TicketLayout, profile: PrinterProfile
) -> None:
    out = decode(render_escpos(ticket, profile).data)
    small = _line(out.lines, "Civil registration")
    service = [line for line in out.lines if line.text.strip() in ("Administrasi", "Kependudukan")]
    service += [line for line in out.lines if line.text.strip() == "Administrasi Kependudukan"]
    time = _line(out.lines, "08:12 WIB")
    assert service and all(line.height > small.height for line in service)
    assert time.height > small.height and time.width > small.width
    number = _line(out.lines, ticket.number)
    assert number.height > time.height  # the number stays the largest


def test_58mm_labels_and_values_read_well(ticket: TicketLayout) -> None:
    busy = dataclasses.replace(ticket, ahead=11, estimated_wait_minutes=45)
    out = decode(render_escpos(busy, PROFILE_58).data)
    texts = [line.text.strip() for line in out.lines]
    assert all(len(line.text) * line.width <= PROFILE_58.columns for line in out.lines)
    # A label is split only after its slash, and the value stays with it.
    assert "Orang di depan Anda /" in texts and "People ahead: 11" in texts
    assert "Estimated wait: ± 45 menit / min" in texts
    for lonely in ("ahead:", "11", "WIB", "People", "People ahead:"):
        assert lonely not in texts
    assert "08:12 WIB" in texts


def test_58mm_receipt_keeps_time_and_zone_together(receipt: ReceiptLayout) -> None:
    wita = timezone(timedelta(hours=8))
    late = dataclasses.replace(receipt, received_at=datetime(2026, 9, 27, 12, 34, tzinfo=wita))
    out = decode(render_escpos(late, PROFILE_58).data)
    texts = [line.text.strip() for line in out.lines]
    assert "WITA" not in texts and "12:34" not in texts
    assert any(text.endswith("12:34 WITA") for text in texts)
    for text in texts:
        assert not re.fullmatch(r"(Received:|/ Received:|Diterima /)", text)


def test_receipt_names_the_complaint_channel_once(receipt: ReceiptLayout) -> None:
    office_text = (
        "Pengaduan: kios Loket atau SP4N-LAPOR! (lapor.go.id) / "
        "Complaints: the Loket kiosk or SP4N-LAPOR!"
    )
    for profile in PROFILES:
        layout = dataclasses.replace(receipt, complaint_channel=office_text)
        flat = decode(render_escpos(layout, profile).data).text
        assert flat.count("Pengaduan") == 1 and flat.count("Complaints") == 1
    bare = dataclasses.replace(receipt, complaint_channel="SP4N-LAPOR! lapor.go.id")
    flat = decode(render_escpos(bare, PROFILE_80).data).text
    assert "Pengaduan / Complaints: SP4N-LAPOR! lapor.go.id" in flat


def _pdf_font_sizes(pdf: bytes) -> dict[str, float]:
    """Each drawn string and the font size it was drawn at."""
    sizes: dict[str, float] = {}
    size = 0.0
    for match in re.finditer(rb"/F\d+ ([\d.]+) Tf|\((.*?)\) Tj", pdf):
        if match.group(1):
            size = float(match.group(1))
        else:
            sizes[match.group(2).decode("latin-1")] = size
    return sizes


def test_pdf_copy_has_the_same_hierarchy(ticket: TicketLayout) -> None:
    sizes = _pdf_font_sizes(render_pdf(ticket))
    number_mm = sizes[ticket.number] * CAP_HEIGHT_EM * MM_PER_POINT
    assert number_mm >= NUMBER_MIN_MM
    small = sizes["Civil registration"]
    assert sizes["08:12 WIB"] > small and sizes["Administrasi"] > small
    assert sizes[ticket.number] > sizes["08:12 WIB"]
