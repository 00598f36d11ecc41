"""Picks the best offline voice this machine has: Qt speech, espeak-ng, or the chime alone."""

from __future__ import annotations

from PySide6.QtCore import QObject

from loket.kiosk.board.chime_speaker import ChimeOnlySpeaker
from loket.kiosk.board.espeak_speaker import EspeakSpeaker, espeak_binary
from loket.kiosk.board.qt_voice_speaker import QtVoiceSpeaker, indonesian_engine
from loket.kiosk.board.speaker import Speaker

CHOICES = ("auto", "qt", "espeak", "chime")


def choose_speaker(preference: str = "auto", parent: QObject | None = None) -> Speaker:
    """The preferred voice if it works here, else the next one down, else the chime."""
    if preference not in CHOICES:
        raise ValueError(f"unknown voice {preference!r} (choices: {', '.join(CHOICES)})")
    if preference in ("auto", "qt"):
        engine = indonesian_engine()
        if engine is not None:
            return QtVoiceSpeaker(engine, parent=parent)
    if preference in ("auto", "qt", "espeak"):
        binary = espeak_binary()
        if binary is not None:
            return EspeakSpeaker(binary, parent=parent)
    return ChimeOnlySpeaker(parent=parent)
