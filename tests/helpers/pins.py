"""Test offices allow 4-digit PINs.

New PINs need 6 digits by default (``pin_min_digits``, models/office/pin_policy.py), but
most tests and the layout seed were written with PINs like "1234"; the offices the
shared fixtures build set the minimum to 4, as an admin may. The 6-digit default has its
own tests (tests/services/test_lockout_paths.py), which take the setting away first.
"""

from __future__ import annotations


def allow_four_digit_pins() -> None:
    from loket.models import rawsql
    from loket.models.db import write_transaction
    from loket.models.office.pin_policy import SETTING_KEY

    with write_transaction():
        rawsql.execute(
            "INSERT INTO setting (key, value) VALUES (?, '4') "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (SETTING_KEY,),
        )
