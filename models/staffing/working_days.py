"""Indonesian working days (hari kerja): Monday–Friday minus national holidays.

Pure functions that take the holidays as a set of dates, so the same code serves
today's Monday–Friday count and, later, the office's holiday table (libur nasional
and cuti bersama) once staffing keeps one. Front-line units that work six days pass
``workdays="123456"``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

MONDAY_TO_FRIDAY = "12345"


def is_working_day(
    day: dt.date, holidays: Collection[dt.date] = frozenset(), workdays: str = MONDAY_TO_FRIDAY
) -> bool:
    return str(day.isoweekday()) in workdays and day not in holidays


def add_working_days(
    start: dt.date,
    days: int,
    holidays: Collection[dt.date] = frozenset(),
    workdays: str = MONDAY_TO_FRIDAY,
) -> dt.date:
    """The ``days``-th working day after ``start`` (``start`` itself never counts).

    A complaint received on Monday 23 November 2026 with a 10-working-day promise is
    due on Monday 7 December 2026; one received on a Saturday counts from Monday.
    """
    if days < 0:
        raise ValueError("days cannot be negative")
    if not any(str(d) in workdays for d in range(1, 8)):
        raise ValueError("at least one weekday must be a working day")
    current = start
    remaining = days
    while remaining > 0:
        current += dt.timedelta(days=1)
        if is_working_day(current, holidays, workdays):
            remaining -= 1
    return current


def working_days_between(
    start: dt.date,
    end: dt.date,
    holidays: Collection[dt.date] = frozenset(),
    workdays: str = MONDAY_TO_FRIDAY,
) -> int:
    """Working days after ``start`` up to and including ``end`` (negative if ``end`` is
    earlier): how late something due on ``start`` is on ``end``."""
    if end < start:
        return -working_days_between(end, start, holidays, workdays)
    count = 0
    current = start
    while current < end:
        current += dt.timedelta(days=1)
        if is_working_day(current, holidays, workdays):
            count += 1
    return count
