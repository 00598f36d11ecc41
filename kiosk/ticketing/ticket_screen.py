"""The ticket just taken: number, people ahead and estimated wait, and how printing went.

When the printer fails the ticket is not lost: the screen shows it with its signed
QR (staff can scan it or reprint it from the spool) and says plainly what happened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from loket.kiosk.shell.i18n import pick
from loket.kiosk.ticketing.qr_view import QrView
from loket.kiosk.ticketing.screen import Header, Screen, label, primary_button
from loket.models.queue.ticket_info import PRIORITY_CATEGORIES, TicketInfo

if TYPE_CHECKING:
    from loket.models.printouts.paper import PrintOutcome


def confirmed(outcome: PrintOutcome) -> bool:
    """Printed and the printer said all is well (not merely sent to a silent printer)."""
    return outcome.printed and not outcome.pending


class TicketScreen(Screen):
    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ticket: TicketInfo | None = None
        self.outcome: PrintOutcome | None = None
        self.failure: tuple[str, str] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = Header(hint_role=None)
        self.heading = self.header.title
        self.number = label("number", name="ticket_number")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.service = label(name="ticket_service")
        self.priority = label("muted", name="ticket_priority")
        self.ahead = label(name="ticket_ahead")
        self.wait = label(name="ticket_wait")
        body = self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        facts = QVBoxLayout()
        for widget in (self.number, self.service, self.priority, self.ahead, self.wait):
            facts.addWidget(widget)
        facts.addStretch(1)
        body.addLayout(facts, 1)
        self.qr = QrView()
        self.qr.setObjectName("ticket_qr")
        body.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        self.status = label(name="print_status")
        self.advice = label("muted", name="print_advice")
        layout.addWidget(self.status)
        layout.addWidget(self.advice)
        self.done_button = primary_button("done")
        self.done_button.clicked.connect(self.done)
        layout.addWidget(self.done_button)
        self.retranslate()

    @property
    def printing(self) -> bool:
        return self.ticket is not None and self.outcome is None and self.failure is None

    def adapt(self, portrait: bool) -> None:
        super().adapt(portrait)
        self.body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )

    def show_ticket(self, ticket: TicketInfo) -> None:
        self.ticket, self.outcome, self.failure = ticket, None, None
        self.qr.set_text("")
        self.retranslate()

    def show_outcome(self, outcome: PrintOutcome) -> None:
        self.outcome = outcome
        if not confirmed(outcome):
            self.qr.set_text(outcome.qr_text)
        self.retranslate()

    def show_failure(self, message_id: str, message_en: str) -> None:
        self.failure = (message_id, message_en)
        self.retranslate()

    def retranslate(self) -> None:
        self.done_button.setText(self.tr("Selesai"))
        ticket = self.ticket
        if ticket is None:
            return
        self.heading.setText(self.tr("Nomor antrean Anda"))
        self.number.setText(ticket.number)
        self.service.setText(pick(ticket.service_name_id, ticket.service_name_en))
        if ticket.priority:
            name_id, name_en = PRIORITY_CATEGORIES[ticket.priority]
            self.priority.setText(pick(f"Prioritas: {name_id}", f"Priority: {name_en}"))
        self.priority.setVisible(bool(ticket.priority))
        if ticket.ahead == 0:
            self.ahead.setText(self.tr("Tidak ada orang di depan Anda"))
        else:
            self.ahead.setText(self.tr("Di depan Anda: %n orang", "", ticket.ahead))
        self.wait.setText(
            self.tr("Perkiraan menunggu: %n menit", "", ticket.estimated_wait_minutes)
        )
        self._show_print_state()

    def _show_print_state(self) -> None:
        outcome = self.outcome
        fault = self.failure is not None or (outcome is not None and not confirmed(outcome))
        self.qr.setVisible(fault and bool(self.qr.text()))
        self.status.setProperty("role", "banner" if fault else "")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        if self.failure is not None:
            self.status.setText(pick(*self.failure))
            self.advice.setText(
                self.tr("Nomor Anda tetap berlaku. Sebutkan nomor ini kepada petugas.")
            )
        elif outcome is None:
            self.status.setText(self.tr("Tiket sedang dicetak…"))
            self.advice.setText("")
        elif confirmed(outcome):
            self.status.setText(self.tr("Silakan ambil tiket Anda di bawah layar."))
            self.advice.setText(self.tr("Tunggu nomor Anda dipanggil."))
        else:
            self.status.setText(pick(outcome.message_id, outcome.message_en))
            self.advice.setText(
                self.tr(
                    "Nomor Anda tetap berlaku dan sudah tercatat. Foto kode QR ini atau "
                    "ingat nomornya; petugas sudah diberi tahu dan dapat mencetak ulang."
                )
            )
