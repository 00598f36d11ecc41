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


class ScriptedDialogs:
    """A DialogService that answers from a script and records what was asked; never blocks."""

    def __init__(
        self,
        pins: list[str | None] | None = None,
        confirms: list[bool] | None = None,
        files: list[str | None] | None = None,
    ) -> None:
        self.pins = list(pins or [])
        self.confirms = list(confirms or [])
        self.files = list(files or [])
        self.shown: list[tuple[str, str, str]] = []

    def inform(self, title: str, text: str) -> None:
        self.shown.append(("inform", title, text))

    def confirm(self, title: str, text: str) -> bool:
        self.shown.append(("confirm", title, text))
        return self.confirms.pop(0) if self.confirms else False

    def ask_pin(self, title: str) -> str | None:
        self.shown.append(("ask_pin", title, ""))
        return self.pins.pop(0) if self.pins else None

    def choose_file(self, title: str, pattern: str) -> str | None:
        self.shown.append(("choose_file", title, pattern))
        return self.files.pop(0) if self.files else None

    def texts(self) -> list[str]:
        return [text for _, _, text in self.shown]
