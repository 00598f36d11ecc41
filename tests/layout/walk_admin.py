"""The admin console for the layout check: the login screen, every page, and its dialogs.

The head of office logs in through the login screen (the head sees every page, and is
the one who signs the staffing log off), then opens each page from the navigation list,
as a person would, and waits for the page's reads on the window's worker. The reports
page is shown with its charts and with its table tab. The export progress and a
confirmation question are shown non-modally over the window.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from helpers.settle import settle
from helpers.stubs import ScriptedDialogs
from layout.seed import PASSWORDS
from layout.walkers import LayoutEnv, Visit, use_desktop_large_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

APP = "admin"
PORTRAIT = False
LARGE_TEXT = True
PAGES = (
    "coverage",
    "staffing_log",
    "audit",
    "documents",
    "complaints",
    "notify",
    "survey",
    "reports",
    "workload",
    "office",
    "services",
    "counters",
    "staff",
    "hours",
    "printers",
    "keys",
    "voice",
)
SCREENS = (
    "login",
    *PAGES,
    "reports_table",
    "workload_abk",
    "export_progress",
    "confirm_dialog",
)
USER = "kepala"


class AcceptSuggested:
    """Save dialogs that take the suggested file, as a person pressing Save would."""

    def choose_save_path(self, title: str, suggested: Path, pattern: str) -> Path | None:
        return suggested


def open_window(env: LayoutEnv) -> QWidget:
    from loket.admin.console.window import ConsoleWindow

    use_desktop_large_text(env)
    return ConsoleWindow(
        clock=env.clock,  # type: ignore[arg-type]
        dialogs=ScriptedDialogs(),
        saves=AcceptSuggested(),
        use_feed=False,
        tick_ms=3_600_000,
        muted=True,
        export_dir=str(env.tmp_path / "exports"),
    )


def _tap(env: LayoutEnv, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    env.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    settle(env.qtbot, widget)
    env.qtbot.wait(20)  # type: ignore[attr-defined]


def _open(env: LayoutEnv, window: QWidget, key: str) -> QWidget:
    nav = window.nav  # type: ignore[attr-defined]
    for row in range(nav.count()):
        item = nav.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == key:
            nav.scrollToItem(item)
            rect = nav.visualItemRect(item)
            QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            settle(env.qtbot, window)
            env.qtbot.wait(20)  # type: ignore[attr-defined]
            page = window.current_page()  # type: ignore[attr-defined]
            assert page.key == key, (page.key, key)
            return page  # type: ignore[no-any-return]
    raise AssertionError(f"no page {key} in the navigation")


def walk(window: QWidget, env: LayoutEnv) -> Iterator[Visit]:
    from loket.admin.console.export_progress import ExportProgress
    from loket.kiosk.shell.dialogs import confirm_box

    settle(env.qtbot, window)
    login = window.login  # type: ignore[attr-defined]
    yield Visit("login", [window])

    login.username.clear()
    env.qtbot.keyClicks(login.username, USER)  # type: ignore[attr-defined]
    env.qtbot.keyClicks(login.password, PASSWORDS[USER])  # type: ignore[attr-defined]
    _tap(env, login.login_button)
    assert window.context.session is not None, login.message.text()  # type: ignore[attr-defined]

    reports = None
    for key in PAGES:
        page = _open(env, window, key)
        if key == "reports":
            _tap(env, page.show_button)  # type: ignore[attr-defined]
            reports = page
        yield Visit(key, [window])

    assert reports is not None
    _open(env, window, "reports")
    reports.tabs.setCurrentWidget(reports.table_tab)  # type: ignore[attr-defined]
    settle(env.qtbot, window)
    yield Visit("reports_table", [window])

    workload = _open(env, window, "workload")
    workload.tabs.setCurrentWidget(workload.abk_tab)  # type: ignore[attr-defined]
    settle(env.qtbot, window)
    yield Visit("workload_abk", [window])

    progress = ExportProgress(window)
    progress.setWindowModality(Qt.WindowModality.NonModal)
    progress.setLabelText(
        progress.tr("Menulis berkas {name}").format(
            name="laporan-tickets-2026-11-17-2026-11-23.pdf"
        )
    )
    progress.setMaximum(100)
    progress.setValue(40)
    progress.show()
    env.qtbot.waitExposed(progress)  # type: ignore[attr-defined]
    yield Visit("export_progress", [window, progress])
    progress.close()

    keys = window.pages["keys"]  # type: ignore[attr-defined]
    box = confirm_box(  # what the keys page asks before a new key
        window,
        keys.tr("Ganti kunci"),
        keys.tr("Buat kunci baru dan pensiunkan kunci PC ini? Tanda terima lama tetap sah."),
    )
    box.setModal(False)
    box.show()
    env.qtbot.waitExposed(box)  # type: ignore[attr-defined]
    yield Visit("confirm_dialog", [window, box])
    box.close()


def close_window(window: QWidget, env: LayoutEnv) -> None:
    window.leave()  # type: ignore[attr-defined]
    window.close()
