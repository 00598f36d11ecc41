"""Handover: a colleague takes the counter with their own username and PIN, so the
counter stays staffed without a gap."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QVBoxLayout, QWidget

from loket.admin.counter.parts import Screen, key_button, label, set_caption, show_message
from loket.admin.counter.pin_pad import PinPad


class HandoverScreen(Screen):
    """``submitted(username, pin)`` of the officer taking over; ``back`` on Esc."""

    submitted = Signal(str, str)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addStretch(1)
        column = QVBoxLayout()
        outer.addLayout(column, 4)
        outer.addStretch(1)
        self.title = label("title", name="handover_title")
        self.hint = label("muted")
        column.addWidget(self.title)
        column.addWidget(self.hint)
        form = QFormLayout()
        self.username = QComboBox()
        self.username.setObjectName("handover_username")
        self.username.setEditable(True)
        self.pad = PinPad()
        self.username_caption = label(wrap=False)
        self.pin_caption = label(wrap=False)
        form.addRow(self.username_caption, self.username)
        form.addRow(self.pin_caption, self.pad)
        column.addLayout(form)
        self.error = label("error", name="handover_error")
        self.error.hide()
        column.addWidget(self.error)
        bar = QHBoxLayout()
        self.back_button = key_button("handover_back", "Esc")
        self.back_button.clicked.connect(self.back)
        self.submit_button = key_button("handover_submit", "Ctrl+Return", primary=True)
        self.submit_button.clicked.connect(self._submit)
        self.pad.submitted.connect(self._submit)
        bar.addWidget(self.back_button)
        bar.addWidget(self.submit_button, 2)
        column.addLayout(bar)
        column.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Serah terima loket"))
        self.hint.setText(
            self.tr(
                "Petugas yang mengambil alih memasukkan nama pengguna dan PIN-nya sendiri. "
                "Loket tetap dijaga tanpa jeda."
            )
        )
        self.username_caption.setText(self.tr("Petugas pengganti"))
        self.pin_caption.setText(self.tr("PIN petugas pengganti"))
        set_caption(self.back_button, self.tr("‹ Batal"))
        set_caption(self.submit_button, self.tr("Ambil alih loket"))

    def ask(self, usernames: list[str]) -> None:
        self.username.clear()
        self.username.addItems(usernames)
        self.username.setCurrentText("")
        self.pad.clear()
        self.error.hide()

    def entered(self) -> None:
        self.username.setFocus()

    def _submit(self) -> None:
        username = self.username.currentText().strip()
        if not username or not self.pad.pin():
            self.show_error(
                "Isi nama pengguna dan PIN petugas pengganti.",
                "Enter the username and PIN of the officer taking over.",
            )
            return
        self.error.hide()
        self.submitted.emit(username, self.pad.pin())

    def show_error(self, message_id: str, message_en: str) -> None:
        self.pad.clear()
        show_message(self.error, message_id, message_en)
        self.error.show()
