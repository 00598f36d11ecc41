"""One line that says the app is working on a tap, or reconnecting to the server.

It appears only when an action takes longer than :data:`SHOW_AFTER_MS`, and while it
is shown the window holds further taps (``ActionRunner.busy_acting``), so what moves
down a line is never under a finger that counts.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from loket.kiosk.shell.actions import ActionRunner

SHOW_AFTER_MS = 250  # a quick action never flickers the line


class ActivityLine(QLabel):
    shown = Signal(bool)  # the line has appeared (True) or gone (False)

    def __init__(self, runner: ActionRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activity_line")
        self.setProperty("role", "muted")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.working = False
        self.reconnecting = False
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SHOW_AFTER_MS)
        self._delay.timeout.connect(self._show_state)
        runner.working.connect(self._working)
        runner.reconnecting.connect(self._reconnecting)
        self.hide()
        self._show_state()

    @Slot(bool)
    def _working(self, working: bool) -> None:
        self.working = working
        if working and not self.reconnecting:
            self._delay.start()
        else:
            self._delay.stop()
            self._show_state()

    @Slot(bool)
    def _reconnecting(self, reconnecting: bool) -> None:
        self.reconnecting = reconnecting
        self._show_state()

    def _show_state(self) -> None:
        if self.reconnecting:
            self.setProperty("role", "error")
            self.setText(self.tr("Sedang menyambung ulang ke server…"))
        elif self.working:
            self.setProperty("role", "muted")
            self.setText(self.tr("Mohon tunggu, sedang diproses…"))
        else:
            self.setText("")
        self.style().unpolish(self)
        self.style().polish(self)
        visible = self.reconnecting or self.working
        if self.isHidden() == visible:
            self.setVisible(visible)
            self.shown.emit(visible)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show_state()
        super().changeEvent(event)
