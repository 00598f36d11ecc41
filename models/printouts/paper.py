"""From tickets and receipts to paper: layouts with signed QR codes, sent to a printer.

The printer is named by URI (see ``loket.printing.uri``): ``--printer``, else
``$LOKET_PRINTER``, else PDF copies in the data folder, so an office without a
printer still gets something to show. Printer trouble never raises: the job stays
in the spool and the result says, in plain words, what happened.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.config import data_dir
from loket.models.documents.receipt_info import ReceiptInfo
from loket.models.documents.ticket_qr import ticket_qr_text
from loket.models.feedback.complaint_info import CATEGORIES, CHANNELS, ComplaintInfo
from loket.models.queue.ticket_info import PRIORITY_CATEGORIES, TicketInfo
from loket.models.settings import load_settings
from loket.printing.jobs import PrintResult, list_pending, print_job, retry
from loket.printing.layouts import ComplaintLayout, ReceiptLayout, TicketLayout
from loket.printing.spool import SpoolJob
from loket.printing.status import PrinterStatus

ENV_PRINTER = "LOKET_PRINTER"


def default_printer() -> str:
    return os.environ.get(ENV_PRINTER) or f"pdf://{data_dir() / 'pdf'}"


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
        )


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
        sender_phone=info.sender_phone or "",
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
    settings = load_settings()
    contact = " — ".join(part for part in (info.contact_name, info.contact_phone) if part)
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
