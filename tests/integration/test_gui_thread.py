"""A slow database never freezes a window: the board's refresh, a counter action and an
admin page's save run their service call on a worker thread while the GUI thread keeps
processing events (a timer fires during the call), and the window says it is working."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer

SLOW_SECONDS = 1.2
TIMER_MS = 50


class Beats:
    """A GUI-thread timer: how often it fired while the slow call was running."""

    def __init__(self) -> None:
        self.during = 0
        self.watch: list[Callable[[], object]] = []
        self.seen: list[object] = []
        self.slow = threading.Event()
        self.threads: list[threading.Thread] = []
        self.timer = QTimer()
        self.timer.setInterval(TIMER_MS)
        self.timer.timeout.connect(self._beat)
        self.timer.start()

    def _beat(self) -> None:
        if self.slow.is_set():
            self.during += 1
            self.seen.extend(look() for look in self.watch)

    def slowed(self, service: Callable[..., Any]) -> Callable[..., Any]:
        """``service`` taking SLOW_SECONDS longer, as on a slow server."""

        def slow(*args: Any, **kwargs: Any) -> Any:
            self.threads.append(threading.current_thread())
            self.slow.set()
            try:
                time.sleep(SLOW_SECONDS)
                return service(*args, **kwargs)
            finally:
                self.slow.clear()

        return slow

    def check(self) -> None:
        assert self.threads, "the slow service was never called"
        assert threading.main_thread() not in self.threads  # never on the GUI thread
        # ~24 timeouts fit in the slow call; a frozen event loop would let none through.
        assert self.during >= 5, f"the GUI thread processed only {self.during} timer events"


@pytest.fixture
def beats() -> Iterator[Beats]:
    watcher = Beats()
    yield watcher
    watcher.timer.stop()


def test_a_slow_board_refresh_leaves_the_board_responsive(
    beats: Beats, qtbot, db, monkeypatch
) -> None:
    from loket.kiosk.board.board_window import BoardWindow
    from loket.kiosk.board.voices import choose_speaker
    from loket.models.office import catalog
    from loket.models.queue import board
    from loket.models.queue.tickets import issue_ticket

    catalog.add_service("A", "Administrasi", "Administration", hours="00:00-24:00", days="1234567")
    catalog.add_counter(1, "A", front_desk=True)
    window = BoardWindow(db, choose_speaker("chime"))
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.snapshot is not None and not window.reading, timeout=20_000)
        issue_ticket("A")
        monkeypatch.setattr(board, "snapshot", beats.slowed(board.snapshot))
        started = time.monotonic()
        window.refresh()
        assert time.monotonic() - started < SLOW_SECONDS / 2  # refresh() only hands it over
        qtbot.waitUntil(lambda: not window.reading, timeout=20_000)
        beats.check()
        assert window.waiting.counts() == {"A": 1}
        assert not window.offline
    finally:
        window.shutdown()


def test_a_slow_counter_action_leaves_the_window_responsive(
    beats: Beats, signed_in_counter, qtbot, monkeypatch
) -> None:
    from helpers.settle import settle

    from loket.models.queue import calling
    from loket.models.queue.tickets import issue_ticket

    window = signed_in_counter
    number = issue_ticket("A", clock=window.clock).number
    monkeypatch.setattr(calling, "call_next", beats.slowed(calling.call_next))
    beats.watch.append(lambda: (window.activity.isVisible(), window.activity.text()))
    started = time.monotonic()
    qtbot.mouseClick(window.desk.buttons["call_next"], Qt.MouseButton.LeftButton)
    assert time.monotonic() - started < SLOW_SECONDS / 2  # the click returns at once
    settle(qtbot, window)
    beats.check()
    assert any(visible and text for visible, text in beats.seen)  # the working line
    assert window.desk.number.text() == number
    assert not window.activity.isVisible()


def test_a_slow_admin_save_leaves_the_window_responsive(
    beats: Beats, log_in_console, qtbot, tap, monkeypatch
) -> None:
    from loket.models import settings as office
    from loket.models.office import admin_actions

    window = log_in_console
    page = window.open_page("office")
    page.refresh()
    page.name.setText("Kelurahan Cikini")
    monkeypatch.setattr(
        admin_actions, "set_office_identity", beats.slowed(admin_actions.set_office_identity)
    )
    beats.watch.append(lambda: (window.activity.isVisible(), window.activity.text()))
    tap(page.save_button)
    beats.check()
    assert any(visible and text for visible, text in beats.seen)  # the working line
    assert page.notice.text() in ("Identitas kantor disimpan", "Office identity saved")
    assert office.load_settings().office_name == "Kelurahan Cikini"
    qtbot.waitUntil(lambda: not window.activity.isVisible(), timeout=5_000)


def test_a_slow_report_leaves_the_console_responsive(
    beats: Beats, log_in_console, qtbot, tap, monkeypatch
) -> None:
    from loket.models.reports import kinds

    window = log_in_console
    page = window.open_page("reports")
    monkeypatch.setattr(kinds, "build_report", beats.slowed(kinds.build_report))
    beats.watch.append(lambda: (window.activity.isVisible(), window.activity.text()))
    tap(page.show_button)
    beats.check()
    assert any(visible and text for visible, text in beats.seen)  # the working line
    assert page.summary.text().startswith(("Diambil 0", "Issued 0"))


def test_a_slow_report_export_leaves_the_console_responsive(
    beats: Beats, log_in_console, qtbot, tap, monkeypatch, tmp_path
) -> None:
    from loket.models.reports import export as report_export

    window = log_in_console
    page = window.open_page("reports")
    page.refresh()
    monkeypatch.setattr(report_export, "export", beats.slowed(report_export.export))
    beats.watch.append(lambda: page.progress is not None and page.progress.isVisible())
    tap(page.export_buttons["csv"])
    beats.check()
    assert True in beats.seen  # the progress dialog was up while the export ran
    written = page.exported[-1]
    assert written.parent == tmp_path / "exports" and written.read_text(encoding="utf-8")
    assert page.notice.text() in (f"Laporan disimpan: {written}", f"Report saved: {written}")
    assert page.progress is not None and not page.progress.isVisible()
    assert page.progress.steps[-1][0] == page.progress.steps[-1][1]


def test_cancelling_a_slow_report_export_leaves_no_file(
    beats: Beats, log_in_console, qtbot, tap, monkeypatch, tmp_path
) -> None:
    from PySide6.QtWidgets import QPushButton

    from loket.models.reports import export as report_export

    window = log_in_console
    page = window.open_page("reports")
    page.refresh()
    monkeypatch.setattr(report_export, "export", beats.slowed(report_export.export))

    def press_cancel() -> None:
        assert page.progress is not None and page.progress.isVisible()
        qtbot.mouseClick(page.progress.findChild(QPushButton), Qt.MouseButton.LeftButton)

    QTimer.singleShot(int(SLOW_SECONDS * 500), press_cancel)  # halfway through
    assert page.export("pdf") is None
    beats.check()
    assert page.notice.text() in ("Ekspor dibatalkan", "Export cancelled")
    assert not page.exported
    assert list((tmp_path / "exports").iterdir()) == []


# ---- the windows, on the session's test database


@pytest.fixture
def signed_in_counter(qtbot, db, clock, tmp_path) -> Iterator[Any]:
    from helpers.settle import settle
    from helpers.stubs import ScriptedDialogs

    from loket.admin.counter.window import CounterWindow
    from loket.models.office.catalog import add_counter, add_service
    from loket.models.office.staff import add_staff

    add_service("A", "Administrasi Kependudukan", "Civil registration", hours="00:00-23:59")
    add_counter(1, "A", "Loket 1", front_desk=True)
    add_staff("budi", "Budi Santoso", "staff", "1234")
    window = CounterWindow(
        clock=clock,
        printer=f"pdf://{tmp_path / 'pdf'}",
        dialogs=ScriptedDialogs(),
        use_feed=False,
        heartbeat_ms=3_600_000,
    )
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)
    window.sign_in(1, "budi", "1234")
    settle(qtbot, window)
    assert window.current_screen() is window.desk, window.notice.text()
    yield window
    window.leave()


@pytest.fixture
def log_in_console(qtbot, db, clock, tmp_path) -> Iterator[Any]:
    from helpers.stubs import ScriptedDialogs

    from loket.admin.console.window import ConsoleWindow
    from loket.models.office import auth
    from loket.models.office.staff import add_staff

    add_staff("kepala", "Ibu Kepala", "head", "9999", password="kepala-rahasia")
    window = ConsoleWindow(
        clock=clock,
        dialogs=ScriptedDialogs(),
        use_feed=False,
        tick_ms=3_600_000,
        muted=True,
        export_dir=str(tmp_path / "exports"),
    )
    qtbot.addWidget(window)
    window.show()
    window.logged_in(auth.login("kepala", "kepala-rahasia", clock))
    yield window
    window.close()
