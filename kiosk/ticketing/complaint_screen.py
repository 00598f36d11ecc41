"""Complaints and suggestions: free text, an optional contact, a tracking number printed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
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
from loket.kiosk.ticketing.input_guard import InputGuard, StatusLine
from loket.kiosk.ticketing.qr_view import QrView
from loket.kiosk.ticketing.screen import Header, Screen, label, plain_button, primary_button
from loket.kiosk.ticketing.ticket_screen import confirmed
from loket.models.feedback.complaint_info import CATEGORIES, ComplaintInfo

TEXT_LIMIT = 2000  # what the service keeps (complaint_actions.MAX_TEXT)
NAME_LIMIT = 60
PHONE_LIMIT = 20
PHONE_REFUSED = "Invalid phone number"  # how models/notify/phones refuses a number

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
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = Header(hint_role=None)
        self.title = self.header.title
        layout.addWidget(self.header)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.pages.addWidget(self._form_page())
        self.pages.addWidget(self._done_page())
        self.retranslate()

    def _form_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form_body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.form_body.setSpacing(16)
        form = QVBoxLayout()
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
        form.addLayout(kinds)
        self.text_label = label("small")
        self.text = QPlainTextEdit()
        self.text.setObjectName("complaint_text")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(3 * self.text.fontMetrics().lineSpacing())
        form.addWidget(self.text_label)
        form.addWidget(self.text, 1)
        contact = QGridLayout()
        contact.setVerticalSpacing(4)
        self.name_label = label("small")
        self.name = QLineEdit()
        self.name.setObjectName("complaint_name")
        self.phone_label = label("small")
        self.phone = QLineEdit()
        self.phone.setObjectName("complaint_phone")
        contact.addWidget(self.name_label, 0, 0)
        contact.addWidget(self.name, 1, 0)
        contact.addWidget(self.phone_label, 0, 1)
        contact.addWidget(self.phone, 1, 1)
        self.consent = label("small", name="complaint_consent")
        contact.addWidget(self.consent, 2, 0, 1, 2)
        form.addLayout(contact)
        self.form_body.addLayout(form, 1)
        self.keyboard = OnScreenKeyboard(page)
        self.form_body.addWidget(self.keyboard, 1)
        layout.addLayout(self.form_body, 1)
        self.error = StatusLine("complaint_error")
        layout.addWidget(self.error)
        self.guard = InputGuard(self, self.error)
        self.guard.guard(self.text, "Isi pengaduan", "Complaint", TEXT_LIMIT)
        self.guard.guard(self.name, "Nama", "Name", NAME_LIMIT)
        self.guard.guard(self.phone, "No. HP", "Mobile number", PHONE_LIMIT)
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
        layout.setContentsMargins(0, 0, 0, 0)
        body = self.done_body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        facts = QVBoxLayout()
        self.done_heading = label()
        self.tracking = label("title", name="complaint_number")
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

    def adapt(self, portrait: bool) -> None:
        super().adapt(portrait)
        direction = (
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.form_body.setDirection(direction)
        self.done_body.setDirection(direction)

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
        self.guard.clear()
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
        self.guard.clear()
        self.submitted.emit(
            {
                "text": text,
                "category": self.category,
                "contact_name": self.name.text().strip() or None,
                "contact_phone": self.phone.text().strip() or None,
            }
        )

    def show_error(self, message_id: str, message_en: str) -> None:
        if self.phone.text().strip() and message_en.startswith(PHONE_REFUSED):
            self.phone.setFocus()  # the visitor corrects it where it is
        self.guard.show_error(pick(message_id, message_en))

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
        self.consent.setText(
            self.tr(
                "Nomor HP hanya dipakai untuk memberi tahu Anda saat pengaduan dijawab, "
                "lalu dihapus."
            )
        )
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
