"""The kiosk's printing, off the UI thread (see :mod:`loket.kiosk.shell.job_queue`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from loket.kiosk.shell.job_queue import CHECK_MS, JobQueue

if TYPE_CHECKING:
    from loket.models.printouts.printer_reports import PrinterWatch

__all__ = ["CHECK_MS", "PrintQueue"]


class PrintQueue(JobQueue):
    def __init__(
        self,
        parent: QObject | None = None,
        watch: PrinterWatch | None = None,
        check_ms: int = CHECK_MS,
    ) -> None:
        super().__init__(parent, "loket-kiosk-print", watch, check_ms)
