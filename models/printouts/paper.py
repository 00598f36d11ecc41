"""From tickets and receipts to paper: layouts with signed QR codes, sent to a printer.

The printer is named by URI (see ``loket.printing.uri``), chosen the same way for every
printout by :func:`choose_printer`: ``--printer``, else ``$LOKET_PRINTER``, else PDF
copies in the data folder, so an office without a printer still gets something to
show. Printer trouble never raises: the job stays in the spool and the result says, in
plain words, what happened.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.config import data_dir
from loket.models.documents.ticket_qr import ticket_qr_text
from loket.models.phone_numbers import format_phone
from loket.models.printouts.printer_choice import (
    ENV_PRINTER,
    choose_printer,
    default_printer,
    pdf_printer,
)
from loket.models.queue.ticket_info import PRIORITY_CATEGORIES, TicketInfo
from loket.models.settings import load_settings
from loket.printing import escpos_lib
from loket.printing.jobs import PrintResult, list_pending, print_job, retry
from loket.printing.layouts import ComplaintLayout, ReceiptLayout, TicketLayout
from loket.printing.spool import SpoolJob
from loket.printing.status import PrinterStatus

if TYPE_CHECKING:  # a ticket needs neither: not imported by `loket print ticket`
    from loket.models.documents.receipt_info import ReceiptInfo
    from loket.models.feedback.complaint_info import ComplaintInfo

# python-escpos's capabilities pickle: under the data folder, never a new /tmp folder.
escpos_lib.use_cache_folder(lambda: data_dir() / "cache")


def spool_dir() -> Path:
    return data_dir() / "spool"


@dataclass(frozen=True)
class PrintOutcome:
    """What the kiosk or counter shows after printing: the result and what was printed."""

    printed: bool
    pending: bool
    job_id: str
    message_id: str
    message_en: str
    qr_text: str
    # What the printer said about itself around the job (None: not asked, e.g. a PDF copy).
    status: PrinterStatus | None = None
    printout: str = "printout"  # ticket, receipt, complaint, test, copy
    usage_error: bool = False  # the printer address is wrong: nothing was spooled

    @classmethod
    def of(cls, result: PrintResult, qr_text: str) -> PrintOutcome:
        return cls(
            printed=result.printed,
            pending=result.pending,
            job_id=result.job_id,
            message_id=result.message("id"),
            message_en=result.message("en"),
            qr_text=qr_text,
            status=result.status,
            printout=result.printout,
            usage_error=result.usage_error,
        )

    @property
    def state(self) -> str:
        """One of "printed" (confirmed), "unconfirmed" (sent to a printer that never answers),
        "failed" (not printed or broken mid-job; kept in the spool) or "refused" (a printer
        address that is no address; nothing spooled)."""
        if self.usage_error:
            return "refused"
        if not self.printed:
            return "failed"
        return "unconfirmed" if self.pending else "printed"


def ticket_layout(info: TicketInfo, clock: Clock = SYSTEM_CLOCK) -> TicketLayout:
    settings = load_settings()
    qr = ticket_qr_text(info.number, info.service, info.issued_at, clock=clock)
    priority = None
    if info.priority:
        name_id, name_en = PRIORITY_CATEGORIES[info.priority]
        priority = f"Prioritas: {name_id} / Priority: {name_en}"
    return TicketLayout(
        office_name=settings.office_name,
        office_address=settings.office_address,
        number=info.number,
        service_name=info.service_name_id,
        service_name_en=info.service_name_en,
        issued_at=settings.local(info.issued_at),
        ahead=info.ahead,
        estimated_wait_minutes=info.estimated_wait_minutes,
        qr_text=qr,
        priority_label=priority,
    )


def receipt_layout(info: ReceiptInfo) -> ReceiptLayout:
    settings = load_settings()
    return ReceiptLayout(
        office_name=settings.office_name,
        office_address=settings.office_address,
        receipt_number=info.number,
        received_at=settings.local(info.issued_at),
        sender_name=info.sender_name,
        sender_organisation=info.sender_organisation or "",
        sender_phone=format_phone(info.sender_phone),
        recipient_unit=info.recipient_unit,
        subject=info.subject,
        pages=info.pages,
        attachments=info.attachments,
        channel="counter" if info.channel == "counter" else "kiosk",
        qr_text=info.qr_text,
        check_code=info.check_code,
        complaint_channel=settings.complaint_channel,
        officer_name=info.officer_name,
        officer_nip=info.officer_nip,
        expected_completion=info.expected_completion,
    )


def complaint_layout(info: ComplaintInfo) -> ComplaintLayout:
    """The slip a citizen keeps: the tracking number (also as a QR for the kiosk camera)."""
    from loket.models.feedback.complaint_info import CATEGORIES, CHANNELS

    settings = load_settings()
    phone = format_phone(info.contact_phone)
    contact = " — ".join(part for part in (info.contact_name, phone) if part)
    category_id, category_en = CATEGORIES[info.category]
    channel_id, channel_en = CHANNELS[info.channel]
    return ComplaintLayout(
        office_name=settings.office_name,
        office_address=settings.office_address,
        number=info.number,
        received_at=settings.local(info.received_at),
        category=f"{category_id} / {category_en}",
        summary=info.summary,
        due_date=info.due_date,
        contact=contact,
        channel=channel_id if channel_id == channel_en else f"{channel_id} / {channel_en}",
        complaint_channel=settings.complaint_channel,
        qr_text=info.number,
    )


def test_layout(clock: Clock = SYSTEM_CLOCK) -> TicketLayout:
    """A sample ticket that says it is a test print."""
    sample = TicketInfo(
        number="A-000",
        service="A",
        service_name_id="Halaman uji printer",
        service_name_en="Printer test page",
        priority=None,
        status="waiting",
        issued_at=clock.now(),
        ahead=0,
        estimated_wait_minutes=0,
        counter=None,
        recall_count=0,
    )
    return dataclasses.replace(
        ticket_layout(sample, clock),
        footer=("Uji cetak Loket berhasil.", "Loket test print OK."),
    )


def print_test_page(printer: str | None = None, clock: Clock = SYSTEM_CLOCK) -> PrintOutcome:
    layout = test_layout(clock)
    result = print_job(printer or default_printer(), layout, spool_dir(), printout="test")
    return PrintOutcome.of(result, layout.qr_text)


def print_complaint(info: ComplaintInfo, printer: str | None = None) -> PrintOutcome:
    layout = complaint_layout(info)
    return PrintOutcome.of(
        print_job(printer or default_printer(), layout, spool_dir()), layout.qr_text or ""
    )


def print_ticket(
    info: TicketInfo, printer: str | None = None, clock: Clock = SYSTEM_CLOCK
) -> PrintOutcome:
    layout = ticket_layout(info, clock)
    return PrintOutcome.of(
        print_job(printer or default_printer(), layout, spool_dir()), layout.qr_text
    )


def print_receipt(info: ReceiptInfo, printer: str | None = None) -> PrintOutcome:
    layout = receipt_layout(info)
    return PrintOutcome.of(
        print_job(printer or default_printer(), layout, spool_dir()), layout.qr_text
    )


def reprint(job_id: str, printer: str | None = None) -> PrintOutcome:
    """Print a spooled job again, marked "SALINAN / COPY"."""
    result = retry(job_id, spool_dir(), uri=printer)
    return PrintOutcome.of(result, "")


def pending_jobs() -> list[SpoolJob]:
    return list_pending(spool_dir())


__all__ = [
    "ENV_PRINTER",
    "PrintOutcome",
    "choose_printer",
    "complaint_layout",
    "default_printer",
    "pdf_printer",
    "pending_jobs",
    "print_complaint",
    "print_receipt",
    "print_test_page",
    "print_ticket",
    "receipt_layout",
    "reprint",
    "spool_dir",
    "test_layout",
    "ticket_layout",
]
