"""Which voice the board uses, and that every one of them lets the queue move on."""

from __future__ import annotations

import os
import time
import wave
from pathlib import Path

import pytest

from loket.kiosk.board import qt_voice_speaker
from loket.kiosk.board.chime_speaker import ChimeOnlySpeaker
from loket.kiosk.board.espeak_speaker import EspeakSpeaker, espeak_binary
from loket.kiosk.board.speaker import chime_path
from loket.kiosk.board.voices import choose_speaker
from loket.kiosk.board.wav_player import wav_seconds
from loket.models.queue.announcements import sentence
from loket.models.queue.tickets import issue_ticket


@pytest.fixture
def no_voices(monkeypatch, tmp_path):
    """A machine without espeak-ng on PATH and without speech-dispatcher."""
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setattr(qt_voice_speaker, "QT_ENGINES", ())


def test_the_chime_is_a_short_wav_in_the_assets():
    assert 1.0 <= wav_seconds(chime_path()) <= 2.5
    with wave.open(str(chime_path())) as sound:
        assert sound.getnchannels() == 1
        assert sound.getsampwidth() == 2


def test_without_any_voice_the_board_falls_back_to_the_chime(no_voices, qtbot):
    assert espeak_binary() is None
    speaker = choose_speaker("auto")
    assert isinstance(speaker, ChimeOnlySpeaker)
    assert speaker.name == "chime"
    # Asking for a voice that is not there also ends at the chime.
    assert choose_speaker("espeak").name == "chime"
    assert choose_speaker("qt").name == "chime"
    ended: list[str] = []
    speaker.say("Nomor antrian A satu", "id", lambda: ended.append("say"))
    assert ended == ["say"]  # nothing to say: the screen carries the words


def test_chime_only_board_shows_the_call_and_moves_on(make_board, loket, qtbot, no_voices):
    issue_ticket("A")
    issue_ticket("A")
    speaker = choose_speaker("auto")
    board = make_board(speaker)
    finished: list[str] = []
    board.calls.finished.connect(lambda call: finished.append(call.number))
    started = time.monotonic()
    assert loket("call", "1").code == 0
    qtbot.waitUntil(lambda: board.banner.call is not None, timeout=10_000)
    assert board.now_serving.tiles[1].number.text() == "A-001"
    assert loket("recall", "1").code == 0
    # Without a sound card the chime still "takes" its length, then the next call plays.
    qtbot.waitUntil(lambda: finished == ["A-001", "A-001"], timeout=10000)
    assert time.monotonic() - started >= 2 * wav_seconds(chime_path())


def test_espeak_renders_indonesian_and_english_to_wav(qtbot, tmp_path):
    binary = espeak_binary()
    assert binary is not None, "setup installs espeak-ng with its Indonesian voice"
    speaker = choose_speaker("espeak")
    assert isinstance(speaker, EspeakSpeaker)
    try:
        for lang in ("id", "en"):
            text = sentence("A-012", 3, lang)
            ended: list[bool] = []
            speaker.say(text, lang, lambda ended=ended: ended.append(True))
            qtbot.waitUntil(lambda ended=ended: ended == [True], timeout=15000)
            rendered = speaker.rendered(text, lang)
            assert rendered is not None
            assert wav_seconds(rendered) > 1.5  # a whole sentence, not a blip
    finally:
        speaker.stop()


def test_a_broken_espeak_never_stalls_the_queue(monkeypatch, tmp_path, qtbot):
    fake = tmp_path / "espeak-ng"
    fake.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "--voices=id" ]; then\n'
        '  echo "Pty Language Age/Gender VoiceName File Other Languages"\n'
        '  echo " 5  id --/M Indonesian poz/id"\n'
        "  exit 0\n"
        "fi\n"
        "exit 3\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    binary = espeak_binary()
    assert binary == str(fake)
    speaker = EspeakSpeaker(binary)
    ended: list[bool] = []
    speaker.say("Nomor antrian A satu", "id", lambda: ended.append(True))
    qtbot.waitUntil(lambda: ended == [True], timeout=10_000)
    assert speaker.rendered("Nomor antrian A satu", "id") is None
    speaker.stop()


def test_espeak_without_an_indonesian_voice_is_not_used(monkeypatch, tmp_path):
    fake = tmp_path / "espeak-ng"
    fake.write_text("#!/bin/sh\necho 'Pty Language Age/Gender VoiceName File'\nexit 0\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert espeak_binary() is None


def test_unknown_voice_choice_is_refused():
    with pytest.raises(ValueError):
        choose_speaker("festival")


def test_speakers_satisfy_the_protocol(no_voices):
    speaker = choose_speaker("chime")
    for method in ("chime", "say", "stop"):
        assert callable(getattr(speaker, method))
    assert Path(chime_path()).is_file()


def test_english_voice_says_the_letter_a_not_the_article():
    import subprocess

    from loket.kiosk.board.speaker import speakable

    text = sentence("A-012", 3, "en")
    assert speakable(text, "en") == "Queue number A- twelve, please go to counter three"
    assert speakable(sentence("A-012", 3, "id"), "id") == sentence("A-012", 3, "id")
    binary = espeak_binary()
    assert binary is not None
    phonemes = subprocess.run(
        [binary, "-q", "-x", "-v", "en", speakable(text, "en")],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "'eI" in phonemes.split("tw'Elv")[0]  # "ay", then "twelve"


def test_qt_speech_is_only_chosen_with_an_indonesian_voice(monkeypatch, qtbot):
    from PySide6.QtTextToSpeech import QTextToSpeech

    # Qt's "mock" engine speaks English, Norwegian and Finnish, not Indonesian.
    monkeypatch.setattr(qt_voice_speaker, "QT_ENGINES", ("mock",))
    assert qt_voice_speaker.indonesian_engine() is None
    assert choose_speaker("qt").name in ("espeak", "chime")

    speaker = qt_voice_speaker.QtVoiceSpeaker(QTextToSpeech("mock"))
    ended: list[str] = []
    speaker.say(sentence("A-012", 3, "en"), "en", lambda: ended.append("en"))
    qtbot.waitUntil(lambda: ended == ["en"], timeout=10000)
    speaker.say(sentence("A-012", 3, "id"), "id", lambda: ended.append("id"))
    assert ended == ["en", "id"]  # no Indonesian voice: on at once, never stuck
    speaker.stop()
