"""Where an export is saved: the person picks the file, starting in the reports folder.

The console's pages ask a :class:`SaveDialogs` (the window's, or a scripted one in tests)
before writing a report, the IKM print-out or the public keys; ``None`` (Cancel) means
nothing is written. The suggested file is in the export folder (the data folder's
``reports/`` unless ``--export-dir`` says otherwise), so pressing Save keeps the old place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QWidget


class SaveDialogs(Protocol):
    def choose_save_path(self, title: str, suggested: Path, pattern: str) -> Path | None:
        """The file to write (``suggested`` as the starting point), or None when cancelled."""
        ...


class QtSaveDialogs:
    """The desktop's save-file dialog, over ``parent``; it asks before replacing a file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent

    def choose_save_path(self, title: str, suggested: Path, pattern: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self._parent, title, str(suggested), pattern)
        if not path:
            return None
        chosen = Path(path)
        wanted = suggested.suffix
        if wanted and chosen.suffix.lower() != wanted.lower():
            chosen = chosen.with_name(chosen.name + wanted)  # "laporan" → "laporan.pdf"
        return chosen
