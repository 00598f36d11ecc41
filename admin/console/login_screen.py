"""Log in with username and password; a locked account says until when. The check runs
on the window's worker thread when the screen has the window's context."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFontMetrics, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from loket.admin.console.parts import button, label, set_role
from loket.kiosk.shell.i18n import current_language
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import LoketError
from loket.models.office import auth
from loket.models.office.auth import AccountLocked, Session

if TYPE_CHECKING:
    from loket.admin.console.context import ConsoleContext

BOX_EMS = 22  # the login box's width in the fields' "M"s


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
        self.box = QWidget()
        self.box.setObjectName("login_box")
        layout = QVBoxLayout(self.box)
        layout.setSpacing(6)
        self.heading = label("title", name="login_heading")
        layout.addWidget(self.heading)
        # Labels above the fields: the fields get the box's whole width whatever the
        # language, and a long user name or password stays visible while typing.
        self.username = QLineEdit()
        self.username.setObjectName("login_username")
        self.username.setMaxLength(64)
        self.password = QLineEdit()
        self.password.setObjectName("login_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.username_label = label()
        self.password_label = label()
        for caption, field in (
            (self.username_label, self.username),
            (self.password_label, self.password),
        ):
            caption.setBuddy(field)
            layout.addWidget(caption)
            layout.addWidget(field)
        layout.addSpacing(8)
        self.login_button = button("login_button", primary=True)
        self.login_button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)
        layout.addWidget(self.login_button)
        self.message = label("error", name="login_message")
        self.message.hide()
        layout.addWidget(self.message)
        row = QHBoxLayout()  # centred, and as tall as its wrapped heading needs
        row.addStretch(1)
        row.addWidget(self.box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.locked = False
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Loket — Admin dan Kepala Kantor"))
        self.username_label.setText(self.tr("Nama pengguna"))
        self.password_label.setText(self.tr("Kata sandi"))
        self.login_button.setText(self.tr("Masuk"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._size_box()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._size_box()
        super().showEvent(event)

    def _size_box(self) -> None:
        """The box is about 22 characters of the fields' text wide, the fields tall
        enough for their text and its padding (the text size comes with the style)."""
        self.username.ensurePolished()
        metrics = QFontMetrics(self.username.font())
        self.box.setFixedWidth(metrics.horizontalAdvance("M") * BOX_EMS)
        for field in (self.username, self.password):
            field.setMinimumHeight(metrics.height() + 20)

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
