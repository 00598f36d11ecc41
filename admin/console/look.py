"""The console's look: the apps' theme, at the desktop's text size, for mouse and keyboard.

The theme's sizes are for the application font the Loket apps start with (13 pt, see
``create_app``); a desktop set to larger text gets every size scaled with it. Buttons keep
a 44 px height but no fixed minimum width, so a layout never squeezes a button below its
text; titles and primary buttons are a little larger than the body, not 1.5×.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication, QWidget

from loket.kiosk.shell.app import DEFAULT_POINT_SIZE
from loket.kiosk.shell.theme import Theme, apply_theme

BASE_PX = 20  # the theme's body text, at the apps' own 13 pt application font
MIN_BASE_PX = 15  # below this the console's tables stop being comfortable to read


def text_factor() -> float:
    """How much larger than the default the desktop's text is (never smaller)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return 1.0
    points = app.font().pointSizeF()
    return max(1.0, points / DEFAULT_POINT_SIZE) if points > 0 else 1.0


def body_px(factor: float | None = None) -> int:
    return max(MIN_BASE_PX, round(BASE_PX * (text_factor() if factor is None else factor)))


def console_style(css: str, factor: float) -> str:
    """``css`` with every font size scaled by ``factor``, plus the console's own rules."""
    scaled = re.sub(
        r"font-size: (\d+)px", lambda m: f"font-size: {round(int(m[1]) * factor)}px", css
    )
    scaled = re.sub(r"min-width: \d+px;", "", scaled)
    base = body_px(factor)
    field = round(base * 1.3)  # the text's line; padding and border come on top
    return scaled + (
        f"QLineEdit, QComboBox, QDateEdit, QSpinBox {{ min-height: {field}px; padding: 2px 8px; }}\n"
        f'QLabel[role="title"] {{ font-size: {round(base * 1.3)}px; }}\n'
        f'QPushButton[role="primary"] {{ font-size: {round(base * 1.1)}px; min-height: 44px; }}\n'
        "QScrollBar:vertical { width: 18px; }\n"
        "QScrollBar:horizontal { height: 18px; }\n"
    )


def apply_console_theme(window: QWidget) -> None:
    apply_theme(window, Theme())
    window.setStyleSheet(console_style(window.styleSheet(), text_factor()))
