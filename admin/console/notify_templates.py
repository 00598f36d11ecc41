"""The message texts on the notifications page: one template at a time, with a sample of
the message as it will be sent and its length as an SMS, counted while it is typed."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from loket.admin.console.parts import button, label, set_role, translated
from loket.kiosk.shell.i18n import current_language
from loket.models.errors import LoketError
from loket.models.notify.templates import (
    DEFAULTS,
    KINDS,
    LANGUAGES,
    check_template,
    render,
    sms_parts,
)
from loket.models.settings import OfficeSettings

SAMPLE_REFERENCE = "TT-2026-000123"
SAMPLE_SERVICE = "Administrasi Kependudukan"
KIND_NAMES = {
    "receipt_ready": QT_TRANSLATE_NOOP("NotifyTemplates", "Dokumen siap diambil"),
    "complaint_answered": QT_TRANSLATE_NOOP("NotifyTemplates", "Pengaduan dijawab"),
    "complaint_closed": QT_TRANSLATE_NOOP("NotifyTemplates", "Pengaduan selesai"),
    "ticket_near": QT_TRANSLATE_NOOP("NotifyTemplates", "Nomor antrean hampir dipanggil"),
}
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


def setting_key(kind: str, language: str) -> str:
    return f"notify_template_{kind}_{language}"


class TemplateEditor(QWidget):
    """``save(key, text)`` when the officer saves one template ("" for the built-in)."""

    save = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings: OfficeSettings | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.choice = QComboBox()
        self.choice.setObjectName("notify_template_choice")
        for kind in KINDS:
            for language in LANGUAGES:
                self.choice.addItem("", (kind, language))
        self.choice.currentIndexChanged.connect(lambda _index: self.show_template())
        layout.addWidget(self.choice)
        self.text = QPlainTextEdit()
        self.text.setObjectName("notify_template_text")
        self.text.setMaximumHeight(110)
        self.text.textChanged.connect(self.count)
        layout.addWidget(self.text)
        self.length = label(name="notify_template_length")
        layout.addWidget(self.length)
        self.sample = label("muted", name="notify_template_sample")
        layout.addWidget(self.sample)
        row = QHBoxLayout()
        self.save_button = button("notify_template_save", primary=True)
        self.save_button.clicked.connect(self._save)
        self.default_button = button("notify_template_default")
        self.default_button.clicked.connect(self._default)
        row.addWidget(self.save_button)
        row.addWidget(self.default_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.hint = label("muted", name="notify_template_hint")
        layout.addWidget(self.hint)
        self.retranslate()

    def chosen(self) -> tuple[str, str]:
        kind, language = self.choice.currentData()
        return str(kind), str(language)

    def retranslate(self) -> None:
        for index in range(self.choice.count()):
            kind, language = self.choice.itemData(index)
            name = translated("NotifyTemplates", KIND_NAMES[kind])
            self.choice.setItemText(index, f"{name} — {LANGUAGE_NAMES[language]}")
        self.save_button.setText(self.tr("Simpan teks ini"))
        self.default_button.setText(self.tr("Pakai teks bawaan"))
        self.hint.setText(
            self.tr(
                "Isian: {office} nama kantor, {reference} nomor tanda terima/pengaduan/antrean, "
                "{service} layanan, {date} tanggal. Satu SMS memuat 160 karakter GSM-7, atau "
                "70 bila ada huruf di luar GSM-7 (mis. emoji); lebih dari itu dikirim sebagai "
                "beberapa SMS."
            )
        )
        self.count()

    def show_settings(self, settings: OfficeSettings) -> None:
        self.settings = settings
        self.show_template()

    def show_template(self) -> None:
        """The chosen template as stored (the built-in text when the office has none)."""
        if self.settings is None:
            return
        kind, language = self.chosen()
        own = str(getattr(self.settings, setting_key(kind, language), ""))
        self.text.setPlainText(own or DEFAULTS[(kind, language)])

    def count(self) -> None:
        """The sample message and its SMS length for the text as typed."""
        if self.settings is None:
            return
        kind, language = self.chosen()
        typed = self.text.toPlainText()
        trial = dataclasses.replace(self.settings, **{setting_key(kind, language): typed})
        try:
            check_template(setting_key(kind, language), typed)
            message = render(
                kind,
                language,
                trial,
                reference=SAMPLE_REFERENCE,
                service=SAMPLE_SERVICE,
                date=dt.date.today(),
            )
        except LoketError as refused:
            set_role(self.length, "error")
            self.length.setText(refused.message(current_language()))
            self.sample.clear()
            return
        parts = sms_parts(message)
        if parts.gsm7:
            text = self.tr("%1 karakter GSM-7 · %2 SMS")
        else:
            text = self.tr("%1 karakter Unicode (70 per SMS) · %2 SMS")
        set_role(self.length, "muted" if parts.single else "error")
        self.length.setText(text.replace("%1", str(parts.length)).replace("%2", str(parts.parts)))
        self.sample.setText(self.tr("Contoh: %1").replace("%1", message))

    def _save(self) -> None:
        kind, language = self.chosen()
        typed = self.text.toPlainText()
        # The built-in text saved as such stays the built-in one (and follows its updates).
        self.save.emit(
            setting_key(kind, language), "" if typed == DEFAULTS[(kind, language)] else typed
        )

    def _default(self) -> None:
        kind, language = self.chosen()
        self.text.setPlainText(DEFAULTS[(kind, language)])
        self.save.emit(setting_key(kind, language), "")
