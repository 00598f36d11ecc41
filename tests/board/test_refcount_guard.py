"""A board emits a signal for every change and call all day long: that must never crash it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from loket.kiosk.board import refcount_guard


class _Emitter(QObject):
    changed = Signal(object)


def test_a_day_of_signals_leaves_true_alive(qtbot):
    needed = refcount_guard.install()
    refcount_guard.top_up()
    given_before = refcount_guard.added()
    emitter = _Emitter()
    seen: list[object] = []
    emitter.changed.connect(seen.append)
    for number in range(20000):  # far more than True's whole reference count
        emitter.changed.emit(number)
        if number % 1000 == 0:
            qtbot.wait(2 * refcount_guard.CHECK_MS)  # the event loop runs between calls
    refcount_guard.top_up()
    assert len(seen) == 20000
    assert sys.getrefcount(True) >= refcount_guard.floor()
    if needed:  # this PySide takes a reference per emit: the guard gave them back
        assert refcount_guard.added() - given_before >= 15000
