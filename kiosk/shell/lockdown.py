"""Kiosk windows: full screen, frameless, on top, and a hidden exit for an admin.

The exit is a long press on a chosen widget (the office name, say) followed by the
PIN of an active admin or head-of-office account, checked on the window's worker
thread when it has one (never on the GUI thread in the apps).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from loket.kiosk.shell.dialogs import DialogService
from loket.kiosk.shell.i18n import pick

if TYPE_CHECKING:
    from loket.kiosk.shell.actions import ActionRunner
    from loket.models.errors import LoketError

ADMIN_ROLES = ("admin", "head")
HOLD_MS = 3000


def lock_window(window: QWidget, full_screen: bool = True) -> None:
    """Make ``window`` a kiosk window: no frame, stays on top, fills the screen."""
    window.setWindowFlags(
        window.windowFlags()
        | Qt.WindowType.FramelessWindowHint
        | Qt.WindowType.WindowStaysOnTopHint
    )
    if full_screen:
        # Without a window manager (a bare X session on a kiosk PC) showFullScreen alone
        # leaves the window at its preferred size: claim the whole screen first.
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            window.setGeometry(screen.geometry())
        window.showFullScreen()
    else:
        window.show()


def check_admin_pin(pin: str) -> object | None:
    """The admin or head account whose PIN this is, or None. A database that does not
    answer is raised (a :class:`~loket.models.errors.DatabaseUnavailable`), never taken
    for a wrong PIN; so is a lockout (:class:`~loket.models.office.auth.AccountLocked`,
    one line saying when it opens): a wrong PIN here counts against this kiosk's exit,
    not the admins' accounts, so a visitor cannot lock them out. Slow after failures (the
    lockout's wait per PC): always called on the window's worker in the apps."""
    from loket.models.office.staff import pin_owner

    if not pin or not pin.strip().isdigit():
        return None
    return pin_owner(pin, ADMIN_ROLES)


class HiddenExit(QObject):
    """Long press on ``target`` for ``hold_ms``, then an admin PIN: emits ``unlocked(staff)``.

    With a ``runner`` the PIN is checked on its worker thread (the answer comes later);
    without one, at once.
    """

    unlocked = Signal(object)
    refused = Signal()

    def __init__(
        self,
        target: QWidget,
        dialogs: DialogService,
        hold_ms: int = HOLD_MS,
        parent: QObject | None = None,
        runner: ActionRunner | None = None,
    ) -> None:
        super().__init__(parent or target)
        self._dialogs = dialogs
        self._runner = runner
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hold_ms)
        self._timer.timeout.connect(self._held)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self._timer.start()
        elif kind in (
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
            QEvent.Type.Leave,
        ):
            self._timer.stop()
        return False

    def _held(self) -> None:
        pin = self._dialogs.ask_pin(
            pick("PIN admin untuk keluar dari kiosk", "Admin PIN to leave the kiosk")
        )
        if pin is None:
            return
        runner = self._runner
        if runner is None:
            from loket.models.errors import LoketError

            try:
                staff = check_admin_pin(pin)
            except LoketError as exc:
                self._not_checked(exc)
                return
            self._checked(staff)
        elif not runner.busy_acting:
            # A failed PIN counts towards the lockout: never checked twice after an outage.
            runner.run(
                lambda: check_admin_pin(pin), self._checked, self._not_checked, retry_safe=False
            )

    def _not_checked(self, exc: LoketError) -> None:
        self._dialogs.inform(
            pick("PIN belum diperiksa", "PIN not checked"), pick(exc.message_id, exc.message_en)
        )
        self.refused.emit()

    def _checked(self, staff: object | None) -> None:
        if staff is None:
            self._dialogs.inform(
                pick("Tidak diizinkan", "Not allowed"),
                pick("PIN salah atau bukan akun admin.", "Wrong PIN or not an admin account."),
            )
            self.refused.emit()
            return
        self.unlocked.emit(staff)
