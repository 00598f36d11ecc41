"""A visitor's or officer's action on the database, off the GUI thread.

A tap hands the action to :class:`ActionRunner`; the window stays responsive (it
repaints, the language button works) while the action runs on the runner's worker
thread, and its result comes back on the Qt thread to the ``done`` callback, a
refusal to ``refused``. ``working(bool)`` lets the screen show that it is busy and
hold further taps; ``reconnecting(bool)`` says the server was lost and is being
waited for (see :mod:`loket.kiosk.shell.db_outage`): the action is then run once
more if that cannot duplicate it, else refused on screen.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from loket.kiosk.shell.db_outage import ACTION_PATIENCE, run_riding_outages
from loket.kiosk.shell.job_queue import JobQueue
from loket.models.errors import LoketError

log = logging.getLogger(__name__)

Done = Callable[[object], None]
Refused = Callable[[LoketError], None]


def system_fault() -> LoketError:
    return LoketError(
        "Terjadi gangguan sistem; permintaan Anda belum tercatat. Silakan hubungi petugas.",
        "A system fault stopped this; your request was not recorded. Please ask a member of staff.",
    )


class ActionRunner(JobQueue):
    """Runs one action at a time on its own thread, riding through lost connections."""

    working = Signal(bool)
    reconnecting = Signal(bool)
    _reconnecting_from_thread = Signal(bool)

    def __init__(
        self,
        parent: QObject | None = None,
        name: str = "loket-actions",
        patience: float = ACTION_PATIENCE,
    ) -> None:
        super().__init__(parent, name)
        self.patience = patience
        self._stopping = threading.Event()
        self._targets: dict[int, tuple[Done, Refused]] = {}
        self._acting: set[int] = set()  # tokens of actions a person waits for
        self.finished.connect(self._succeeded)
        self.failed.connect(self._failed)
        self._reconnecting_from_thread.connect(
            self.reconnecting, Qt.ConnectionType.QueuedConnection
        )

    def run(
        self,
        job: Callable[[], object],
        done: Done,
        refused: Refused,
        *,
        retry_safe: bool = True,
        quiet: bool = False,
    ) -> int:
        """Run ``job`` on the worker; ``retry_safe`` says whether running it a second
        time after a lost connection can never duplicate what the first did (an
        idempotency key, or an action that only reads or sets a state). A ``quiet`` job
        (a refresh nobody tapped for) does not show the working state."""
        stop, patience, signal = self._stopping, self.patience, self._reconnecting_from_thread
        token = self.submit(
            lambda: run_riding_outages(job, retry_safe, stop, signal.emit, patience)
        )
        self._targets[token] = (done, refused)
        if not quiet:
            self._acting.add(token)
            if len(self._acting) == 1:
                self.working.emit(True)
        return token

    @property
    def stopped(self) -> bool:
        """:meth:`stop` was called: nothing submitted now would ever run."""
        return self._stopping.is_set()

    @property
    def busy_acting(self) -> bool:
        """An action a person started is still on its way (hold further taps)."""
        return bool(self._acting)

    @Slot(int, object)
    def _succeeded(self, token: int, result: object) -> None:
        target = self._targets.pop(token, None)
        self._settled(token)
        if target is not None:
            target[0](result)

    @Slot(int, object)
    def _failed(self, token: int, error: object) -> None:
        target = self._targets.pop(token, None)
        self._settled(token)
        if target is None:
            return
        if isinstance(error, LoketError):
            target[1](error)
        else:  # a bug, logged by the job queue: the person still gets an answer
            target[1](system_fault())

    def _settled(self, token: int) -> None:
        if token in self._acting:
            self._acting.discard(token)
            if not self._acting:
                self.working.emit(False)

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()  # a wait for the server ends at once
        super().stop(timeout)
