"""QtTextToSpeech (speech-dispatcher with espeak-ng) when it offers an Indonesian voice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QTimer
from PySide6.QtTextToSpeech import QTextToSpeech

from loket.kiosk.board.speaker import Done, chime_path, speakable
from loket.kiosk.board.wav_player import WavPlayer

# Offline engines only: speech-dispatcher drives espeak-ng on the machine itself.
QT_ENGINES: tuple[str, ...] = ("speechd",)
LANGUAGES = {"id": QLocale.Language.Indonesian, "en": QLocale.Language.English}


def _locale_for(engine: QTextToSpeech, lang: str) -> QLocale | None:
    wanted = LANGUAGES.get(lang)
    for locale in engine.availableLocales():
        if locale.language() == wanted:
            return locale
    return None


def indonesian_engine(parent: QObject | None = None) -> QTextToSpeech | None:
    """A ready offline engine with an Indonesian voice, or ``None``."""
    for name in QT_ENGINES:
        if name not in QTextToSpeech.availableEngines():
            continue
        engine = QTextToSpeech(name, parent)
        if engine.state() != QTextToSpeech.State.Error and _locale_for(engine, "id"):
            return engine
        engine.deleteLater()
    return None


class QtVoiceSpeaker(QObject):
    name = "qt"

    def __init__(
        self, engine: QTextToSpeech, chime: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        engine.setParent(self)
        engine.setRate(-0.1)
        engine.stateChanged.connect(self._on_state)
        self._chime = chime or chime_path()
        self._player = WavPlayer(self)
        self._done: Done | None = None
        self._spoke = False
        # A stuck speech-dispatcher must not stall the queue of calls.
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._finish)

    def chime(self, done: Done) -> None:
        self._player.play(self._chime, done)

    def say(self, text: str, lang: str, done: Done) -> None:
        locale = _locale_for(self._engine, lang)
        if locale is None:
            done()
            return
        self._engine.setLocale(locale)
        self._done = done
        self._spoke = False
        self._watchdog.start(5000 + 120 * len(text))
        self._engine.say(speakable(text, lang))

    def _on_state(self, state: QTextToSpeech.State) -> None:
        if state == QTextToSpeech.State.Speaking:
            self._spoke = True
        elif state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error) and (
            self._spoke or state == QTextToSpeech.State.Error
        ):
            self._finish()

    def _finish(self) -> None:
        self._watchdog.stop()
        done, self._done = self._done, None
        if done is not None:
            done()

    def stop(self) -> None:
        self._watchdog.stop()
        self._done = None
        self._engine.stop()
        self._player.stop()
