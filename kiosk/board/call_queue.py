"""Calls wait their turn: chime, the Indonesian sentence, the English one, then the next call."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from loket.kiosk.board.speaker import Speaker
from loket.models.queue.announcements import Announcement

# A breath between two calls so the room hears where one ends.
GAP_MS = 600


class CallQueue(QObject):
    """Speaks announcements strictly one after another, in the order they arrived."""

    started = Signal(object)  # Announcement
    finished = Signal(object)  # Announcement
    idle = Signal()
    speaker_changed = Signal(object)  # the replaced Speaker, already stopped

    def __init__(
        self,
        speaker: Speaker,
        english: bool = True,
        gap_ms: int = GAP_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._speaker = speaker
        self._english = english
        self._gap_ms = gap_ms
        self._waiting: deque[Announcement] = deque()
        self._current: Announcement | None = None
        self._steps: deque[Callable[[Callable[[], None]], None]] = deque()
        self._token = 0
        self._next_speaker: Speaker | None = None

    @property
    def speaker(self) -> Speaker:
        """The voice speaking now; a new one set mid-call takes over after that call."""
        return self._speaker

    @property
    def english(self) -> bool:
        return self._english

    def set_english(self, english: bool) -> None:
        """From the next call on, add (or leave out) the English sentence."""
        if english and not self._english:
            self._english = True
            for call in self._waiting:
                self._prepare(call)
        self._english = english

    def set_speaker(self, speaker: Speaker) -> None:
        """Speak with ``speaker`` from the next call on, keeping every waiting call; the
        call being spoken ends in its own voice. ``speaker_changed`` tells when."""
        if self._next_speaker is not None and self._next_speaker is not speaker:
            self._next_speaker.stop()
        self._next_speaker = speaker
        for call in self._waiting:
            self._prepare(call, speaker)
        if self._current is None:
            self._swap_speaker()

    def _swap_speaker(self) -> None:
        new, self._next_speaker = self._next_speaker, None
        if new is None or new is self._speaker:
            return
        old, self._speaker = self._speaker, new
        old.stop()
        self.speaker_changed.emit(old)

    @property
    def current(self) -> Announcement | None:
        return self._current

    def pending(self) -> int:
        return len(self._waiting)

    def busy(self) -> bool:
        return self._current is not None

    def enqueue(self, call: Announcement) -> None:
        self._waiting.append(call)
        self._prepare(call)
        if self._current is None:
            self._next()

    def _prepare(self, call: Announcement, speaker: Speaker | None = None) -> None:
        prepare = getattr(speaker or self._next_speaker or self._speaker, "prepare", None)
        if prepare is not None:
            for lang, text in self._sentences(call):
                prepare(text, lang)

    def _sentences(self, call: Announcement) -> list[tuple[str, str]]:
        return [(lang, text) for lang, text in call.sentences if lang == "id" or self._english]

    def _next(self) -> None:
        self._swap_speaker()
        if not self._waiting:
            self._current = None
            self.idle.emit()
            return
        call = self._waiting.popleft()
        self._current = call
        self._steps = deque([self._speaker.chime])
        for lang, text in self._sentences(call):
            self._steps.append(partial(self._say, text, lang))
        self.started.emit(call)
        self._step()

    def _say(self, text: str, lang: str, done: Callable[[], None]) -> None:
        self._speaker.say(text, lang, done)

    def _step(self) -> None:
        if not self._steps:
            call = self._current
            self.finished.emit(call)
            QTimer.singleShot(self._gap_ms, self._next)
            return
        self._token += 1
        token = self._token
        step = self._steps.popleft()
        step(lambda: self._step_done(token))

    def _step_done(self, token: int) -> None:
        # Each step ends once; a late or doubled callback is ignored. The next step runs
        # from the event loop, never inside the speaker's own signal handler.
        if token != self._token:
            return
        self._token += 1
        QTimer.singleShot(0, self._step)

    def shutdown(self) -> None:
        """Drop what is still waiting and silence the speaker (the board is closing)."""
        self._waiting.clear()
        self._steps.clear()
        self._current = None
        self._token += 1
        self._speaker.stop()
        if self._next_speaker is not None:
            self._next_speaker.stop()
            self._next_speaker = None
