"""Printer trouble never loses the ticket: the screen shows it, its QR and what happened."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from helpers.escpos_decode import decode
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage


def _qr_on_screen(image: QImage) -> list[str]:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    picture = Image.open(io.BytesIO(bytes(buffer.data())))
    return [
        found.text
        for found in zxingcpp.read_barcodes(
            picture, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
        )
    ]


def test_a_good_printer_gets_the_ticket_with_its_signed_qr(qtbot, make_kiosk, sim, tap):
    kiosk = make_kiosk(printer=sim.uri)
    tap(kiosk.home.service_buttons["A"])
    tap(kiosk.priority.normal_button)
    qtbot.waitUntil(lambda: kiosk.ticket.outcome is not None, timeout=10_000)
    assert kiosk.ticket.outcome.printed and not kiosk.ticket.outcome.pending
    printed = decode(sim.received)
    assert "A-001" in printed.text
    assert [t for t in printed.qr_texts() if t.startswith("LKT1:")] == [
        kiosk.ticket.outcome.qr_text
    ]
    assert kiosk.ticket.outcome.qr_text.startswith("LKT1:")


@pytest.mark.parametrize(
    ("fault", "words_id"),
    [("paper_out", "kertas"), ("cover_open", "tutup"), ("mute", None)],
)
def test_printer_fault_shows_ticket_qr_and_message(
    qtbot, make_kiosk, sim, tap, fault, words_id, caplog
):
    from loket.models.printouts.paper import pending_jobs

    setattr(sim, fault, True)
    kiosk = make_kiosk(printer=sim.uri)
    tap(kiosk.home.service_buttons["B"])
    tap(kiosk.priority.normal_button)
    assert kiosk.ticket.number.text() == "B-001"
    if fault == "mute":  # a printer that never answers leaves "printing" up until the timeout
        assert kiosk.ticket.status.text() == "Tiket sedang dicetak…"
    qtbot.waitUntil(lambda: kiosk.ticket.outcome is not None, timeout=15_000)
    outcome = kiosk.ticket.outcome
    assert outcome.pending  # not printed, or sent to a printer that never confirmed it
    # The number, a plain message and the signed QR stay on screen.
    assert kiosk.ticket.number.text() == "B-001"
    message = kiosk.ticket.status.text()
    assert message == outcome.message_id
    if words_id:
        assert words_id in message.lower()
    assert "tetap berlaku" in kiosk.ticket.advice.text()
    assert kiosk.ticket.qr.isVisible()
    assert _qr_on_screen(kiosk.ticket.qr.render_image(400)) == [outcome.qr_text]
    # Raised for staff: the job waits in the spool (`loket print pending`) and is logged.
    assert outcome.job_id in [job.job_id for job in pending_jobs()]
    assert any(outcome.job_id in record.getMessage() for record in caplog.records)


def test_fault_message_follows_the_language(qtbot, qapp, make_kiosk, sim, tap):
    sim.paper_out = True
    kiosk = make_kiosk(printer=sim.uri)
    tap(kiosk.language_button)
    tap(kiosk.home.service_buttons["A"])
    tap(kiosk.priority.normal_button)
    qtbot.waitUntil(lambda: kiosk.ticket.outcome is not None, timeout=15_000)
    assert kiosk.ticket.status.text() == kiosk.ticket.outcome.message_en
    assert kiosk.ticket.heading.text() == "Your queue number"


def test_ui_stays_responsive_while_a_stalled_printer_times_out(qtbot, make_kiosk, sim, tap):
    sim.mute = True
    kiosk = make_kiosk(printer=sim.uri)
    tap(kiosk.home.service_buttons["A"])
    tap(kiosk.priority.normal_button)
    assert kiosk.ticket.printing
    tap(kiosk.ticket.done_button)  # the visitor walks away before the printer answers
    assert kiosk.current_screen() is kiosk.home
    tap(kiosk.home.service_buttons["B"])
    assert kiosk.current_screen() is kiosk.priority
    qtbot.waitUntil(lambda: not kiosk.prints.busy, timeout=15_000)
