"""Serving the queue from the desk: every action by a click and by its key, checked on
screen and in the database."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt

from loket.admin.counter.desk_screen import DESK_KEYS, TICKET_KEYS
from loket.models.queue import calling
from loket.models.queue.tickets import describe_ticket, find_ticket_id, issue_ticket

KEYS = {
    "call_next": (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
    "recall": (Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier),
    "start": (Qt.Key.Key_F3, Qt.KeyboardModifier.NoModifier),
    "finish": (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),
    "no_show": (Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier),
    "no_show_requeue": (Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier),
    "transfer": (Qt.Key.Key_F6, Qt.KeyboardModifier.NoModifier),
    "hold": (Qt.Key.Key_F7, Qt.KeyboardModifier.NoModifier),
    "resume_held": (Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier),
}


def _ticket(number: str, clock):
    return describe_ticket(find_ticket_id(number, clock), clock)


@pytest.fixture(params=["click", "key"])
def do(request, tap, key) -> Callable[[object, str], None]:
    """Press a desk action the way the parameter says: the mouse or the keyboard."""

    def act(window, name: str) -> None:
        button = window.desk.buttons[name]
        if request.param == "click":
            tap(button)
        else:
            assert button.isEnabled(), f"{name} is disabled"
            code, modifier = KEYS[name]
            key(window, code, modifier)

    return act


def test_every_button_shows_its_key():
    from loket.admin.counter.desk_screen import DeskScreen

    desk = DeskScreen()
    for name, key_text in {**TICKET_KEYS, **DESK_KEYS}.items():
        assert desk.buttons[name].text().endswith(f"[{key_text}]"), name
    desk.deleteLater()


def test_call_recall_start_finish(signed_in, do, clock):
    for _ in range(2):
        issue_ticket("A", clock=clock)
    window = signed_in()
    desk = window.desk
    assert [w.number for w in desk.waiting] == ["A-001", "A-002"]
    assert desk.waiting_list.count() == 2
    assert not desk.buttons["finish"].isEnabled()

    do(window, "call_next")
    assert desk.number.text() == "A-001"
    assert "Dipanggil" in desk.status.text()
    called = calling.current_ticket(1, clock=clock)
    assert called is not None and (called.number, called.status) == ("A-001", "called")
    assert [w.number for w in desk.waiting] == ["A-002"]
    assert not desk.buttons["call_next"].isEnabled()  # busy: finish or hold first

    clock.advance(seconds=20)
    do(window, "recall")
    assert _ticket("A-001", clock).recall_count == 1
    assert "2×" in desk.status.text()

    do(window, "start")
    assert _ticket("A-001", clock).status == "serving"
    assert "Sedang dilayani" in desk.status.text()
    assert not desk.buttons["recall"].isEnabled()
    clock.advance(minutes=4, seconds=5)
    window.tick()
    assert desk.timer.text() == "04:05"  # counted from the start of service

    do(window, "finish")
    assert _ticket("A-001", clock).status == "done"
    assert calling.current_ticket(1, clock=clock) is None
    assert desk.number.text() == "—"
    assert desk.buttons["call_next"].isEnabled()


def test_no_show_with_and_without_going_back_to_the_queue(signed_in, do, clock):
    issue_ticket("A", clock=clock)
    issue_ticket("B", clock=clock)
    window = signed_in()
    desk = window.desk
    do(window, "call_next")
    assert desk.number.text() == "A-001"
    clock.advance(minutes=2)
    do(window, "no_show_requeue")
    assert _ticket("A-001", clock).status == "waiting"
    assert [w.number for w in desk.waiting] == ["B-001", "A-001"]  # to the end of the queue

    do(window, "call_next")
    assert desk.number.text() == "B-001"
    do(window, "no_show")
    assert _ticket("B-001", clock).status == "no_show"
    assert [w.number for w in desk.waiting] == ["A-001"]


def test_hold_and_resume(signed_in, do, clock):
    issue_ticket("A", clock=clock)
    issue_ticket("A", clock=clock)
    window = signed_in()
    desk = window.desk
    do(window, "call_next")
    do(window, "start")
    do(window, "hold")
    assert _ticket("A-001", clock).status == "held"
    assert [h.number for h in desk.held] == ["A-001"]
    assert desk.held_list.item(0).text().startswith("A-001")
    assert desk.number.text() == "—"

    do(window, "call_next")  # the counter serves the next visitor meanwhile
    assert desk.number.text() == "A-002"
    assert not desk.buttons["resume_held"].isEnabled()
    do(window, "finish")
    do(window, "resume_held")
    assert desk.number.text() == "A-001"
    assert _ticket("A-001", clock).status == "serving"  # it had started before the hold
    assert desk.held == ()


def test_transfer_to_a_service(signed_in, do, tap, clock):
    issue_ticket("A", clock=clock)
    window = signed_in()
    do(window, "call_next")
    do(window, "transfer")
    assert window.current_screen() is window.transfer
    screen = window.transfer
    assert list(screen.service_buttons) == ["B"]  # not its own service
    assert list(screen.counter_buttons) == [2, 3]  # not this counter
    assert screen.service_buttons["B"].text().endswith("[1]")
    assert screen.counter_buttons[3].text().endswith("[Ctrl+2]")
    tap(screen.service_buttons["B"])
    assert window.current_screen() is window.desk
    moved = _ticket("A-001", clock)
    assert (moved.status, moved.service) == ("waiting", "B")
    assert "B" in window.notice.text()
    assert [w.number for w in window.desk.waiting] == ["A-001"]  # counter 1 serves B too


def test_transfer_to_a_counter_by_keyboard(signed_in, key, clock):
    from loket.models.queue.counter_desk import waiting_for_counter

    issue_ticket("A", clock=clock)
    window = signed_in()
    key(window, Qt.Key.Key_F1)
    assert window.desk.number.text() == "A-001"
    key(window, Qt.Key.Key_F6)
    assert window.current_screen() is window.transfer
    key(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # the second counter: 3
    assert window.current_screen() is window.desk
    assert [w.number for w in waiting_for_counter(3, clock=clock)] == ["A-001"]
    assert waiting_for_counter(3, clock=clock)[0].for_this_counter_only
    assert window.desk.waiting == ()  # gone from counter 1's list
    key(window, Qt.Key.Key_F6)  # nothing current: the transfer screen stays closed
    assert window.current_screen() is window.desk


def test_escape_leaves_the_transfer_screen(signed_in, key, clock):
    issue_ticket("A", clock=clock)
    window = signed_in()
    key(window, Qt.Key.Key_F1)
    key(window, Qt.Key.Key_F6)
    key(window, Qt.Key.Key_Escape)
    assert window.current_screen() is window.desk
    assert _ticket("A-001", clock).status == "called"


def test_nobody_waiting_is_said_plainly(signed_in, key):
    window = signed_in()
    key(window, Qt.Key.Key_F1)
    assert window.notice.isVisible()
    assert "Tidak ada yang menunggu" in window.notice.text()


def test_refusal_from_another_place_is_shown_not_raised(signed_in, tap, clock):
    issue_ticket("A", clock=clock)
    window = signed_in()
    tap(window.desk.buttons["call_next"])
    calling.finish(1, clock=clock)  # e.g. from the CLI on another PC
    tap(window.desk.buttons["recall"])  # the screen is stale for a moment
    assert window.notice.isVisible()
    assert "tidak sedang melayani" in window.notice.text()
    assert window.desk.number.text() == "—"  # and it is refreshed
