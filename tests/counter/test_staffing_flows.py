"""Leaving the desk by the staffing rules: the refused break, a break with a reason,
the handover with the colleague's PIN, signing out, and the heartbeat."""

from __future__ import annotations

from helpers.settle import settle
from PySide6.QtCore import Qt

from loket.models.queue.tickets import issue_ticket
from loket.models.staffing import counter_actions as staffing
from loket.models.staffing import desk_state
from loket.models.staffing import log as staffing_log


def _gaps_since(since, clock) -> list[staffing_log.LogEntry]:
    """Gaps opened at or after ``since`` (the office was empty from 07:30 until 08:00)."""
    from loket.models.settings import load_settings

    day = load_settings().today(clock.now())
    return [
        e for e in staffing_log.entries_for_days(day, day) if e.kind == "gap_open" and e.at >= since
    ]


def _work(window, clock, minutes: float, qtbot) -> None:
    """Time passes at the desk: the app's heartbeat every 20 s, as its timer would (it
    runs on the window's worker thread: each is waited for)."""
    for _ in range(round(minutes * 3)):
        clock.advance(seconds=20)
        window.heartbeat()
        settle(qtbot, window)


def _choose_reason(screen, code: str) -> None:
    screen.reason.setCurrentIndex(screen.reason.findData(code))


def test_a_break_that_uncovers_the_front_desk_is_refused_then_taken_with_a_reason(
    signed_in, tap, qtbot, clock
):
    window = signed_in()
    _work(window, clock, minutes=30, qtbot=qtbot)
    tap(window.desk.buttons["break"])
    assert window.current_screen() is window.reason
    screen = window.reason
    assert "Istirahat ditolak" in screen.refusal.text()
    assert "Alasan istirahat" in screen.title.text()
    assert desk_state.counter_state(1, clock=clock).status == "staffed"  # nothing happened yet
    assert desk_state.front_desk_status(clock=clock).covered

    _choose_reason(screen, "dinas_luar")  # needs an approver: refused with the rule
    qtbot.keyClicks(screen.reference, "SPT/045/2026")
    assert "persetujuan" in screen.needs.text()
    tap(screen.submit_button)
    assert window.current_screen() is screen
    assert "pemberi izin" in screen.error.text()
    assert [screen.approver.itemText(i) for i in range(screen.approver.count())] == ["", "kepala"]

    _choose_reason(screen, "rapat_diklat")
    screen.reference.setText("UND/12/XI/2026")
    screen.approver.setCurrentText("")
    tap(screen.submit_button)
    assert window.current_screen() is window.desk
    state = desk_state.counter_state(1, clock=clock)
    assert (state.status, state.reason, state.reference) == (
        "break",
        "rapat_diklat",
        "UND/12/XI/2026",
    )
    status = desk_state.front_desk_status(clock=clock)
    assert not status.covered
    assert (status.gap_reason, status.gap_reference) == ("rapat_diklat", "UND/12/XI/2026")
    assert window.banner.isVisible()
    assert "Loket depan kosong" in window.banner.text()
    assert "Istirahat" in window.desk.presence.text()
    assert not window.desk.buttons["call_next"].isEnabled()
    assert window.desk.buttons["resume_work"].isVisible()
    assert not window.desk.buttons["break"].isVisible()

    clock.advance(minutes=45)
    tap(window.desk.buttons["resume_work"])
    assert desk_state.counter_state(1, clock=clock).status == "staffed"
    assert desk_state.front_desk_status(clock=clock).covered
    window.refresh_banner()
    settle(qtbot, window)
    assert not window.banner.isVisible()


def test_a_break_is_free_when_another_front_desk_counter_is_staffed(signed_in, key, clock, pins):
    staffing.sign_in(2, "sari", pins["sari"], clock=clock)
    window = signed_in()
    opened = clock.now()
    key(window, Qt.Key.Key_F10)
    assert window.current_screen() is window.desk
    assert desk_state.counter_state(1, clock=clock).status == "break"
    key(window, Qt.Key.Key_F10)  # the same key brings the officer back
    assert desk_state.counter_state(1, clock=clock).status == "staffed"
    assert _gaps_since(opened, clock) == []


def test_no_break_in_the_middle_of_a_visitor(signed_in, tap, clock, pins):
    staffing.sign_in(2, "sari", pins["sari"], clock=clock)
    issue_ticket("A", clock=clock)
    window = signed_in()
    tap(window.desk.buttons["call_next"])
    tap(window.desk.buttons["break"])
    assert "A-001" in window.notice.text()
    assert desk_state.counter_state(1, clock=clock).status == "staffed"


def test_handover_to_a_colleague_with_their_pin_keeps_the_desk_covered(
    signed_in, tap, key, qtbot, clock, pins
):
    window = signed_in()
    opened = clock.now()
    _work(window, clock, minutes=30, qtbot=qtbot)
    key(window, Qt.Key.Key_F11)
    assert window.current_screen() is window.handover
    screen = window.handover
    assert "budi" not in [screen.username.itemText(i) for i in range(screen.username.count())]
    screen.username.setCurrentText("sari")
    for digit in "0000":
        tap(screen.pad.keys[digit])
    tap(screen.submit_button)
    assert window.current_screen() is screen
    assert "PIN salah" in screen.error.text()
    assert desk_state.counter_state(1, clock=clock).officer == "budi"

    for digit in pins["sari"]:
        tap(screen.pad.keys[digit])
    tap(screen.submit_button)
    assert window.current_screen() is window.desk
    state = desk_state.counter_state(1, clock=clock)
    assert (state.status, state.officer) == ("staffed", "sari")
    assert window.officer == "sari"
    assert "Sari Wulandari" in window.desk.who.text()
    assert "diambil alih" in window.notice.text()
    _work(window, clock, minutes=5, qtbot=qtbot)
    staffing.check(clock=clock)
    assert desk_state.front_desk_status(clock=clock).covered
    assert _gaps_since(opened, clock) == []  # continuous coverage: no gap at all


def test_handover_offered_from_the_refused_break(signed_in, tap, clock, pins):
    window = signed_in()
    opened = clock.now()
    tap(window.desk.buttons["break"])
    assert window.current_screen() is window.reason
    tap(window.reason.handover_button)
    assert window.current_screen() is window.handover
    window.handover.username.setCurrentText("joko")
    for digit in pins["joko"]:
        tap(window.handover.pad.keys[digit])
    tap(window.handover.submit_button)
    assert desk_state.counter_state(1, clock=clock).officer == "joko"
    assert _gaps_since(opened, clock) == []


def test_sign_out_is_confirmed_then_refused_then_recorded_with_a_reason(
    signed_in, tap, dialogs, clock
):
    window = signed_in()
    dialogs.confirms = [False]
    tap(window.desk.buttons["sign_out"])
    assert window.current_screen() is window.desk  # the officer said no
    assert desk_state.counter_state(1, clock=clock).status == "staffed"

    dialogs.confirms = [True]
    tap(window.desk.buttons["sign_out"])
    assert window.current_screen() is window.reason
    assert "Keluar ditolak" in window.reason.refusal.text()
    _choose_reason(window.reason, "sakit")
    window.reason.reference.setText("SKD-77")
    tap(window.reason.submit_button)
    assert window.current_screen() is window.sign_in_screen
    assert not window.heartbeat_timer.isActive()
    assert window.counter_number is None
    assert desk_state.counter_state(1, clock=clock).status == "out"
    status = desk_state.front_desk_status(clock=clock)
    assert (status.covered, status.gap_reason) == (False, "sakit")
    assert window.banner.isVisible()


def test_sign_out_when_a_colleague_covers(signed_in, key, dialogs, clock, pins):
    staffing.sign_in(2, "sari", pins["sari"], clock=clock)
    window = signed_in()
    dialogs.confirms = [True]
    key(window, Qt.Key.Key_F12)
    assert window.current_screen() is window.sign_in_screen
    assert "keluar dari loket 1" in window.notice.text()
    assert desk_state.counter_state(1, clock=clock).status == "out"
    assert desk_state.front_desk_status(clock=clock).covered


def test_closing_the_window_goes_through_sign_out(signed_in, dialogs, clock, pins, qtbot):
    staffing.sign_in(2, "sari", pins["sari"], clock=clock)
    window = signed_in()
    dialogs.confirms = [True]
    window.close()
    settle(qtbot, window)
    assert desk_state.counter_state(1, clock=clock).status == "out"
    assert window.current_screen() is window.sign_in_screen


def test_the_heartbeat_timer_keeps_the_counter_staffed(signed_in, qtbot, clock):
    window = signed_in(heartbeat_ms=50)
    assert window.heartbeat_timer.interval() == 50
    clock.advance(seconds=40)
    qtbot.waitUntil(
        lambda: desk_state.counter_state(1, clock=clock).heartbeat_age_seconds == 0, timeout=10_000
    )
    clock.advance(seconds=40)  # 80 s after sign-in, but 40 s after the last beat
    qtbot.waitUntil(
        lambda: desk_state.counter_state(1, clock=clock).heartbeat_age_seconds == 0, timeout=10_000
    )
    assert desk_state.counter_state(1, clock=clock).status == "staffed"


def test_without_heartbeats_the_counter_is_lost(signed_in, clock, qtbot):
    window = signed_in()  # the test fixture's timer never fires
    assert window.heartbeat_timer.interval() > 60_000
    clock.advance(seconds=61)
    assert desk_state.counter_state(1, clock=clock).status == "lost"
    window.heartbeat()  # the app comes back: restored
    settle(qtbot, window)
    assert desk_state.counter_state(1, clock=clock).status == "staffed"


def test_signed_out_elsewhere_returns_to_the_sign_in_screen(signed_in, clock, pins, qtbot):
    staffing.sign_in(2, "sari", pins["sari"], clock=clock)
    window = signed_in()
    staffing.sign_out(1, clock=clock)  # e.g. `loket staffing sign-out` on the admin PC
    window.heartbeat()
    settle(qtbot, window)
    assert window.current_screen() is window.sign_in_screen
    assert "keluar dari tempat lain" in window.notice.text()


def test_the_apps_tick_records_a_colleague_whose_pc_died(signed_in, clock, pins, qtbot):
    from loket.models.settings import load_settings

    staffing.sign_in(2, "sari", pins["sari"], clock=clock)  # her PC then goes silent
    window = signed_in()
    for _ in range(3):  # one minute of this app's heartbeats runs the office check once
        clock.advance(seconds=20)
        window.heartbeat()
        settle(qtbot, window)
    day = load_settings().today(clock.now())
    lost = [e for e in staffing_log.entries_for_days(day, day) if e.kind == "heartbeat_lost"]
    assert [(e.counter_id is not None, e.officer_id is not None) for e in lost] == [(True, True)]
    assert window.front_desk is not None and window.front_desk.covered  # budi still covers
    assert desk_state.counter_state(2, clock=clock).status == "lost"
