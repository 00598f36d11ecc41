"""After choosing a service (and priority): may we text you when your number is near?

Shown only when the office has switched "your number is near" on. The number is typed on
a phone pad; "Lewati" takes the ticket without a number in one tap. A number the service
refuses is shown here in one line and no ticket is issued, so the visitor can correct it
or skip. Landscape: the field beside the pad; portrait: above it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from loket.kiosk.shell.i18n import pick
from loket.kiosk.shell.keypad import DIGIT_ROWS, OnScreenKeyboard
from loket.kiosk.ticketing.input_guard import InputGuard, StatusLine
from loket.kiosk.ticketing.screen import Header, Screen, label, plain_button, primary_button

PHONE_LIMIT = 20
# How the service's refusal of a number begins (models/phone_numbers.normalise_phone).
PHONE_REFUSED = "Invalid phone number"


class NearPhoneScreen(Screen):
    skipped = Signal()
    submitted = Signal(str)  # the number as typed; the service checks it
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service_name = ""
        self.ahead = 0
        self.channel = "sms"
        self.refusal: tuple[str, str] | None = None  # shown again in a new language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = Header()
        self.title = self.header.title
        assert self.header.hint is not None
        self.hint = self.header.hint
        layout.addWidget(self.header)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(16)
        form = QVBoxLayout()
        self.phone_label = label("small")
        self.phone = QLineEdit()
        self.phone.setObjectName("near_phone")
        self.phone.returnPressed.connect(self._submit)
        self.phone.textChanged.connect(self._forget_refusal)
        self.consent = label("small", name="near_consent")
        self.error = StatusLine("near_error")
        for widget in (self.phone_label, self.phone, self.consent, self.error):
            form.addWidget(widget)
        form.addStretch(1)
        self.body.addLayout(form, 3)
        self.keyboard = OnScreenKeyboard(self, digits_only=True)
        self.keyboard.set_target(self.phone)
        # The pad no taller than its keys grown to their largest: rows never drift apart.
        pad = self.keyboard.layout()
        assert pad is not None
        keys = max(key.maximumHeight() for key in self.keyboard.keys.values())
        rows = len(DIGIT_ROWS) + 1  # and the row of "0" and erase
        self.keyboard.setMaximumHeight(rows * keys + (rows - 1) * pad.spacing())
        # The pad at the top of its column (beside the field, or under it in portrait):
        # it takes the height first, up to its largest; what is left stays empty below.
        pad_column = QVBoxLayout()
        pad_column.addWidget(self.keyboard, 1)
        pad_column.addStretch(0)
        self.body.addLayout(pad_column, 2)
        layout.addLayout(self.body, 1)
        self.guard = InputGuard(self, self.error)
        self.guard.guard(self.phone, "No. HP", "Mobile number", PHONE_LIMIT)
        buttons = QHBoxLayout()
        self.back_button = plain_button("back")
        self.back_button.clicked.connect(self.back)
        self.skip_button = primary_button("near_skip")
        self.skip_button.clicked.connect(self.skipped)
        self.take_button = primary_button("near_take")
        self.take_button.clicked.connect(self._submit)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.skip_button, 1)
        buttons.addWidget(self.take_button, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def adapt(self, portrait: bool) -> None:
        super().adapt(portrait)
        self.body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        for index, stretch in enumerate((0, 1) if portrait else (3, 2)):
            self.body.setStretch(index, stretch)

    def ask(self, service_name: str, ahead: int, channel: str) -> None:
        """A fresh question for one visitor: ``ahead`` numbers before theirs they are told."""
        self.service_name, self.ahead, self.channel = service_name, ahead, channel
        self.reset()

    def retranslate(self) -> None:
        # The office's gateway decides the words: an SMS modem, or a WhatsApp gateway.
        if self.channel == "sms":
            self.title.setText(self.tr("Kirim SMS saat nomor Anda hampir dipanggil?"))
            told = self.tr("Kami kirim SMS saat tinggal %1 orang atau kurang di depan Anda.")
            self.phone_label.setText(self.tr("No. HP untuk SMS"))
        else:
            self.title.setText(self.tr("Kirim pesan saat nomor Anda hampir dipanggil?"))
            told = self.tr("Kami kirim pesan saat tinggal %1 orang atau kurang di depan Anda.")
            self.phone_label.setText(self.tr("No. HP untuk pesan"))
        told = told.replace("%1", str(self.ahead))
        service = self.tr("Layanan: %1.").replace("%1", self.service_name)
        self.hint.setText(f"{service} {told}" if self.service_name else told)
        self.consent.setText(
            self.tr(
                "Nomor HP hanya dipakai untuk memberi tahu Anda saat nomor Anda hampir "
                "dipanggil, lalu dihapus."
            )
        )
        self.back_button.setText(self.tr("‹ Kembali"))
        self.skip_button.setText(self.tr("Lewati"))
        self.take_button.setText(self.tr("Ambil nomor"))
        if self.refusal is not None:
            self.guard.show_error(pick(*self.refusal))
        else:
            self.guard.show_count(self.phone if self.phone.hasFocus() else None)

    def entered(self) -> None:
        self.phone.setFocus()

    def _submit(self) -> None:
        number = self.phone.text().strip()
        if not number:
            self.phone.setFocus()
            self.show_error(
                "Ketik nomor HP Anda, atau sentuh Lewati.",
                "Type your mobile number, or touch Skip.",
            )
            return
        self.guard.clear()
        self.submitted.emit(number)

    def is_phone_refusal(self, message_en: str) -> bool:
        """Whether a refusal is about the typed number (shown here) or not (shown home)."""
        return bool(self.phone.text().strip()) and message_en.startswith(PHONE_REFUSED)

    def show_error(self, message_id: str, message_en: str) -> None:
        self.phone.setFocus()  # the visitor corrects it where it is
        self.refusal = (message_id, message_en)
        self.guard.show_error(pick(message_id, message_en))

    def _forget_refusal(self) -> None:
        self.refusal = None

    def reset(self) -> None:
        self.phone.clear()
        self.refusal = None
        self.guard.clear()
        self.retranslate()
