"""Voice and language: the admin app's language, the voices this PC has, a sample call."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QApplication, QComboBox, QFormLayout, QHBoxLayout

from loket.admin.console.alarm import Alarm
from loket.admin.console.parts import Page, button, label, t
from loket.kiosk.shell import i18n
from loket.models.services.announcements import sentence

SAMPLE_NUMBER = "A-012"
SAMPLE_COUNTER = 3


def speech_engines() -> list[str]:
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return []
    return [str(name) for name in QTextToSpeech.availableEngines()]


def espeak_available() -> bool:
    return shutil.which("espeak-ng") is not None or shutil.which("espeak") is not None


class VoicePage(Page):
    key = "voice"
    title_id = "Suara dan bahasa"
    title_en = "Voice and language"

    def build(self) -> None:
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setObjectName("voice_language")
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        self.language.activated.connect(self.choose_language)
        self.language_label = label()
        form.addRow(self.language_label, self.language)
        self.voices_label = label()
        self.voices = label(name="voice_available")
        form.addRow(self.voices_label, self.voices)
        self.sample_label = label()
        self.sample = label(name="voice_sample")
        form.addRow(self.sample_label, self.sample)
        self.body.addLayout(form)
        self.hint = label("muted")
        self.body.addWidget(self.hint)
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
        self.language_label.setText(t("Bahasa aplikasi admin", "Admin app language"))
        self.voices_label.setText(t("Suara di PC ini", "Voices on this PC"))
        self.sample_label.setText(t("Contoh panggilan", "Sample call"))
        self.chime_button.setText(t("Bunyikan nada panggil", "Play the chime"))
        self.hint.setText(
            t(
                "Papan antrean memilih suara terbaik yang terpasang (loket-display --voice "
                "auto|qt|espeak|chime); tanpa suara, hanya nada dan layar.",
                "The display board picks the best voice installed (loket-display --voice "
                "auto|qt|espeak|chime); with none, the chime and the screen only.",
            )
        )
        self.language.setCurrentIndex(self.language.findData(i18n.current_language()))
        self.refresh()

    def refresh(self) -> None:
        found = []
        engines = speech_engines()
        if engines:
            found.append("Qt: " + ", ".join(engines))
        if espeak_available():
            found.append("espeak-ng")
        self.voices.setText("; ".join(found) or t("tidak ada (nada saja)", "none (chime only)"))
        self.sample.setText(
            f"{sentence(SAMPLE_NUMBER, SAMPLE_COUNTER, 'id')}\n"
            f"{sentence(SAMPLE_NUMBER, SAMPLE_COUNTER, 'en')}"
        )

    def choose_language(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        i18n.set_language(app, str(self.language.currentData()), remember=True)

    def play_chime(self) -> None:
        self.alarm.ring()
