"""A report export on the window's worker thread, with a progress bar that can be
cancelled (long exports of a year).

:class:`ExportJob` runs on the worker: it reads the office's name, builds the file's
bytes row by row and writes the file, reporting each step through its ``moved`` signal
(delivered to the GUI thread) and stopping between rows once Cancel was pressed — a
file it had begun to write is then removed. :class:`ExportProgress` is the dialog on
the GUI thread: it shows the steps and asks the job to stop.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from loket.models import settings as office
from loket.models.reports import export as report_export


class ExportCancelled(Exception):
    """The user pressed Cancel while the export ran."""


class ExportJob(QObject):
    """One export, run by calling it on a worker thread: the written path, or None when
    it was cancelled. ``moved(done, total)`` reaches the GUI thread as a queued signal."""

    moved = Signal(int, int)

    def __init__(self, report: report_export.Report, fmt: str, path: Path) -> None:
        super().__init__()
        self.report = report
        self.fmt = fmt
        self.path = path
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop at the next row (called on the GUI thread)."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _step(self, done: int, total: int) -> None:
        self.moved.emit(done, total)
        if self._cancel.is_set():
            raise ExportCancelled

    def __call__(self) -> Path | None:
        if self._cancel.is_set():
            return None
        office_name = office.load_settings().office_name
        try:
            data = report_export.export(self.report, self.fmt, office_name, self._step)
        except ExportCancelled:
            return None
        try:
            self.path.write_bytes(data)
        except BaseException:
            _remove(self.path)  # never leave half a file behind
            raise
        if self._cancel.is_set():  # Cancel pressed while the file was being written
            _remove(self.path)
            return None
        return self.path


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


class ExportProgress(QProgressDialog):
    """Shown while an :class:`ExportJob` runs; Cancel asks the job to stop."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_progress")
        self.setWindowTitle(self.tr("Ekspor laporan"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)  # a quick export never flashes a dialog
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.steps: list[tuple[int, int]] = []

    def follow(self, job: ExportJob) -> None:
        """Show ``job``'s steps from now on; Cancel stops it."""
        self.setLabelText(self.tr("Menulis berkas {name}").format(name=job.path.name))
        self.setValue(0)
        job.moved.connect(self.progress)
        self.canceled.connect(job.cancel)

    def progress(self, done: int, total: int) -> None:
        self.steps.append((done, total))
        self.setMaximum(max(total, 1))
        self.setValue(min(done, max(total, 1)))

    def taking_input(self) -> bool:
        """The dialog is on screen (window-modal): the person can only press Cancel."""
        return self.isVisible()
