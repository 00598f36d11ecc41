"""A report export with a progress bar that can be cancelled (long exports of a year)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from loket.admin.console.parts import t
from loket.models.reports import export as report_export


class ExportCancelled(Exception):
    """The user pressed Cancel while the export ran."""


class ExportProgress(QProgressDialog):
    """Shown while ``run`` writes one export; the callback keeps the window alive."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_progress")
        self.setWindowTitle(t("Ekspor laporan", "Exporting the report"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)  # a quick export never flashes a dialog
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.steps: list[tuple[int, int]] = []

    def progress(self, done: int, total: int) -> None:
        self.steps.append((done, total))
        self.setMaximum(max(total, 1))
        self.setValue(min(done, max(total, 1)))
        QApplication.processEvents()
        if self.wasCanceled():
            raise ExportCancelled

    def run(
        self, report: report_export.Report, fmt: str, path: Path, office_name: str = ""
    ) -> Path:
        self.setLabelText(t(f"Menulis {path.name}…", f"Writing {path.name}…"))
        self.setValue(0)
        try:
            data = report_export.export(report, fmt, office_name, self.progress)
        finally:
            self.close()
        path.write_bytes(data)
        return path
