"""Fakes for the clock and other hardware-ish interfaces."""

from __future__ import annotations

import datetime as dt

JAKARTA = dt.timezone(dt.timedelta(hours=7))


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self._now = start or dt.datetime(2026, 11, 23, 8, 0, tzinfo=JAKARTA)

    def now(self) -> dt.datetime:
        return self._now.astimezone(dt.UTC)

    def advance(self, **delta: float) -> dt.datetime:
        self._now += dt.timedelta(**delta)
        return self.now()

    def set(self, when: dt.datetime) -> None:
        self._now = when
