"""Handing in a document with the on-screen keyboard, and checking a receipt."""

from __future__ import annotations

from helpers.escpos_decode import decode


def _fill_form(kiosk, tap, type_in, **values: str) -> None:
    form = kiosk.document
    for name, text in values.items():
        tap(form.fields[name])  # a finger on the field gives it the cursor
        type_in(form.keyboard, text)


def test_hand_in_a_document_typed_on_the_keyboard(qtbot, make_kiosk, sim, tap, type_in):
    from loket.models.documents.receipt_lookup import show_receipt

    kiosk = make_kiosk(printer=sim.uri)
    tap(kiosk.home.document_button)
    assert kiosk.current_screen() is kiosk.document
    assert not kiosk.document.keyboard.isWindow()
    _fill_form(
        kiosk,
        tap,
        type_in,
        sender_name="Siti Rahma",
        sender_phone="081234567890",
        sender_organisation="CV Maju",
        recipient_unit="Bidang Perizinan",
        subject="Izin usaha mikro",
        pages="12",
    )
    assert kiosk.document.fields["sender_name"].text() == "Siti Rahma"
    tap(kiosk.document.submit_button)
    assert kiosk.current_screen() is kiosk.receipt
    number = kiosk.receipt.number.text()
    assert number.startswith("TT")
    stored = show_receipt(number)
    assert stored.channel == "kiosk"
    assert stored.sender_name == "Siti Rahma"
    assert stored.sender_phone is not None and stored.sender_phone.endswith("7890")
    assert stored.pages == 12
    assert stored.check_code in kiosk.receipt.check_code.text()
    qtbot.waitUntil(lambda: kiosk.receipt.outcome is not None, timeout=10_000)
    assert "Silakan ambil tanda terima" in kiosk.receipt.status.text()
    printed = decode(sim.received)
    assert number in printed.text
    assert [t for t in printed.qr_texts() if t.startswith("LKT1:")] == [stored.qr_text]
    tap(kiosk.receipt.done_button)
    assert kiosk.current_screen() is kiosk.home
    assert kiosk.document.fields["sender_name"].text() == ""


def test_receipt_survives_a_printer_without_paper(qtbot, make_kiosk, sim, tap, type_in):
    sim.paper_out = True
    kiosk = make_kiosk(printer=sim.uri)
    tap(kiosk.home.document_button)
    _fill_form(
        kiosk, tap, type_in, sender_name="Budi", recipient_unit="Umum", subject="Surat", pages="1"
    )
    tap(kiosk.document.submit_button)
    qtbot.waitUntil(lambda: kiosk.receipt.outcome is not None, timeout=10_000)
    assert "kertas" in kiosk.receipt.status.text().lower()
    assert kiosk.receipt.qr.isVisible()
    assert kiosk.receipt.qr.text() == kiosk.receipt.receipt.qr_text


def test_missing_fields_are_asked_for(qtbot, make_kiosk, tap, type_in):
    kiosk = make_kiosk()
    tap(kiosk.home.document_button)
    _fill_form(kiosk, tap, type_in, sender_name="Budi")
    tap(kiosk.document.submit_button)
    assert kiosk.current_screen() is kiosk.document
    assert kiosk.document.error.isVisible()
    assert "unit tujuan" in kiosk.document.error.text()


def test_service_refusal_is_shown_in_the_form(qtbot, make_kiosk, tap, type_in):
    kiosk = make_kiosk()
    tap(kiosk.home.document_button)
    _fill_form(
        kiosk, tap, type_in, sender_name="B", recipient_unit="Umum", subject="Surat", pages="0"
    )
    tap(kiosk.document.submit_button)
    assert kiosk.current_screen() is kiosk.document
    assert kiosk.document.error.isVisible()


def test_check_a_receipt_by_number(qtbot, make_kiosk, clock, tap, type_in):
    from loket.models.documents.receipt_actions import new_receipt, set_status
    from loket.models.office.staff import add_staff

    add_staff("rina", "Rina", "staff", "1111")
    made = new_receipt("Siti", "Rahasia pribadi", "Bidang Perizinan", 3, clock=clock)
    clock.advance(hours=2)
    set_status(made.number, "confirmed", officer="rina", clock=clock)
    kiosk = make_kiosk()
    tap(kiosk.home.check_button)
    assert kiosk.current_screen() is kiosk.check
    tap(kiosk.check.number_field)
    type_in(kiosk.check.keyboard, made.number.lower())
    tap(kiosk.check.check_button)
    result = kiosk.check.result.text()
    assert made.number in result
    assert "Dikonfirmasi petugas" in result
    history = kiosk.check.history.text().splitlines()
    assert [line.split("  ")[1] for line in history] == ["Diterima", "Dikonfirmasi petugas"]
    assert "Rahasia" not in result + kiosk.check.history.text()  # no subject for strangers
    assert "Siti" not in result + kiosk.check.history.text()


def test_check_unknown_number_and_empty(qtbot, make_kiosk, tap, type_in):
    kiosk = make_kiosk()
    tap(kiosk.home.check_button)
    tap(kiosk.check.check_button)
    assert "Ketik nomor" in kiosk.check.result.text()
    tap(kiosk.check.number_field)
    type_in(kiosk.check.keyboard, "TT-2026-999")
    tap(kiosk.check.check_button)
    assert kiosk.check.receipt is None
    assert kiosk.check.result.text()


def test_check_a_receipt_by_its_scanned_qr(qtbot, make_kiosk, clock, tap):
    from loket.models.documents.receipt_actions import new_receipt

    made = new_receipt("Siti", "Surat", "Umum", 1, clock=clock)
    kiosk = make_kiosk()
    tap(kiosk.home.check_button)
    kiosk.check.scanned(made.qr_text)  # what the camera hands over
    assert made.number in kiosk.check.result.text()
    assert "SAH" in kiosk.check.result.text()
    kiosk.check.scanned(made.qr_text[:-6] + "AAAAAA")
    assert kiosk.check.receipt is None
    assert "TIDAK SAH" in kiosk.check.result.text()
