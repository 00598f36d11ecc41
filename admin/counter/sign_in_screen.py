"""Sign in: who you are (username), your PIN on the pad, and the counter you sit at."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QVBoxLayout, QWidget

from loket.admin.counter.parts import Screen, key_button, label, set_caption, show_message
from loket.admin.counter.pin_pad import PinPad
from loket.kiosk.shell.i18n import pick


class SignInScreen(Screen):
    """``submitted(counter_number, username, pin)`` when the officer signs in."""

    submitted = Signal(int, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addStretch(1)
        column = QVBoxLayout()
        outer.addLayout(column, 4)
        outer.addStretch(1)
        self.title = label("title")
        self.hint = label("muted")
        column.addWidget(self.title)
        column.addWidget(self.hint)
        form = QFormLayout()
        self.username = QComboBox()
        self.username.setObjectName("username")
        self.username.setEditable(True)  # type it, or pick it from the list by touch
        self.counter = QComboBox()
        self.counter.setObjectName("counter")
        self.username_caption = label(wrap=False)
        self.counter_caption = label(wrap=False)
        self.pin_caption = label(wrap=False)
        self.pad = PinPad()
        form.addRow(self.username_caption, self.username)
        form.addRow(self.counter_caption, self.counter)
        form.addRow(self.pin_caption, self.pad)
        column.addLayout(form)
        self.error = label("error", name="sign_in_error")
        self.error.hide()
        column.addWidget(self.error)
        self.sign_in_button = key_button("sign_in", "Ctrl+Return", primary=True)
        self.sign_in_button.clicked.connect(self._submit)
        self.pad.submitted.connect(self._submit)
        column.addWidget(self.sign_in_button)
        column.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Masuk ke loket"))
        self.hint.setText(
            self.tr(
                "Pilih nama pengguna dan loket, lalu masukkan PIN. Selama aplikasi terbuka "
                "loket tercatat dijaga."
            )
        )
        self.username_caption.setText(self.tr("Nama pengguna"))
        self.counter_caption.setText(self.tr("Loket"))
        self.pin_caption.setText(self.tr("PIN"))
        set_caption(self.sign_in_button, self.tr("Masuk"))

    def set_choices(
        self, usernames: list[str], counters: list[tuple[int, str, bool]], chosen: int | None
    ) -> None:
        """Fill the lists: ``counters`` as (number, name, front_desk)."""
        typed = self.username.currentText()
        self.username.clear()
        self.username.addItems(usernames)
        self.username.setCurrentText(typed)
        self.counter.clear()
        for number, name, front_desk in counters:
            suffix = pick(" — loket depan", " — front desk") if front_desk else ""
            self.counter.addItem(f"{number}. {name}{suffix}", number)
        if chosen is not None:
            index = self.counter.findData(chosen)
            if index >= 0:
                self.counter.setCurrentIndex(index)

    def choose(self, username: str, counter: int | None = None) -> None:
        self.username.setCurrentText(username)
        if counter is not None:
            index = self.counter.findData(counter)
            if index >= 0:
                self.counter.setCurrentIndex(index)

    def entered(self) -> None:
        (self.pad.field if self.username.currentText() else self.username).setFocus()

    def _submit(self) -> None:
        username = self.username.currentText().strip()
        number = self.counter.currentData()
        pin = self.pad.pin()
        if not username or number is None or not pin:
            self.show_error(
                "Isi nama pengguna, pilih loket dan masukkan PIN.",
                "Enter the username, choose a counter and enter the PIN.",
            )
            return
        self.error.hide()
        self.submitted.emit(int(number), username, pin)

    def show_error(self, message_id: str, message_en: str) -> None:
        self.pad.clear()
        show_message(self.error, message_id, message_en)
        self.error.show()

    def reset(self) -> None:
        self.pad.clear()
        self.error.hide()
