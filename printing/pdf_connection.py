"""``pdf:///dir``: no printer, one PDF copy per job in a folder."""

from __future__ import annotations

import os
from pathlib import Path

from loket.printing.atomic import write_atomic
from loket.printing.connections import Connection
from loket.printing.errors import PrinterConnectionError, PrinterError
from loket.printing.layouts import Layout
from loket.printing.pdf_render import render_pdf
from loket.printing.status import PrinterStatus


class PdfConnection(Connection):
    wants_layout = True

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PrinterConnectionError(
                f"Folder PDF {folder} tidak dapat dibuat ({exc}).",
                f"Cannot create the PDF folder {folder} ({exc}).",
                code="connect_failed",
            ) from exc

    def read_status(self) -> PrinterStatus:
        if os.access(self.folder, os.W_OK):
            return PrinterStatus(ok=True)
        return PrinterStatus.unreachable()

    def write(self, data: bytes) -> None:
        raise PrinterError(
            "Printer PDF memerlukan tata letak, bukan data ESC/POS.",
            "The PDF printer needs a layout, not ESC/POS bytes.",
            code="layout_required",
        )

    def write_layout(self, layout: Layout, job_id: str) -> None:
        write_atomic(self.folder / f"{job_id}.pdf", render_pdf(layout))
