"""Documents in progress: confirm what was left at the kiosk, mark forwarded, ready and
collected, and see whom to phone when a document is ready."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from loket.admin.counter.parts import key_button, label, set_caption, wrap_lines
from loket.kiosk.shell.i18n import pick
from loket.models.documents.receipt_info import STATUS_NAMES, TRANSITIONS, ReceiptInfo

# status to move to → key
MOVES: dict[str, str] = {
    "confirmed": "F5",
    "forwarded": "F6",
    "ready": "F7",
    "collected": "F8",
}


def phone_line(info: ReceiptInfo) -> str:
    """Whom to call about a ready document, in the current language."""
    if info.sender_phone:
        return pick(
            f"Hubungi {info.sender_name}: {info.sender_phone}",
            f"Phone {info.sender_name}: {info.sender_phone}",
        )
    return pick(
        f"{info.sender_name} tidak meninggalkan nomor HP; tunggu sampai datang mengambil",
        f"{info.sender_name} left no phone number; wait for them to come by",
    )


class ReceiptsPanel(QWidget):
    """``advance(number, status)`` when the officer moves the selected receipt on."""

    advance = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.receipts: dict[str, ReceiptInfo] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = label("title")
        layout.addWidget(self.title)
        self.list = QListWidget()
        self.list.setObjectName("receipts_list")
        wrap_lines(self.list)
        self.list.currentItemChanged.connect(lambda *_: self._selected())
        layout.addWidget(self.list, 1)
        self.detail = label(name="receipt_detail")
        self.phone = label("banner", name="receipt_phone")
        self.phone.hide()
        layout.addWidget(self.detail)
        layout.addWidget(self.phone)
        grid = QGridLayout()
        self.buttons = {}
        for index, (status, key) in enumerate(MOVES.items()):
            button = key_button(f"mark_{status}", key)
            button.clicked.connect(lambda _=False, s=status: self._move(s))
            self.buttons[status] = button
            grid.addWidget(button, index // 2, index % 2)
        layout.addLayout(grid)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Dokumen dalam proses"))
        captions = {
            "confirmed": self.tr("Konfirmasi (dari kios)"),
            "forwarded": self.tr("Diteruskan ke unit"),
            "ready": self.tr("Siap diambil"),
            "collected": self.tr("Sudah diambil"),
        }
        for status, text in captions.items():
            set_caption(self.buttons[status], text)
        self.show_receipts(list(self.receipts.values()))

    def show_receipts(self, receipts: list[ReceiptInfo]) -> None:
        """Receipts not yet collected; the kiosk ones waiting for confirmation first."""
        chosen = self.selected_number()
        self.receipts = {r.number: r for r in receipts}
        ordered = sorted(receipts, key=lambda r: (r.status != "received", r.number))
        self.list.blockSignals(True)
        self.list.clear()
        for info in ordered:
            where = pick("kios", "kiosk") if info.channel == "kiosk" else pick("loket", "counter")
            status = pick(*STATUS_NAMES[info.status])
            item = QListWidgetItem(
                f"{info.number} · {info.sender_name} · {info.recipient_unit} · {status} ({where})"
            )
            item.setData(Qt.ItemDataRole.UserRole, info.number)
            self.list.addItem(item)
            if info.number == chosen:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._selected()

    def select(self, number: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == number:
                self.list.setCurrentItem(item)
                return

    def selected_number(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def selected(self) -> ReceiptInfo | None:
        number = self.selected_number()
        return self.receipts.get(number) if number else None

    def _selected(self) -> None:
        info = self.selected()
        allowed = TRANSITIONS[info.status] if info else ()
        for status, button in self.buttons.items():
            button.setEnabled(status in allowed)
        if info is None:
            self.detail.setText(pick("Pilih dokumen dari daftar.", "Choose a document."))
            self.phone.hide()
            return
        lines = [f"{info.number} — {info.subject}", f"{info.pages} " + pick("halaman", "pages")]
        if info.expected_completion:
            lines.append(pick("Target selesai", "Due") + f" {info.expected_completion:%d-%m-%Y}")
        self.detail.setText(" · ".join(lines))
        self.phone.setText(phone_line(info))
        self.phone.setVisible(info.status == "ready")

    def _move(self, status: str) -> None:
        number = self.selected_number()
        if number:
            self.advance.emit(number, status)
