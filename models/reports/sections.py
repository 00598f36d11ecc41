"""What every period report shares: the titled tables the exports lay out
(:class:`Section`) and the period check (:func:`check_period`, at most :data:`MAX_DAYS`
days).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from loket.models.errors import InvalidInput

MAX_DAYS = 366


@dataclass(frozen=True)
class Section:
    """One table of a report, as the exports lay it out."""

    key: str
    title_id: str
    title_en: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def check_period(date_from: dt.date, date_to: dt.date) -> None:
    if date_to < date_from:
        raise InvalidInput(
            f"Periode terbalik: {date_from} sesudah {date_to}",
            f"Period reversed: {date_from} is after {date_to}",
        )
    if (date_to - date_from).days >= MAX_DAYS:
        raise InvalidInput(
            f"Rentang laporan paling lama {MAX_DAYS} hari",
            f"A report covers at most {MAX_DAYS} days",
        )
