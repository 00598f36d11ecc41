"""Deleting the phone numbers of closed matters after ``notify_retention_days``.

A number is kept only as long as the office may need to tell its owner something:
receipts collected (or otherwise closed), complaints closed, tickets of past days, and
the numbers copied into the messages sent or given up on for them, are blanked once the
matter has been closed that long. A receipt's number is part of its content digest in
the hash-chained receipt log, so its erasure is itself logged with the new digest
(:func:`~loket.models.documents.receipt_log.erase_sender_phone`): ``loket verify`` still
finds the receipt intact, and its history shows when the number was deleted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import write_transaction
from loket.models.documents.receipt_info import TRANSITIONS
from loket.models.documents.receipt_log import erase_sender_phone
from loket.models.settings import OfficeSettings, load_settings
from loket.models.tables import Complaint, Notification, Receipt, ReceiptEvent, Ticket

FINISHED = ("sent", "failed")  # messages nobody will try again


@dataclass(frozen=True)
class PurgeResult:
    complaints: int  # complaint contact numbers blanked
    tickets: int  # ticket numbers blanked
    messages: int  # message copies blanked
    receipts: int  # closed receipts whose sender's number was deleted (and logged)
    cutoff: dt.datetime  # closed before this instant (UTC)

    @property
    def total(self) -> int:
        return self.complaints + self.tickets + self.messages + self.receipts

    def message(self, language: str = "id") -> str:
        if language == "en":
            return (
                f"Numbers deleted: {self.receipts} receipts, {self.complaints} complaints, "
                f"{self.tickets} tickets, {self.messages} messages"
            )
        return (
            f"Nomor dihapus: {self.receipts} tanda terima, {self.complaints} pengaduan, "
            f"{self.tickets} antrean, {self.messages} pesan"
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "complaints": self.complaints,
            "tickets": self.tickets,
            "messages": self.messages,
            "receipts": self.receipts,
            "cutoff": self.cutoff.isoformat(timespec="seconds"),
            "message": self.message("id"),
            "message_en": self.message("en"),
        }


def _final_receipt_statuses() -> tuple[str, ...]:
    return tuple(status for status, then in TRANSITIONS.items() if not then)


def purge_numbers(
    clock: Clock = SYSTEM_CLOCK, settings: OfficeSettings | None = None
) -> PurgeResult:
    """Blank the numbers of matters closed more than ``notify_retention_days`` ago (one
    transaction); see the module's notes on receipts."""
    settings = settings or load_settings()
    now = clock.now()
    cutoff = now - dt.timedelta(days=settings.notify_retention_days)
    last_day = settings.today(cutoff)  # tickets of this office-local day and before
    with write_transaction():
        receipts = (
            Receipt.select(Receipt.id)
            .join(ReceiptEvent)
            .where(
                Receipt.status.in_(_final_receipt_statuses())
                & (ReceiptEvent.status == Receipt.status)
                & (ReceiptEvent.at < cutoff)
            )
        )
        complaints = Complaint.select(Complaint.id).where(
            (Complaint.status == "closed") & (Complaint.closed_at < cutoff)
        )
        tickets = Ticket.select(Ticket.id).where(Ticket.day < last_day + dt.timedelta(days=1))
        erased = 0
        for row in Receipt.select().where(
            Receipt.id.in_(receipts) & Receipt.sender_phone.is_null(False)
        ):
            erase_sender_phone(row, now)
            erased += 1
        complaint_count = (
            Complaint.update(contact_phone=None)
            .where(Complaint.id.in_(complaints) & Complaint.contact_phone.is_null(False))
            .execute()
        )
        ticket_count = (
            Ticket.update(phone=None)
            .where(Ticket.id.in_(tickets) & Ticket.phone.is_null(False))
            .execute()
        )
        message_count = (
            Notification.update(to_number="")
            .where(
                Notification.status.in_(FINISHED)
                & (Notification.to_number != "")
                & (
                    Notification.receipt.in_(receipts)
                    | Notification.complaint.in_(complaints)
                    | Notification.ticket.in_(tickets)
                )
            )
            .execute()
        )
        if erased:
            publish("receipts")
        if complaint_count:
            publish("complaints")
        if ticket_count:
            publish("tickets")
    return PurgeResult(
        complaints=complaint_count,
        tickets=ticket_count,
        messages=message_count,
        receipts=erased,
        cutoff=cutoff,
    )
