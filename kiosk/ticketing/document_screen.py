"""Hand in a document: who sends it, to which unit, about what, how many pages.

Typed on the in-window keyboard; the kiosk signs a receipt (kiosk channel) and prints it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from loket.kiosk.shell.i18n import pick
from loket.kiosk.shell.keypad import OnScreenKeyboard
from loket.kiosk.ticketing.screen import Screen, label, plain_button, primary_button

FIELDS = (
    "sender_name",
    "sender_phone",
    "sender_organisation",
    "recipient_unit",
    "subject",
    "pages",
)


class DocumentScreen(Screen):
    submitted = Signal(dict)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = label("title")
        self.hint = label("muted")
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        self.fields: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        for row, name in enumerate(FIELDS):
            caption = label(wrap=False)
            field = QLineEdit()
            field.setObjectName(name)
            self.labels[name], self.fields[name] = caption, field
            grid.addWidget(caption, row // 2, (row % 2) * 2)
            grid.addWidget(field, row // 2, (row % 2) * 2 + 1)
        self.fields["pages"].setValidator(QIntValidator(1, 10_000, self))
        self.fields["sender_phone"].setMaxLength(20)
        self.fields["subject"].setMaxLength(500)
        layout.addLayout(grid)
        self.error = label("error", name="document_error")
        self.error.hide()
        layout.addWidget(self.error)
        self.keyboard = OnScreenKeyboard(self)
        layout.addWidget(self.keyboard, 1)
        buttons = QHBoxLayout()
        self.back_button = plain_button("back")
        self.back_button.clicked.connect(self.back)
        self.submit_button = primary_button("submit_document")
        self.submit_button.clicked.connect(self._submit)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.submit_button, 1)
        layout.addLayout(buttons)
        self.retranslate()

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
        self.back_button.setText(self.tr("‹ Kembali"))
        self.submit_button.setText(self.tr("Serahkan dan cetak tanda terima"))

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
        self.error.hide()
        self.submitted.emit(values)

    def show_error(self, message_id: str, message_en: str) -> None:
        self.error.setText(pick(message_id, message_en))
        self.error.show()

    def reset(self) -> None:
        for field in self.fields.values():
            field.clear()
        self.error.hide()
