"""Keeps ``True`` alive under PySide6 6.12 on Python 3.11.

``SignalInstance.emit()`` there returns ``True`` without taking a reference, so every
signal emitted from Python code takes one reference away from ``True``. After a few
thousand calls its count reaches zero and CPython aborts ("bool_dealloc: deallocating
True or False") — on a board that runs all day, in the middle of the day. Python 3.12
made ``True`` immortal; until the project moves there (or PySide fixes it) this guard
checks the count ten times a second and adds back the references emitting took (the
missing ``Py_INCREF``, never to be released: ``True`` is a static object). It does
nothing where emitting does not leak.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

CHECK_MS = 100
# Given from the start, so that emits between two checks (and at exit) never reach zero.
HEADROOM = 2000

_added = 0
_floor = 0
_timer: QTimer | None = None


class _Probe(QObject):
    ping = Signal()


def emit_loses_true_references() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(64):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    if lost >= 32:
        _add(lost)
        return True
    return False


def _add(count: int) -> None:
    global _added
    true = ctypes.py_object(True)
    for _ in range(count):
        ctypes.pythonapi.Py_IncRef(true)
    _added += count


def top_up() -> None:
    """Hold enough references that ``True`` is back at its count when the guard started."""
    missing = _floor - sys.getrefcount(True)
    if missing > 0:
        _add(missing)


def install() -> bool:
    """Start the guard once per process; ``True`` when this PySide needs it."""
    global _floor, _timer
    if _timer is not None:
        return True
    if not emit_loses_true_references():
        return False
    _add(HEADROOM)
    _floor = sys.getrefcount(True)
    # Parented to the application: it outlives every window.
    _timer = QTimer(QCoreApplication.instance())
    _timer.timeout.connect(top_up)
    _timer.start(CHECK_MS)
    return True


def floor() -> int:
    """The count the guard keeps ``True`` at or above (0 when not needed)."""
    return _floor


def added() -> int:
    """References given back so far (headroom included)."""
    return _added
