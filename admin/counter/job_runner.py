"""The counter app's slow work (printing), off the UI thread
(see :mod:`loket.kiosk.shell.job_queue`), each printout's outcome handed to the
screen that asked for it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from loket.kiosk.shell.job_queue import CHECK_MS, JobQueue

if TYPE_CHECKING:
    from loket.models.printouts.paper import PrintOutcome
    from loket.models.printouts.printer_reports import PrinterWatch

__all__ = ["CHECK_MS", "JobRunner", "PrintDone"]

log = logging.getLogger(__name__)

PrintDone = Callable[["PrintOutcome | None", object], None]
"""Called with the outcome, or None and the error when the job failed outright."""


class JobRunner(JobQueue):
    def __init__(
        self,
        parent: QObject | None = None,
        name: str = "loket-counter-jobs",
        watch: PrinterWatch | None = None,
        check_ms: int = CHECK_MS,
    ) -> None:
        super().__init__(parent, name, watch, check_ms)
        self._print_targets: dict[int, PrintDone] = {}
        self.finished.connect(self._printed)
        self.failed.connect(self._print_failed)

    def print_then(self, job: Callable[[], PrintOutcome], done: PrintDone) -> int:
        """Run the print ``job``; ``done`` gets its outcome on the Qt thread."""
        token = self.submit(job)
        self._print_targets[token] = done
        return token

    def _printed(self, token: int, outcome: PrintOutcome) -> None:
        if not (outcome.printed and not outcome.pending):
            log.warning(
                "counter printout not printed (job %s): %s", outcome.job_id, outcome.message_en
            )
        done = self._print_targets.pop(token, None)
        if done is not None:
            done(outcome, None)

    def _print_failed(self, token: int, error: object) -> None:
        log.error("counter print job failed outright: %s", error)
        done = self._print_targets.pop(token, None)
        if done is not None:
            done(None, error)
