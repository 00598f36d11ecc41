"""An admin console on the test database: two front-desk counters and a back-office one,
two officers, an admin and the head; the fake clock at Monday 08:00 (service hours)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers.stubs import FakeClock, ScriptedDialogs
from helpers.windows import WINDOW_HEIGHT, WINDOW_WIDTH, show_at_size, size_problem
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from loket.kiosk.shell import i18n

PINS = {"budi": "1234", "sari": "5678", "kepala": "9999", "admin": "4321"}
PASSWORDS = {"kepala": "kepala-rahasia", "admin": "admin-rahasia", "budi": "budi-rahasia"}


@pytest.fixture(autouse=True)
def _indonesian_first(qapp: QApplication) -> Iterator[None]:
    i18n.set_language(qapp, "id")
    yield
    i18n.set_language(qapp, "id")


@pytest.fixture
def office(db: str) -> str:
    from loket.models.office.catalog import add_counter, add_service
    from loket.models.office.staff import add_staff
    from loket.models.settings import update_settings

    update_settings(office_name="Kantor Kelurahan Menteng")
    add_service("A", "Administrasi Kependudukan", "Civil registration")
    add_service("B", "Perizinan", "Permits")
    add_counter(1, "A,B", "Loket 1", front_desk=True)
    add_counter(2, "A,B", "Loket 2", front_desk=True)
    add_counter(3, "B", "Loket 3")
    add_staff("budi", "Budi Santoso", "staff", PINS["budi"], password=PASSWORDS["budi"])
    add_staff("sari", "Sari Wulandari", "staff", PINS["sari"])
    add_staff("kepala", "Ibu Kepala", "head", PINS["kepala"], password=PASSWORDS["kepala"])
    add_staff("admin", "Pak Admin", "admin", PINS["admin"], password=PASSWORDS["admin"])
    return db


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


class ScriptedSaves:
    """Save dialogs answered from a script: a path, or None for Cancel; with the script
    used up, the suggested file (a person pressing Save). Records what was asked."""

    def __init__(self) -> None:
        self.answers: list[Path | None] = []
        self.asked: list[tuple[str, Path, str]] = []

    def choose_save_path(self, title: str, suggested: Path, pattern: str) -> Path | None:
        self.asked.append((title, suggested, pattern))
        return self.answers.pop(0) if self.answers else suggested


@pytest.fixture
def saves() -> ScriptedSaves:
    return ScriptedSaves()


@pytest.fixture
def make_console(
    qtbot,
    office: str,
    clock: FakeClock,
    dialogs: ScriptedDialogs,
    saves: ScriptedSaves,
    tmp_path: Path,
) -> Iterator[Callable[..., object]]:
    from loket.admin.console.window import ConsoleWindow

    windows: list[ConsoleWindow] = []

    def make(**options: object) -> ConsoleWindow:
        options.setdefault("use_feed", False)
        options.setdefault("tick_ms", 3_600_000)  # tests refresh by hand unless they ask
        options.setdefault("muted", True)
        options.setdefault("export_dir", str(tmp_path / "exports"))
        options.setdefault("clock", clock)
        options.setdefault("saves", saves)
        window = ConsoleWindow(dialogs=dialogs, **options)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        show_at_size(qtbot, window, WINDOW_WIDTH, WINDOW_HEIGHT)
        windows.append(window)
        return window

    yield make
    for window in windows:
        # Nothing during the test may have grown the window past the size it claims.
        problem = size_problem(window, WINDOW_WIDTH, WINDOW_HEIGHT)
        window.leave()
        assert problem is None, problem


@pytest.fixture
def log_in(make_console, qtbot, tap) -> Callable[..., object]:
    """A console window with ``username`` logged in through the login screen."""

    def enter(username: str = "kepala", **options: object) -> object:
        window = make_console(**options)
        login = window.login  # type: ignore[attr-defined]
        login.username.clear()
        qtbot.keyClicks(login.username, username)
        qtbot.keyClicks(login.password, PASSWORDS[username])
        tap(login.login_button)
        assert window.context.session is not None, login.message.text()  # type: ignore[attr-defined]
        return window

    return enter


@pytest.fixture
def open_page(tap) -> Callable[..., object]:
    """Click the page's entry in the navigation list."""

    def go(window: object, key: str) -> object:
        nav = window.nav  # type: ignore[attr-defined]
        for row in range(nav.count()):
            item = nav.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                rect = nav.visualItemRect(item)
                from PySide6.QtTest import QTest

                QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                page = window.current_page()  # type: ignore[attr-defined]
                assert page.key == key
                return page
        raise AssertionError(f"no page {key}")

    return go


@pytest.fixture
def pins() -> dict[str, str]:
    return dict(PINS)


@pytest.fixture
def passwords() -> dict[str, str]:
    return dict(PASSWORDS)
