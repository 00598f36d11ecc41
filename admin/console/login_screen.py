"""Log in with username and password; a locked account says until when. The check runs
on the window's worker thread when the screen has the window's context."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from loket.admin.console.parts import button, label, set_role, t
from loket.kiosk.shell.i18n import current_language
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import LoketError
from loket.models.office import auth
from loket.models.office.auth import AccountLocked, Session

if TYPE_CHECKING:
    from loket.admin.console.context import ConsoleContext


class LoginScreen(QWidget):
    logged_in = Signal(object)  # Session

    def __init__(
        self,
        clock: Clock = SYSTEM_CLOCK,
        context: ConsoleContext | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("login_screen")
        self.clock = clock
        self.context = context
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QWidget()
        box.setMaximumWidth(520)
        layout = QVBoxLayout(box)
        self.heading = label("title", name="login_heading")
        layout.addWidget(self.heading)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("login_username")
        self.password = QLineEdit()
        self.password.setObjectName("login_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.username_label = label()
        self.password_label = label()
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)
        layout.addLayout(form)
        self.login_button = button("login_button", primary=True)
        self.login_button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)
        layout.addWidget(self.login_button)
        self.message = label("error", name="login_message")
        self.message.hide()
        layout.addWidget(self.message)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.locked = False
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(
            t("Loket — Admin dan Kepala Kantor", "Loket — admin and head of office")
        )
        self.username_label.setText(t("Nama pengguna", "Username"))
        self.password_label.setText(t("Kata sandi", "Password"))
        self.login_button.setText(t("Masuk", "Log in"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reset(self) -> None:
        self.password.clear()
        self.message.hide()
        self.username.setFocus()

    def submit(self) -> None:
        username, password, clock = self.username.text(), self.password.text(), self.clock
        context = self.context
        try:
            if context is None or context.work is None:
                session: Session = auth.login(username, password, clock)
            else:  # a failed login counts towards the lockout: never tried twice
                job = lambda: auth.login(username, password, clock)  # noqa: E731
                session = cast(Session, context.waits.run(context.work, job, retry_safe=False))
        except AccountLocked as exc:
            self.locked = True
            self._say(exc.message(current_language()), "error")
            self.password.clear()
            return
        except LoketError as exc:
            self.locked = False
            self._say(exc.message(current_language()), "error")
            self.password.clear()
            return
        self.locked = False
        self.password.clear()
        self.message.hide()
        self.logged_in.emit(session)

    def _say(self, text: str, role: str) -> None:
        set_role(self.message, role)
        self.message.setText(text)
        self.message.show()
