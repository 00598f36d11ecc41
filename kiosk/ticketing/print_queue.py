"""Printing off the UI thread: jobs run one after another on a worker thread.

Each job is a callable returning a ``PrintOutcome``; the result comes back on the
Qt thread through ``finished(token, outcome)``. The print services never raise for
printer trouble, but anything else (the database gone, say) arrives as
``failed(token, LoketError-or-text)`` instead of killing the thread.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from itertools import count
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)
_STOP = object()


class PrintQueue(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object)
    _done = Signal(int, object)  # (ok, result): no bool through a queued signal

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: queue.Queue[Any] = queue.Queue()
        self._tokens = count(1)
        self._busy = 0
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._run, name="loket-kiosk-print", daemon=True)
        self._thread.start()

    def submit(self, job: Callable[[], object]) -> int:
        token = next(self._tokens)
        self._busy += 1
        self._jobs.put((token, job))
        return token

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def _run(self) -> None:
        try:
            while True:
                item = self._jobs.get()
                if item is _STOP:
                    return
                token, job = item
                try:
                    result, ok = job(), True
                except Exception as exc:  # reported on screen; the thread keeps going
                    log.exception("kiosk print job %s failed", token)
                    result, ok = exc, False
                try:
                    self._done.emit(token, (ok, result))
                except RuntimeError:  # the window is gone (shutdown); nobody to tell
                    return
        finally:
            _close_thread_connection()

    @Slot(int, object)
    def _deliver(self, token: int, packed: tuple[bool, object]) -> None:
        ok, result = packed
        self._busy -= 1
        (self.finished if ok else self.failed).emit(token, result)

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the queued jobs, then end the thread."""
        if self._thread.is_alive():
            self._jobs.put(_STOP)
            self._thread.join(timeout)


def _close_thread_connection() -> None:
    # peewee keeps one connection per thread; close this thread's before it ends.
    from loket.models.db import database

    try:
        if database.obj is not None and not database.is_closed():
            database.close()
    except Exception:  # the database may already be gone at shutdown
        log.debug("closing the print thread's database connection failed", exc_info=True)
