"""Board fixtures: an office with two counters, a recording speaker, a board on the test db."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QObject, QTimer

from loket.models.office import catalog

Done = Callable[[], None]


class RecordingSpeaker(QObject):
    """Writes down what it was asked to say, and takes time saying it.

    ``hold()`` keeps the current utterance going until ``release()``, so a test can
    make calls while the board is still speaking. ``overlaps`` counts any utterance
    started before the previous one ended (calls cutting each other off).
    """

    name = "recording"

    def __init__(self, seconds: float = 0.05) -> None:
        super().__init__()
        self.log: list[tuple[str, ...]] = []
        self.overlaps = 0
        self._ms = round(seconds * 1000)
        self._speaking = False
        self._held: Done | None = None
        self._holding = False

    def chime(self, done: Done) -> None:
        self._begin(("chime",), done)

    def say(self, text: str, lang: str, done: Done) -> None:
        self._begin(("say", lang, text), done)

    def _begin(self, entry: tuple[str, ...], done: Done) -> None:
        if self._speaking:
            self.overlaps += 1
        self._speaking = True
        self.log.append(entry)

        def end() -> None:
            self._speaking = False
            done()

        if self._holding:
            self._held = end
        else:
            QTimer.singleShot(self._ms, end)

    def hold(self) -> None:
        self._holding = True

    def release(self) -> None:
        self._holding = False
        held, self._held = self._held, None
        if held is not None:
            held()

    def stop(self) -> None:
        self._held = None

    def sentences(self) -> list[tuple[str, ...]]:
        return [entry for entry in self.log if entry[0] == "say"]


@pytest.fixture
def speaker() -> RecordingSpeaker:
    return RecordingSpeaker()


class Voices:
    """Stands in for ``choose_speaker``: a new RecordingSpeaker for each voice asked for."""

    def __init__(self) -> None:
        self.made: list[tuple[str, RecordingSpeaker]] = []

    def __call__(self, preference: str, parent: QObject | None = None) -> RecordingSpeaker:
        speaker = RecordingSpeaker()
        speaker.name = f"recording-{preference}"
        self.made.append((preference, speaker))
        return speaker

    def asked(self) -> list[str]:
        return [preference for preference, _ in self.made]

    def speaker(self, index: int = -1) -> RecordingSpeaker:
        return self.made[index][1]


@pytest.fixture
def voices() -> Voices:
    return Voices()


@pytest.fixture
def office(db: str) -> str:
    """Two services, counter 1 for both and counter 2 for B; open all day, every day."""
    catalog.add_service("A", "Administrasi", "Administration", hours="00:00-24:00", days="1234567")
    catalog.add_service("B", "Perizinan", "Permits", hours="00:00-24:00", days="1234567")
    catalog.add_counter(1, "A,B", front_desk=True)
    catalog.add_counter(2, "B")
    return db


@pytest.fixture
def make_board(office: str, qtbot) -> Iterator[Callable[..., object]]:
    from loket.kiosk.board.board_window import BoardWindow

    boards: list[BoardWindow] = []

    def make(speaker: object, **options: object) -> BoardWindow:
        board = BoardWindow(office, speaker, **options)  # type: ignore[arg-type]
        boards.append(board)
        qtbot.addWidget(board)
        board.show()
        # The board reads on its worker thread: wait for the first reading on screen.
        qtbot.waitUntil(lambda: board.snapshot is not None and not board.reading, timeout=20_000)
        return board

    yield make
    for board in boards:
        board.shutdown()
