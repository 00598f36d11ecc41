"""Documents at the desk: receive one (left) and move the open ones along (right)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from loket.admin.counter.parts import Screen, key_button, label, set_caption, show_message
from loket.admin.counter.receipts_panel import ReceiptsPanel
from loket.admin.counter.receive_panel import ReceivePanel


class DocumentsScreen(Screen):
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        body = QHBoxLayout()
        body.setSpacing(16)
        self.receive = ReceivePanel()
        self.receipts = ReceiptsPanel()
        body.addWidget(self.receive, 3)  # its captions are long in English
        # The way back under the list, which gives way: the form beside it keeps its height.
        right = QVBoxLayout()
        right.addWidget(self.receipts, 1)
        self.back_button = key_button("documents_back", "Esc")
        self.back_button.clicked.connect(self.back)
        right.addWidget(self.back_button)
        body.addLayout(right, 2)
        layout.addLayout(body, 1)
        self.notice = label(name="documents_notice")
        self.notice.hide()
        layout.addWidget(self.notice)
        self.retranslate()

    def retranslate(self) -> None:
        self.receive.retranslate()
        self.receipts.retranslate()
        set_caption(self.back_button, self.tr("‹ Kembali ke antrean"))

    def entered(self) -> None:
        self.notice.hide()
        self.receive.fields["sender_name"].setFocus()

    def show_notice(self, message_id: str, message_en: str, error: bool = False) -> None:
        self.notice.setProperty("role", "error" if error else "muted")
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        show_message(self.notice, message_id, message_en)
        self.notice.show()
