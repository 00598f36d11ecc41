"""The admin pages' service calls, on the window's worker thread.

Every page runs its service calls through :meth:`Page.attempt
<loket.admin.console.parts.Page.attempt>`, which returns the result to the page's code
as before. It hands the call to the window's :class:`~loket.kiosk.shell.actions.ActionRunner`
and waits in a local event loop: the window repaints, its timers (the coverage board's
clock and alarm) and the change feed keep going, and the window's activity line says
it is working — or reconnecting, when the server was lost. The person's own input
(clicks, keys) waits in the queue until the answer is on screen, just as it did when the
call ran on the GUI thread, so a page never sees a second click in the middle of its
first.

A refresh asked for while a call is being waited for (the feed, a timer) is not run
inside that wait: it is run once the wait is over (:class:`Waits`), so waits never pile
up inside each other however slow the server is.

A report export is waited for the same way, except that once its progress dialog is on
screen (window-modal, so the rest of the window still takes no input) the dialog's
Cancel button can be pressed (``takes_input``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer

from loket.kiosk.shell.actions import ActionRunner
from loket.models.errors import LoketError

WAKE_MS = 50


class WindowClosed(LoketError):
    """A call asked for after the window closed: it is not run."""

    code = "window_closed"


class Waits:
    """How many service calls of one window are being waited for, and the refreshes
    that are due once none is."""

    def __init__(self) -> None:
        self.depth = 0
        self._due: list[Callable[[], None]] = []

    @property
    def waiting(self) -> bool:
        return self.depth > 0

    def later(self, refresh: Callable[[], None]) -> None:
        """Run ``refresh`` once no call is waited for (once, however often asked)."""
        if refresh not in self._due:
            self._due.append(refresh)

    def run(
        self,
        runner: ActionRunner,
        job: Callable[[], object],
        retry_safe: bool,
        takes_input: Callable[[], bool] | None = None,
    ) -> object:
        """:func:`wait_for` ``job``, counted as one call being waited for."""
        self.depth += 1
        try:
            return wait_for(runner, job, retry_safe, takes_input)
        finally:
            self.ended()

    def ended(self) -> None:
        self.depth -= 1
        if self.depth == 0 and self._due:
            due, self._due = self._due, []
            for refresh in due:
                QTimer.singleShot(0, refresh)


def wait_for(
    runner: ActionRunner,
    job: Callable[[], object],
    retry_safe: bool,
    takes_input: Callable[[], bool] | None = None,
) -> object:
    """Run ``job`` on ``runner``'s thread and wait for it without blocking the event loop;
    its result, or the :class:`LoketError` it was refused with (raised here). The
    person's input waits until the answer is there, except while ``takes_input()``."""
    if runner.stopped:  # the window is closed (a language switch still reaches its pages)
        raise WindowClosed("Jendela ini sudah ditutup", "This window has been closed")
    loop = QEventLoop()
    outcome: list[tuple[bool, object]] = []

    def done(result: object) -> None:
        outcome.append((True, result))
        loop.quit()

    def refused(exc: LoketError) -> None:
        outcome.append((False, exc))
        loop.quit()

    runner.run(job, done, refused, retry_safe=retry_safe)
    if not outcome:  # always: the answer comes through the event loop
        if takes_input is None:
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        else:
            _wait_taking_input(loop, outcome, takes_input)
    ok, value = outcome[0]
    if not ok:
        assert isinstance(value, LoketError)
        raise value
    return value


def _wait_taking_input(
    loop: QEventLoop, outcome: list[tuple[bool, object]], takes_input: Callable[[], bool]
) -> None:
    """Process events until there is an ``outcome``, the person's input only while
    ``takes_input()``; a timer wakes the wait now and then to look at that again."""
    wake = QTimer()
    wake.setInterval(WAKE_MS)
    wake.start()
    try:
        while not outcome:
            flags = QEventLoop.ProcessEventsFlag.WaitForMoreEvents
            if not takes_input():
                flags |= QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
            loop.processEvents(flags)
    finally:
        wake.stop()
