"""Bahasa Indonesia in the source, English from ``assets/i18n/loket_en.qm``.

Widgets write their text with ``self.tr("…")`` in Bahasa Indonesia and set it again
on ``QEvent.LanguageChange``; services hand back ``message_id``/``message_en`` and
views pick one with :func:`pick`. ``scripts/i18n`` re-runs lupdate and lrelease.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTranslator

LANGUAGES = ("id", "en")
ENV_LANGUAGE = "LOKET_LANG"
_SETTINGS_KEY = "ui/language"

_state: dict[str, object] = {"language": "id", "translator": None}


def translations_dir() -> Path:
    import loket.assets

    return Path(loket.assets.__file__).resolve().parent / "i18n"


def saved_language() -> str:
    """``$LOKET_LANG``, else the language remembered by :func:`set_language`, else ``id``."""
    lang = os.environ.get(ENV_LANGUAGE) or str(QSettings().value(_SETTINGS_KEY, "id") or "id")
    return lang if lang in LANGUAGES else "id"


def current_language() -> str:
    return str(_state["language"])


def set_language(app: QCoreApplication, lang: str, *, remember: bool = False) -> None:
    """Switch the whole app to ``lang`` now: every widget gets ``QEvent.LanguageChange``
    before this returns, so a tap on the language button redraws at once."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    changed = lang != _state["language"]
    old = _state["translator"]
    if isinstance(old, QTranslator):
        app.removeTranslator(old)
        _state["translator"] = None
    if lang != "id":
        translator = QTranslator(app)
        if translator.load(f"loket_{lang}", str(translations_dir())):
            app.installTranslator(translator)
            _state["translator"] = translator
    _state["language"] = lang
    if remember:
        QSettings().setValue(_SETTINGS_KEY, lang)
    if changed and old is None and _state["translator"] is None:
        # No translator came or went (no .qm file): tell the widgets ourselves, as
        # service messages picked by language still change.
        app.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    # Qt posts LanguageChange to the windows; deliver it before returning.
    app.sendPostedEvents(None, QEvent.Type.LanguageChange.value)


def pick(message_id: str, message_en: str) -> str:
    """The service message in the current language."""
    return message_en if current_language() == "en" else message_id
