"""The signed ``LKT1:`` text for a queue ticket's QR (:func:`ticket_qr_text`), which the
kiosk and the counter print.
"""

from __future__ import annotations

import datetime as dt
import re

from loket.models import validation as check
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import InvalidInput
from loket.models.integrity.qr_payload import Claims
from loket.models.settings import load_settings


def ticket_qr_text(
    ticket_label: str,
    service: str | None = None,
    issued_at: dt.datetime | None = None,
    day: dt.date | None = None,
    office_id: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> str:
    """The signed ``LKT1:`` text for a queue ticket's QR (kiosk and counter print it).

    ``service`` defaults to the label's letters (``A-012`` → ``A``), ``issued_at`` to
    now and ``day`` to the office-local day of ``issued_at``.
    """
    from loket.models.integrity.signing import ensure_key, sign_claims

    label = ticket_label.strip().upper()
    code = check.service_code(service if service else label.split("-", 1)[0])
    if not re.match(r"^[A-Z]{1,2}-\d{1,5}$", label):
        raise InvalidInput(
            f"Nomor antrian tidak sah: '{ticket_label}'", f"Invalid ticket number: '{ticket_label}'"
        )
    settings = load_settings()
    when = (issued_at or clock.now()).astimezone(dt.UTC).replace(microsecond=0)
    office = office_id or settings.office_id
    ensure_key(office, clock=clock)
    signed = sign_claims(
        Claims(
            kind="ticket",
            number=label,
            office=office,
            kid="00000000",
            issued_at=when,
            service=code,
            day=day or settings.today(when),
        )
    )
    return signed.text
