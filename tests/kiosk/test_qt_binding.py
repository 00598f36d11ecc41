"""A guard on the Qt binding itself: void calls and emits must not eat references.

PySide6 6.12.0 on CPython 3.11 returns None from void methods (setText, setEnabled,
click, …) without a new reference: each call loses one, and after some tens of
thousands of taps a kiosk aborts with "none_dealloc". pyproject.toml excludes that
release; this test fails if a binding with the same bug is ever installed again."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QPushButton


def test_void_qt_calls_keep_none_alive(qtbot):
    button = QPushButton()
    qtbot.addWidget(button)
    before = sys.getrefcount(None)
    for _ in range(500):
        button.setText("x")
        button.setEnabled(True)
    assert sys.getrefcount(None) - before > -50


def test_signal_emits_keep_true_alive(qtbot):
    from PySide6.QtCore import QObject, Signal

    class Source(QObject):
        flag = Signal(bool)

    source = Source()
    source.flag.connect(lambda value: None)
    before = sys.getrefcount(True)
    for _ in range(2000):
        source.flag.emit(True)
    assert sys.getrefcount(True) - before > -50
