"""A counter app on the test database: two front-desk counters and a back-office one,
three officers and a head, the fake clock at Monday 08:00 (inside service hours)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers.settle import settle
from helpers.sim_printer import SimPrinter
from helpers.stubs import FakeClock, ScriptedDialogs
from helpers.windows import WINDOW_HEIGHT, WINDOW_WIDTH, show_at_size, size_problem
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from loket.kiosk.shell import i18n

PINS = {"budi": "1234", "sari": "5678", "joko": "1357", "kepala": "9999"}


@pytest.fixture(autouse=True)
def _indonesian_first(qapp: QApplication) -> Iterator[None]:
    i18n.set_language(qapp, "id")
    yield
    i18n.set_language(qapp, "id")


@pytest.fixture
def sim() -> Iterator[SimPrinter]:
    with SimPrinter() as printer:
        yield printer


@pytest.fixture
def office(db: str) -> str:
    from loket.models.office.catalog import add_counter, add_service
    from loket.models.office.staff import add_staff
    from loket.models.settings import update_settings

    update_settings(office_name="Kantor Kelurahan Menteng")
    add_service("A", "Administrasi Kependudukan", "Civil registration", hours="07:30-16:00")
    add_service("B", "Perizinan", "Permits", hours="07:30-16:00")
    add_counter(1, "A,B", "Loket 1", front_desk=True)
    add_counter(2, "A,B", "Loket 2", front_desk=True)
    add_counter(3, "B", "Loket 3")
    add_staff("budi", "Budi Santoso", "staff", PINS["budi"], nip="198703122010011002")
    add_staff("sari", "Sari Wulandari", "staff", PINS["sari"])
    add_staff("joko", "Joko Prasetyo", "staff", PINS["joko"])
    add_staff("kepala", "Ibu Kepala", "head", PINS["kepala"])
    return db


@pytest.fixture
def pins() -> dict[str, str]:
    return dict(PINS)


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def make_counter(
    qtbot, office: str, clock: FakeClock, dialogs: ScriptedDialogs, tmp_path: Path
) -> Iterator[Callable[..., object]]:
    from loket.admin.counter.window import CounterWindow

    windows: list[CounterWindow] = []

    def make(**options: object) -> CounterWindow:
        options.setdefault("printer", f"pdf://{tmp_path / 'pdf'}")
        options.setdefault("use_feed", False)
        options.setdefault("heartbeat_ms", 3_600_000)  # tests beat by hand unless they ask
        window = CounterWindow(clock=clock, dialogs=dialogs, **options)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        show_at_size(qtbot, window, WINDOW_WIDTH, WINDOW_HEIGHT)
        windows.append(window)
        settle(qtbot, window)  # the sign-in choices are read on the worker thread
        return window

    yield make
    for window in windows:
        # Nothing during the test may have grown the window past the size it claims.
        problem = size_problem(window, WINDOW_WIDTH, WINDOW_HEIGHT)
        window.leave()
        assert problem is None, problem


@pytest.fixture
def key(qtbot) -> Callable[..., None]:
    """Press a key on the keyboard, as the officer would: into the active window."""

    def press(
        window: QWidget,
        code: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    ) -> None:
        if QApplication.activeWindow() is not window:
            window.activateWindow()
            window.windowHandle().requestActivate()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10_000)
        target = QApplication.focusWidget() or window
        QTest.keyClick(target, code, modifier)
        settle(qtbot, window)  # the action runs on the window's worker thread

    return press


@pytest.fixture
def signed_in(make_counter, tap) -> Callable[..., object]:
    """A counter window with an officer signed in through the sign-in screen."""

    def sign_in(username: str = "budi", counter: int = 1, **options: object) -> object:
        window = make_counter(**options)
        screen = window.sign_in_screen  # type: ignore[attr-defined]
        screen.choose(username, counter)
        for digit in PINS[username]:
            tap(screen.pad.keys[digit])
        tap(screen.sign_in_button)
        assert window.current_screen() is window.desk, window.notice.text()  # type: ignore[attr-defined]
        return window

    return sign_in
