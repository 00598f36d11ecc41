"""Parsing and checking of values people type: codes, hours, weekdays, names."""

from __future__ import annotations

import re

from loket.models.errors import BIDI_CONTROLS, InvalidInput
from loket.models.phone_numbers import normalise_phone

_SERVICE_CODE = re.compile(r"^[A-Z]{1,2}$")
_HOURS = re.compile(r"^(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})$")
WEEKDAYS_ALL = "1234567"


def service_code(raw: str) -> str:
    code = raw.strip().upper()
    if not _SERVICE_CODE.match(code):
        raise InvalidInput(
            f"Kode layanan harus 1–2 huruf A–Z, bukan '{raw}'",
            f"A service code is 1–2 letters A–Z, not '{raw}'",
        )
    return code


def text(raw: str, what_id: str, what_en: str, max_length: int, required: bool = True) -> str:
    value = " ".join(raw.split())
    if required and not value:
        raise InvalidInput(f"{what_id} wajib diisi", f"{what_en} is required")
    if len(value) > max_length:
        raise InvalidInput(
            f"{what_id} terlalu panjang (maks. {max_length} karakter)",
            f"{what_en} is too long (max. {max_length} characters)",
        )
    return visible(value, what_id, what_en)


def _is_control(char: str) -> bool:
    return ord(char) < 32 or 0x7F <= ord(char) <= 0x9F or char in "\u2028\u2029"


def visible(value: str, what_id: str, what_en: str, newlines: bool = False) -> str:
    """``value`` unchanged, or refused when it holds control characters (newlines allowed
    with ``newlines``) or bidi controls, which would make it show something other than what
    it holds (U+202E turns "exe.txt" into "txt.exe" on screen)."""
    if any(_is_control(ch) and not (newlines and ch in "\r\n\t") for ch in value):
        raise InvalidInput(
            f"{what_id} berisi karakter kendali", f"{what_en} contains control characters"
        )
    if any(ch in BIDI_CONTROLS for ch in value):
        raise InvalidInput(
            f"{what_id} berisi karakter pembalik arah teks (bidi), mis. U+202E",
            f"{what_en} contains bidi text-direction controls, e.g. U+202E",
        )
    return value


def hours(raw: str) -> tuple[int, int]:
    """``"07:30-16:00"`` → (450, 960) minutes; ``"00:00-24:00"`` is around the clock."""
    match = _HOURS.match(raw.strip())
    if match:
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if m1 < 60 and m2 < 60 and 0 <= start < end <= 24 * 60:
            return start, end
    raise InvalidInput(
        f"Jam layanan tidak sah: '{raw}' (contoh 07:30-16:00)",
        f"Invalid opening hours: '{raw}' (e.g. 07:30-16:00)",
    )


def format_hours(start: int, end: int) -> str:
    return f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}"


def weekdays(raw: str) -> str:
    value = "".join(sorted(set(raw.replace(",", "").replace(" ", ""))))
    if not value or any(ch not in WEEKDAYS_ALL for ch in value):
        raise InvalidInput(
            f"Hari layanan tidak sah: '{raw}' (angka 1=Senin … 7=Minggu, mis. 12345)",
            f"Invalid service days: '{raw}' (digits 1=Monday … 7=Sunday, e.g. 12345)",
        )
    return value


def positive_int(
    raw: str | int, what_id: str, what_en: str, low: int = 1, high: int = 100_000
) -> int:
    try:
        value = int(str(raw).strip())
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        raise InvalidInput(
            f"{what_id} harus bilangan bulat {low}–{high}, bukan '{raw}'",
            f"{what_en} must be a whole number {low}–{high}, not '{raw}'",
        )
    return value


def language(raw: str | None) -> str | None:
    """The visitor's language for later messages: ``id`` or ``en`` (None: not given)."""
    if raw is None or not raw.strip():
        return None
    value = raw.strip().lower()
    if value not in ("id", "en"):
        raise InvalidInput(
            f"Bahasa harus id atau en, bukan '{raw}'", f"The language must be id or en, not '{raw}'"
        )
    return value


def phone(raw: str | None) -> str | None:
    """An Indonesian number as typed (``0812-3456-7890``, ``+62 812…``, ``62812…``) stored
    as E.164 ``+6281234567890``; None when blank; InvalidInput when it is not one."""
    return normalise_phone(raw)
