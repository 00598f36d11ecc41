"""Login with lockout, and the live coverage board a head sees first."""

from __future__ import annotations

from loket.models.clock import SYSTEM_CLOCK
from loket.models.staffing import counter_actions as staffing
from loket.models.staffing.hours import set_hours


def _type_login(qtbot, window, username: str, password: str) -> None:
    window.login.username.clear()
    window.login.password.clear()
    qtbot.keyClicks(window.login.username, username)
    qtbot.keyClicks(window.login.password, password)


def test_the_head_logs_in_and_sees_the_live_board_first(log_in):
    window = log_in("kepala")
    assert window.current_page() is window.coverage
    assert window.who.text() == "Ibu Kepala (kepala)"
    board = window.coverage
    assert sorted(board.tiles) == [1, 2, 3]
    # Monday 08:00, nobody signed in: the front desk is empty and the banner is red.
    assert board.banner.property("alarm") is True
    assert "Loket depan kosong" in board.banner.text()
    assert "Kosong" in board.tiles[1].texts()
    queue = board.queue_table
    assert [queue.item(r, 0).text().split(" · ")[0] for r in range(queue.rowCount())] == ["A", "B"]


def test_wrong_passwords_lock_the_account_even_for_the_right_one(
    make_console, qtbot, tap, passwords
):
    window = make_console()
    for attempt in range(4):
        _type_login(qtbot, window, "admin", f"salah-{attempt}")
        tap(window.login.login_button)
        assert "salah" in window.login.message.text().lower()
        assert not window.login.locked
    _type_login(qtbot, window, "admin", "salah-lagi")
    tap(window.login.login_button)
    assert window.login.locked
    assert "terkunci" in window.login.message.text().lower()
    _type_login(qtbot, window, "admin", passwords["admin"])
    tap(window.login.login_button)
    assert window.context.session is None
    assert window.stack.currentWidget() is window.login
    assert "terkunci" in window.login.message.text().lower()


def test_lockout_ends_after_its_time(make_console, qtbot, tap, clock, passwords):
    window = make_console()
    for attempt in range(5):
        _type_login(qtbot, window, "admin", f"salah-{attempt}")
        tap(window.login.login_button)
    assert window.login.locked
    clock.advance(minutes=16)
    _type_login(qtbot, window, "admin", passwords["admin"])
    tap(window.login.login_button)
    assert window.context.session is not None


def test_a_staff_account_cannot_open_the_admin_app(make_console, qtbot, tap, passwords):
    window = make_console()
    _type_login(qtbot, window, "budi", passwords["budi"])
    tap(window.login.login_button)
    assert window.context.session is None
    assert "hanya untuk admin dan kepala" in window.login.message.text()


def test_the_banner_turns_red_when_a_heartbeat_expires(log_in, clock, pins):
    staffing.sign_in(1, "budi", pins["budi"], clock)
    window = log_in("kepala")
    board = window.coverage
    assert board.banner.property("alarm") is False
    assert "Loket depan dijaga (loket 1)" in board.banner.text()
    assert "Dijaga" in board.tiles[1].texts()
    assert "Budi Santoso · sejak 08:00" in board.tiles[1].texts()
    rings = board.alarm.rings
    clock.advance(seconds=90)
    board.tick()
    assert board.banner.property("alarm") is True
    assert "Detak hilang" in board.tiles[1].texts()
    assert board.alarm.rings == rings + 1
    board.refresh()  # still the same gap: no second sound
    assert board.alarm.rings == rings + 1


def test_a_sign_out_in_another_process_turns_the_banner_red(log_in, loket, qtbot, pins, office):
    # Open around the clock, so the real time of the other process is in service hours.
    for group in ("front_desk", "other"):
        set_hours(group, "1234567", hours="00:00-23:59", break_window="")
    staffing.sign_in(1, "budi", pins["budi"], SYSTEM_CLOCK)
    window = log_in("kepala", clock=SYSTEM_CLOCK, use_feed=True, feed_url=office)
    board = window.coverage
    qtbot.waitUntil(lambda: board.banner.property("alarm") is False, timeout=10_000)
    assert "Dijaga" in board.tiles[1].texts()
    result = loket(
        "staffing", "sign-out", "--counter", "1", "--reason", "sakit", "--ref", "SKD-7",
        env={"LOKET_PIN": pins["budi"]},  # the officer signed in there says so
    )  # fmt: skip
    assert result.code == 0, result.err
    qtbot.waitUntil(lambda: board.banner.property("alarm") is True, timeout=10_000)
    assert "Loket depan kosong" in board.banner.text()
    assert "Kosong — Sakit (SKD-7)" in board.tiles[1].texts()
