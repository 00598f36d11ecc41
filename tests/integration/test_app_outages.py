"""The apps against a PostgreSQL server that is away at start, restarts, or has its
sessions killed — on a private server of this module (the session's shared one is
never stopped): the waiting screen, then the app by itself; the next tap after the
server is back issues exactly one ticket, the counter calls it, the board shows it; an
action caught mid-outage never leaves a duplicate; each app holds at most two
connections."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from helpers.postgres import PostgresServer, start_server
from helpers.settle import settle
from helpers.stubs import FakeClock, ScriptedDialogs

_names = itertools.count(1)


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    pg = start_server(durable=True)  # an immediate restart must not lose commits
    try:
        yield pg
    finally:
        pg.stop()


@pytest.fixture
def office_url(
    server: PostgresServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    from helpers.pins import allow_four_digit_pins

    from loket.models.db import close_thread_connection, open_database
    from loket.models.office.catalog import add_counter, add_service
    from loket.models.office.staff import add_staff
    from loket.models.schema import migrate
    from loket.models.settings import update_settings

    monkeypatch.setenv("LOKET_DATA_DIR", str(tmp_path / "data"))
    url = server.create_database(f"outage_{next(_names)}")
    open_database(url)
    migrate()
    allow_four_digit_pins()  # budi's PIN is 4 digits (helpers/pins.py)
    update_settings(office_name="Kantor Kelurahan Menteng")
    add_service("A", "Administrasi Kependudukan", "Civil registration", hours="00:00-23:59")
    add_counter(1, "A", "Loket 1", front_desk=True)
    add_staff("budi", "Budi Santoso", "staff", "1234")
    yield url
    close_thread_connection()


def _tickets(url: str) -> list[str]:
    with psycopg.connect(url, autocommit=True) as conn:
        return [row[0] for row in conn.execute("SELECT label FROM ticket ORDER BY id")]


def _db_name(url: str) -> str:
    return url.rsplit("/", 1)[1]


# ---- starting without the database


def _programs(tmp: Path) -> dict[str, tuple[object, list[str]]]:
    from loket.admin.console.main import PROGRAM as ADMIN
    from loket.admin.counter.main import PROGRAM as COUNTER
    from loket.kiosk.board.main import PROGRAM as BOARD
    from loket.kiosk.ticketing.main import PROGRAM as KIOSK

    pdf = f"pdf://{tmp / 'pdf'}"
    return {
        "kiosk": (KIOSK, ["--windowed", "--printer", pdf]),
        "board": (BOARD, ["--windowed", "--voice", "chime"]),
        "counter": (COUNTER, ["--printer", pdf]),
        "admin": (ADMIN, ["--export-dir", str(tmp / "exports"), "--mute"]),
    }


def _close(window: object) -> None:
    leave = getattr(window, "leave", None)
    if callable(leave):
        leave()
    else:
        window.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize("app", ["kiosk", "board", "counter", "admin"])
def test_started_without_the_server_waits_then_comes_up(
    app: str, server: PostgresServer, office_url: str, qtbot, tmp_path: Path
) -> None:
    from loket.kiosk.shell.launcher import Launcher

    program, argv = _programs(tmp_path)[app]
    # The password is never shown (the server trusts local users, so any will do).
    url = office_url.replace("postgres@", "postgres:rahasia-sekali@")
    server.shut_down("fast")
    try:
        launcher = program.launch(["--db", url, *argv], quick_ms=300)  # type: ignore[attr-defined]
        assert isinstance(launcher, Launcher)
        assert launcher.window is None
        waiting = launcher.waiting
        assert waiting is not None and waiting.isVisible()
        qtbot.waitUntil(lambda: "percobaan" in waiting.status.text(), timeout=20_000)
        assert waiting.title.text() == "Menunggu server basis data"
        assert waiting.title_other.text() == "Waiting for the database server"
        where = waiting.server_line.text()
        assert f"127.0.0.1, port {server.port}" in where and _db_name(url) in where
        assert "PostgreSQL" in waiting.check.text()
        shown = " ".join(label.text() for label in waiting.findChildren(type(waiting.title)))
        assert "rahasia" not in shown
    finally:
        server.start_up()
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=30_000)
    window = launcher.window
    assert window is not None and window.isVisible()
    assert launcher.waiting is None
    launcher.stop()
    _close(window)


# ---- riding through an outage


@pytest.fixture
def desk(office_url: str, qtbot, tmp_path: Path, tap) -> Iterator[tuple[object, object, object]]:
    from loket.admin.counter.window import CounterWindow
    from loket.kiosk.board.board_window import BoardWindow
    from loket.kiosk.board.voices import choose_speaker
    from loket.kiosk.ticketing.window import KioskWindow

    clock = FakeClock()
    pdf = f"pdf://{tmp_path / 'pdf'}"
    kiosk = KioskWindow(
        clock=clock,
        printer=pdf,
        dialogs=ScriptedDialogs(),
        feed_url=office_url,
        ask_priority=False,
    )
    counter = CounterWindow(
        clock=clock,
        printer=pdf,
        dialogs=ScriptedDialogs(),
        feed_url=office_url,
        heartbeat_ms=3_600_000,
    )
    board = BoardWindow(office_url, choose_speaker("chime"), clock=clock)
    for window in (kiosk, counter, board):
        qtbot.addWidget(window)
        window.show()
    settle(qtbot, counter)  # the sign-in choices are read on the worker thread
    counter.sign_in(1, "budi", "1234")
    settle(qtbot, counter)
    assert counter.current_screen() is counter.desk
    yield kiosk, counter, board
    kiosk.leave()
    counter.leave()
    board.close()


def _take_ticket(kiosk, tap, qtbot) -> str:
    kiosk.go_home()
    settle(qtbot, kiosk)
    tap(kiosk.home.service_buttons["A"])
    qtbot.waitUntil(lambda: kiosk.current_screen() is kiosk.ticket, timeout=30_000)
    return str(kiosk.ticket.ticket.number)


def _call_and_show(counter, board, number: str, qtbot) -> None:
    counter.act("call_next")
    settle(qtbot, counter)
    qtbot.waitUntil(lambda: counter.desk.number.text() == number, timeout=30_000)

    def on_board() -> bool:
        tile = board.now_serving.tiles.get(1)
        return tile is not None and tile.number.text() == number

    qtbot.waitUntil(on_board, timeout=30_000)


OUTAGES: dict[str, Callable[[PostgresServer, str], None]] = {
    "restart-fast": lambda pg, _url: pg.restart("fast"),
    "restart-immediate": lambda pg, _url: pg.restart("immediate"),
    "terminate-backends": lambda pg, url: (pg.terminate_backends(_db_name(url)), None)[1],
}


@pytest.mark.parametrize("outage", sorted(OUTAGES))
def test_next_tap_after_the_outage_issues_one_ticket_called_and_shown(
    outage: str, server: PostgresServer, office_url: str, desk, tap, qtbot
) -> None:
    kiosk, counter, board = desk
    first = _take_ticket(kiosk, tap, qtbot)
    _call_and_show(counter, board, first, qtbot)
    counter.act("finish")
    settle(qtbot, counter)

    OUTAGES[outage](server, office_url)

    second = _take_ticket(kiosk, tap, qtbot)
    assert _tickets(office_url) == [first, second]  # exactly one more
    _call_and_show(counter, board, second, qtbot)
    assert not kiosk.notice.isVisible() and not counter.notice.isVisible()


def test_a_tap_caught_mid_outage_waits_and_issues_exactly_one(
    server: PostgresServer, office_url: str, desk, tap, qtbot
) -> None:
    kiosk, counter, board = desk
    first = _take_ticket(kiosk, tap, qtbot)
    kiosk.go_home()
    settle(qtbot, kiosk)
    server.shut_down("immediate")
    try:
        qtbot.mouseClick(kiosk.home.service_buttons["A"], _left())
        qtbot.waitUntil(lambda: kiosk.activity.reconnecting, timeout=20_000)
        assert kiosk.activity.text() == "Sedang menyambung ulang ke server…"
        assert kiosk.current_screen() is kiosk.home  # still answering, nothing issued yet
    finally:
        server.start_up()
    qtbot.waitUntil(lambda: kiosk.current_screen() is kiosk.ticket, timeout=40_000)
    second = str(kiosk.ticket.ticket.number)
    assert _tickets(office_url) == [first, second]
    qtbot.waitUntil(lambda: not kiosk.activity.isVisible(), timeout=10_000)
    _call_and_show(counter, board, first, qtbot)


def test_a_counter_action_caught_mid_outage_is_refused_on_screen_not_doubled(
    server: PostgresServer, office_url: str, desk, tap, qtbot
) -> None:
    kiosk, counter, _board = desk
    first = _take_ticket(kiosk, tap, qtbot)
    second = _take_ticket(kiosk, tap, qtbot)
    counter.db_work.patience = 1.0  # give up quickly: the server stays away
    server.shut_down("immediate")
    try:
        counter.act("call_next")
        settle(qtbot, counter)
        assert counter.notice.isVisible()
        assert "Sambungan ke server terputus" in counter.notice.text()
    finally:
        server.start_up()
    with psycopg.connect(office_url, autocommit=True) as conn:
        called = conn.execute("SELECT count(*) FROM ticket WHERE status <> 'waiting'").fetchone()
    assert called is not None and called[0] == 0
    counter.db_work.patience = 30.0
    counter.act("call_next")
    settle(qtbot, counter)
    qtbot.waitUntil(lambda: counter.desk.number.text() == first, timeout=30_000)
    assert _tickets(office_url) == [first, second]


# ---- many PCs: connections per app


def test_each_app_holds_at_most_two_connections(
    server: PostgresServer, office_url: str, qtbot, tmp_path: Path, tap
) -> None:
    from loket.admin.counter.window import CounterWindow
    from loket.kiosk.board.board_window import BoardWindow
    from loket.kiosk.board.voices import choose_speaker
    from loket.kiosk.ticketing.window import KioskWindow
    from loket.models.db import close_thread_connection

    name = _db_name(office_url)
    clock = FakeClock()
    pdf = f"pdf://{tmp_path / 'pdf'}"
    makers: dict[str, Callable[[], object]] = {
        "kiosk": lambda: KioskWindow(clock=clock, printer=pdf, feed_url=office_url),
        "counter": lambda: CounterWindow(clock=clock, printer=pdf, feed_url=office_url),
        "board": lambda: BoardWindow(office_url, choose_speaker("chime"), clock=clock),
    }
    for app, make in makers.items():
        close_thread_connection()
        qtbot.waitUntil(lambda: server.connections(name) == 0, timeout=10_000)
        window = make()
        qtbot.addWidget(window)
        window.show()  # type: ignore[attr-defined]
        if app == "counter":  # as loket-counter runs it: the notify sender too
            from loket.admin.counter.main import start_sender

            sender = start_sender(window, office_url)  # type: ignore[arg-type]
        if app == "kiosk":
            tap(window.home.service_buttons["A"])  # type: ignore[attr-defined]
        qtbot.wait(1500)  # warm-ups, the first printer check, the feed
        held = server.connections(name)
        if app == "counter":
            sender.stop()
        assert 1 <= held <= 2, f"{app} holds {held} connections"
        _close(window)


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
