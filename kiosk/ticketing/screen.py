"""What every kiosk screen shares: retranslation, big buttons, a title."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

from loket.kiosk.shell.theme import PRIMARY_MM, touch_px


class Screen(QWidget):
    """A full-window page; ``retranslate`` sets every visible text again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def retranslate(self) -> None:
        """Set the texts in the current language (called on every language change)."""

    def entered(self) -> None:
        """The screen has just been shown."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def primary_button(name: str, parent: QWidget | None = None) -> QPushButton:
    """A large, touch-sized action button (≥ 15 mm tall)."""
    button = QPushButton(parent)
    button.setObjectName(name)
    button.setProperty("role", "primary")
    button.setMinimumHeight(touch_px(PRIMARY_MM, parent))
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return button


def plain_button(name: str, parent: QWidget | None = None) -> QPushButton:
    """A secondary button, still ≥ 44 px in both directions."""
    button = QPushButton(parent)
    button.setObjectName(name)
    button.setMinimumHeight(touch_px(0, parent))
    button.setMinimumWidth(touch_px(0, parent))
    return button


def label(role: str | None = None, wrap: bool = True, name: str = "") -> QLabel:
    widget = QLabel()
    if role:
        widget.setProperty("role", role)
    if name:
        widget.setObjectName(name)
    widget.setWordWrap(wrap)
    return widget
