"""The signed receipt just made: its number and check code, and how printing went."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from loket.kiosk.shell.i18n import pick
from loket.kiosk.ticketing.qr_view import QrView
from loket.kiosk.ticketing.screen import Header, Screen, label, primary_button
from loket.kiosk.ticketing.ticket_screen import confirmed
from loket.models.documents.receipt_info import ReceiptInfo

if TYPE_CHECKING:
    from loket.models.printouts.paper import PrintOutcome


class ReceiptScreen(Screen):
    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.receipt: ReceiptInfo | None = None
        self.received_at = ""
        self.outcome: PrintOutcome | None = None
        self.failure: tuple[str, str] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = Header(hint_role=None)
        self.heading = self.header.title
        layout.addWidget(self.header)
        body = self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        facts = QVBoxLayout()
        self.number = label("title", name="receipt_number")
        self.details = label(name="receipt_details")
        self.check_code = label(name="receipt_check_code")
        for widget in (self.number, self.details, self.check_code):
            facts.addWidget(widget)
        facts.addStretch(1)
        body.addLayout(facts, 1)
        self.qr = QrView()
        self.qr.setObjectName("receipt_qr")
        body.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(body, 1)
        self.status = label(name="print_status")
        self.advice = label("muted", name="print_advice")
        layout.addWidget(self.status)
        layout.addWidget(self.advice)
        self.done_button = primary_button("done")
        self.done_button.clicked.connect(self.done)
        layout.addWidget(self.done_button)
        self.retranslate()

    def adapt(self, portrait: bool) -> None:
        super().adapt(portrait)
        self.body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )

    def show_receipt(self, receipt: ReceiptInfo, received_at: str) -> None:
        self.receipt, self.received_at = receipt, received_at
        self.outcome, self.failure = None, None
        self.qr.set_text(receipt.qr_text)
        self.retranslate()

    def show_outcome(self, outcome: PrintOutcome) -> None:
        self.outcome = outcome
        self.retranslate()

    def show_failure(self, message_id: str, message_en: str) -> None:
        self.failure = (message_id, message_en)
        self.retranslate()

    def retranslate(self) -> None:
        self.done_button.setText(self.tr("Selesai"))
        receipt = self.receipt
        if receipt is None:
            return
        self.heading.setText(self.tr("Dokumen Anda sudah diterima"))
        self.number.setText(receipt.number)
        self.details.setText(
            self.tr("Diterima %1 untuk %2: %3")
            .replace("%1", self.received_at)
            .replace("%2", receipt.recipient_unit)
            .replace("%3", receipt.subject)
        )
        self.check_code.setText(self.tr("Kode cek: %1").replace("%1", receipt.check_code))
        outcome = self.outcome
        fault = self.failure is not None or (outcome is not None and not confirmed(outcome))
        self.qr.setVisible(fault)
        self.status.setProperty("role", "banner" if fault else "")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        if self.failure is not None:
            self.status.setText(pick(*self.failure))
            self.advice.setText(self.tr("Tanda terima Anda tetap tercatat dan bertanda tangan."))
        elif outcome is None:
            self.status.setText(self.tr("Tanda terima sedang dicetak…"))
            self.advice.setText("")
        elif confirmed(outcome):
            self.status.setText(self.tr("Silakan ambil tanda terima Anda di bawah layar."))
            self.advice.setText(
                self.tr("Simpan tanda terima ini. Status dokumen dapat dicek di kios ini.")
            )
        else:
            self.status.setText(pick(outcome.message_id, outcome.message_en))
            self.advice.setText(
                self.tr(
                    "Tanda terima Anda tetap tercatat dan bertanda tangan. Foto kode QR ini "
                    "dan catat nomornya; petugas sudah diberi tahu dan dapat mencetak ulang."
                )
            )
