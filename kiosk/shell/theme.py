"""Looks for public screens: normal, large text and high contrast, in touch-sized units."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

PRIMARY_MM = 15
MIN_TOUCH_PX = 44
_MM_PER_INCH = 25.4
# Visitor text follows the screen: 24 px body at 1366×768 and 1024×768 (read at arm's
# length), 34 px on a 1920×1080 panel; large text is 1.2× that. Never below MIN_TEXT_PX.
BODY_PX = 20  # the admin and counter apps' body text (they use the desktop's size)
MIN_TEXT_PX = 18
LARGE_FACTOR = 1.2
SHORT_SIDE_LINES = 32  # body lines on the short side of the screen
LONG_SIDE_LINES = 42


@dataclass(frozen=True)
class Theme:
    large_text: bool = False
    high_contrast: bool = False


def touch_px(mm: float, widget: QWidget | None = None) -> int:
    """Logical pixels for ``mm`` millimetres on the widget's screen; never below 44."""
    screen = widget.screen() if widget is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    if screen is None:
        dots_per_mm = 96 / _MM_PER_INCH
    else:
        # Qt computes physicalDotsPerInch from the logical geometry, so it already counts
        # the logical pixels layouts use: dividing by devicePixelRatio halves it at scale 2.
        dpi = screen.physicalDotsPerInch() or 96.0
        dots_per_mm = dpi / _MM_PER_INCH
    return max(MIN_TOUCH_PX, round(mm * dots_per_mm))


def body_px(width: int, height: int, large_text: bool = False) -> int:
    """The body text size for a ``width``×``height`` window (logical px)."""
    short, long = sorted((max(width, 1), max(height, 1)))
    unit = min(short / SHORT_SIDE_LINES, long / LONG_SIDE_LINES)
    if large_text:
        unit *= LARGE_FACTOR
    return max(MIN_TEXT_PX, round(unit))


def _palette(theme: Theme) -> dict[str, str]:
    if theme.high_contrast:
        return {
            "bg": "#000000",
            "fg": "#ffffff",
            "panel": "#000000",
            "primary": "#ffff00",
            "primary_fg": "#000000",
            "button": "#000000",
            "button_fg": "#ffffff",
            "border": "#ffffff",
            "muted": "#ffffff",
            "warn_bg": "#000000",
            "warn_fg": "#ffff00",
            "error_fg": "#ffff00",
            "disabled_fg": "#bbbbbb",
        }
    return {
        "bg": "#f4f6f8",
        "fg": "#1a1a1a",
        "panel": "#ffffff",
        "primary": "#0b4f8a",
        "primary_fg": "#ffffff",
        "button": "#ffffff",
        "button_fg": "#0b2e4f",
        "border": "#8a9bb0",
        "muted": "#4a5563",
        "warn_bg": "#fff4d6",
        "warn_fg": "#5c3d00",
        "error_fg": "#9b1c1c",
        "disabled_fg": "#6b7280",
    }


def stylesheet(
    theme: Theme, primary_px: int, touch_min_px: int = MIN_TOUCH_PX, base_px: int | None = None
) -> str:
    """The Qt stylesheet for ``theme``; widgets opt into roles with the ``role`` property.

    ``base_px`` is the body text (see :func:`body_px`); without it the desktop apps' 20 px
    (28 px in large text)."""
    c = _palette(theme)
    if base_px is None:  # the desktop apps' sizes, as they were designed
        base = 28 if theme.large_text else BODY_PX
        big, huge = round(base * 1.5), round(base * 4)
    else:  # the kiosk: scaled to the screen, so titles need less on top of the body
        base = base_px
        big, huge = round(base * 1.3), round(base * 3.2)
    answer = round(base * 1.4)
    small = max(MIN_TEXT_PX, round(base * 0.85))
    border = 3 if theme.high_contrast else 2
    # CSS min-height counts the contents only. The desktop apps keep theirs; kiosk widgets
    # set their own minimum (44 px, 15 mm primary), so padding is not added on top.
    if base_px is None:
        button_min = f"min-height: {touch_min_px}px; min-width: {touch_min_px}px;"
        primary_min = f"min-height: {primary_px}px;"
        field_min = touch_min_px
    else:
        button_min = primary_min = ""
        field_min = max(0, touch_min_px - 2 * (4 + border + 1))
    return f"""
* {{ font-size: {base}px; }}
QWidget {{ background: {c["bg"]}; color: {c["fg"]}; }}
QLabel[role="title"] {{ font-size: {big}px; font-weight: bold; }}
QLabel[role="number"] {{ font-size: {huge}px; font-weight: bold; color: {c["fg"]}; }}
QLabel[role="muted"] {{ color: {c["muted"]}; }}
QLabel[role="error"] {{ color: {c["error_fg"]}; font-weight: bold; }}
QLabel[role="banner"] {{ background: {c["warn_bg"]}; color: {c["warn_fg"]};
    border: {border}px solid {c["warn_fg"]}; border-radius: 8px; padding: 10px; }}
QPushButton, QToolButton {{ {button_min}
    background: {c["button"]}; color: {c["button_fg"]};
    border: {border}px solid {c["border"]}; border-radius: 8px; padding: 6px 12px; }}
QPushButton:pressed, QPushButton:checked {{ background: {c["primary"]}; color: {c["primary_fg"]}; }}
QPushButton:disabled {{ color: {c["disabled_fg"]}; border-style: dashed; }}
QPushButton[role="primary"] {{ {primary_min} font-size: {big}px; font-weight: bold;
    background: {c["primary"]}; color: {c["primary_fg"]}; border-color: {c["primary"]}; }}
QPushButton[role="primary"]:disabled {{ background: {c["button"]}; color: {c["disabled_fg"]};
    border-color: {c["border"]}; }}
QPushButton[role="service"] {{ {primary_min} font-size: {round(base * 1.5)}px;
    text-align: left; padding: 6px 14px; }}
QPushButton[role="answer"] {{ {primary_min} font-size: {answer}px;
    text-align: left; padding: 6px 14px; }}
QPushButton[role="key"] {{ font-size: {big if base_px is None else base}px; padding: 2px; }}
QPushButton[role="toggle"] {{ font-size: {small}px; padding: 4px 8px; }}
QLabel[role="small"] {{ font-size: {small}px; }}
QLabel#front_desk_banner {{ font-size: {small}px; padding: 6px; }}
QLabel[role="counter"] {{ font-size: {small}px; color: {c["muted"]}; }}
QLineEdit, QTextEdit, QPlainTextEdit, QComboBox {{ min-height: {field_min}px;
    background: {c["panel"]}; color: {c["fg"]};
    border: {border}px solid {c["border"]}; border-radius: 6px; padding: 4px 8px; }}
QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus {{ border-color: {c["primary"]};
    border-width: {border + 1}px; }}
QScrollBar:vertical {{ width: {touch_min_px}px; }}
"""


def apply_theme(target: QApplication | QWidget, theme: Theme, base_px: int | None = None) -> None:
    """Set the stylesheet of the whole app or of one window (``base_px``: body text size)."""
    widget = target if isinstance(target, QWidget) else None
    target.setStyleSheet(
        stylesheet(theme, touch_px(PRIMARY_MM, widget), touch_px(0, widget), base_px)
    )
    if widget is not None:
        widget.setProperty("loketTheme", (theme.large_text, theme.high_contrast))


def current_theme(widget: QWidget) -> Theme:
    """The theme last applied to ``widget`` (default when none was)."""
    value = widget.property("loketTheme")
    if isinstance(value, (tuple, list)) and len(value) == 2:
        return Theme(large_text=bool(value[0]), high_contrast=bool(value[1]))
    return Theme()
