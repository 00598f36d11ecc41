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
    assert options.no_english and options.recent == 4 and options.voice == "auto"
