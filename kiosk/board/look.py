"""The board's colours and type: high contrast, sized for a 1920×1080 TV across the room."""

from __future__ import annotations

from PySide6.QtGui import QFont

DESIGN_WIDTH = 1920
DESIGN_HEIGHT = 1080

BACKGROUND = "#000000"
PANEL = "#0d1b2a"
TEXT = "#ffffff"
MUTED = "#c8d2dc"
NUMBER = "#ffd200"
FLASH_BG = "#ffd200"
FLASH_FG = "#000000"
LINE = "#3a4b5c"


def font(px: float, scale: float = 1.0, bold: bool = True) -> QFont:
    """A font ``px`` pixels tall on the 1080-line design, scaled to the real window."""
    result = QFont()
    result.setPixelSize(max(10, round(px * scale)))
    result.setBold(bold)
    return result


STYLE = f"""
QWidget#board {{ background: {BACKGROUND}; color: {TEXT}; }}
QFrame#panel {{ background: {PANEL}; border: 2px solid {LINE}; border-radius: 12px; }}
QLabel {{ color: {TEXT}; background: transparent; }}
QLabel[role="title"] {{ color: {MUTED}; }}
QLabel[role="number"] {{ color: {NUMBER}; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
"""
