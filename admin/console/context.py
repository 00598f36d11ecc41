"""What every admin page shares: who is logged in, the clock, the dialogs and the
worker thread its service calls run on."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from loket.admin.console.page_work import Waits
from loket.admin.console.save_dialog import SaveDialogs
from loket.kiosk.shell.actions import ActionRunner
from loket.kiosk.shell.dialogs import DialogService
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import PermissionDenied
from loket.models.office.auth import Session


@dataclass
class ConsoleContext:
    dialogs: DialogService
    clock: Clock = SYSTEM_CLOCK
    session: Session | None = None
    # Folder the reports and survey print-outs are written to (None: the data folder).
    export_dir: str | None = None
    # The window's worker for service calls (None: on the calling thread, e.g. a bare page).
    work: ActionRunner | None = None
    waits: Waits = field(default_factory=Waits)
    # Asks where an export goes (None: straight into ``output_dir``, e.g. a bare page).
    saves: SaveDialogs | None = None

    def require_session(self) -> Session:
        """The logged-in session; pages are only reachable after login."""
        if self.session is None:
            raise PermissionDenied("Silakan masuk terlebih dahulu", "Please log in first")
        return self.session

    @property
    def username(self) -> str | None:
        return self.session.username if self.session else None

    def output_dir(self) -> Path:
        """Where exports go; made on first use."""
        from loket.models.config import data_dir

        folder = Path(self.export_dir) if self.export_dir else data_dir() / "reports"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def choose_save_path(self, title: str, name: str, pattern: str) -> Path | None:
        """The file an export is written to, chosen by the person starting from ``name``
        in :meth:`output_dir`; None when they cancelled (then nothing is written)."""
        suggested = self.output_dir() / name
        if self.saves is None:
            return suggested
        return self.saves.choose_save_path(title, suggested, pattern)
