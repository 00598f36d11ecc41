"""A kiosk window on the test database, a fake clock, scripted dialogs and a printer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers.sim_printer import SimPrinter
from helpers.stubs import FakeClock, ScriptedDialogs
from helpers.windows import WINDOW_HEIGHT, WINDOW_WIDTH, show_at_size, size_problem
from PySide6.QtWidgets import QApplication

from loket.kiosk.shell import i18n


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
def office(db: str, clock: FakeClock) -> str:
    """Two services open on the fake clock's Monday 08:00, and an admin account."""
    from loket.models.office.catalog import add_service
    from loket.models.office.staff import add_staff
    from loket.models.settings import update_settings

    update_settings(office_name="Kantor Kelurahan Menteng")
    add_service("A", "Administrasi Kependudukan", "Civil registration", hours="07:30-16:00")
    add_service("B", "Perizinan", "Permits", hours="07:30-16:00")
    add_staff("admin", "Admin Kantor", "admin", "2468")
    return db


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def make_kiosk(
    qtbot, office: str, clock: FakeClock, dialogs: ScriptedDialogs, tmp_path: Path
) -> Iterator[Callable[..., object]]:
    from loket.kiosk.ticketing.window import KioskWindow

    windows: list[KioskWindow] = []

    def make(**options: object) -> KioskWindow:
        options.setdefault("printer", f"pdf://{tmp_path / 'pdf'}")
        options.setdefault("use_feed", False)
        window = KioskWindow(clock=clock, dialogs=dialogs, **options)  # type: ignore[arg-type]
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
def type_in(tap) -> Callable[[object, str], None]:
    """Type ``text`` on an on-screen keyboard, one tap per key (shift for capitals)."""

    def typing(keyboard: object, text: str) -> None:
        keys = keyboard.keys  # type: ignore[attr-defined]
        for char in text:
            if char == " ":
                tap(keys["space"])
            elif char.isupper():
                tap(keys["shift"])
                tap(keys[char.lower()])
            else:
                tap(keys[char])

    return typing
