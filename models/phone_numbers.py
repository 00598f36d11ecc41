"""Indonesian phone numbers: typed any usual way, stored as E.164 "+62…", masked for staff."""

from __future__ import annotations

import re
from typing import Any

from loket.models.errors import InvalidInput

# What people type around the digits; letters are refused outright, because phonenumbers
# would read them as a keypad word ("0812-ABC" → 0812-222).
_TYPED = re.compile(r"^\+?[0-9 ()./\-]+$")


def _lib() -> Any:
    # Imported on first use: its metadata costs ~18 ms, paid by every `loket issue` and
    # kiosk start otherwise, though most tickets carry no number.
    import phonenumbers

    return phonenumbers


def _refuse(raw: str, why_id: str, why_en: str) -> InvalidInput:
    return InvalidInput(
        f"Nomor telepon tidak sah: '{raw}' — {why_id} (contoh 0812-3456-7890)",
        f"Invalid phone number: '{raw}' — {why_en} (e.g. 0812-3456-7890)",
    )


def normalise_phone(raw: str | None) -> str | None:
    """``"0812-3456-7890"``, ``"+62 812 3456 7890"``, ``"62812…"`` → ``"+6281234567890"``;
    None or blank → None; anything that is not a valid Indonesian number → InvalidInput."""
    if raw is None or not raw.strip():
        return None
    value = raw.strip()
    phonenumbers = _lib()
    if not _TYPED.match(value):
        raise _refuse(
            value, "hanya angka, spasi dan tanda hubung", "digits, spaces and dashes only"
        )
    if sum(ch.isdigit() for ch in value) < 6:
        raise _refuse(value, "jumlah angka atau awalan salah", "wrong length or prefix")
    try:
        number = phonenumbers.parse(value, "ID")
    except phonenumbers.NumberParseException:
        raise _refuse(value, "bukan nomor telepon", "not a phone number") from None
    if phonenumbers.region_code_for_number(number) != "ID":
        raise _refuse(value, "hanya nomor Indonesia (+62)", "Indonesian numbers (+62) only")
    if not phonenumbers.is_valid_number(number):
        raise _refuse(value, "jumlah angka atau awalan salah", "wrong length or prefix")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def is_mobile(e164: str) -> bool:
    """Whether an SMS or WhatsApp message can reach it (a landline like 021-… cannot)."""
    phonenumbers = _lib()
    try:
        number = phonenumbers.parse(e164, "ID")
    except phonenumbers.NumberParseException:
        return False
    mobile = (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )
    return phonenumbers.number_type(number) in mobile


def mask_phone(e164: str | None) -> str:
    """``"+6281234567890"`` → ``"+62 812-****-890"``: enough for staff to recognise it
    with the visitor at the desk, not enough to copy it from a list. Blank → ""."""
    if not e164:
        return ""
    digits = "".join(ch for ch in e164 if ch.isdigit())
    national = digits[2:] if digits.startswith("62") else digits
    if len(national) < 7:
        return "+62 " + "*" * len(national)
    return f"+62 {national[:3]}-****-{national[-3:]}"


def format_phone(e164: str | None) -> str:
    """``"+6281234567890"`` → ``"0812-3456-7890"``, as people write it (for the full view)."""
    phonenumbers = _lib()
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, "ID")
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
