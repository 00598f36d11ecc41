"""Documents at the desk: a receipt signed by the officer and printed, kiosk receipts
confirmed, and the road to "ready" with the person to phone."""

from __future__ import annotations

from helpers.escpos_decode import decode
from PySide6.QtCore import Qt

from loket.models.documents.receipt_actions import new_receipt
from loket.models.documents.receipt_lookup import show_receipt
from loket.models.integrity.signing import verify_text


def _fill(panel, qtbot, **values: str) -> None:
    for name, text in values.items():
        qtbot.keyClicks(panel.fields[name], text)


def test_receive_a_document_at_the_desk_prints_an_officer_signed_receipt(
    signed_in, key, qtbot, sim, clock
):
    window = signed_in(printer=sim.uri)
    key(window, Qt.Key.Key_F9)
    assert window.current_screen() is window.documents
    panel = window.documents.receive
    _fill(
        panel,
        qtbot,
        sender_name="Siti Rahma",
        sender_phone="081234567890",
        sender_organisation="CV Maju Jaya",
        recipient_unit="Bidang Perizinan",
        subject="Permohonan izin usaha mikro",
        pages="12",
        attachments="2",
        working_days="5",
    )
    key(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.receipt is not None
    number = panel.receipt.number
    assert number in panel.result.text()
    stored = show_receipt(number)
    assert (stored.channel, stored.officer, stored.status) == ("counter", "budi", "confirmed")
    assert stored.officer_nip == "198703122010011002"
    assert (stored.pages, stored.attachments) == (12, 2)
    assert stored.expected_completion is not None
    assert panel.fields["sender_name"].text() == ""  # ready for the next visitor

    qtbot.waitUntil(lambda: panel.outcome is not None, timeout=10_000)
    assert panel.outcome.printed
    printed = decode(sim.received)
    assert number in printed.text
    assert "Budi Santoso" in printed.text
    assert printed.qr_texts() == [stored.qr_text]
    verdict = verify_text(printed.qr_texts()[0])
    assert verdict.valid, verdict.message_en
    assert verdict.number == number
    assert verdict.claims is not None and verdict.claims.channel == "counter"
    assert verdict.claims.officer == "198703122010011002"

    # The new receipt is in the list of documents in progress, already confirmed.
    assert number in window.documents.receipts.receipts


def test_the_form_asks_for_what_is_missing_and_shows_refusals(signed_in, tap, qtbot):
    window = signed_in()
    tap(window.desk.buttons["documents"])
    panel = window.documents.receive
    _fill(panel, qtbot, sender_name="Budi")
    tap(panel.submit_button)
    assert "unit tujuan" in panel.error.text()
    _fill(panel, qtbot, recipient_unit="Umum", subject="Surat", pages="1", sender_nik="123")
    tap(panel.submit_button)
    assert "NIK tidak sah" in panel.error.text()
    assert panel.receipt is None


def test_confirm_a_kiosk_receipt_then_forward_ready_and_collected(signed_in, tap, key, clock):
    kiosk = new_receipt(
        "Andi Wijaya",
        "Legalisir ijazah",
        "Sekretariat",
        3,
        sender_phone="0812-1111-2222",
        channel="kiosk",
        clock=clock,
    )
    window = signed_in()
    key(window, Qt.Key.Key_F9)
    assert window.current_screen() is window.documents
    panel = window.documents.receipts
    assert panel.list.count() == 1
    assert "kios" in panel.list.item(0).text()
    panel.select(kiosk.number)
    assert panel.buttons["confirmed"].isEnabled()
    assert not panel.buttons["ready"].isEnabled()  # confirm first
    tap(panel.buttons["confirmed"])
    stored = show_receipt(kiosk.number)
    assert stored.status == "confirmed"
    assert stored.history[-1].officer == "budi"

    key(window, Qt.Key.Key_F6)  # forwarded to the unit
    assert show_receipt(kiosk.number).status == "forwarded"
    key(window, Qt.Key.Key_F7)  # ready
    assert show_receipt(kiosk.number).status == "ready"
    assert panel.phone.isVisible()
    assert "Hubungi Andi Wijaya" in panel.phone.text()
    assert show_receipt(kiosk.number).sender_phone in panel.phone.text()
    assert "Hubungi Andi Wijaya" in window.documents.notice.text()

    tap(panel.buttons["collected"])
    assert show_receipt(kiosk.number).status == "collected"
    assert panel.list.count() == 0  # done: off the list


def test_a_ready_document_without_a_phone_says_so(signed_in, tap, clock):
    info = new_receipt("Pak Harun", "Surat", "Umum", 1, officer="sari", clock=clock)
    window = signed_in()
    tap(window.desk.buttons["documents"])
    panel = window.documents.receipts
    panel.select(info.number)
    tap(panel.buttons["ready"])
    assert "tidak meninggalkan nomor HP" in panel.phone.text()


def test_escape_goes_back_to_the_queue(signed_in, key):
    window = signed_in()
    key(window, Qt.Key.Key_F9)
    key(window, Qt.Key.Key_Escape)
    assert window.current_screen() is window.desk
