"""Signing in with username and PIN, by touch and by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from loket.models.staffing import counter_actions as staffing
from loket.models.staffing import desk_state


def test_wrong_pin_is_refused_and_the_right_one_opens_the_desk(make_counter, tap, clock, pins):
    window = make_counter()
    screen = window.sign_in_screen
    assert window.current_screen() is screen
    assert [screen.counter.itemData(i) for i in range(screen.counter.count())] == [1, 2, 3]
    assert "loket depan" in screen.counter.itemText(0)
    screen.choose("budi", 1)
    for digit in "0000":
        tap(screen.pad.keys[digit])
    tap(screen.sign_in_button)
    assert window.current_screen() is screen
    assert screen.error.isVisible()
    assert "PIN salah" in screen.error.text()
    assert screen.pad.pin() == ""  # a refused PIN is not left in the field
    assert desk_state.counter_state(1, clock=clock).status == "out"

    for digit in "12349":
        tap(screen.pad.keys[digit])
    tap(screen.pad.keys["erase"])
    assert screen.pad.pin() == pins["budi"]
    tap(screen.sign_in_button)
    assert window.current_screen() is window.desk
    state = desk_state.counter_state(1, clock=clock)
    assert (state.status, state.officer) == ("staffed", "budi")
    assert "Budi Santoso" in window.desk.who.text()
    assert "Bertugas" in window.desk.presence.text()
    assert window.heartbeat_timer.isActive()


def test_sign_in_from_the_keyboard_alone(make_counter, key, qtbot, clock):
    window = make_counter()
    screen = window.sign_in_screen
    screen.username.setFocus()
    screen.username.lineEdit().clear()
    qtbot.keyClicks(screen.username.lineEdit(), "sari")
    screen.counter.setCurrentIndex(screen.counter.findData(2))
    screen.pad.field.setFocus()
    key(window, Qt.Key.Key_5)
    key(window, Qt.Key.Key_6)
    key(window, Qt.Key.Key_7)
    key(window, Qt.Key.Key_8)
    key(window, Qt.Key.Key_Return)
    assert window.current_screen() is window.desk
    assert desk_state.counter_state(2, clock=clock).officer == "sari"


def test_missing_fields_are_asked_for_before_the_service(make_counter, tap):
    window = make_counter()
    screen = window.sign_in_screen
    screen.choose("budi", 1)
    tap(screen.sign_in_button)  # no PIN
    assert window.current_screen() is screen
    assert "PIN" in screen.error.text()


def test_a_counter_held_by_someone_else_needs_a_handover(make_counter, tap, clock, pins):
    staffing.sign_in(1, "sari", pins["sari"], clock=clock)
    window = make_counter(counter=1, username="budi")
    screen = window.sign_in_screen
    for digit in pins["budi"]:
        tap(screen.pad.keys[digit])
    tap(screen.sign_in_button)
    assert window.current_screen() is screen
    assert "serah terima" in screen.error.text()
    assert desk_state.counter_state(1, clock=clock).officer == "sari"
