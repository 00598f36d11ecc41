"""Slow work (printing) off the UI thread: jobs run one after another on a worker thread.

A job is a callable; its result comes back on the Qt thread as ``finished(token,
result)``, or ``failed(token, error)`` if it raised — the thread keeps going.

With a :class:`PrinterWatch` the runner also reports the desk's printer to the office
list: after every job, and every ``check_ms`` (30 s) a DLE EOT status check queued
between jobs — on this thread, so the GUI never waits for a printer.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from itertools import count
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

if TYPE_CHECKING:
    from loket.models.services.printer_reports import PrinterWatch

log = logging.getLogger(__name__)
_STOP = object()
_CHECK = object()
CHECK_MS = 30_000


class JobRunner(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object)
    _done = Signal(int, bool, object)

    def __init__(
        self,
        parent: QObject | None = None,
        name: str = "loket-counter-jobs",
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
                    continue
                token, job = item
                try:
                    result, ok = job(), True
                except Exception as exc:
                    log.exception("counter job %s failed", token)
                    result, ok = exc, False
                try:
                    self._done.emit(token, ok, result)
                except RuntimeError:  # the window is gone (shutdown)
                    return
                if ok and watch is not None:
                    watch.after_job(result)  # after the screen has its result
        finally:
            _close_thread_connection()

    @Slot(int, bool, object)
    def _deliver(self, token: int, ok: bool, result: object) -> None:
        self._busy -= 1
        (self.finished if ok else self.failed).emit(token, result)

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the queued jobs, then end the thread."""
        self.check_timer.stop()
        if self._thread.is_alive():
            self._jobs.put(_STOP)
            self._thread.join(timeout)


def _close_thread_connection() -> None:
    # peewee keeps one connection per thread; close this thread's before it ends.
    from loket.models.db import database

    try:
        if database.obj is not None and not database.is_closed():
            database.close()
    except Exception:
        log.debug("closing the job thread's database connection failed", exc_info=True)
