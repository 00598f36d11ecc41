"""Documents: the receipt registry with its status and whether the applicant was told
(SMS / WhatsApp gateway), search by number or sender, status changes by the logged-in
officer, and the ready documents whose applicant no message reached (phone or wait)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton

from loket.admin.console.notify_parts import nobody_reached, reach_text, told_text
from loket.admin.console.parts import (
    Page,
    button,
    fill_table,
    label,
    select_row,
    selected_key,
    set_headers,
    table,
)
from loket.kiosk.shell.i18n import current_language
from loket.models import settings as office
from loket.models.documents import receipt_actions, receipt_info, receipt_lookup
from loket.models.documents.receipt_info import STATUS_NAMES, TRANSITIONS, ReceiptInfo
from loket.models.errors import LoketError
from loket.models.notify.phones import mask_phone

LIMIT = 500


class DocumentsPage(Page):
    key = "documents"
    title_text = QT_TRANSLATE_NOOP("Page", "Dokumen (tanda terima)")

    def build(self) -> None:
        self.receipts: dict[str, ReceiptInfo] = {}
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("documents_search")
        self.search.returnPressed.connect(self.refresh)
        self.status = QComboBox()
        self.status.setObjectName("documents_status")
        self.status.activated.connect(self.refresh)
        self.search_button = button("documents_search_button", primary=True)
        self.search_button.clicked.connect(self.refresh)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status)
        filters.addWidget(self.search_button)
        self.body.addLayout(filters)
        self.list = table("documents_table", 8)
        self.list.itemSelectionChanged.connect(self.selected)
        self.body.addWidget(self.list, 2)
        self.detail = label(name="documents_detail")
        self.body.addWidget(self.detail)
        moves = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setObjectName("documents_note")
        moves.addWidget(self.note, 1)
        self.move_buttons: dict[str, QPushButton] = {}
        for status in receipt_info.STATUSES[1:]:
            widget = button(f"documents_to_{status}")
            widget.clicked.connect(lambda _=False, s=status: self.move(s))
            self.move_buttons[status] = widget
            moves.addWidget(widget)
        self.body.addLayout(moves)
        self.ready_heading = label("title", name="documents_ready_heading")
        self.body.addWidget(self.ready_heading)
        self.ready = table("documents_ready", 4)
        self.body.addWidget(self.ready, 1)

    def retranslate(self) -> None:
        super().retranslate()
        lang = current_language()
        chosen = self.status.currentData()
        self.status.clear()
        self.status.addItem(self.tr("Semua status"), None)
        for code in receipt_info.STATUSES:
            self.status.addItem(STATUS_NAMES[code][1 if lang == "en" else 0], code)
        self.status.setCurrentIndex(max(self.status.findData(chosen), 0))
        self.search.setPlaceholderText(self.tr("Cari nomor tanda terima atau pengirim"))
        self.search_button.setText(self.tr("Cari"))
        self.note.setPlaceholderText(self.tr("Catatan (opsional)"))
        for status, widget in self.move_buttons.items():
            widget.setText("→ " + STATUS_NAMES[status][1 if lang == "en" else 0])
        set_headers(
            self.list,
            [
                self.tr("Nomor"),
                self.tr("Diterima"),
                self.tr("Pengirim"),
                self.tr("Telepon"),
                self.tr("Unit tujuan"),
                self.tr("Status"),
                self.tr("Diberi tahu"),
                self.tr("Perkiraan selesai"),
            ],
        )
        self.ready_heading.setText(
            self.tr("Siap diambil, tidak ada pesan yang sampai — hubungi pengirim")
        )
        set_headers(
            self.ready,
            [
                self.tr("Nomor"),
                self.tr("Pengirim"),
                self.tr("Tindakan"),
                self.tr("Perihal"),
            ],
        )

    def refresh(self) -> None:
        status = self.status.currentData()
        text = self.search.text()
        found = self.attempt(
            lambda: receipt_lookup.list_receipts(status=status, limit=LIMIT, text=text)
        )
        ready = self.attempt(lambda: receipt_lookup.list_receipts(status="ready", limit=LIMIT))
        if found is None or ready is None:
            return
        hits = found
        if not hits and text.strip():
            # A number written short (TT-2026-7) is looked up directly.
            try:
                exact = receipt_lookup.show_receipt(text.strip())
            except LoketError:
                exact = None
            if exact is not None and (status is None or exact.status == status):
                hits = [exact]
        zone = office.load_settings().zone
        lang = current_language()
        chosen = selected_key(self.list)
        self.receipts = {r.number: r for r in hits}
        fill_table(
            self.list,
            [
                (
                    r.number,
                    f"{r.issued_at.astimezone(zone):%Y-%m-%d %H:%M}",
                    r.sender_name
                    + (f" ({r.sender_organisation})" if r.sender_organisation else ""),
                    mask_phone(r.sender_phone) or "–",
                    r.recipient_unit,
                    STATUS_NAMES[r.status][1 if lang == "en" else 0],
                    told_text(r, zone),
                    r.expected_completion or "–",
                )
                for r in hits
            ],
        )
        session = self.context.session
        fill_table(
            self.ready,
            [
                (r.number, r.sender_name, reach_text(r, session), r.subject)
                for r in ready
                if nobody_reached(r)
            ],
        )
        if chosen and not select_row(self.list, chosen):
            self.detail.clear()
        self._enable_moves()

    def feed_changed(self, topics: set[str]) -> None:
        if "receipts" in topics:
            self.refresh()

    def _current(self) -> ReceiptInfo | None:
        return self.receipts.get(selected_key(self.list))

    def selected(self) -> None:
        info = self._current()
        if info is None:
            self.detail.clear()
        else:
            full = self.attempt(lambda: receipt_lookup.show_receipt(info.number))
            if full is not None:
                zone = office.load_settings().zone
                lang = current_language()
                history = " → ".join(
                    f"{STATUS_NAMES[e.status][1 if lang == 'en' else 0]} "
                    f"{e.at.astimezone(zone):%d/%m %H:%M}"
                    + (f" ({e.officer})" if e.officer else "")
                    for e in full.history
                )
                told = told_text(full, zone)
                self.detail.setText(
                    f"{full.number}: {full.subject} · {full.pages} hlm · {history}"
                    + (f" · {self.tr('Diberi tahu')}: {told}" if full.notice else "")
                )
        self._enable_moves()

    def _enable_moves(self) -> None:
        info = self._current()
        allowed = TRANSITIONS.get(info.status, ()) if info else ()
        for status, widget in self.move_buttons.items():
            widget.setEnabled(status in allowed)

    def move(self, status: str) -> None:
        info = self._current()
        session = self.context.require_session()
        if info is None:
            return
        done = self.attempt(
            lambda: receipt_actions.set_status(
                info.number, status, session.username, self.note.text(), self.context.clock
            ),
            f"{info.number}: {STATUS_NAMES[status][1 if current_language() == 'en' else 0]}",
        )
        if done is not None:
            self.note.clear()
            self.refresh()
            select_row(self.list, info.number)
