"""What every kiosk screen shares: retranslation, big buttons, a header, the screen's shape."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from loket.kiosk.shell.theme import PRIMARY_MM, touch_px
from loket.kiosk.ticketing.fit_button import FitButton


class Header(QWidget):
    """A screen's title and hint: text only, never a target. The window lays the front-desk
    banner over it (the header keeps the banner's height in reserve), so a banner that comes
    or goes never moves what a visitor is about to touch."""

    def __init__(self, title_role: str = "title", hint_role: str | None = "muted") -> None:
        super().__init__()
        self.setObjectName("screen_header")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.title = label(title_role)
        layout.addWidget(self.title)
        self.hint = label(hint_role) if hint_role else None
        if self.hint is not None:
            layout.addWidget(self.hint)
        layout.addStretch(1)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._reserve = 0

    def reserve(self, height: int) -> None:
        """Keep at least ``height`` px (the banner's) whatever the texts need."""
        height = max(0, height)
        if height != self._reserve:
            self._reserve = height
            self.setMinimumHeight(height)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        assert layout is not None
        return max(self._reserve, layout.totalHeightForWidth(width))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(max(self.width(), 1)))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), self.heightForWidth(max(self.width(), 1)))


class Screen(QWidget):
    """A full-window page; ``retranslate`` sets every visible text again, ``adapt`` lays it
    out for the window's shape."""

    header: Header | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.portrait = False

    def retranslate(self) -> None:
        """Set the texts in the current language (called on every language change)."""

    def entered(self) -> None:
        """The screen has just been shown."""

    def adapt(self, portrait: bool) -> None:
        """Lay the screen out for a portrait (taller than wide) or landscape window."""
        self.portrait = portrait

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def primary_button(name: str, parent: QWidget | None = None) -> FitButton:
    """A large, touch-sized action button (≥ 15 mm in both directions); its label wraps."""
    button = FitButton(parent)
    button.setObjectName(name)
    button.setProperty("role", "primary")
    size = touch_px(PRIMARY_MM, parent)
    button.setMinimumSize(size, size)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return button


def answer_button(name: str, parent: QWidget | None = None) -> FitButton:
    """One answer of a question (priority group, survey): as large as the screen allows."""
    button = primary_button(name, parent)
    button.setProperty("role", "answer")
    button.setProperty("primary", True)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return button


def plain_button(name: str, parent: QWidget | None = None) -> FitButton:
    """A secondary button, still ≥ 44 px in both directions."""
    button = FitButton(parent)
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

