"""Complaints and suggestions: free text, an optional contact, a tracking number printed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from loket.kiosk.shell.i18n import pick
from loket.kiosk.shell.keypad import OnScreenKeyboard
from loket.kiosk.ticketing.qr_view import QrView
from loket.kiosk.ticketing.screen import Screen, label, plain_button, primary_button
from loket.kiosk.ticketing.ticket_screen import confirmed
from loket.models.feedback.complaint_info import CATEGORIES, ComplaintInfo

if TYPE_CHECKING:
    from loket.models.printouts.paper import PrintOutcome


class ComplaintScreen(Screen):
    submitted = Signal(dict)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category = "complaint"
        self.complaint: ComplaintInfo | None = None
        self.due = ""
        self.outcome: PrintOutcome | None = None
        self.failure: tuple[str, str] | None = None
        layout = QVBoxLayout(self)
        self.title = label("title")
        layout.addWidget(self.title)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.pages.addWidget(self._form_page())
        self.pages.addWidget(self._done_page())
        self.retranslate()

    def _form_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        kinds = QHBoxLayout()
        self.category_buttons: dict[str, QPushButton] = {}
        for key in CATEGORIES:
            button = plain_button(f"category_{key}")
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.setChecked(key == self.category)
            button.clicked.connect(lambda _=False, k=key: self._set_category(k))
            kinds.addWidget(button)
            self.category_buttons[key] = button
        layout.addLayout(kinds)
        self.text_label = label()
        self.text = QPlainTextEdit()
        self.text.setObjectName("complaint_text")
        self.text.setTabChangesFocus(True)
        layout.addWidget(self.text_label)
        layout.addWidget(self.text, 1)
        contact = QGridLayout()
        self.name_label = label(wrap=False)
        self.name = QLineEdit()
        self.name.setObjectName("complaint_name")
        self.name.setMaxLength(120)
        self.phone_label = label(wrap=False)
        self.phone = QLineEdit()
        self.phone.setObjectName("complaint_phone")
        self.phone.setMaxLength(20)
        contact.addWidget(self.name_label, 0, 0)
        contact.addWidget(self.name, 0, 1)
        contact.addWidget(self.phone_label, 0, 2)
        contact.addWidget(self.phone, 0, 3)
        layout.addLayout(contact)
        self.error = label("error", name="complaint_error")
        self.error.hide()
        layout.addWidget(self.error)
        self.keyboard = OnScreenKeyboard(page)
        layout.addWidget(self.keyboard)
        buttons = QHBoxLayout()
        self.back_button = plain_button("back")
        self.back_button.clicked.connect(self.back)
        self.send_button = primary_button("complaint_send")
        self.send_button.clicked.connect(self._send)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.send_button, 1)
        layout.addLayout(buttons)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        body = QHBoxLayout()
        facts = QVBoxLayout()
        self.done_heading = label()
        self.tracking = label("number", name="complaint_number")
        self.due_label = label(name="complaint_due")
        for widget in (self.done_heading, self.tracking, self.due_label):
            facts.addWidget(widget)
        facts.addStretch(1)
        body.addLayout(facts, 1)
        self.qr = QrView()
        body.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(body, 1)
        self.status = label(name="print_status")
        layout.addWidget(self.status)
        self.done_button = primary_button("done")
        self.done_button.clicked.connect(self.back)
        layout.addWidget(self.done_button)
        return page

    def _set_category(self, key: str) -> None:
        self.category = key
        self.retranslate()

    def entered(self) -> None:
        if self.complaint is not None:
            self.reset()
        self.text.setFocus()

    def reset(self) -> None:
        self.complaint, self.outcome, self.failure = None, None, None
        self.text.clear()
        self.name.clear()
        self.phone.clear()
        self.error.hide()
        self._set_category("complaint")
        self.category_buttons["complaint"].setChecked(True)
        self.pages.setCurrentIndex(0)

    def _send(self) -> None:
        text = self.text.toPlainText().strip()
        if not text:
            self.text.setFocus()
            self.show_error(
                "Tuliskan pengaduan atau saran Anda dahulu.", "Please write your complaint first."
            )
            return
        self.error.hide()
        self.submitted.emit(
            {
                "text": text,
                "category": self.category,
                "contact_name": self.name.text().strip() or None,
                "contact_phone": self.phone.text().strip() or None,
            }
        )

    def show_error(self, message_id: str, message_en: str) -> None:
        self.error.setText(pick(message_id, message_en))
        self.error.show()

    def show_filed(self, complaint: ComplaintInfo, due: str) -> None:
        self.complaint, self.due, self.outcome, self.failure = complaint, due, None, None
        self.qr.set_text("")
        self.pages.setCurrentIndex(1)
        self.retranslate()

    def show_outcome(self, outcome: PrintOutcome) -> None:
        self.outcome = outcome
        if not confirmed(outcome) and outcome.qr_text:
            self.qr.set_text(outcome.qr_text)
        self.retranslate()

    def show_failure(self, message_id: str, message_en: str) -> None:
        self.failure = (message_id, message_en)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Pengaduan dan saran"))
        self.category_buttons["complaint"].setText(self.tr("Pengaduan"))
        self.category_buttons["suggestion"].setText(self.tr("Saran"))
        if self.category == "suggestion":
            self.text_label.setText(self.tr("Tuliskan saran Anda:"))
        else:
            self.text_label.setText(self.tr("Ceritakan apa yang terjadi:"))
        self.name_label.setText(self.tr("Nama (boleh kosong)"))
        self.phone_label.setText(self.tr("No. HP (boleh kosong)"))
        self.back_button.setText(self.tr("‹ Kembali"))
        self.send_button.setText(self.tr("Kirim dan cetak nomor pelacakan"))
        self.done_button.setText(self.tr("Selesai"))
        complaint = self.complaint
        if complaint is None:
            return
        self.done_heading.setText(self.tr("Terima kasih. Nomor pelacakan Anda:"))
        self.tracking.setText(complaint.number)
        self.due_label.setText(self.tr("Kami menanggapi paling lambat %1.").replace("%1", self.due))
        outcome = self.outcome
        fault = self.failure is not None or (outcome is not None and not confirmed(outcome))
        self.qr.setVisible(fault and bool(self.qr.text()))
        if self.failure is not None:
            self.status.setText(pick(*self.failure))
        elif outcome is None:
            self.status.setText(self.tr("Bukti pengaduan sedang dicetak…"))
        elif confirmed(outcome):
            self.status.setText(self.tr("Silakan ambil bukti pengaduan Anda di bawah layar."))
        else:
            self.status.setText(
                pick(outcome.message_id, outcome.message_en)
                + " "
                + self.tr("Catat nomor pelacakan di atas; pengaduan Anda sudah tercatat.")
            )
