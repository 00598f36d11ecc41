"""Why the front desk will be left empty: the reason dialog after a refused break or
sign-out. A reason code, the reference of the document behind it and, where the
rules ask for it, the superior who approved. Or: ask a colleague to take over."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from loket.admin.counter.parts import Screen, key_button, label, set_caption, show_message
from loket.kiosk.shell.i18n import current_language, pick
from loket.kiosk.shell.keypad import OnScreenKeyboard
from loket.models.staffing.reasons import REASONS


class ReasonScreen(Screen):
    """``submitted(reason_code, reference, approved_by)``; ``handover``; ``back``."""

    submitted = Signal(str, str, str)
    handover = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.leaving = "break"  # or "sign_out"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = label("title", name="reason_title")
        self.refusal = label("banner", name="refusal")
        layout.addWidget(self.title)
        layout.addWidget(self.refusal)
        form = QFormLayout()
        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        self.reference = QLineEdit()
        self.reference.setObjectName("reference")
        self.reference.setMaxLength(80)
        self.approver = QComboBox()
        self.approver.setObjectName("approver")
        self.approver.setEditable(True)
        self.reason_caption = label(wrap=False)
        self.reference_caption = label(wrap=False)
        self.approver_caption = label(wrap=False)
        form.addRow(self.reason_caption, self.reason)
        form.addRow(self.reference_caption, self.reference)
        form.addRow(self.approver_caption, self.approver)
        layout.addLayout(form)
        self.needs = label("muted", name="reason_needs")
        layout.addWidget(self.needs)
        self.error = label("error", name="reason_error")
        self.error.hide()
        layout.addWidget(self.error)
        self.keyboard = OnScreenKeyboard(self)
        self.keyboard.hide()
        layout.addWidget(self.keyboard)
        layout.addStretch(1)
        bar = QGridLayout()
        bar.setSpacing(6)
        self.back_button = key_button("reason_back", "Esc")
        self.back_button.clicked.connect(self.back)
        self.keyboard_button = key_button("reason_keyboard")
        self.keyboard_button.setCheckable(True)
        self.keyboard_button.toggled.connect(self.keyboard.setVisible)
        self.handover_button = key_button("reason_handover", "F11")
        self.handover_button.clicked.connect(self.handover)
        self.submit_button = key_button("reason_submit", "Ctrl+Return", primary=True)
        self.submit_button.clicked.connect(self._submit)
        # The answer on a row of its own, the ways out under it: every caption has room.
        bar.addWidget(self.submit_button, 0, 0, 1, 3)
        for column, button in enumerate(
            (self.back_button, self.keyboard_button, self.handover_button)
        ):
            bar.addWidget(button, 1, column)
            bar.setColumnStretch(column, 1)
        layout.addLayout(bar)
        self.reason.currentIndexChanged.connect(self._explain)
        self.retranslate()

    def retranslate(self) -> None:
        self.reason_caption.setText(self.tr("Kode alasan"))
        self.reference_caption.setText(self.tr("Nomor rujukan"))
        self.approver_caption.setText(self.tr("Disetujui oleh"))
        set_caption(self.back_button, self.tr("‹ Batal"))
        set_caption(self.keyboard_button, self.tr("Keyboard layar"))
        set_caption(self.handover_button, self.tr("Serah terima ke petugas lain"))
        self._titles()
        chosen = self.reason.currentData()
        self.reason.blockSignals(True)
        self.reason.clear()
        english = current_language() == "en"
        for code, entry in REASONS.items():
            self.reason.addItem(f"{entry.name_en if english else entry.name_id} ({code})", code)
        index = self.reason.findData(chosen)
        self.reason.setCurrentIndex(max(0, index))
        self.reason.blockSignals(False)
        self._explain()

    def _titles(self) -> None:
        if self.leaving == "sign_out":
            self.title.setText(pick("Alasan keluar", "Reason for signing out"))
            set_caption(self.submit_button, pick("Catat alasan dan keluar", "Record and sign out"))
        else:
            self.title.setText(pick("Alasan istirahat", "Reason for the break"))
            set_caption(
                self.submit_button, pick("Catat alasan dan istirahat", "Record and take the break")
            )

    def ask(self, leaving: str, message_id: str, message_en: str, approvers: list[str]) -> None:
        """Open for ``leaving`` ("break" or "sign_out") after the service refused it."""
        self.leaving = leaving
        self._titles()
        show_message(self.refusal, message_id, message_en)
        self.reference.clear()
        self.approver.clear()
        self.approver.addItem("")
        self.approver.addItems(approvers)
        self.error.hide()

    def entered(self) -> None:
        self.reason.setFocus()

    def _explain(self) -> None:
        code = REASONS.get(str(self.reason.currentData() or ""))
        if code is None:
            self.needs.setText("")
            return
        parts = []
        if code.needs_reference:
            parts.append(pick(f"Rujukan: {code.reference_id}", f"Reference: {code.reference_en}"))
        if code.needs_approval:
            parts.append(
                pick("Perlu persetujuan kepala/admin", "Needs a head's or admin's approval")
            )
        if not code.authorised:
            parts.append(
                pick(
                    "Dicatat sebagai kekosongan tanpa keterangan",
                    "Recorded as an unexplained gap",
                )
            )
        self.needs.setText(" · ".join(parts))

    def _submit(self) -> None:
        self.error.hide()
        self.submitted.emit(
            str(self.reason.currentData() or ""),
            self.reference.text().strip(),
            self.approver.currentText().strip(),
        )

    def show_error(self, message_id: str, message_en: str) -> None:
        show_message(self.error, message_id, message_en)
        self.error.show()
