"""Receive a document at the desk: the form, then the receipt number and print result.

The receipt is signed for the counter channel with this officer's name and NIP.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from loket.admin.counter.parts import key_button, label, set_caption, show_message
from loket.models.documents.receipt_info import ReceiptInfo
from loket.models.printouts.paper import PrintOutcome

FIELDS = (
    "sender_name",
    "sender_phone",
    "sender_organisation",
    "sender_nik",
    "recipient_unit",
    "subject",
    "pages",
    "attachments",
    "working_days",
)
REQUIRED = ("sender_name", "recipient_unit", "subject", "pages")


class ReceivePanel(QWidget):
    submitted = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.receipt: ReceiptInfo | None = None
        self.outcome: PrintOutcome | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = label("title")
        layout.addWidget(self.title)
        form = QFormLayout()
        form.setVerticalSpacing(4)
        self.fields: dict[str, QLineEdit] = {}
        self.captions: dict[str, QLabel] = {}
        for name in FIELDS:
            field = QLineEdit()
            field.setObjectName(name)
            field.returnPressed.connect(self.focusNextChild)
            self.fields[name], self.captions[name] = field, label(wrap=False)
            form.addRow(self.captions[name], field)
            if name == "sender_phone":  # read out to the applicant before they give it
                self.consent = label("small", name="receive_consent")
                form.addRow(self.consent)  # the form's whole width: it is a sentence
        self.fields["pages"].setValidator(QIntValidator(1, 10_000, self))
        self.fields["attachments"].setValidator(QIntValidator(0, 1_000, self))
        self.fields["working_days"].setValidator(QIntValidator(0, 365, self))
        self.fields["sender_phone"].setMaxLength(20)
        self.fields["sender_nik"].setMaxLength(20)
        self.fields["subject"].setMaxLength(500)
        layout.addLayout(form)
        self.error = label("error", name="receive_error")
        self.error.hide()
        layout.addWidget(self.error)
        self.submit_button = key_button("receive_submit", "Ctrl+Return", primary=True)
        self.submit_button.clicked.connect(self._submit)
        layout.addWidget(self.submit_button)
        self.result = label("title", name="receive_result")
        self.print_status = label(name="receive_print_status")
        layout.addWidget(self.result)
        layout.addWidget(self.print_status)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Terima dokumen di loket"))
        captions = {
            "sender_name": self.tr("Nama pengirim"),
            "sender_phone": self.tr("No. HP (untuk dihubungi)"),
            "sender_organisation": self.tr("Instansi (boleh kosong)"),
            "sender_nik": self.tr("NIK (boleh kosong)"),
            "recipient_unit": self.tr("Unit tujuan"),
            "subject": self.tr("Perihal"),
            "pages": self.tr("Jumlah halaman"),
            "attachments": self.tr("Lampiran"),
            "working_days": self.tr("Selesai dalam (hari kerja)"),
        }
        for name, text in captions.items():
            self.captions[name].setText(text)
        self.consent.setText(
            self.tr(
                "Nomor HP hanya dipakai untuk memberi tahu pengirim saat dokumen siap, lalu dihapus."
            )
        )
        set_caption(self.submit_button, self.tr("Cetak tanda terima"))

    def values(self) -> dict[str, str]:
        return {name: field.text().strip() for name, field in self.fields.items()}

    def _submit(self) -> None:
        values = self.values()
        missing = [name for name in REQUIRED if not values[name]]
        if missing:
            self.fields[missing[0]].setFocus()
            self.show_error(
                "Isi nama pengirim, unit tujuan, perihal dan jumlah halaman.",
                "Fill in the sender's name, the unit, the subject and the number of pages.",
            )
            return
        self.error.hide()
        self.submitted.emit(values)

    def show_error(self, message_id: str, message_en: str) -> None:
        phone = self.fields["sender_phone"]
        if phone.text().strip() and message_en.startswith("Invalid phone number"):
            phone.setFocus()  # models/notify/phones' refusal: corrected where it was typed
            phone.selectAll()
        show_message(self.error, message_id, message_en)
        self.error.show()

    def show_receipt(self, info: ReceiptInfo) -> None:
        """The receipt was signed: show its number and clear the form for the next one."""
        self.receipt, self.outcome = info, None
        for field in self.fields.values():
            field.clear()
        self.error.hide()
        show_message(
            self.result,
            f"Tanda terima {info.number} · kode cek {info.check_code}",
            f"Receipt {info.number} · check code {info.check_code}",
        )
        show_message(self.print_status, "Mencetak…", "Printing…")

    def show_outcome(self, outcome: PrintOutcome) -> None:
        self.outcome = outcome
        show_message(self.print_status, outcome.message_id, outcome.message_en)

    def show_failure(self, message_id: str, message_en: str) -> None:
        show_message(self.print_status, message_id, message_en)

    def reset(self) -> None:
        for field in self.fields.values():
            field.clear()
        self.error.hide()
        show_message(self.result, "", "")
        show_message(self.print_status, "", "")
        self.receipt, self.outcome = None, None
