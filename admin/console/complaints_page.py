"""Complaints and suggestions: tracking, follow-up notes, the response deadline, counts."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QPlainTextEdit

from loket.admin.console.notify_parts import shown_phone
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
from loket.models.feedback import complaint_actions, complaint_info, complaint_lookup
from loket.models.feedback.complaint_info import CATEGORIES, STATUS_NAMES, ComplaintInfo


class ComplaintsPage(Page):
    key = "complaints"
    title_text = QT_TRANSLATE_NOOP("Page", "Pengaduan dan saran")

    def build(self) -> None:
        self.items: dict[str, ComplaintInfo] = {}
        self.counts = label(name="complaints_counts")
        self.body.addWidget(self.counts)
        filters = QHBoxLayout()
        self.status = QComboBox()
        self.status.setObjectName("complaints_status")
        self.status.activated.connect(self.refresh)
        self.overdue_only = QCheckBox()
        self.overdue_only.setObjectName("complaints_overdue")
        self.overdue_only.toggled.connect(self.refresh)
        filters.addWidget(self.status)
        filters.addWidget(self.overdue_only)
        filters.addStretch(1)
        self.body.addLayout(filters)
        self.list = table("complaints_table", 7)
        self.list.itemSelectionChanged.connect(self.selected)
        self.body.addWidget(self.list, 2)
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("complaints_detail")
        self.detail.setReadOnly(True)
        self.body.addWidget(self.detail, 1)
        row = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setObjectName("complaints_note")
        self.next_status = QComboBox()
        self.next_status.setObjectName("complaints_next_status")
        self.follow_up_button = button("complaints_follow_up", primary=True)
        self.close_button = button("complaints_close")
        self.follow_up_button.clicked.connect(self.follow_up)
        self.close_button.clicked.connect(self.close_complaint)
        row.addWidget(self.note, 1)
        row.addWidget(self.next_status)
        row.addWidget(self.follow_up_button)
        row.addWidget(self.close_button)
        self.body.addLayout(row)

    def _name(self, code: str) -> str:
        return STATUS_NAMES[code][1 if current_language() == "en" else 0]

    def retranslate(self) -> None:
        super().retranslate()
        chosen = self.status.currentData()
        self.status.clear()
        self.status.addItem(self.tr("Semua status"), None)
        for code in complaint_info.STATUSES:
            self.status.addItem(self._name(code), code)
        self.status.setCurrentIndex(max(self.status.findData(chosen), 0))
        self.next_status.clear()
        self.next_status.addItem(self.tr("(status tetap)"), None)
        for code in ("in_progress", "answered"):
            self.next_status.addItem(self._name(code), code)
        self.overdue_only.setText(self.tr("Hanya yang lewat tenggat"))
        self.note.setPlaceholderText(self.tr("Catatan tindak lanjut"))
        self.follow_up_button.setText(self.tr("Catat tindak lanjut"))
        self.close_button.setText(self.tr("Tutup pengaduan"))
        set_headers(
            self.list,
            [
                self.tr("Nomor"),
                self.tr("Jenis"),
                self.tr("Diterima"),
                self.tr("Tenggat jawab"),
                self.tr("Status"),
                self.tr("Layanan"),
                self.tr("Ringkasan"),
            ],
        )

    def refresh(self) -> None:
        clock = self.context.clock
        data = self.attempt(
            lambda: (
                complaint_lookup.list_complaints(
                    status=self.status.currentData(),
                    overdue_only=self.overdue_only.isChecked(),
                    limit=500,
                    clock=clock,
                ),
                complaint_lookup.complaint_counts(clock),
                office.load_settings().zone,
            )
        )
        if data is None:
            return
        found, counts, zone = data
        lang = current_language()
        self.counts.setText(
            self.tr(
                "Terbuka {open} (baru {new}, ditindaklanjuti {progress}, dijawab {answered})"
                " · selesai {closed} · lewat tenggat {overdue}"
            ).format(
                open=counts.open + counts.in_progress + counts.answered,
                new=counts.open,
                progress=counts.in_progress,
                answered=counts.answered,
                closed=counts.closed,
                overdue=counts.overdue,
            )
        )
        chosen = selected_key(self.list)
        self.items = {c.number: c for c in found}
        late = self.tr(" (LEWAT)")
        fill_table(
            self.list,
            [
                (
                    c.number,
                    CATEGORIES[c.category][1 if lang == "en" else 0],
                    f"{c.received_at.astimezone(zone):%Y-%m-%d %H:%M}",
                    f"{c.due_date}{late if c.overdue else ''}",
                    self._name(c.status),
                    c.service or "–",
                    complaint_info.summarise(c.text, 60),
                )
                for c in found
            ],
        )
        if chosen:
            select_row(self.list, chosen)

    def feed_changed(self, topics: set[str]) -> None:
        if "complaints" in topics:
            self.refresh()

    def selected(self) -> None:
        number = selected_key(self.list)
        if number is None:
            self.detail.clear()
            return
        info = self.attempt(
            lambda: complaint_lookup.show_complaint(str(number), self.context.clock)
        )
        if info is None:
            return
        zone = office.load_settings().zone
        lines = [info.text, ""]
        if info.contact_name or info.contact_phone:
            lines.append(
                self.tr("Kontak: {name} {phone}").format(
                    name=info.contact_name or "",
                    phone=shown_phone(info.contact_phone, self.context.session),
                )
            )
        for f in info.follow_ups:
            lines.append(
                f"{f.at.astimezone(zone):%Y-%m-%d %H:%M} {f.officer or '-'} "
                f"[{self._name(f.status)}] {f.note}"
            )
        self.detail.setPlainText("\n".join(lines))

    def follow_up(self) -> None:
        session = self.context.require_session()
        number = selected_key(self.list)
        if number is None:
            return
        done = self.attempt(
            lambda: complaint_actions.add_follow_up(
                str(number),
                self.note.text(),
                self.next_status.currentData(),
                session.username,
                self.context.clock,
            ),
            self.tr("Tindak lanjut dicatat"),
        )
        if done is not None:
            self.note.clear()
            self.refresh()
            self.selected()

    def close_complaint(self) -> None:
        session = self.context.require_session()
        number = selected_key(self.list)
        if number is None:
            return
        done = self.attempt(
            lambda: complaint_actions.close_complaint(
                str(number), self.note.text(), session.username, self.context.clock
            ),
            self.tr("Pengaduan ditutup"),
        )
        if done is not None:
            self.note.clear()
            self.refresh()
            self.selected()
