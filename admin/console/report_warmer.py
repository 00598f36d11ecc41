"""Fills the year's report rollups in the background so that reports open fast.

Runs once after each login and then every few hours while the app stays open (an
office PC often runs all week). Only days not stored yet cost anything; a failure
(the database went away) is logged and tried again at the next round.
"""

from __future__ import annotations

import contextlib
import logging
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.reports.warmup import WarmupResult, warm_reports_in_worker

log = logging.getLogger(__name__)

EVERY_MS = 4 * 60 * 60 * 1000


class ReportWarmer(QObject):
    """``finished`` carries the :class:`WarmupResult`, or None when the round failed."""

    finished = Signal(object)

    def __init__(self, clock: Clock = SYSTEM_CLOCK, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.last: WarmupResult | None = None
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(EVERY_MS)
        self._timer.timeout.connect(self.start)
        self.finished.connect(self._keep)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start a round unless one is still running; later rounds follow by themselves."""
        self._timer.start()
        if self.running:
            return
        self._thread = threading.Thread(target=self._run, name="loket-report-warmer", daemon=True)
        self._thread.start()

    def stop(self, wait_seconds: float = 30.0) -> None:
        """No more rounds; wait for a running one (its month's transaction) to end."""
        self._timer.stop()
        if self._thread is not None:
            self._thread.join(wait_seconds)

    def _run(self) -> None:
        try:
            result: WarmupResult | None = warm_reports_in_worker(self.clock)
        except Exception:  # a report cache must never take the admin app down
            log.exception("report warm-up failed; trying again at the next round")
            result = None
        with contextlib.suppress(RuntimeError):  # the app closed meanwhile
            self.finished.emit(result)

    def _keep(self, result: WarmupResult | None) -> None:
        if result is not None:
            self.last = result
