"""The counter's look: the public screens' theme, at the desktop's text size.

The theme's sizes are for the application font the Loket apps start with (13 pt, see
``create_app``); an officer whose desktop asks for larger text gets every size scaled
with it. Fields are compact (the officer types on a keyboard); buttons keep their touch
size.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication, QWidget

from loket.kiosk.shell.app import DEFAULT_POINT_SIZE
from loket.kiosk.shell.theme import Theme, apply_theme

BASE_PX = 20  # the theme's body text, at the apps' own 13 pt application font


def text_factor() -> float:
    """How much larger than the default the desktop's text is (never smaller)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return 1.0
    points = app.font().pointSizeF()
    return max(1.0, points / DEFAULT_POINT_SIZE) if points > 0 else 1.0


def counter_style(css: str, factor: float) -> str:
    """``css`` with every font size scaled by ``factor``, plus the counter's own rules."""
    scaled = re.sub(
        r"font-size: (\d+)px", lambda m: f"font-size: {round(int(m[1]) * factor)}px", css
    )
    base = round(BASE_PX * factor)
    field = round(base * 1.25)  # the text's line; padding and border come on top
    return scaled + (
        f"QLineEdit, QComboBox {{ min-height: {field}px; padding: 2px 8px; }}\n"
        f"QLabel#current_number {{ font-size: {round(base * 2.6)}px; }}\n"
        f'QLabel[role="title"] {{ font-size: {round(base * 1.3)}px; }}\n'
        f"QLabel#office_name {{ font-size: {round(base * 0.9)}px; }}\n"
        'QLabel[role="banner"] { padding: 4px; }\n'
        f'QPushButton[role="primary"] {{ font-size: {round(base * 1.2)}px; }}\n'
    )


def apply_counter_theme(window: QWidget) -> None:
    apply_theme(window, Theme())
    window.setStyleSheet(counter_style(window.styleSheet(), text_factor()))
