"""Documents in progress: confirm what was left at the kiosk, mark forwarded, ready and
collected, see whether the applicant was told by message (SMS / WhatsApp gateway), and
whom to phone when no message reached them: only then is their whole number shown."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from loket.admin.counter.parts import key_button, label, set_caption, wrap_lines
from loket.kiosk.shell.i18n import current_language, pick
from loket.models.documents.receipt_info import STATUS_NAMES, TRANSITIONS, ReceiptInfo

# status to move to → key
MOVES: dict[str, str] = {
    "confirmed": "F5",
    "forwarded": "F6",
    "ready": "F7",
    "collected": "F8",
}


def must_reach(info: ReceiptInfo) -> bool:
    """A ready document whose applicant no message reached (none queued: no number, a
    landline, notifications off; or it failed for good): staff phone, or wait."""
    return info.status == "ready" and (info.notice is None or info.notice.gave_up)


def told_line(info: ReceiptInfo, zone: dt.tzinfo) -> str:
    """ "Diberi tahu: Terkirim 04/12 10:15 lewat SMS", "…: Gagal terkirim: …"; "" when no
    message was queued."""
    if info.notice is None:
        return ""
    return pick("Diberi tahu", "Told") + ": " + info.notice.summary(zone, current_language())


def phone_line(info: ReceiptInfo) -> str:
    """What to do about a ready document's applicant, in the current language: nothing
    while a message tells them, else whom to call (the whole number), or wait."""
    notice = info.notice
    if notice is not None and not notice.gave_up:
        if notice.told:
            return pick(
                f"{info.sender_name} sudah diberi tahu lewat pesan",
                f"{info.sender_name} has been told by message",
            )
        return pick(
            f"{info.sender_name} diberi tahu lewat pesan; tidak perlu menelepon",
            f"{info.sender_name} is being told by message; no need to phone",
        )
    if info.sender_phone:
        number = info.sender_phone  # as stored, "+62…": any phone dials it
        if notice is not None and notice.last_error:
            why = notice.last_error.split(" / ")
            return pick(
                f"Pesan tidak sampai ({why[0]}). Hubungi {info.sender_name}: {number}",
                f"The message did not arrive ({why[-1]}). Phone {info.sender_name}: {number}",
            )
        return pick(
            f"Hubungi {info.sender_name}: {number}",
            f"Phone {info.sender_name}: {number}",
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
        self.zone: dt.tzinfo = dt.UTC  # the office's, from the desk's read
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

    def show_receipts(self, receipts: list[ReceiptInfo], zone: dt.tzinfo | None = None) -> None:
        """Receipts not yet collected; the kiosk ones waiting for confirmation first."""
        if zone is not None:
            self.zone = zone
        chosen = self.selected_number()
        self.receipts = {r.number: r for r in receipts}
        ordered = sorted(receipts, key=lambda r: (r.status != "received", r.number))
        self.list.blockSignals(True)
        self.list.clear()
        for info in ordered:
            where = pick("kios", "kiosk") if info.channel == "kiosk" else pick("loket", "counter")
            status = pick(*STATUS_NAMES[info.status])
            text = (
                f"{info.number} · {info.sender_name} · {info.recipient_unit} · {status} ({where})"
            )
            told = told_line(info, self.zone)
            item = QListWidgetItem(f"{text} · {told}" if told else text)
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
        told = told_line(info, self.zone)
        if told:
            lines.append(told)
        self.detail.setText(" · ".join(lines))
        self.phone.setText(phone_line(info))
        self.phone.setVisible(must_reach(info))

    def _move(self, status: str) -> None:
        number = self.selected_number()
        if number:
            self.advance.emit(number, status)
