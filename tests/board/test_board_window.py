"""The board on screen: calls made by another process appear, flash and are spoken in turn."""

from __future__ import annotations

import pytest

from loket.models.queue.announcements import sentence
from loket.models.queue.tickets import issue_ticket


def _spoken(number: str, counter: int) -> list[tuple[str, ...]]:
    return [
        ("chime",),
        ("say", "id", sentence(number, counter, "id")),
        ("say", "en", sentence(number, counter, "en")),
    ]


def _tile_text(board, counter: int) -> str:
    tile = board.now_serving.tiles.get(counter)
    return tile.number.text() if tile else ""


def test_calls_from_another_process_show_queue_and_are_spoken_in_order(
    make_board, speaker, loket, qtbot
):
    a1 = issue_ticket("A").number
    b1 = issue_ticket("B").number
    issue_ticket("A")
    board = make_board(speaker)
    assert _tile_text(board, 1) == "—"
    assert board.waiting.counts() == {"A": 2, "B": 1}
    speaker.hold()  # the first call is still being spoken when the next ones arrive

    result = loket("call", "1")
    assert result.code == 0, result.err
    # call → screen latency is measured by bench/bench_board.py, not asserted here
    qtbot.waitUntil(lambda: _tile_text(board, 1) == a1, timeout=10_000)
    assert board.now_serving.tiles[1].flashing
    qtbot.waitUntil(lambda: board.banner.isVisible() and board.banner.call is not None)
    assert board.banner.number.text() == a1
    assert board.banner.counter.text() == "silakan menuju LOKET 1"

    assert loket("call", "2").code == 0
    assert loket("recall", "1").code == 0
    qtbot.waitUntil(lambda: len(board.recent_calls.rows()) == 3, timeout=10_000)
    assert board.recent_calls.rows() == [
        (a1, "→ LOKET 1", "ULANG / AGAIN"),
        (b1, "→ LOKET 2", ""),
        (a1, "→ LOKET 1", ""),
    ]
    assert _tile_text(board, 2) == b1
    assert board.waiting.counts() == {"A": 1, "B": 0}
    # Both new calls wait their turn; the first is not cut off.
    assert board.calls.pending() == 2
    assert speaker.log == [("chime",)]

    speaker.release()
    qtbot.waitUntil(lambda: len(speaker.log) == 9 and not board.calls.busy(), timeout=10000)
    assert speaker.log == _spoken(a1, 1) + _spoken(b1, 2) + _spoken(a1, 1)
    assert speaker.overlaps == 0
    qtbot.waitUntil(lambda: not board.banner.isVisible(), timeout=10_000)


def test_a_recall_is_announced_again_and_the_banner_says_so(make_board, speaker, loket, qtbot):
    a1 = issue_ticket("A").number
    board = make_board(speaker)
    assert loket("call", "1").code == 0
    qtbot.waitUntil(lambda: len(speaker.sentences()) == 2, timeout=10_000)
    assert loket("recall", "1").code == 0
    qtbot.waitUntil(
        lambda: board.banner.call is not None and board.banner.call.recall, timeout=10_000
    )
    assert board.banner.heading.text() == "PANGGILAN ULANG"
    qtbot.waitUntil(lambda: len(speaker.sentences()) == 4, timeout=10_000)
    assert speaker.sentences()[2:] == speaker.sentences()[:2]
    assert speaker.sentences()[0] == (
        "say",
        "id",
        f"Nomor antrian A {'satu'}, silakan menuju loket satu",
    )
    assert a1 == "A-001"


def test_indonesian_only_when_english_is_off(make_board, speaker, loket, qtbot):
    issue_ticket("B")
    make_board(speaker, english=False)
    assert loket("call", "2").code == 0
    qtbot.waitUntil(lambda: len(speaker.log) == 2, timeout=10_000)
    qtbot.wait(300)
    assert [entry[:2] for entry in speaker.log] == [("chime",), ("say", "id")]


def test_calls_before_the_board_opened_are_shown_but_not_spoken(make_board, speaker, loket, qtbot):
    issue_ticket("A")
    assert loket("call", "1").code == 0
    board = make_board(speaker)
    assert _tile_text(board, 1) == "A-001"
    assert board.recent_calls.rows() == [("A-001", "→ LOKET 1", "")]
    qtbot.wait(500)
    assert speaker.log == []


def test_header_clock_and_running_text_follow_the_settings(make_board, speaker, loket, qtbot):
    board = make_board(speaker)
    assert board.header.office_name.text() == "Kantor Pelayanan Publik"
    assert "MAKLUMAT PELAYANAN" in board.running_text.text()
    assert "SERVICE PLEDGE" in board.running_text.text()
    assert "SP4N-LAPOR" in board.running_text.text()
    days = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
    assert board.header.clock.date_label.text().split(",")[0] in days
    assert board.header.clock.time_label.text().endswith("WIB")

    result = loket(
        "settings",
        "office_name=Kelurahan Sukamaju",
        "board_running_text=Hari ini loket tutup pukul 12.00",
        "timezone=Asia/Makassar",
    )
    assert result.code == 0, result.err
    qtbot.waitUntil(lambda: board.header.office_name.text() == "Kelurahan Sukamaju", timeout=10_000)
    assert board.running_text.text().startswith("Hari ini loket tutup pukul 12.00")
    qtbot.waitUntil(lambda: board.header.clock.time_label.text().endswith("WITA"), timeout=10_000)


def test_sixteen_counters_fit_a_1920x1080_tv(make_board, speaker, qtbot):
    from PySide6.QtGui import QFontMetrics

    from loket.models.office import catalog
    from loket.models.queue import calling

    catalog.add_service(
        "CD", "Administrasi Kependudukan dan Pencatatan Sipil", "Civil registry",
        hours="00:00-24:00", days="1234567",
    )  # fmt: skip
    for number in range(3, 17):
        catalog.add_counter(number, "CD")
    for _ in range(20):
        issue_ticket("CD")
    for number in range(3, 17):
        calling.call_next(number)
    board = make_board(speaker)
    board.resize(1920, 1080)
    qtbot.waitUntil(lambda: board.width() == 1920 and board.height() == 1080)
    assert len(board.now_serving.tiles) == 16
    for tile in board.now_serving.tiles.values():
        text_width = QFontMetrics(tile.number.font()).horizontalAdvance(tile.number.text())
        assert text_width <= tile.width()
        assert tile.number.font().pixelSize() >= 48  # readable across the room
    assert board.now_serving.tiles[16].number.text() == "CD-014"


# The change feed's listener thread ends with its dropped connection (reported by pytest as
# an unhandled thread exception); the listener opens a new one by itself.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_board_recovers_when_the_server_drops_its_connections(
    make_board, speaker, loket, qtbot, db
):
    import psycopg

    issue_ticket("A")
    board = make_board(speaker)
    assert board.waiting.counts() == {"A": 1, "B": 0}
    with psycopg.connect(db, autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    # The server is up: the board reconnects as it reads, and never says it is offline.
    board.refresh()  # what the safety timer does
    qtbot.waitUntil(lambda: not board.reading, timeout=20_000)
    assert not board.offline and not board.status.isVisible()
    assert board.waiting.counts() == {"A": 1, "B": 0}
    assert _tile_text(board, 1) == "—"
    assert loket("call", "1").code == 0
    qtbot.waitUntil(lambda: _tile_text(board, 1) == "A-001", timeout=20_000)
    qtbot.waitUntil(lambda: len(speaker.sentences()) == 2, timeout=10_000)
    assert board.waiting.counts() == {"A": 0, "B": 0}
    assert not board.offline and not board.status.isVisible()


@pytest.fixture(scope="module")
def private_server():
    """A PostgreSQL server of this module's own, to stop and start (the shared one never is)."""
    from helpers.postgres import start_server

    pg = start_server(durable=True)  # an immediate shutdown must not lose commits
    try:
        yield pg
    finally:
        pg.stop()


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_board_says_reconnecting_only_while_the_server_is_away(
    private_server, speaker, qtbot, tmp_path, monkeypatch
):
    from loket.kiosk.board.board_window import BoardWindow
    from loket.models.db import close_thread_connection, open_database
    from loket.models.office import catalog
    from loket.models.queue import calling
    from loket.models.queue.board import reconnect
    from loket.models.schema import migrate

    monkeypatch.setenv("LOKET_DATA_DIR", str(tmp_path / "data"))
    url = private_server.create_database("board_outage")
    open_database(url)
    migrate()
    catalog.add_service("A", "Administrasi", "Administration", hours="00:00-24:00", days="1234567")
    catalog.add_counter(1, "A", front_desk=True)
    first = issue_ticket("A").number
    second = issue_ticket("A").number
    calling.call_next(1)
    board = BoardWindow(url, speaker)  # type: ignore[arg-type]
    qtbot.addWidget(board)
    board.show()
    try:
        qtbot.waitUntil(lambda: _tile_text(board, 1) == first, timeout=20_000)
        private_server.shut_down("immediate")
        try:
            board.refresh()  # what the safety timer does
            qtbot.waitUntil(lambda: board.offline, timeout=30_000)
            assert board.status.isVisible()
            assert "Reconnecting to the queue server" in board.status.text()
            # What it showed stays up meanwhile: the number being served, the waiting count.
            assert _tile_text(board, 1) == first
            assert board.waiting.counts() == {"A": 1}
        finally:
            private_server.start_up()
        qtbot.waitUntil(lambda: not board.offline, timeout=40_000)
        assert not board.status.isVisible()
        reconnect()  # this test's own connection died with the server
        calling.finish(1)
        calling.call_next(1)
        qtbot.waitUntil(lambda: _tile_text(board, 1) == second, timeout=30_000)
        assert board.waiting.counts() == {"A": 0}
        assert not board.offline
    finally:
        board.shutdown()
        close_thread_connection()
