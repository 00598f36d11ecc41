"""What every counter screen shares: retranslation, buttons that carry their key, labels."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

from loket.kiosk.shell.theme import touch_px

ACTION_MM = 12  # the counter's own actions: big enough for a finger, many on one screen


class Screen(QWidget):
    """One page of the counter window; ``retranslate`` sets every visible text again."""

    def retranslate(self) -> None:
        """Set the texts in the current language (called on every language change)."""

    def entered(self) -> None:
        """The screen has just been shown."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def key_button(name: str, key: str | None = None, primary: bool = False) -> QPushButton:
    """A touch-sized button; ``key`` (e.g. ``"F1"``) presses it from the keyboard.

    The shortcut belongs to the button, so it only works while the button is on
    screen and enabled: two pages may use the same key for different actions.
    """
    button = QPushButton()
    button.setObjectName(name)
    button.setMinimumHeight(touch_px(ACTION_MM if primary else 0))
    button.setMinimumWidth(touch_px(0))
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    if primary:
        button.setProperty("role", "primary")
    if key:
        sequence = QKeySequence(key)
        shown = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        button.setProperty("keyText", shown.replace("Return", "Enter"))
        # A QShortcut clicks at once; QPushButton.setShortcut would animate for 100 ms.
        shortcut = QShortcut(sequence, button)
        shortcut.activated.connect(button.click)
    return button


def set_caption(button: QPushButton, text: str) -> None:
    """The button's text with its key shown after it: ``Panggil berikutnya  [F1]``."""
    key = button.property("keyText")
    button.setText(f"{text}  [{key}]" if key else text)


def key_of(button: QPushButton) -> str:
    """The key that presses ``button`` (empty when it has none)."""
    return str(button.property("keyText") or "")


def label(role: str | None = None, wrap: bool = True, name: str = "") -> QLabel:
    widget = QLabel()
    if role:
        widget.setProperty("role", role)
    if name:
        widget.setObjectName(name)
    widget.setWordWrap(wrap)
    return widget
