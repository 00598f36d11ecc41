"""Yearly document numbers (receipts, complaints) that never repeat or skip.

The same one-statement upsert as ticket numbers: it locks the (office, year) row until
the caller's transaction commits, and a rollback hands the number back.
"""

from __future__ import annotations

from typing import Any


def next_yearly_number(sequence: Any, office: str, year: int) -> int:
    """Bump and return ``sequence``'s counter for ``office`` and ``year`` (call in a write
    transaction); ``sequence`` is a table with office_id, year and last_number columns."""
    query = (
        sequence.insert(office_id=office, year=year, last_number=1)
        .on_conflict(
            conflict_target=[sequence.office_id, sequence.year],
            update={sequence.last_number: sequence.last_number + 1},
        )
        .returning(sequence.last_number)
    )
    return int(query.execute()[0].last_number)
