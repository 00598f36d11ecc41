"""Hand in a document: who sends it, to which unit, about what, how many pages.

Typed on the in-window keyboard; the kiosk signs a receipt (kiosk channel) and prints it.
Landscape: the fields beside the keyboard; portrait: above it. Each field shows its
count while typed and takes nothing the printer cannot print.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from loket.kiosk.shell.i18n import pick
from loket.kiosk.shell.keypad import OnScreenKeyboard
from loket.kiosk.ticketing.input_guard import InputGuard, StatusLine
from loket.kiosk.ticketing.screen import Header, Screen, label, plain_button, primary_button

FIELDS = (
    "sender_name",
    "sender_phone",
    "sender_organisation",
    "recipient_unit",
    "subject",
    "pages",
)
# What a visitor may type: what fits a receipt line or two (the service allows more).
LIMITS = {
    "sender_name": 60,
    "sender_phone": 20,
    "sender_organisation": 80,
    "recipient_unit": 60,
    "subject": 200,
    "pages": 5,
}
# The field's name in the count line ("Nama pengirim: 12/60").
NAMES = {
    "sender_name": ("Nama pengirim", "Sender's name"),
    "sender_phone": ("No. HP", "Mobile number"),
    "sender_organisation": ("Instansi", "Organisation"),
    "recipient_unit": ("Unit tujuan", "Unit"),
    "subject": ("Perihal", "Subject"),
    "pages": ("Jumlah halaman", "Pages"),
}

# How the service's refusal of a number begins (models/notify/phones.normalise_phone).
PHONE_REFUSED = "Invalid phone number"


class DocumentScreen(Screen):
    submitted = Signal(dict)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = Header()
        self.title = self.header.title
        assert self.header.hint is not None
        self.hint = self.header.hint
        layout.addWidget(self.header)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(16)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.fields: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        for index, name in enumerate(FIELDS):
            caption = label("small")
            field = QLineEdit()
            field.setObjectName(name)
            self.labels[name], self.fields[name] = caption, field
            row, column = (index // 2) * 2, index % 2
            grid.addWidget(caption, row, column)
            grid.addWidget(field, row + 1, column)
        grid.setRowStretch(len(FIELDS), 1)
        self.fields["pages"].setValidator(QIntValidator(1, 10_000, self))
        self.body.addLayout(grid, 5)  # the fields get what the keys do not need
        self.keyboard = OnScreenKeyboard(self)
        self.body.addWidget(self.keyboard, 4)
        layout.addLayout(self.body, 1)
        # What the number is for, the screen's whole width (one line where it can be).
        self.consent = label("small", name="document_consent")
        layout.addWidget(self.consent)
        self.error = StatusLine("document_error")
        layout.addWidget(self.error)
        self.guard = InputGuard(self, self.error)
        for name in FIELDS:
            self.guard.guard(self.fields[name], *NAMES[name], LIMITS[name])
        buttons = QHBoxLayout()
        self.back_button = plain_button("back")
        self.back_button.clicked.connect(self.back)
        self.submit_button = primary_button("submit_document")
        self.submit_button.clicked.connect(self._submit)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.submit_button, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def adapt(self, portrait: bool) -> None:
        super().adapt(portrait)
        self.body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )

    def retranslate(self) -> None:
        self.title.setText(self.tr("Serahkan dokumen"))
        self.hint.setText(
            self.tr(
                "Isi data di bawah ini, lalu letakkan dokumen di kotak penerimaan. "
                "Anda mendapat tanda terima bertanda tangan sebagai bukti."
            )
        )
        captions = {
            "sender_name": self.tr("Nama pengirim"),
            "sender_phone": self.tr("No. HP (boleh kosong)"),
            "sender_organisation": self.tr("Instansi/organisasi (boleh kosong)"),
            "recipient_unit": self.tr("Ditujukan ke unit"),
            "subject": self.tr("Perihal"),
            "pages": self.tr("Jumlah halaman"),
        }
        for name, text in captions.items():
            self.labels[name].setText(text)
        self.consent.setText(
            self.tr("Nomor HP hanya untuk memberi tahu saat dokumen siap, lalu dihapus.")
        )
        self.back_button.setText(self.tr("‹ Kembali"))
        self.submit_button.setText(self.tr("Serahkan dan cetak tanda terima"))
        self.guard.show_count(self.focusWidget() if self.isVisible() else None)

    def entered(self) -> None:
        self.fields["sender_name"].setFocus()

    def values(self) -> dict[str, str]:
        return {name: field.text().strip() for name, field in self.fields.items()}

    def _submit(self) -> None:
        values = self.values()
        missing = [
            n for n in ("sender_name", "recipient_unit", "subject", "pages") if not values[n]
        ]
        if missing:
            self.fields[missing[0]].setFocus()
            self.show_error(
                "Mohon isi nama pengirim, unit tujuan, perihal dan jumlah halaman.",
                "Please fill in the sender's name, the unit, the subject and the number of pages.",
            )
            return
        self.guard.clear()
        self.submitted.emit(values)

    def show_error(self, message_id: str, message_en: str) -> None:
        if self.fields["sender_phone"].text().strip() and message_en.startswith(PHONE_REFUSED):
            self.fields["sender_phone"].setFocus()  # the visitor corrects it where it is
        self.guard.show_error(pick(message_id, message_en))

    def reset(self) -> None:
        for field in self.fields.values():
            field.clear()
        self.guard.clear()
