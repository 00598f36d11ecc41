"""What a person would see wrong on a shown window: controls off-window, overlaps, cut text.

``layout_problems`` walks every visible widget under the given top-level widgets and returns
one readable line per defect, naming the widget and its parents. It measures with the
widget's own font (style sheets are applied once the widget is polished), the style's
contents rectangles and the screen's DPI, so what it reports is what the screen shows.
Text measurement is in :mod:`helpers.layout_text`.
"""

from __future__ import annotations

from collections.abc import Iterable

from helpers.layout_text import ELLIPSIS, item_cuts, shown_text, text_cut, unreachable_elision
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QFocusFrame,
    QLineEdit,
    QPushButton,
    QRubberBand,
    QSizeGrip,
    QStackedLayout,
    QTabBar,
    QToolButton,
    QWidget,
)

KIOSK_MIN_PX = 44
DESKTOP_MIN_BUTTON_HEIGHT = 24
PRIMARY_ROLES = ("primary", "service")


def layout_problems(
    widgets: Iterable[QWidget], *, kiosk: bool, display: tuple[int, int] | None = None
) -> list[str]:
    """Every layout defect visible on ``widgets`` (top-level windows or dialogs), one per line."""
    problems: list[str] = []
    for top in widgets:
        problems += _window_problems(top, display)
        shown = _visible_descendants(top)
        for widget in shown:
            problems += _geometry_problems(top, widget)
            problems += _text_problems(top, widget)
            problems += _touch_problems(top, widget, kiosk)
        for parent in [top, *shown]:
            problems += _overlap_problems(top, parent)
    return problems


# ---------------------------------------------------------------- naming


def describe(widget: QWidget) -> str:
    """``Class#objectName "text"`` — enough to find the widget in the code."""
    name = type(widget).__name__
    if widget.objectName():
        name += f"#{widget.objectName()}"
    text = shown_text(widget)
    if text:
        flat = " ".join(text.split())
        name += f' "{flat[:50]}{ELLIPSIS if len(flat) > 50 else ""}"'
    return name


def _path(top: QWidget, widget: QWidget) -> str:
    chain: list[str] = []
    node: QWidget | None = widget.parentWidget()
    while node is not None and node is not top:
        chain.append(type(node).__name__ + (f"#{node.objectName()}" if node.objectName() else ""))
        node = node.parentWidget()
    chain.append(type(top).__name__ + (f"#{top.objectName()}" if top.objectName() else ""))
    return " > ".join(reversed(chain))


def _where(top: QWidget, widget: QWidget) -> str:
    return f"{describe(widget)} in {_path(top, widget)}"


# ---------------------------------------------------------------- walking


def _visible_descendants(top: QWidget) -> list[QWidget]:
    found: list[QWidget] = []
    for child in top.findChildren(QWidget):
        if child.isWindow() or child.window() is not top:
            continue  # a dialog or pop-up of its own: checked when passed in
        if child.isVisibleTo(top):
            found.append(child)
    return found


def _is_viewport(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget


def _is_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside its own widgets (scroll bars, spin-box editors, tab arrows)."""
    if isinstance(widget, QFocusFrame | QRubberBand | QSizeGrip):
        return True
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    return isinstance(parent, QAbstractScrollArea | QTabBar | QLineEdit | QComboBox)


def _window_problems(top: QWidget, display: tuple[int, int] | None) -> list[str]:
    if not top.isVisible():
        return [f"{describe(top)} is not shown"]
    if display is None:
        return []
    width, height = display
    got = top.size()
    if got.width() > width or got.height() > height:
        need = top.minimumSizeHint().expandedTo(top.minimumSize())
        return [
            f"{describe(top)} is {got.width()}×{got.height()} px on a {width}×{height} display "
            f"(its layout needs at least {need.width()}×{need.height()})"
        ]
    return []


# ---------------------------------------------------------------- geometry


def _geometry_problems(top: QWidget, widget: QWidget) -> list[str]:
    parent = widget.parentWidget()
    if parent is None or _is_viewport(parent):
        return []  # the content of a scroll area may scroll: only the area itself must fit
    box, inside = widget.geometry(), parent.rect()
    if box.isEmpty() or inside.contains(box):
        return []
    sides = []
    if box.left() < inside.left():
        sides.append(f"{inside.left() - box.left()} px past the left")
    if box.top() < inside.top():
        sides.append(f"{inside.top() - box.top()} px past the top")
    if box.right() > inside.right():
        sides.append(f"{box.right() - inside.right()} px past the right")
    if box.bottom() > inside.bottom():
        sides.append(f"{box.bottom() - inside.bottom()} px past the bottom")
    at = widget.mapTo(top, widget.rect().topLeft())
    return [
        f"outside its parent ({', '.join(sides)} of {type(parent).__name__}, "
        f"{parent.width()}×{parent.height()}; at {at.x()},{at.y()} size "
        f"{box.width()}×{box.height()} in the window): {_where(top, widget)}"
    ]


def _overlap_problems(top: QWidget, parent: QWidget) -> list[str]:
    if isinstance(parent, QAbstractScrollArea):
        return []
    layout = parent.layout()
    if isinstance(layout, QStackedLayout) and (
        layout.stackingMode() == QStackedLayout.StackingMode.StackAll
    ):
        return []
    children = [
        child
        for child in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if not child.isWindow()
        and child.isVisibleTo(top)
        and not _is_internal(child)
        and not child.property("layout_overlay")
        and not child.geometry().isEmpty()
    ]
    problems = []
    for i, first in enumerate(children):
        for second in children[i + 1 :]:
            common = first.geometry().intersected(second.geometry())
            if common.width() > 0 and common.height() > 0:
                problems.append(
                    f"overlaps its sibling {describe(second)} by {common.width()}×"
                    f"{common.height()} px (at {_box(first)} and {_box(second)} in "
                    f"{type(parent).__name__}): {_where(top, first)}"
                )
    return problems


def _box(widget: QWidget) -> str:
    box = widget.geometry()
    return f"{box.x()},{box.y()} {box.width()}×{box.height()}"


# ---------------------------------------------------------------- touch


def mm_in_px(mm: float, widget: QWidget) -> int:
    """Logical pixels for ``mm`` on the widget's screen.

    QScreen.physicalDotsPerInch divides the screen's logical (device-independent) size by its
    physical size, so it already counts logical pixels per inch at any scale factor.
    """
    screen = widget.screen()
    dpi = screen.physicalDotsPerInch() if screen is not None else 96.0
    return round(mm * (dpi or 96.0) / 25.4)


def _touch_problems(top: QWidget, widget: QWidget, kiosk: bool) -> list[str]:
    if not isinstance(widget, QAbstractButton) or _is_internal(widget):
        return []
    w, h = widget.width(), widget.height()
    if not kiosk:
        if isinstance(widget, QPushButton | QToolButton) and h < DESKTOP_MIN_BUTTON_HEIGHT:
            return [
                f"button {h} px high, under {DESKTOP_MIN_BUTTON_HEIGHT} px: {_where(top, widget)}"
            ]
        return []
    if widget.property("primary") is True or widget.property("role") in PRIMARY_ROLES:
        from loket.kiosk.shell.theme import PRIMARY_MM, touch_px

        need = max(touch_px(PRIMARY_MM, widget), mm_in_px(PRIMARY_MM, widget))
        if w < need or h < need:
            return [
                f"primary action {w}×{h} px, under {PRIMARY_MM} mm ({need} px at this "
                f"screen's DPI): {_where(top, widget)}"
            ]
    if w < KIOSK_MIN_PX or h < KIOSK_MIN_PX:
        return [
            f"touch target {w}×{h} px, under {KIOSK_MIN_PX}×{KIOSK_MIN_PX}: {_where(top, widget)}"
        ]
    return []


# ---------------------------------------------------------------- text


def _text_problems(top: QWidget, widget: QWidget) -> list[str]:
    if isinstance(widget, QToolButton) and _is_internal(widget):
        return []
    widget.ensurePolished()
    problems = [f"{line}: {_where(top, widget)}" for line in item_cuts(widget)]
    found = text_cut(widget)
    if found is not None:
        problems.append(f"text cut ({found}): {_where(top, widget)}")
    elided = unreachable_elision(widget)
    if elided:
        problems.append(f"{elided}: {_where(top, widget)}")
    return problems
