"""Voice and language: the boards' voice and English sentence, the kiosk's language (office
settings, role-checked and audited), the admin app's language, this PC's voices, a sample."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QHBoxLayout

from loket.admin.console.alarm import Alarm
from loket.admin.console.parts import Page, button, form_layout, label, translated
from loket.kiosk.shell import i18n
from loket.models import settings as office
from loket.models.office import admin_actions
from loket.models.queue.announcements import sentence

SAMPLE_NUMBER = "A-012"
SAMPLE_COUNTER = 3
# The board's voice choices (office.BOARD_VOICES) as people read them.
VOICE_NAMES = {
    "auto": QT_TRANSLATE_NOOP("VoicePage", "Otomatis: suara terbaik yang terpasang"),
    "qt": QT_TRANSLATE_NOOP("VoicePage", "Qt speech (speech-dispatcher)"),
    "espeak": QT_TRANSLATE_NOOP("VoicePage", "espeak-ng"),
    "chime": QT_TRANSLATE_NOOP("VoicePage", "Nada panggil saja (tanpa suara)"),
}
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


def speech_engines() -> list[str]:
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return []
    return [str(name) for name in QTextToSpeech.availableEngines()]


def espeak_available() -> bool:
    return shutil.which("espeak-ng") is not None or shutil.which("espeak") is not None


def _combo(name: str, choices: tuple[str, ...]) -> QComboBox:
    widget = QComboBox()
    widget.setObjectName(name)
    for choice in choices:
        widget.addItem(choice, choice)
    return widget


class VoicePage(Page):
    key = "voice"
    title_text = QT_TRANSLATE_NOOP("Page", "Suara dan bahasa")

    def build(self) -> None:
        office_form = form_layout()
        self.board_voice = _combo("voice_board_voice", office.BOARD_VOICES)
        self.board_voice_label = label(wrap=False)
        office_form.addRow(self.board_voice_label, self.board_voice)
        self.board_english = QCheckBox()
        self.board_english.setObjectName("voice_board_english")
        office_form.addRow("", self.board_english)
        self.kiosk_language = _combo("voice_kiosk_language", office.KIOSK_LANGUAGES)
        self.kiosk_language_label = label(wrap=False)
        office_form.addRow(self.kiosk_language_label, self.kiosk_language)
        self.body.addLayout(office_form)
        self.save_button = button("voice_save", primary=True)
        self.save_button.clicked.connect(self.save)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        self.body.addLayout(save_row)
        self.hint = label("muted")
        self.body.addWidget(self.hint)

        form = form_layout()
        self.language = QComboBox()
        self.language.setObjectName("voice_language")
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        self.language.activated.connect(self.choose_language)
        self.language_label = label(wrap=False)
        form.addRow(self.language_label, self.language)
        self.voices_label = label(wrap=False)
        self.voices = label(name="voice_available")
        form.addRow(self.voices_label, self.voices)
        self.body.addLayout(form)
        # The sample is two sentences: below its caption, the page's whole width (a form
        # row gives a wrapped label too little height at some widths).
        self.sample_label = label(wrap=False)
        self.body.addWidget(self.sample_label)
        self.sample = label(name="voice_sample")
        self.body.addWidget(self.sample)
        row = QHBoxLayout()
        self.chime_button = button("voice_chime")
        self.chime_button.clicked.connect(self.play_chime)
        row.addWidget(self.chime_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addStretch(1)
        self.alarm = Alarm(self)

    def retranslate(self) -> None:
        super().retranslate()
        self.board_voice_label.setText(self.tr("Suara papan antrean"))
        for index, choice in enumerate(office.BOARD_VOICES):
            self.board_voice.setItemText(index, translated("VoicePage", VOICE_NAMES[choice]))
        self.board_english.setText(self.tr("Ucapkan juga dalam bahasa Inggris"))
        self.kiosk_language_label.setText(self.tr("Bahasa awal kios"))
        for index, choice in enumerate(office.KIOSK_LANGUAGES):
            self.kiosk_language.setItemText(index, LANGUAGE_NAMES[choice])
        self.save_button.setText(self.tr("Simpan suara dan bahasa"))
        self.language_label.setText(self.tr("Bahasa aplikasi admin (PC ini)"))
        self.voices_label.setText(self.tr("Suara di PC ini"))
        self.sample_label.setText(self.tr("Contoh panggilan"))
        self.chime_button.setText(self.tr("Bunyikan nada panggil"))
        self.hint.setText(
            self.tr(
                "Papan antrean mengikuti pengaturan ini seketika, di antara dua panggilan; "
                "suara yang tidak terpasang di PC papan turun ke yang berikutnya, akhirnya "
                "nada dan layar saja. Opsi loket-display --voice / --no-english di satu "
                "papan mengganti pengaturan ini untuk papan itu. Kios kembali ke bahasa "
                "awal untuk setiap pengunjung berikutnya."
            )
        )
        self.language.setCurrentIndex(self.language.findData(i18n.current_language()))
        self.show_voices()

    def refresh(self) -> None:
        self.show_voices()
        settings = self.attempt(office.load_settings)
        if settings is None:
            return
        self.board_voice.setCurrentIndex(self.board_voice.findData(settings.board_voice))
        self.board_english.setChecked(settings.board_english)
        self.kiosk_language.setCurrentIndex(self.kiosk_language.findData(settings.kiosk_language))

    def feed_changed(self, topics: set[str]) -> None:
        if "settings" in topics:
            self.refresh()

    def show_voices(self) -> None:
        found = []
        engines = speech_engines()
        if engines:
            found.append("Qt: " + ", ".join(engines))
        if espeak_available():
            found.append("espeak-ng")
        self.voices.setText("; ".join(found) or self.tr("tidak ada (nada saja)"))
        self.sample.setText(
            f"{sentence(SAMPLE_NUMBER, SAMPLE_COUNTER, 'id')}\n"
            f"{sentence(SAMPLE_NUMBER, SAMPLE_COUNTER, 'en')}"
        )

    def save(self) -> None:
        session = self.context.require_session()
        self.attempt(
            lambda: admin_actions.set_board_voice(
                session,
                str(self.board_voice.currentData()),
                self.board_english.isChecked(),
                kiosk_language=str(self.kiosk_language.currentData()),
                clock=self.context.clock,
            ),
            self.tr("Suara dan bahasa disimpan; papan antrean mengikuti seketika"),
        )

    def choose_language(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        i18n.set_language(app, str(self.language.currentData()), remember=True)

    def play_chime(self) -> None:
        self.alarm.ring()
