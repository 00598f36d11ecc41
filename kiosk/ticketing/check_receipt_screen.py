"""Check a receipt: type its number (or show its QR to a camera) and see its status history.

Only the status and the unit are shown, never the sender or the subject: receipt
numbers are sequential, and anyone at the kiosk could type someone else's.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from loket.kiosk.shell.i18n import current_language, pick
from loket.kiosk.shell.keypad import OnScreenKeyboard
from loket.kiosk.ticketing.camera_scanner import QrScanner, camera_available
from loket.kiosk.ticketing.input_guard import PrinterValidator
from loket.kiosk.ticketing.screen import Header, Screen, label, plain_button, primary_button
from loket.models.documents.receipt_info import STATUS_NAMES, ReceiptInfo
from loket.models.errors import LoketError


class CheckReceiptScreen(Screen):
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.receipt: ReceiptInfo | None = None
        self.problem: tuple[str, str] | None = None
        self.signature_note: tuple[str, str] | None = None
        self._scanner: QrScanner | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = Header()
        self.title, self.hint = self.header.title, self.header.hint
        layout.addWidget(self.header)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(16)
        found = QVBoxLayout()
        row = QHBoxLayout()
        self.number_field = QLineEdit()
        self.number_field.setObjectName("receipt_number_field")
        self.number_field.setMaxLength(600)  # a pasted or scanned QR text fits too
        self.number_field.setValidator(PrinterValidator(self.number_field))
        self.number_field.returnPressed.connect(self.look_up)
        self.check_button = primary_button("look_up")
        self.check_button.clicked.connect(self.look_up)
        self.camera_button = plain_button("scan_qr")
        self.camera_button.clicked.connect(self.scan)
        self.camera_button.setVisible(False)
        row.addWidget(self.number_field, 3)
        row.addWidget(self.check_button, 1)
        row.addWidget(self.camera_button, 1)
        found.addLayout(row)
        self.result = label(name="receipt_status")
        self.history = label(name="receipt_history")
        found.addWidget(self.result)
        found.addWidget(self.history)
        found.addStretch(1)
        self.body.addLayout(found, 1)
        self.keyboard = OnScreenKeyboard(self)
        self.keyboard.set_target(self.number_field)
        self.body.addWidget(self.keyboard, 1)
        layout.addLayout(self.body, 1)
        self.back_button = plain_button("back")
        self.back_button.clicked.connect(self._leave)
        layout.addWidget(self.back_button)
        self.retranslate()

    def adapt(self, portrait: bool) -> None:
        super().adapt(portrait)
        self.body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )

    def entered(self) -> None:
        self.number_field.setFocus()
        self.camera_button.setVisible(camera_available())

    def reset(self) -> None:
        self.number_field.clear()
        self.receipt, self.problem, self.signature_note = None, None, None
        self._stop_camera()
        self.retranslate()

    def _leave(self) -> None:
        self._stop_camera()
        self.back.emit()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Cek tanda terima"))
        assert self.hint is not None
        self.hint.setText(
            self.tr("Ketik nomor tanda terima, misalnya TT-2026-000123, lalu sentuh Cek.")
        )
        self.check_button.setText(self.tr("Cek"))
        self.camera_button.setText(self.tr("Pindai QR"))
        self.back_button.setText(self.tr("‹ Kembali"))
        self._show()

    def look_up(self) -> None:
        from loket.models.documents.receipt_lookup import show_receipt

        text = self.number_field.text().strip()
        self.receipt, self.problem, self.signature_note = None, None, None
        if not text:
            self.problem = ("Ketik nomor tanda terima dahulu.", "Type a receipt number first.")
        elif text.upper().startswith("LKT"):
            self._look_up_qr(text)
        else:
            try:
                self.receipt = show_receipt(text)
            except LoketError as exc:
                self.problem = (exc.message_id, exc.message_en)
        self._show()

    def _look_up_qr(self, text: str) -> None:
        from loket.models.documents.receipt_lookup import show_receipt
        from loket.models.integrity.signing import verify_text

        verdict = verify_text(text)
        self.signature_note = (verdict.message_id, verdict.message_en)
        if not verdict.valid or verdict.kind != "receipt" or not verdict.number:
            if verdict.valid:
                self.problem = (
                    "Kode QR ini bukan tanda terima dokumen.",
                    "This QR code is not a document receipt.",
                )
            else:
                self.problem = (verdict.message_id, verdict.message_en)
            return
        try:
            self.receipt = show_receipt(verdict.number)
        except LoketError as exc:
            self.problem = (exc.message_id, exc.message_en)

    def scanned(self, text: str) -> None:
        """A QR text read by the camera."""
        self.number_field.setText(text)
        self.look_up()

    def scan(self) -> None:
        if self._scanner is None:
            self._scanner = QrScanner(self)
            self._scanner.found.connect(self.scanned)
        if self._scanner.start():
            self.result.setText(self.tr("Tunjukkan kode QR tanda terima ke kamera."))

    def _stop_camera(self) -> None:
        if self._scanner is not None:
            self._scanner.stop()

    def _show(self) -> None:
        if self.problem is not None:
            self.result.setText(pick(*self.problem))
            self.history.setText("")
            return
        receipt = self.receipt
        if receipt is None:
            self.result.setText("")
            self.history.setText("")
            return
        from loket.models.settings import load_settings

        settings = load_settings()
        name_id, name_en = STATUS_NAMES[receipt.status]
        lines = [
            pick(
                f"{receipt.number}: {name_id} (untuk {receipt.recipient_unit})",
                f"{receipt.number}: {name_en} (for {receipt.recipient_unit})",
            )
        ]
        if self.signature_note is not None:
            lines.append(pick(*self.signature_note))
        self.result.setText("\n".join(lines))
        english = current_language() == "en"
        history = []
        for event in receipt.history:
            when = settings.local(event.at).strftime("%d-%m-%Y %H:%M")
            status = STATUS_NAMES.get(event.status, (event.status, event.status))
            history.append(f"{when}  {status[1] if english else status[0]}")
        self.history.setText("\n".join(history))
