"""Document receipts (tanda terima) as the apps see them: statuses and the only moves
allowed, receipt numbers, and :class:`ReceiptInfo`.

Numbers are ``TT-<year>-<six digits>`` (``TT`` = Tanda Terima), counting from 1 per
office per office-local calendar year: ``TT-2026-000123``. Past 999 999 the number
simply grows a digit (:mod:`receipt_actions` hands them out).

Statuses a citizen cares about, and the only moves allowed::

    received → confirmed → forwarded → ready → collected
                        ╰──────────────╯ (a unit that handles it itself skips forwarding)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from loket.models.errors import InvalidInput
from loket.models.notify.status import Notice

NUMBER_PREFIX = "TT"
CHANNELS = ("kiosk", "counter")
STATUSES = ("received", "confirmed", "forwarded", "ready", "collected")
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "received": ("confirmed",),
    "confirmed": ("forwarded", "ready"),
    "forwarded": ("ready",),
    "ready": ("collected",),
    "collected": (),
}
STATUS_NAMES: dict[str, tuple[str, str]] = {
    "received": ("Diterima", "Received"),
    "confirmed": ("Dikonfirmasi petugas", "Confirmed by an officer"),
    "forwarded": ("Diteruskan ke unit", "Forwarded to the unit"),
    "ready": ("Siap diambil", "Ready for collection"),
    "collected": ("Sudah diambil", "Collected"),
}
_NUMBER = re.compile(r"^TT[-/ ]?(\d{4})[-/ ]?(\d{1,7})$")


@dataclass(frozen=True)
class ReceiptEventInfo:
    seq: int
    status: str
    at: dt.datetime
    officer: str | None  # username
    note: str


@dataclass(frozen=True)
class ReceiptInfo:
    """A receipt as the apps get it: everything a printed tanda terima shows."""

    number: str
    office_id: str
    status: str
    issued_at: dt.datetime  # UTC, whole seconds (as signed)
    sender_name: str
    sender_organisation: str | None
    sender_phone: str | None
    sender_nik: str | None
    recipient_unit: str
    subject: str
    subject_digest: str
    pages: int
    attachments: int
    channel: str
    officer: str | None  # username of the receiving officer
    officer_name: str | None
    officer_nip: str | None
    expected_completion: dt.date | None
    check_code: str
    qr_text: str
    kid: str
    history: tuple[ReceiptEventInfo, ...] = ()
    # The "ready" message to the applicant: None when none was queued (no phone, or
    # notifications off); see :class:`~loket.models.notify.status.Notice`.
    notice: Notice | None = None

    @property
    def told(self) -> bool:
        """Whether the applicant was told the document is ready (a message went out)."""
        return self.notice is not None and self.notice.told

    @property
    def status_name(self) -> tuple[str, str]:
        return STATUS_NAMES[self.status]

    def as_json(self, zone: dt.tzinfo) -> dict[str, Any]:
        def stamp(value: dt.datetime) -> str:
            return value.astimezone(zone).isoformat(timespec="seconds")

        return {
            "number": self.number,
            "office_id": self.office_id,
            "status": self.status,
            "status_name": STATUS_NAMES[self.status][0],
            "status_name_en": STATUS_NAMES[self.status][1],
            "issued_at": stamp(self.issued_at),
            "sender_name": self.sender_name,
            "sender_organisation": self.sender_organisation,
            "sender_phone": self.sender_phone,
            "sender_nik": self.sender_nik,
            "recipient_unit": self.recipient_unit,
            "subject": self.subject,
            "subject_digest": self.subject_digest,
            "pages": self.pages,
            "attachments": self.attachments,
            "channel": self.channel,
            "officer": self.officer,
            "officer_name": self.officer_name,
            "officer_nip": self.officer_nip,
            "expected_completion": (
                self.expected_completion.isoformat() if self.expected_completion else None
            ),
            "check_code": self.check_code,
            "kid": self.kid,
            "qr": self.qr_text,
            "notification": self.notice.as_json(zone) if self.notice else None,
            "history": [
                {
                    "seq": e.seq,
                    "status": e.status,
                    "at": stamp(e.at),
                    "officer": e.officer,
                    "note": e.note,
                }
                for e in self.history
            ],
        }


def check_status(raw: str) -> str:
    value = raw.strip().lower()
    if value not in STATUSES:
        raise InvalidInput(
            f"Status tidak dikenal: '{raw}' (pilihan: {', '.join(STATUSES)})",
            f"Unknown status: '{raw}' (choices: {', '.join(STATUSES)})",
        )
    return value


def format_number(year: int, sequence: int) -> str:
    return f"{NUMBER_PREFIX}-{year:04d}-{sequence:06d}"


def parse_number(raw: str) -> tuple[int, int]:
    """``"TT-2026-000123"`` (also ``tt-2026-123``, ``TT2026000123``) → (2026, 123)."""
    match = _NUMBER.match(raw.strip().upper())
    if not match or int(match.group(2)) == 0:
        raise InvalidInput(
            f"Nomor tanda terima tidak sah: '{raw}' (contoh TT-2026-000123)",
            f"Invalid receipt number: '{raw}' (e.g. TT-2026-000123)",
        )
    return int(match.group(1)), int(match.group(2))
