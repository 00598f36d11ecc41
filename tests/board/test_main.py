"""`loket-display` as a program: starts on the office database, refuses a bad one in one line."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from loket.kiosk.board.main import build_parser, main


def test_starts_shows_the_board_and_quits_cleanly(office, qapp, capsys):
    seen: list[str] = []

    def look_then_quit() -> None:
        seen.extend(w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible())
        qapp.quit()

    QTimer.singleShot(500, look_then_quit)
    assert main(["--db", office, "--voice", "chime", "--windowed"]) == 0
    assert "Loket — Papan Antrian / Queue Board" in seen
    assert "suara/voice = chime" in capsys.readouterr().err


def test_a_bad_database_url_is_one_line_not_a_traceback(capsys, tmp_path):
    assert main(["--db", "mysql://nowhere/loket", "--voice", "chime"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "Traceback" not in err


def test_options():
    options = build_parser().parse_args(["--no-english", "--recent", "4"])
    assert options.no_english and options.recent == 4 and options.voice == "auto"
