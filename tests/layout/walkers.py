"""What the layout check walks: one ``walk_<app>.py`` module per app follows this contract.

Each walker module defines::

    APP: str                      # "kiosk", "board", "counter", "admin"
    PORTRAIT: bool                # True for the kiosk and the board
    SCREENS: tuple[str, ...]      # every screen, page and dialog name it will yield, in order
    LARGE_TEXT: bool              # the app has a large-text mode worth checking (not the board)

Large text means the kiosk's own "Huruf besar" toggle; for the counter app and the admin
console it means the desktop's larger text setting: the walker sets the application font to
1.25× its default size before building the window (and restores it in the harness). High
contrast (the kiosk's toggle) is checked together with large text, on the kiosk only.

    def open_window(env: LayoutEnv) -> QWidget: ...
        # the app's main window on env.db_url (already seeded by seed.seed_office), in
        # env.language and env.large_text / env.high_contrast, NOT yet shown or sized.

    def walk(window: QWidget, env: LayoutEnv) -> Iterator[Visit]: ...
        # drives the shown window through every screen (taps, like a user would; a dialog is
        # shown non-modally with show() and closed after its visit) and yields one Visit per
        # screen while that screen is up. Every name in SCREENS must be yielded, once.

    def close_window(window: QWidget, env: LayoutEnv) -> None: ...
        # OPTIONAL: how to close the window after the walk (stop its timers and workers).
        # Without it the harness calls window.leave() when the window has one, else close().

The harness (test_layout.py, contact_sheet.py) shows the window at each supported size,
runs the walk, and checks ``Visit.widgets`` (the window itself and any dialog) at each
yield with helpers.layout_check.layout_problems.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Display:
    name: str
    width: int
    height: int
    scale: float = 1.0  # device pixel ratio: 3840×2160 at 2 is 1920×1080 logical

    @property
    def portrait(self) -> bool:
        return self.height > self.width

    @property
    def logical(self) -> tuple[int, int]:
        return round(self.width / self.scale), round(self.height / self.scale)


DISPLAYS = (
    Display("1024x768", 1024, 768),
    Display("1280x800", 1280, 800),
    Display("1366x768", 1366, 768),
    Display("1920x1080", 1920, 1080),
    Display("3840x2160@2", 3840, 2160, 2.0),
    Display("1080x1920", 1080, 1920),
    Display("768x1366", 768, 1366),
)


@dataclass
class LayoutEnv:
    qtbot: object
    db_url: str
    tmp_path: Path
    clock: object  # helpers.stubs.FakeClock, Monday 2026-11-23 08:00 Jakarta
    language: str  # "id" or "en"
    large_text: bool
    high_contrast: bool
    display: Display
    scratch: dict[str, object] = field(default_factory=dict)  # a walker's own state

    @property
    def today(self) -> dt.date:
        return self.clock.now().astimezone(dt.timezone(dt.timedelta(hours=7))).date()  # type: ignore[attr-defined]


@dataclass
class Visit:
    screen: str
    widgets: list[QWidget]  # the window, plus any dialog or pop-up open on this screen
    kiosk: bool = False  # touch rules: primary actions >= 15 mm, every target >= 44 px


class Walker(Protocol):
    APP: str
    PORTRAIT: bool
    SCREENS: tuple[str, ...]
    LARGE_TEXT: bool

    def open_window(self, env: LayoutEnv) -> QWidget: ...

    def walk(self, window: QWidget, env: LayoutEnv) -> Iterator[Visit]: ...


LARGE_FONT = 1.25


def use_desktop_large_text(env: LayoutEnv) -> None:
    """The desktop's larger text (1.25×), set before a counter or admin window reads it."""
    if not env.large_text:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * LARGE_FONT)
    else:
        font.setPixelSize(round(font.pixelSize() * LARGE_FONT))
    QApplication.setFont(font)
