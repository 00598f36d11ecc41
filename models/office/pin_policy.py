"""How long a new PIN must be: 6 digits unless the office allows fewer (4 at least).

A PIN's hash sits in the database; whoever can read it can try every PIN offline,
where no lockout applies: 10,000 four-digit PINs fell in 51 s at the scrypt cost of
:mod:`passwords`, a million six-digit ones take about an hour and a half. PINs made
before the rule keep working; only new and changed PINs are held to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from loket.models import rawsql
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import InvalidInput

if TYPE_CHECKING:
    from loket.models.office.auth import Session

SETTING_KEY = "pin_min_digits"
DEFAULT_MIN_DIGITS = 6
LOWEST_MIN_DIGITS = 4
MAX_DIGITS = 12
_DIGITS = re.compile(r"^[0-9]+$")


def pin_min_digits() -> int:
    row = rawsql.fetch_one("SELECT value FROM setting WHERE key = ?", (SETTING_KEY,))
    value = str(row[0]).strip() if row else ""
    if value.isascii() and value.isdigit() and LOWEST_MIN_DIGITS <= int(value) <= MAX_DIGITS:
        return int(value)
    return DEFAULT_MIN_DIGITS


def check_new_pin(raw: str) -> str:
    """A new PIN as stored, or :class:`InvalidInput` naming the length it needs."""
    value = raw.strip()
    low = pin_min_digits()
    if not _DIGITS.match(value) or not low <= len(value) <= MAX_DIGITS:
        raise InvalidInput(
            f"PIN harus {low}–{MAX_DIGITS} angka", f"A PIN is {low}–{MAX_DIGITS} digits"
        )
    return value


def short_pin_warning(min_digits: int) -> tuple[str, str] | None:
    """What to tell the admin who allows PINs shorter than 6 digits (None: nothing)."""
    if min_digits >= DEFAULT_MIN_DIGITS:
        return None
    took_id, took_en = (
        ("kurang dari satu menit", "under a minute")
        if min_digits <= LOWEST_MIN_DIGITS
        else ("sekitar sepuluh menit", "about ten minutes")
    )
    return (
        f"Peringatan: PIN {min_digits} angka dapat ditebak dari salinan basis data dalam "
        f"{took_id}; gunakan minimal {DEFAULT_MIN_DIGITS} angka",
        f"Warning: {min_digits}-digit PINs fall to an offline search of a copy of the "
        f"database in {took_en}; use at least {DEFAULT_MIN_DIGITS} digits",
    )


@dataclass(frozen=True)
class PinRule:
    """The office's PIN minimum, and what the admin is told about it (empty: nothing)."""

    min_digits: int
    warning_id: str = ""
    warning_en: str = ""


def pin_rule() -> PinRule:
    digits = pin_min_digits()
    warning = short_pin_warning(digits)
    return PinRule(digits, *warning) if warning else PinRule(digits)


def set_pin_min_digits(session: Session, value: int | str, clock: Clock = SYSTEM_CLOCK) -> PinRule:
    """The admin app's change of the minimum (4–12), role-checked and audited; the
    answer carries the warning to show when it is below 6."""
    from loket.models.office.audited_change import act
    from loket.models.settings import update_settings, validate_setting

    cleaned = validate_setting(SETTING_KEY, str(value))
    act(
        session,
        "pin_min_digits",
        "office",
        {SETTING_KEY: int(cleaned)},
        lambda: update_settings(**{SETTING_KEY: cleaned}),
        clock=clock,
    )
    return pin_rule()
