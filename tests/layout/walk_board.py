"""The board for the layout check: calls showing, a call being announced, a long waiting list,
and the reconnecting line. The board is read from across the room; it has no text modes."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from helpers.settle import settle
from layout.walkers import LayoutEnv, Visit
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

APP = "board"
PORTRAIT = True
LARGE_TEXT = False
SCREENS = ("calls", "call_banner", "waiting_full", "reconnecting")


class HeldSpeaker(QObject):
    """Starts every call and never finishes it: the banner stays up while it is looked at."""

    name = "held"

    def __init__(self) -> None:
        super().__init__()
        self.said: list[str] = []

    def chime(self, done: Callable[[], None]) -> None:
        self.said.append("chime")

    def say(self, text: str, lang: str, done: Callable[[], None]) -> None:
        self.said.append(text)

    def stop(self) -> None:
        pass


def open_window(env: LayoutEnv) -> QWidget:
    from loket.kiosk.board.board_window import BoardWindow

    speaker = HeldSpeaker()
    window = BoardWindow(env.db_url, speaker, clock=env.clock)  # type: ignore[arg-type]
    env.scratch["speaker"] = speaker
    return window


def _read(window: QWidget, env: LayoutEnv) -> None:
    """Ask the board to read again and wait until what it read is on screen."""
    qtbot = env.qtbot
    window.refresh()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not window.reading, timeout=20_000)  # type: ignore[attr-defined]
    settle(qtbot, window)
    qtbot.wait(50)  # type: ignore[attr-defined]


def walk(window: QWidget, env: LayoutEnv) -> Iterator[Visit]:
    from loket.models.queue.calling import call_next
    from loket.models.queue.tickets import issue_ticket

    qtbot = env.qtbot
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: window.snapshot is not None and not window.reading,  # type: ignore[attr-defined]
        timeout=20_000,
    )
    _read(window, env)
    yield Visit("calls", [window])

    call_next(1, clock=env.clock)  # type: ignore[arg-type]
    _read(window, env)
    banner = window.banner  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: banner.isVisible() and banner.call is not None, timeout=10_000)  # type: ignore[attr-defined]
    yield Visit("call_banner", [window])
    banner.clear()

    # A busy morning: two-digit queues and long waits for every service.
    for code in "ABCD" * 12:
        issue_ticket(code, clock=env.clock)  # type: ignore[arg-type]
    _read(window, env)
    assert all(count >= 10 for count in window.waiting.counts().values())  # type: ignore[attr-defined]
    yield Visit("waiting_full", [window])

    # The server stopped answering: the board says so above the last good reading.
    window._go_offline()  # type: ignore[attr-defined]
    qtbot.wait(50)  # type: ignore[attr-defined]
    assert window.status.isVisible()  # type: ignore[attr-defined]
    yield Visit("reconnecting", [window])
