"""Ticket, receipt and complaint-slip layouts as plain, frozen data (no Qt, no database)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

Channel = Literal["kiosk", "counter"]


@dataclass(frozen=True)
class TicketLayout:
    """A queue ticket. ``issued_at`` must be aware and already in the office's time zone."""

    office_name: str
    office_address: str
    number: str  # "A-012"
    service_name: str  # Bahasa Indonesia
    service_name_en: str
    issued_at: datetime
    ahead: int
    estimated_wait_minutes: int
    qr_text: str
    priority_label: str | None = None  # e.g. "Prioritas / Priority: lansia"
    footer: tuple[str, ...] = (
        "Terima kasih atas kunjungan Anda.",
        "Thank you for your visit.",
    )
    copy: bool = False
    logo_path: Path | None = None

    def __post_init__(self) -> None:
        if self.issued_at.tzinfo is None:
            raise ValueError("issued_at must be timezone-aware (office time)")
        if self.ahead < 0 or self.estimated_wait_minutes < 0:
            raise ValueError("ahead and estimated_wait_minutes cannot be negative")


@dataclass(frozen=True)
class ReceiptLayout:
    """A document receipt (tanda terima) with its signed verification QR."""

    office_name: str
    office_address: str
    receipt_number: str
    received_at: datetime
    sender_name: str
    sender_organisation: str
    sender_phone: str
    recipient_unit: str
    subject: str
    pages: int
    attachments: int
    channel: Channel
    qr_text: str
    check_code: str
    complaint_channel: str
    officer_name: str | None = None
    officer_nip: str | None = None
    expected_completion: date | None = None
    copy: bool = False
    footer: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.received_at.tzinfo is None:
            raise ValueError("received_at must be timezone-aware (office time)")
        if self.channel not in ("kiosk", "counter"):
            raise ValueError(f"channel must be 'kiosk' or 'counter', not {self.channel!r}")
        if self.pages < 0 or self.attachments < 0:
            raise ValueError("pages and attachments cannot be negative")


@dataclass(frozen=True)
class ComplaintLayout:
    """A complaint/suggestion slip: the tracking number the citizen checks the status with."""

    office_name: str
    office_address: str
    number: str  # tracking number, "ADU-2026-000123"
    received_at: datetime
    category: str  # e.g. "Pengaduan / Complaint"
    summary: str  # the start of the complaint text
    due_date: date  # answer promised by
    contact: str  # name and/or phone, "" when anonymous
    channel: str  # how it came in, e.g. "Kios / Kiosk"
    complaint_channel: str  # where else to complain (SP4N-LAPOR! …)
    qr_text: str | None = None
    copy: bool = False
    footer: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.received_at.tzinfo is None:
            raise ValueError("received_at must be timezone-aware (office time)")


Layout = TicketLayout | ReceiptLayout | ComplaintLayout


def as_copy(layout: Layout) -> Layout:
    """The same layout marked "SALINAN / COPY" (for reprints)."""
    return dataclasses.replace(layout, copy=True)


# JSON round trip (for the spool): dates as ISO strings, tuples as lists, paths as strings.


def layout_to_dict(layout: Layout) -> dict[str, Any]:
    if isinstance(layout, ComplaintLayout):
        kind = "complaint"
    else:
        kind = "ticket" if isinstance(layout, TicketLayout) else "receipt"
    data: dict[str, Any] = {"kind": kind}
    for f in dataclasses.fields(layout):
        value = getattr(layout, f.name)
        if isinstance(value, date | datetime):
            value = value.isoformat()
        elif isinstance(value, Path):
            value = str(value)
        elif isinstance(value, tuple):
            value = list(value)
        data[f.name] = value
    return data


def layout_from_dict(data: dict[str, Any]) -> Layout:
    values = dict(data)
    kind = values.pop("kind")
    if kind == "ticket":
        values["issued_at"] = datetime.fromisoformat(values["issued_at"])
        values["footer"] = tuple(values.get("footer", ()))
        if values.get("logo_path"):
            values["logo_path"] = Path(values["logo_path"])
        return TicketLayout(**values)
    if kind == "receipt":
        values["received_at"] = datetime.fromisoformat(values["received_at"])
        if values.get("expected_completion"):
            values["expected_completion"] = date.fromisoformat(values["expected_completion"])
        values["footer"] = tuple(values.get("footer", ()))
        return ReceiptLayout(**values)
    if kind == "complaint":
        values["received_at"] = datetime.fromisoformat(values["received_at"])
        values["due_date"] = date.fromisoformat(values["due_date"])
        values["footer"] = tuple(values.get("footer", ()))
        return ComplaintLayout(**values)
    raise ValueError(f"unknown layout kind {kind!r}")
