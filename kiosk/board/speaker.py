"""The voice of the board, behind one small interface.

A speaker plays the chime and says sentences, one at a time, and reports the end of
each through a ``done`` callback; :class:`~loket.kiosk.board.call_queue.CallQueue`
waits for it before starting the next, so calls never cut each other off.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Protocol

Done = Callable[[], None]


class Speaker(Protocol):
    #: "qt", "espeak", "chime" (or "recording" in tests)
    name: str

    def chime(self, done: Done) -> None:
        """Play the attention chime; call ``done`` when it has finished."""

    def say(self, text: str, lang: str, done: Done) -> None:
        """Speak ``text`` in ``lang`` ("id" or "en"); call ``done`` when finished.

        A speaker that cannot speak ``lang`` calls ``done`` at once.
        """

    def stop(self) -> None:
        """Silence and release everything (the board is closing)."""


# espeak-ng reads a lone English "A" as the article ("uh"); "A-" makes it the letter.
_LONE_A = re.compile(r"\bA\b(?= )")


def speakable(text: str, lang: str) -> str:
    """The sentence as a voice should get it; the screen keeps the written form."""
    return _LONE_A.sub("A-", text) if lang == "en" else text


def chime_path() -> Path:
    return Path(str(resources.files("loket.assets") / "sounds" / "chime.wav"))
