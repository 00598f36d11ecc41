"""Looks for public screens: normal, large text and high contrast, in touch-sized units."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

PRIMARY_MM = 15
MIN_TOUCH_PX = 44
_MM_PER_INCH = 25.4


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
        # physicalDotsPerInch counts device pixels; Qt lays out in logical pixels.
        ratio = screen.devicePixelRatio() or 1.0
        dpi = screen.physicalDotsPerInch() or 96.0
        dots_per_mm = dpi / ratio / _MM_PER_INCH
    return max(MIN_TOUCH_PX, round(mm * dots_per_mm))


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


def stylesheet(theme: Theme, primary_px: int, touch_min_px: int = MIN_TOUCH_PX) -> str:
    """The Qt stylesheet for ``theme``; widgets opt into roles with the ``role`` property."""
    c = _palette(theme)
    # Read at arm's length on a 15–22" touch screen: 20 px is about 3.5 mm at 1080p.
    base = 28 if theme.large_text else 20
    big = round(base * 1.5)
    huge = round(base * 4)
    border = 3 if theme.high_contrast else 2
    return f"""
* {{ font-size: {base}px; }}
QWidget {{ background: {c["bg"]}; color: {c["fg"]}; }}
QLabel[role="title"] {{ font-size: {big}px; font-weight: bold; }}
QLabel[role="number"] {{ font-size: {huge}px; font-weight: bold; color: {c["fg"]}; }}
QLabel[role="muted"] {{ color: {c["muted"]}; }}
QLabel[role="error"] {{ color: {c["error_fg"]}; font-weight: bold; }}
QLabel[role="banner"] {{ background: {c["warn_bg"]}; color: {c["warn_fg"]};
    border: {border}px solid {c["warn_fg"]}; border-radius: 8px; padding: 10px; }}
QPushButton, QToolButton {{ min-height: {touch_min_px}px; min-width: {touch_min_px}px;
    background: {c["button"]}; color: {c["button_fg"]};
    border: {border}px solid {c["border"]}; border-radius: 8px; padding: 6px 12px; }}
QPushButton:pressed, QPushButton:checked {{ background: {c["primary"]}; color: {c["primary_fg"]}; }}
QPushButton:disabled {{ color: {c["disabled_fg"]}; border-style: dashed; }}
QPushButton[role="primary"] {{ min-height: {primary_px}px; font-size: {big}px; font-weight: bold;
    background: {c["primary"]}; color: {c["primary_fg"]}; border-color: {c["primary"]}; }}
QPushButton[role="primary"]:disabled {{ background: {c["button"]}; color: {c["disabled_fg"]};
    border-color: {c["border"]}; }}
QPushButton[role="service"] {{ min-height: {primary_px * 2}px; font-size: {round(base * 1.8)}px;
    text-align: left; padding: 12px 20px; }}
QPushButton[role="key"] {{ font-size: {big}px; padding: 2px; }}
QLineEdit, QTextEdit, QPlainTextEdit, QComboBox {{ min-height: {touch_min_px}px;
    background: {c["panel"]}; color: {c["fg"]};
    border: {border}px solid {c["border"]}; border-radius: 6px; padding: 4px 8px; }}
QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus {{ border-color: {c["primary"]};
    border-width: {border + 1}px; }}
QScrollBar:vertical {{ width: {touch_min_px}px; }}
"""


def apply_theme(target: QApplication | QWidget, theme: Theme) -> None:
    """Set the stylesheet of the whole app or of one window."""
    widget = target if isinstance(target, QWidget) else None
    target.setStyleSheet(stylesheet(theme, touch_px(PRIMARY_MM, widget), touch_px(0, widget)))
    if widget is not None:
        widget.setProperty("loketTheme", (theme.large_text, theme.high_contrast))


def current_theme(widget: QWidget) -> Theme:
    """The theme last applied to ``widget`` (default when none was)."""
    value = widget.property("loketTheme")
    if isinstance(value, (tuple, list)) and len(value) == 2:
        return Theme(large_text=bool(value[0]), high_contrast=bool(value[1]))
    return Theme()
