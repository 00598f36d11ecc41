"""Phone numbers and "was the applicant told?" as the admin pages show them."""

from __future__ import annotations

import datetime as dt

from loket.kiosk.shell.i18n import current_language, pick
from loket.models.documents.receipt_info import ReceiptInfo
from loket.models.notify.phones import format_phone, mask_phone
from loket.models.office.auth import ADMIN_ROLES, Session


def shown_phone(e164: str | None, session: Session | None) -> str:
    """A number in a detail line: whole for the office's administrator and head (who may
    have to phone), masked for a staff account. Blank → "–"."""
    if not e164:
        return "–"
    if session is not None and session.role in ADMIN_ROLES:
        return format_phone(e164)
    return mask_phone(e164)


def told_text(info: ReceiptInfo, zone: dt.tzinfo) -> str:
    """The "Diberi tahu / Told" cell: sent when and how, waiting, or failed and why; "–"
    when no message was queued (no number, or notifications off)."""
    if info.notice is None:
        return "–"
    return info.notice.summary(zone, current_language())


def nobody_reached(info: ReceiptInfo) -> bool:
    """A ready document whose applicant no message reached: no message was queued (no
    number, a landline, notifications off) or it failed for good."""
    return info.status == "ready" and (info.notice is None or info.notice.gave_up)


def reach_text(info: ReceiptInfo, session: Session | None) -> str:
    """What to do about one of :func:`nobody_reached`: phone (the number), or wait."""
    if not info.sender_phone:
        return pick("tanpa nomor HP — tunggu datang", "no phone number — wait for them")
    number = shown_phone(info.sender_phone, session)
    if info.notice is not None and info.notice.gave_up:
        return pick(f"pesan gagal — telepon {number}", f"message failed — phone {number}")
    return pick(f"telepon {number}", f"phone {number}")
