"""Where the kiosk asks for a phone number it says what the number is for (in the
visitor's language), refuses a wrong number on the spot with the cursor back in the
field, and stores a right one in the +62 form messages are sent to."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from loket.kiosk.shell import i18n


def _type(kiosk, tap, type_in, form, **values: str) -> None:
    for name, text in values.items():
        field = form.fields[name] if hasattr(form, "fields") else getattr(form, name)
        tap(field)
        type_in(form.keyboard, text)


def test_the_document_form_says_what_the_number_is_for_and_refuses_a_wrong_one(
    make_kiosk, tap, type_in, qapp: QApplication
):
    from loket.models.documents.receipt_lookup import show_receipt

    kiosk = make_kiosk()
    tap(kiosk.home.document_button)
    form = kiosk.document
    assert form.consent.isVisible()
    assert "Nomor HP hanya untuk memberi tahu" in form.consent.text()
    assert "saat dokumen siap, lalu dihapus" in form.consent.text()
    _type(
        kiosk,
        tap,
        type_in,
        form,
        sender_name="Siti Rahma",
        sender_phone="0812 34",
        recipient_unit="Perizinan",
        subject="Izin usaha",
        pages="2",
    )
    tap(form.submit_button)
    assert kiosk.current_screen() is form  # refused: no receipt
    assert form.error.text().startswith("Nomor telepon tidak sah: '0812 34'")
    assert form.fields["sender_phone"].hasFocus()  # the visitor corrects it where it is
    try:
        i18n.set_language(qapp, "en")
        assert "Only used to tell you when the document is ready, then deleted" in form.consent.text()
    finally:
        i18n.set_language(qapp, "id")

    form.fields["sender_phone"].clear()
    type_in(form.keyboard, "0812-3456-7890")
    tap(form.submit_button)
    assert kiosk.current_screen() is kiosk.receipt
    assert show_receipt(kiosk.receipt.number.text()).sender_phone == "+6281234567890"


def test_the_complaint_form_says_the_number_is_deleted_and_refuses_a_number_too_short(
    make_kiosk, tap, type_in
):
    from loket.models.feedback.complaint_lookup import show_complaint

    kiosk = make_kiosk()
    tap(kiosk.home.complaint_button)
    screen = kiosk.complaint
    assert screen.consent.isVisible()
    assert "saat pengaduan dijawab, lalu dihapus" in screen.consent.text()
    tap(screen.text)
    type_in(screen.keyboard, "Antrean lama")
    tap(screen.phone)
    type_in(screen.keyboard, "0812 555")
    tap(screen.send_button)
    assert screen.complaint is None
    assert screen.error.text().startswith("Nomor telepon tidak sah: '0812 555'")
    assert screen.phone.hasFocus()
    screen.phone.clear()
    type_in(screen.keyboard, "62 813 1111 2222")
    tap(screen.send_button)
    assert screen.complaint is not None
    assert show_complaint(screen.complaint.number).contact_phone == "+6281311112222"
