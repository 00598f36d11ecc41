"""The counter on the screens offices buy: 1366×768 (and 1024×768), in both languages and in
the desktop's large text; its questions and refusals in the language the officer chose."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers.settle import settle
from helpers.windows import show_at_size
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from loket.admin.counter.desk_screen import DESK_KEYS, TICKET_KEYS
from loket.kiosk.shell import i18n
from loket.kiosk.shell.app import DEFAULT_POINT_SIZE


@pytest.fixture
def small_counter(
    qtbot, qapp: QApplication, office: str, clock, dialogs, tmp_path: Path, tap, pins
) -> Iterator[Callable[..., object]]:
    """A counter window at ``width``×``height``, budi signed in at counter 1 by taps."""
    from loket.admin.counter.window import CounterWindow

    default_font = qapp.font()
    windows: list[CounterWindow] = []

    def make(width: int, height: int, language: str = "id", large: bool = False) -> object:
        bigger = qapp.font()  # the apps start at 13 pt; larger text is 1.25× that
        bigger.setPointSizeF(DEFAULT_POINT_SIZE * (1.25 if large else 1.0))
        QApplication.setFont(bigger)
        i18n.set_language(qapp, language)
        window = CounterWindow(
            clock=clock,
            dialogs=dialogs,
            printer=f"pdf://{tmp_path / 'pdf'}",
            use_feed=False,
            heartbeat_ms=3_600_000,
        )
        windows.append(window)
        qtbot.addWidget(window)
        show_at_size(qtbot, window, width, height)
        settle(qtbot, window)
        screen = window.sign_in_screen
        screen.choose("budi", 1)
        for digit in pins["budi"]:
            tap(screen.pad.keys[digit])
        tap(screen.sign_in_button)
        assert window.current_screen() is window.desk, window.notice.text()
        return window

    yield make
    for window in windows:
        window.leave()
    QApplication.setFont(default_font)


def _fully_shown(window: QWidget, button: QPushButton) -> str | None:
    """Why ``button`` is not wholly inside ``window`` with its whole caption, or None."""
    where = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
    if not button.isVisible() or not window.rect().contains(where):
        return f"{button.objectName()} at {where} is not inside the {window.size()} window"
    needed = QFontMetrics(button.font()).size(0, button.text())
    room = button.contentsRect()
    if needed.width() > room.width() or needed.height() > room.height():
        return f"{button.objectName()} {button.text()!r} needs {needed}, has {room.size()}"
    return None


@pytest.mark.parametrize(
    ("size", "language", "large"),
    [
        ((1366, 768), "id", False),
        ((1366, 768), "en", True),
        ((1024, 768), "id", True),
        ((1280, 800), "en", False),
    ],
)
def test_every_f_key_action_is_on_screen_with_its_whole_label(small_counter, size, language, large):
    window = small_counter(*size, language=language, large=large)
    assert (window.width(), window.height()) == size
    desk = window.desk
    shown = {**TICKET_KEYS, **DESK_KEYS}
    shown.pop("resume_work")  # on screen instead of Break only while on a break
    for name, key in shown.items():
        button = desk.buttons[name]
        assert _fully_shown(window, button) is None, _fully_shown(window, button)
        # The caption and its key, nothing cut: "Panggil ulang  [F2]" or wrapped over lines.
        words = " ".join(button.text().split())
        assert words == f"{button.caption()} [{key}]".replace("  ", " "), words
    if language == "en":
        assert desk.buttons["break"].caption() == "Break"
        assert desk.buttons["sign_out"].caption() == "Sign out"


def test_the_confirmation_answers_in_the_chosen_language(qapp, qtbot):
    from loket.kiosk.shell.dialogs import confirm_box

    i18n.set_language(qapp, "id")
    box = confirm_box(None, "Keluar dari loket", "Keluar dari loket 1?")
    qtbot.addWidget(box)
    assert [box.yes_button.text(), box.no_button.text()] == ["Ya", "Tidak"]
    assert not box.said_yes()  # nothing pressed yet
    box.no_button.click()
    assert not box.said_yes()

    i18n.set_language(qapp, "en")
    box = confirm_box(None, "Sign out", "Sign out of counter 1?")
    qtbot.addWidget(box)
    assert [box.yes_button.text(), box.no_button.text()] == ["Yes", "No"]
    box.yes_button.click()
    assert box.said_yes()


def test_a_refusal_on_screen_follows_a_language_change(signed_in, tap, qapp):
    window = signed_in("budi", 1)  # nobody else at the front desk: a break is refused
    tap(window.desk.buttons["break"])
    assert window.current_screen() is window.reason
    assert "Istirahat ditolak" in window.reason.refusal.text()

    tap(window.language_button)
    assert i18n.current_language() == "en"
    assert "Break refused" in window.reason.refusal.text()
    assert "Istirahat" not in window.reason.refusal.text()
    tap(window.language_button)
    assert "Istirahat ditolak" in window.reason.refusal.text()


def test_a_notice_on_the_window_follows_a_language_change(signed_in, tap, qapp, clock):
    from loket.models.queue.tickets import issue_ticket

    issue_ticket("A", clock=clock)
    window = signed_in("budi", 1)
    tap(window.desk.buttons["call_next"])
    tap(window.desk.buttons["break"])  # with a visitor at the desk: refused on the notice line
    assert window.notice.isVisible()
    assert "selesaikan, tahan atau alihkan A-001" in window.notice.text()
    tap(window.language_button)
    assert "finish, hold or transfer A-001 first" in window.notice.text()
