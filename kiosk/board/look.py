"""The board's colours and type: high contrast, sized to the screen it is on.

Sizes are written for a 1366×768 TV seen from 5 m and scale with the screen's short
side (``unit``): the height of a landscape TV, the width of a portrait one. Text that
does not fit its place shrinks (to a legible minimum) or wraps; it is never cut.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics

# The short side of the 1366×768 TV every size below is written for.
REFERENCE_SIDE = 768
DEFAULT_WIDTH = 1920
DEFAULT_HEIGHT = 1080
# A service name or a counter seen from 5 m on a 1366×768 TV: never smaller than this.
LEGIBLE_PX = 26

BACKGROUND = "#000000"
PANEL = "#0d1b2a"
TEXT = "#ffffff"
MUTED = "#c8d2dc"
NUMBER = "#ffd200"
FLASH_BG = "#ffd200"
FLASH_FG = "#000000"
LINE = "#3a4b5c"


def unit(width: int, height: int) -> float:
    """How much larger than the 1366×768 design a ``width``×``height`` window is."""
    return max(0.5, min(width, height) / REFERENCE_SIDE)


def font(px: float, scale: float = 1.0, bold: bool = True) -> QFont:
    """A font ``px`` pixels tall on the 768-line design, scaled to the real window."""
    result = QFont()
    result.setPixelSize(max(10, round(px * scale)))
    result.setBold(bold)
    return result


def wrapped_size(text: str, px: int, width: int, bold: bool = True) -> tuple[int, int]:
    """(widest line, height) of ``text`` word-wrapped into ``width`` at ``px`` pixels."""
    metrics = QFontMetrics(font(px, bold=bold))
    flags = int(Qt.TextFlag.TextWordWrap)
    rect = metrics.boundingRect(QRect(0, 0, max(1, width), 1_000_000), flags, text)
    return rect.width(), rect.height()


def lines_at(text: str, px: int, width: int, bold: bool = True) -> int:
    """How many lines ``text`` takes word-wrapped into ``width`` (more than it can: a word
    wider than ``width`` counts as not fitting at all)."""
    widest, height = wrapped_size(text, px, width, bold)
    if widest > width:
        return 1_000
    return max(1, round(height / QFontMetrics(font(px, bold=bold)).lineSpacing()))


def fitted_px(
    text: str, width: int, start: float, least: float, lines: int = 1, bold: bool = True
) -> int:
    """The largest size from ``start`` down to ``least`` at which ``text`` fits ``width`` in
    at most ``lines`` lines; ``least`` when even that does not (it then wraps further)."""
    top, bottom = max(10, round(start)), max(10, round(least))
    if not text:
        return top
    if top <= bottom:
        return bottom
    if lines_at(text, top, width, bold) <= lines:
        return top
    low, high = bottom, top  # lines_at(high) > lines
    if lines_at(text, low, width, bold) > lines:
        return bottom
    while high - low > 1:
        middle = (low + high) // 2
        if lines_at(text, middle, width, bold) <= lines:
            low = middle
        else:
            high = middle
    return low


STYLE = f"""
QWidget#board {{ background: {BACKGROUND}; color: {TEXT}; }}
QFrame#panel {{ background: {PANEL}; border: 2px solid {LINE}; border-radius: 12px; }}
QLabel {{ color: {TEXT}; background: transparent; }}
QLabel[role="title"] {{ color: {MUTED}; }}
QLabel[role="number"] {{ color: {NUMBER}; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
"""
