"""`loket-display` as a program: starts on the office database, refuses a bad one in one line."""

from __future__ import annotations

from loket.kiosk.board.main import build_parser, main, start


def test_starts_and_shows_the_board(office, qtbot, capsys):
    window = start(["--db", office, "--voice", "chime", "--windowed"])
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.windowTitle() == "Loket — Papan Antrian / Queue Board"
    assert window.calls.speaker.name == "chime"
    assert "suara/voice = chime" in capsys.readouterr().err
    window.close()


def test_a_bad_database_url_is_one_line_not_a_traceback(capsys, tmp_path):
    assert main(["--db", "mysql://nowhere/loket", "--voice", "chime"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "Traceback" not in err


def test_options():
    options = build_parser().parse_args(["--no-english", "--recent", "4"])
    assert options.no_english and options.recent == 4 and options.voice is None
    plain = build_parser().parse_args([])
    assert plain.voice is None and plain.no_english is None  # the office settings decide
    text = " ".join(build_parser().format_help().split())
    assert "mengganti pengaturan kantor" in text and "overriding the office setting" in text


def test_without_flags_the_board_takes_the_office_voice(office, qtbot, capsys):
    from loket.models.settings import update_settings

    update_settings(board_voice="chime", board_english="no")
    window = start(["--db", office, "--windowed"])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.snapshot is not None, timeout=20_000)  # read on the worker
    assert window.calls.speaker.name == "chime" and window.voice == "chime"
    assert not window.calls.english
    assert "suara/voice = chime (pengaturan kantor/office setting)" in capsys.readouterr().err
    window.close()


def test_flags_win_over_the_office_voice(office, qtbot, capsys):
    from loket.models.settings import update_settings

    update_settings(board_voice="espeak", board_english="yes")
    window = start(["--db", office, "--voice", "chime", "--no-english", "--windowed"])
    qtbot.addWidget(window)
    assert window.calls.speaker.name == "chime" and window.voice is None
    assert not window.calls.english
    window.close()
