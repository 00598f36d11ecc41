"""From "the app was started" to its window, whether or not the database answers yet.

:class:`Launcher` opens the database on a worker thread (:class:`DatabaseOpener`). When
it answers within :data:`QUICK_MS` (the normal case, well inside the kiosk's 2 s start)
the program's window opens straight away. Otherwise the :class:`WaitingScreen` is shown
the way the program shows its window (full screen for kiosk and board), keeps saying
what is wrong, and is replaced by the window by itself once the server answers.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from loket.kiosk.shell.db_opener import DatabaseOpener
from loket.kiosk.shell.waiting_screen import ServerName, WaitingScreen

if TYPE_CHECKING:
    from loket.models.errors import LoketError

log = logging.getLogger(__name__)

QUICK_MS = 1200

W = TypeVar("W", bound=QWidget)


class Launcher(QObject, Generic[W]):
    """Opens the database, then the window built by ``open_window(url)``.

    ``ready(window)`` fires once the window is on screen; ``window`` is None until then.
    """

    ready = Signal(object)

    def __init__(
        self,
        app: QApplication,
        url: str,
        open_window: Callable[[str], W],
        show_window: Callable[[W], None],
        show_waiting: Callable[[QWidget], None],
        backoff: tuple[float, ...] | None = None,
    ) -> None:
        super().__init__(app)
        self.url = url
        self._open_window = open_window
        self._show_window = show_window
        self._show_waiting = show_waiting
        self.window: W | None = None
        self.waiting: WaitingScreen | None = None
        self._opened_url: str | None = None
        self._loop: QEventLoop | None = None
        self.opener = (
            DatabaseOpener(url, self) if backoff is None else DatabaseOpener(url, self, backoff)
        )
        self.opener.opened.connect(self._opened)
        self.opener.attempt_failed.connect(self._attempt_failed)
        self.opener.refused.connect(self._refused)
        self.opener.trying.connect(self._trying)
        app.aboutToQuit.connect(self.stop)

    def begin(self, quick_ms: int = QUICK_MS) -> QWidget:
        """Start; the window if the database answered within ``quick_ms``, else the
        waiting screen (the window follows by itself)."""
        self.opener.start()
        loop = QEventLoop()
        self._loop = loop
        QTimer.singleShot(quick_ms, loop.quit)
        loop.exec()  # no window yet: nothing on screen waits for this
        self._loop = None
        if self.window is not None:
            return self.window
        self._ensure_waiting()
        assert self.waiting is not None
        return self.waiting

    @property
    def current(self) -> QWidget | None:
        return self.window if self.window is not None else self.waiting

    def _ensure_waiting(self) -> WaitingScreen:
        if self.waiting is None:
            self.waiting = WaitingScreen(ServerName.from_url(self.url))
            self._show_waiting(self.waiting)
        return self.waiting

    def _leave_quick_wait(self) -> None:
        if self._loop is not None:
            self._loop.quit()

    def _attempt_failed(self, exc: LoketError, full: bool, wait: float, attempt: int) -> None:
        self._leave_quick_wait()
        self._ensure_waiting().show_attempt((exc.message_id, exc.message_en), full, wait, attempt)

    def _refused(self, exc: LoketError, wait: float) -> None:
        self._leave_quick_wait()
        self._ensure_waiting().show_refusal((exc.message_id, exc.message_en), wait)

    def _trying(self) -> None:
        if self.waiting is not None:
            self.waiting.show_connecting()

    def _opened(self, url: str) -> None:
        log.info("database open: %s", ServerName.from_url(url).lines()[1])
        self.window = self._open_window(url)
        self._show_window(self.window)
        if self.waiting is not None:
            waiting, self.waiting = self.waiting, None
            waiting.hide()  # the window is up first, so the app never has no window
            waiting.deleteLater()
        self._leave_quick_wait()
        self.ready.emit(self.window)

    def stop(self) -> None:
        self.opener.stop()
        if self.waiting is not None:
            self.waiting.close()


def show_full_screen(widget: QWidget, options: argparse.Namespace) -> None:
    """Kiosk and board: the whole screen, unless started ``--windowed``."""
    if getattr(options, "windowed", False):
        widget.show()
        return
    screen = widget.screen()
    if screen is not None:
        widget.setGeometry(screen.geometry())
    widget.showFullScreen()
