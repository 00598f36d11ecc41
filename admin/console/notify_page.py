"""Notifications: how visitors are told (channel, webhook or Gammu set-up, "your number is
near", how long numbers are kept), the message texts, and every message with its state —
those that could not be sent stand out — plus a test message through the channel."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QSpinBox

from loket.admin.console.notify_templates import TemplateEditor
from loket.admin.console.parts import (
    Page,
    button,
    fill_table,
    form_layout,
    label,
    set_headers,
    table,
    translated,
)
from loket.kiosk.shell.i18n import current_language
from loket.models import settings as office
from loket.models.notify import status as notify_status
from loket.models.notify.status import MessageInfo
from loket.models.notify.test_message import send_test_as
from loket.models.office import admin_actions

LIMIT = 500
FAILED_BACKGROUND = QColor("#fde2e1")  # the theme's error red, light enough to read on
FAILED_TEXT = QColor("#8a1c14")
CHANNEL_NAMES = {
    "off": QT_TRANSLATE_NOOP("NotifyPage", "Mati (tidak ada pesan)"),
    "sms": QT_TRANSLATE_NOOP("NotifyPage", "SMS lewat modem (Gammu)"),
    "webhook": QT_TRANSLATE_NOOP("NotifyPage", "Webhook (gateway WhatsApp dan lainnya)"),
}
SMS_MODES = {
    "direct": QT_TRANSLATE_NOOP("NotifyPage", "Langsung ke modem (python-gammu)"),
    "smsd": QT_TRANSLATE_NOOP("NotifyPage", "Lewat gammu-smsd yang berjalan"),
}
KIND_NAMES = {
    "receipt_ready": ("Dokumen siap", "Document ready"),
    "complaint_answered": ("Pengaduan dijawab", "Complaint answered"),
    "complaint_closed": ("Pengaduan selesai", "Complaint closed"),
    "ticket_near": ("Antrean dekat", "Number near"),
}


def _combo(name: str, choices: dict[str, object]) -> QComboBox:
    widget = QComboBox()
    widget.setObjectName(name)
    for code in choices:
        widget.addItem("", code)
    return widget


def _spin(name: str, low: int, high: int) -> QSpinBox:
    widget = QSpinBox()
    widget.setObjectName(name)
    widget.setRange(low, high)
    return widget


class NotifyPage(Page):
    key = "notify"
    title_text = QT_TRANSLATE_NOOP("Page", "Notifikasi")

    def build(self) -> None:
        self.settings: office.OfficeSettings | None = None
        self.messages: list[MessageInfo] = []
        form = form_layout()
        self.captions = [label(wrap=False) for _ in range(7)]
        self.channel = _combo("notify_channel", CHANNEL_NAMES)
        self.channel.currentIndexChanged.connect(lambda _index: self._enable_fields())
        self.webhook_url = QLineEdit()
        self.webhook_url.setObjectName("notify_webhook_url")
        self.secret = QLineEdit()
        self.secret.setObjectName("notify_webhook_secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.gammu_config = QLineEdit()
        self.gammu_config.setObjectName("notify_gammu_config")
        self.sms_mode = _combo("notify_sms_mode", SMS_MODES)
        self.near_ahead = _spin("notify_near_ahead", 0, 50)
        self.retention = _spin("notify_retention_days", 1, 3660)
        fields = (
            self.channel,
            self.webhook_url,
            self.secret,
            self.gammu_config,
            self.sms_mode,
            self.near_ahead,
            self.retention,
        )
        for caption, field in zip(self.captions, fields, strict=True):
            form.addRow(caption, field)
        self.body.addLayout(form)
        save_row = QHBoxLayout()
        self.save_button = button("notify_save", primary=True)
        self.save_button.clicked.connect(self.save)
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        self.body.addLayout(save_row)
        self.hint = label("muted", name="notify_hint")
        self.body.addWidget(self.hint)

        self.templates_heading = label("title", name="notify_templates_heading")
        self.body.addWidget(self.templates_heading)
        self.templates = TemplateEditor()
        self.templates.save.connect(self.save_template)
        self.body.addWidget(self.templates)

        self.messages_heading = label("title", name="notify_messages_heading")
        self.body.addWidget(self.messages_heading)
        self.counts = label(name="notify_counts")
        self.body.addWidget(self.counts)
        filters = QHBoxLayout()
        self.status = QComboBox()
        self.status.setObjectName("notify_status")
        self.status.activated.connect(self.refresh)
        self.reload_button = button("notify_reload")
        self.reload_button.clicked.connect(self.refresh)
        self.test_to = QLineEdit()
        self.test_to.setObjectName("notify_test_to")
        self.test_to.setMaxLength(20)
        self.test_button = button("notify_test")
        self.test_button.clicked.connect(self.send_test)
        filters.addWidget(self.status)
        filters.addWidget(self.reload_button)
        filters.addStretch(1)
        filters.addWidget(self.test_to)
        filters.addWidget(self.test_button)
        self.body.addLayout(filters)
        self.list = table("notify_messages", 8)
        self.list.setMinimumHeight(220)
        self.body.addWidget(self.list, 1)

    def retranslate(self) -> None:
        super().retranslate()
        texts = (
            self.tr("Saluran"),
            self.tr("Alamat webhook"),
            self.tr("Kunci rahasia webhook"),
            self.tr("Berkas gammurc"),
            self.tr("Cara kirim SMS"),
            self.tr("Kabari antrean bila tinggal"),
            self.tr("Hapus nomor setelah (hari)"),
        )
        for caption, text in zip(self.captions, texts, strict=True):
            caption.setText(text)
        for combo, names in ((self.channel, CHANNEL_NAMES), (self.sms_mode, SMS_MODES)):
            for index in range(combo.count()):
                combo.setItemText(
                    index, translated("NotifyPage", str(names[combo.itemData(index)]))
                )
        self.webhook_url.setPlaceholderText("https://gateway.example/kirim")
        self.gammu_config.setPlaceholderText("/etc/gammurc")
        self.near_ahead.setSpecialValueText(self.tr("tidak"))
        self.near_ahead.setSuffix(self.tr(" nomor lagi"))
        self._secret_hint()
        self.save_button.setText(self.tr("Simpan pengaturan notifikasi"))
        self.hint.setText(
            self.tr(
                "Pesan dikirim oleh aplikasi loket dan admin yang sedang berjalan (atau "
                "loket notify send-pending dari cron), dicoba ulang bila gagal; yang tetap "
                "gagal tampil merah di bawah dan di daftar dokumen, agar petugas menelepon."
            )
        )
        self.templates_heading.setText(self.tr("Teks pesan"))
        self.templates.retranslate()
        self.messages_heading.setText(self.tr("Pesan"))
        chosen = self.status.currentData()
        self.status.clear()
        self.status.addItem(self.tr("Semua status"), None)
        for code in notify_status.STATUSES:
            self.status.addItem(self._pick(notify_status.STATUS_NAMES[code]), code)
        self.status.setCurrentIndex(max(self.status.findData(chosen), 0))
        self.reload_button.setText(self.tr("Muat ulang"))
        self.test_to.setPlaceholderText(self.tr("No. HP untuk uji"))
        self.test_button.setText(self.tr("Kirim uji"))
        set_headers(
            self.list,
            [
                self.tr("Nomor"),
                self.tr("Jenis"),
                self.tr("Ke"),
                self.tr("Status"),
                self.tr("Percobaan"),
                self.tr("Kesalahan terakhir"),
                self.tr("Saluran"),
                self.tr("Dibuat"),
            ],
        )
        self._show_messages()

    @staticmethod
    def _pick(pair: tuple[str, str]) -> str:
        return pair[1] if current_language() == "en" else pair[0]

    def _secret_hint(self) -> None:
        stored = self.settings is not None and bool(self.settings.notify_webhook_secret)
        self.secret.setPlaceholderText(
            self.tr("tersimpan — kosongkan agar tidak diubah") if stored else self.tr("belum ada")
        )

    def _enable_fields(self) -> None:
        channel = self.channel.currentData()
        self.webhook_url.setEnabled(channel == "webhook")
        self.secret.setEnabled(channel == "webhook")
        self.gammu_config.setEnabled(channel == "sms")
        self.sms_mode.setEnabled(channel == "sms")

    # ---- reading
    def refresh(self) -> None:
        wanted = self.status.currentData()
        read = self.attempt(
            lambda: (
                office.load_settings(),
                notify_status.list_messages(wanted, LIMIT),
                notify_status.message_counts(),
            )
        )
        if read is None:
            return
        settings, self.messages, counts = read
        self.settings = settings
        self.channel.setCurrentIndex(max(self.channel.findData(settings.notify_channel), 0))
        self.webhook_url.setText(settings.notify_webhook_url)
        self.secret.clear()
        self._secret_hint()
        self.gammu_config.setText(settings.notify_gammu_config)
        self.sms_mode.setCurrentIndex(max(self.sms_mode.findData(settings.notify_sms_mode), 0))
        self.near_ahead.setValue(settings.notify_near_ahead)
        self.retention.setValue(settings.notify_retention_days)
        self._enable_fields()
        self.templates.show_settings(settings)
        self.counts.setText(
            " · ".join(
                f"{self._pick(notify_status.STATUS_NAMES[code])}: {counts.get(code, 0)}"
                for code in notify_status.STATUSES
            )
        )
        self._show_messages()

    def _show_messages(self) -> None:
        if self.settings is None:
            return
        zone = self.settings.zone
        fill_table(self.list, [self._row(m, zone) for m in self.messages])
        for row, message in enumerate(self.messages):
            if message.status != "failed":
                continue
            for column in range(self.list.columnCount()):
                item = self.list.item(row, column)
                if item is not None:
                    item.setBackground(QBrush(FAILED_BACKGROUND))
                    item.setForeground(QBrush(FAILED_TEXT))

    def _row(self, message: MessageInfo, zone: dt.tzinfo) -> tuple[object, ...]:
        error = ""
        if message.last_error:
            parts = message.last_error.split(" / ")
            error = parts[-1] if current_language() == "en" else parts[0]
        channel = notify_status.CHANNEL_NAMES.get(message.channel or "")
        return (
            message.reference,
            self._pick(KIND_NAMES.get(message.kind, (message.kind, message.kind))),
            message.masked_number or "–",
            self._pick(notify_status.STATUS_NAMES[message.status]),
            message.attempts,
            error or "–",
            self._pick(channel) if channel else "–",
            f"{message.created_at.astimezone(zone):%d/%m %H:%M}",
        )

    def feed_changed(self, topics: set[str]) -> None:
        if topics & {"settings", "receipts", "complaints", "notifications"}:
            self.refresh()

    # ---- changes
    def save(self) -> None:
        session = self.context.require_session()
        changes = {
            "notify_channel": str(self.channel.currentData()),
            "notify_webhook_url": self.webhook_url.text().strip(),
            "notify_gammu_config": self.gammu_config.text().strip(),
            "notify_sms_mode": str(self.sms_mode.currentData()),
            "notify_near_ahead": str(self.near_ahead.value()),
            "notify_retention_days": str(self.retention.value()),
        }
        if self.secret.text():  # empty: the stored secret stays
            changes["notify_webhook_secret"] = self.secret.text()
        self.change(
            lambda: admin_actions.set_notify_settings(session, changes, self.context.clock),
            self.tr("Pengaturan notifikasi disimpan"),
        )

    def save_template(self, key: str, text: str) -> None:
        session = self.context.require_session()
        self.change(
            lambda: admin_actions.set_notify_settings(session, {key: text}, self.context.clock),
            self.tr("Teks pesan disimpan"),
        )

    def send_test(self) -> None:
        session = self.context.require_session()
        to = self.test_to.text()
        outcome = self.attempt(lambda: send_test_as(session, to, self.context.clock))
        if outcome is not None:
            self.show_ok(self._pick(outcome))
