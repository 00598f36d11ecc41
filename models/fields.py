"""Column types shared by the tables."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import BigIntegerField

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def to_micros(value: dt.datetime) -> int:
    if value.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; pass an aware datetime")
    delta = value - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def from_micros(value: int) -> dt.datetime:
    return _EPOCH + dt.timedelta(microseconds=value)


class UtcTimestampField(BigIntegerField):
    """An instant stored as integer microseconds since the Unix epoch (UTC).

    Integers sort, compare and subtract the same way on SQLite and PostgreSQL, and
    carry no time-zone ambiguity; the office's zone is applied only for display.
    """

    def db_value(self, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return to_micros(value)
        return value

    def python_value(self, value: Any) -> Any:
        if value is None:
            return None
        return from_micros(int(value))
