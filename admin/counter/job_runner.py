"""The counter app's slow work (printing), off the UI thread
(see :mod:`loket.kiosk.shell.job_queue`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from loket.kiosk.shell.job_queue import CHECK_MS, JobQueue

if TYPE_CHECKING:
    from loket.models.services.printer_reports import PrinterWatch

__all__ = ["CHECK_MS", "JobRunner"]


class JobRunner(JobQueue):
    def __init__(
        self,
        parent: QObject | None = None,
        name: str = "loket-counter-jobs",
        watch: PrinterWatch | None = None,
        check_ms: int = CHECK_MS,
    ) -> None:
        super().__init__(parent, name, watch, check_ms)
