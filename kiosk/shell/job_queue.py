"""Slow work (printing) off the UI thread: jobs run one after another on a worker thread.

Used by the kiosk's print queue and the counter app's job runner. A job is a
callable; its result comes back on the Qt thread through ``finished(token, result)``.
The print services never raise for printer trouble, but anything else (the database
gone, say) arrives as ``failed(token, LoketError-or-text)`` instead of killing the
thread.

With a :class:`PrinterWatch` the queue also reports the printer to the office list:
after every job, and every ``check_ms`` (30 s) a DLE EOT status check queued between
jobs — on this thread, so the GUI never waits and a USB printer is never opened twice.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from itertools import count
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from loket.models.errors import LoketError

if TYPE_CHECKING:
    from loket.models.printouts.printer_reports import PrinterWatch

log = logging.getLogger(__name__)
_STOP = object()
_CHECK = object()
CHECK_MS = 30_000


class JobQueue(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object)
    _done = Signal(int, object)  # (ok, result): no bool through a queued signal

    def __init__(
        self,
        parent: QObject | None = None,
        name: str = "loket-jobs",
        watch: PrinterWatch | None = None,
        check_ms: int = CHECK_MS,
    ) -> None:
        super().__init__(parent)
        self._jobs: queue.Queue[Any] = queue.Queue()
        self._tokens = count(1)
        self._busy = 0
        self._watch = watch
        self._check_queued = threading.Event()
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()
        self.check_timer = QTimer(self)
        self.check_timer.setInterval(check_ms)
        self.check_timer.timeout.connect(self.check_printer)
        if watch is not None:
            self.check_timer.start()

    def check_printer(self) -> None:
        """Queue a status check of the printer (one at a time; skipped without a watch)."""
        if self._watch is None or self._check_queued.is_set():
            return
        self._check_queued.set()
        self._jobs.put(_CHECK)

    def submit(self, job: Callable[[], object]) -> int:
        token = next(self._tokens)
        self._busy += 1
        self._jobs.put((token, job))
        return token

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def _run(self) -> None:
        watch = self._watch
        try:
            while True:
                item = self._jobs.get()
                if item is _STOP:
                    if watch is not None:
                        watch.closed()
                    return
                if item is _CHECK:
                    self._check_queued.clear()
                    if watch is not None:
                        watch.check()  # never raises
                        _checkpoint(watch)
                    if self._jobs.empty():
                        _close_thread_connection()
                    continue
                token, job = item
                try:
                    result, ok = job(), True
                except LoketError as exc:  # a refusal for people, shown on screen
                    log.warning("%s: job %s refused: %s", self._thread.name, token, exc.message_en)
                    result, ok = exc, False
                except Exception as exc:  # reported on screen; the thread keeps going
                    log.exception("%s: job %s failed", self._thread.name, token)
                    result, ok = exc, False
                try:
                    self._done.emit(token, (ok, result))
                except RuntimeError:  # the window is gone (shutdown); nobody to tell
                    return
                if ok and watch is not None:
                    watch.after_job(result)  # after the screen has its result
                if self._jobs.empty():
                    # Idle: hold no connection (each PC stays within two, see the README).
                    _close_thread_connection()
        finally:
            _close_thread_connection()

    @Slot(int, object)
    def _deliver(self, token: int, packed: tuple[bool, object]) -> None:
        ok, result = packed
        self._busy -= 1
        (self.finished if ok else self.failed).emit(token, result)

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the queued jobs, then end the thread."""
        self.check_timer.stop()
        if self._thread.is_alive():
            self._jobs.put(_STOP)
            self._thread.join(timeout)


def _checkpoint(watch: PrinterWatch) -> None:
    # The same periodic round: a signed checkpoint of the chain heads when one is due
    # (cheap otherwise; never raises).
    from loket.models.integrity.checkpoints import maybe_checkpoint

    maybe_checkpoint(watch.clock)


def _close_thread_connection() -> None:
    # peewee keeps one connection per thread; close this thread's when it idles or ends.
    from loket.kiosk.shell.db_outage import reset_thread_connection

    reset_thread_connection()
