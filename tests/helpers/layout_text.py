"""Does a widget's text fit it? Font metrics against the rectangle the style draws text in.

Used by :mod:`helpers.layout_check`. Each ``*_cut`` answers None when the text fits, or how
much room it needs and has. Text that does not fit (or was elided with '…') is accepted only
when the full text is reachable: in the widget's toolTip or accessibleDescription.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from PySide6 import QtGui
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionGroupBox,
    QStyleOptionHeader,
    QStyleOptionToolButton,
    QTabBar,
    QToolButton,
    QWidget,
)

ELLIPSIS = "…"
_BIG = 100_000
# Font metrics are whole pixels rounded up from fractional glyph sizes, and a line's height
# includes the descender's full depth: this much shortfall clips no ink.
SLACK_X, SLACK_Y = 1, 2
_TS = Path(__file__).resolve().parents[2] / "assets" / "i18n" / "loket_en.ts"


def text_cut(widget: QWidget) -> str | None:
    """How the widget's own text overflows it, or None when it fits (or has no text)."""
    if isinstance(widget, QLabel):
        return _label_cut(widget)
    if isinstance(widget, QCheckBox | QRadioButton):
        return _check_cut(widget)
    if isinstance(widget, QPushButton):
        return _push_cut(widget)
    if isinstance(widget, QToolButton):
        return _tool_cut(widget)
    if isinstance(widget, QLineEdit):
        return _line_edit_cut(widget)
    if isinstance(widget, QComboBox):
        return _combo_cut(widget)
    if isinstance(widget, QGroupBox):
        return _group_cut(widget)
    return None


def item_cuts(widget: QWidget) -> list[str]:
    """Tabs, header sections and list items whose text is cut, one line each."""
    if isinstance(widget, QTabBar):
        return _tab_cuts(widget)
    if isinstance(widget, QHeaderView):
        return _header_cuts(widget)
    if isinstance(widget, QListWidget):
        return _list_cuts(widget)
    return []


def shown_text(widget: QWidget) -> str:
    if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QGroupBox):
        return widget.title()
    return ""


def _plain(text: str) -> str:
    if QtGui.Qt.mightBeRichText(text):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def _reachable(widget: QWidget, full: str) -> bool:
    """The full text is one hover or one screen-reader query away."""
    full = " ".join(_plain(full).split())
    for where in (widget.toolTip(), widget.accessibleDescription()):
        if full and full in " ".join(_plain(where).split()):
            return True
    return False


@cache
def _catalogue_words() -> frozenset[str]:
    """Words ending in '…' in the translated texts: a '…' there is meant, not elided."""
    words: set[str] = set()
    if _TS.exists():
        for node in ET.parse(_TS).iter():
            if node.tag in ("source", "translation") and node.text and ELLIPSIS in node.text:
                # "\S+": a bare "…" (after a space) would excuse every cut at a word end
                words.update(re.findall(r"\S+" + ELLIPSIS, node.text))
    return frozenset(words)


def unreachable_elision(widget: QWidget) -> str | None:
    """An elided text ('Administrasi Kepen…') whose full text the person cannot reach."""
    text = _plain(shown_text(widget))
    if text.count(ELLIPSIS) != 1:
        return None  # Qt elides with exactly one '…'; two are written text
    head, _, tail = text.partition(ELLIPSIS)
    if head and tail and (head[-1].isspace() or tail[0].isspace()):
        return None  # "Memuat… / Loading" is a sentence, not a cut in the middle of a word
    words = re.findall(r"\S*" + ELLIPSIS, text)
    if all(word in _catalogue_words() for word in words):
        return None  # "Tiket sedang dicetak…" is the whole message
    for where in (widget.toolTip(), widget.accessibleDescription()):
        full = " ".join(_plain(where).split())
        if (
            len(full) > len(text) - 1
            and full.startswith(" ".join(head.split()))
            and (full.endswith(" ".join(tail.split())))
        ):
            return None
    return f"elided text {text!r} without the full text in its toolTip or accessibleDescription"


def _label_cut(label: QLabel) -> str | None:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    area = label.contentsRect()
    margin = label.margin()
    area.adjust(margin, margin, -margin, -margin)
    metrics = QFontMetrics(label.font())
    indent = label.indent()
    if indent < 0 and label.frameWidth() > 0:
        indent = metrics.horizontalAdvance("x") // 2
    if indent > 0 and not label.alignment() & Qt.AlignmentFlag.AlignHCenter:
        area.setWidth(area.width() - indent)
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    if rich:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(label.font())
        doc.setHtml(text)
        if label.wordWrap():
            doc.setTextWidth(area.width())
        need = QSize(int(doc.idealWidth() + 0.999), int(doc.size().height() + 0.999))
    else:
        # As QLabel measures itself: vertical centring only moves the box (and rounds it up).
        flags = int(label.alignment()) & ~int(
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignBottom
        )
        if label.wordWrap():
            flags |= int(Qt.TextFlag.TextWordWrap)
            box = QRect(0, 0, max(area.width(), 1), _BIG)
        else:
            box = QRect(0, 0, _BIG, _BIG)
        need = metrics.boundingRect(box, flags, text).size()
    if _fits(need, area.size()) or _reachable(label, text):
        return None
    return _overflow(need, area.size())


def _fits(need: QSize, room: QSize) -> bool:
    return need.width() <= room.width() + SLACK_X and need.height() <= room.height() + SLACK_Y


def _overflow(need: QSize, room: QSize) -> str:
    return f"needs {need.width()}×{need.height()} px, has {room.width()}×{room.height()}"


def _text_size(widget: QWidget, text: str) -> QSize:
    return QFontMetrics(widget.font()).size(int(Qt.TextFlag.TextShowMnemonic), text)


def _ink_height(widget: QWidget, text: str) -> int:
    """From the top of the first line's glyphs to the bottom of the last line's.

    A button draws its label centred and clips it only at its own edges, so what must fit
    inside the padding is the ink ("1" at 42 px is 30 px tall), not the font's full line box.
    """
    metrics = QFontMetrics(widget.font())
    lines = text.replace("&&", "\0").replace("&", "").replace("\0", "&").split("\n")
    first = metrics.tightBoundingRect(lines[0] or " ")
    last = metrics.tightBoundingRect(lines[-1] or " ")
    if not lines[0].strip():
        first = QRect(0, -metrics.ascent(), 0, metrics.ascent())
    top = first.top()
    bottom = (len(lines) - 1) * metrics.lineSpacing() + last.bottom()
    return max(bottom - top + 1, 0)


def _button_option(button: QAbstractButton) -> QStyleOptionButton:
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text = button.text()
    option.icon = button.icon()
    option.iconSize = button.iconSize()
    if isinstance(button, QPushButton):
        features = QStyleOptionButton.ButtonFeature.None_
        if button.isFlat():
            features |= QStyleOptionButton.ButtonFeature.Flat
        if button.menu() is not None:
            features |= QStyleOptionButton.ButtonFeature.HasMenu
        if button.autoDefault():
            features |= QStyleOptionButton.ButtonFeature.AutoDefaultButton
        if button.isDefault():
            features |= QStyleOptionButton.ButtonFeature.DefaultButton
        option.features = features
    return option


def _icon_width(button: QAbstractButton, spacing: int = 4) -> int:
    if button.icon().isNull():
        return 0
    return button.iconSize().width() + (spacing if button.text() else 0)


def _push_cut(button: QPushButton) -> str | None:
    text = button.text()
    if not text:
        return None
    option = _button_option(button)
    style = button.style()
    room = style.subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button).size()
    if button.menu() is not None:
        room.setWidth(room.width() - style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator))
    size = _text_size(button, text)
    need = QSize(size.width() + _icon_width(button), _ink_height(button, text))
    if _fits(need, room) or _reachable(button, text):
        return None
    return _overflow(need, room)


def _check_cut(button: QCheckBox | QRadioButton) -> str | None:
    text = button.text()
    if not text:
        return None
    option = _button_option(button)
    contents = _text_size(button, text)
    contents.setWidth(contents.width() + _icon_width(button))
    kind = (
        QStyle.ContentsType.CT_CheckBox
        if isinstance(button, QCheckBox)
        else QStyle.ContentsType.CT_RadioButton
    )
    need = button.style().sizeFromContents(kind, option, contents, button)
    if _fits(need, button.size()) or _reachable(button, text):
        return None
    return _overflow(need, button.size())


def _tool_cut(button: QToolButton) -> str | None:
    text = button.text()
    shape = button.toolButtonStyle()
    if not text or shape == Qt.ToolButtonStyle.ToolButtonIconOnly:
        return None
    option = QStyleOptionToolButton()
    option.initFrom(button)
    option.text = text
    option.toolButtonStyle = shape
    size = _text_size(button, text)
    icon = button.iconSize() if not button.icon().isNull() else QSize(0, 0)
    if shape == Qt.ToolButtonStyle.ToolButtonTextUnderIcon and not icon.isEmpty():
        contents = QSize(max(size.width(), icon.width()), size.height() + icon.height() + 4)
    elif shape == Qt.ToolButtonStyle.ToolButtonTextOnly or icon.isEmpty():
        contents = size
    else:
        contents = QSize(size.width() + icon.width() + 4, max(size.height(), icon.height()))
    need = button.style().sizeFromContents(
        QStyle.ContentsType.CT_ToolButton, option, contents, button
    )
    if _fits(need, button.size()) or _reachable(button, text):
        return None
    return _overflow(need, button.size())


def _line_edit_cut(edit: QLineEdit) -> str | None:
    shown = edit.displayText() or edit.placeholderText()
    option = QStyleOptionFrame()
    option.initFrom(edit)
    option.lineWidth = edit.style().pixelMetric(
        QStyle.PixelMetric.PM_DefaultFrameWidth, option, edit
    )
    room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    room = room.marginsRemoved(edit.textMargins())
    room.adjust(2, 0, -2, 0)  # QLineEdit's own horizontal margin
    metrics = QFontMetrics(edit.font())
    need = QSize(metrics.horizontalAdvance(shown) if shown else 0, metrics.height())
    if not edit.hasFrame() and edit.objectName().startswith("qt_"):
        need.setHeight(0)  # a spin box's editor: the spin box is measured as a whole
    if _fits(need, room.size()) or _reachable(edit, shown):
        return None
    return _overflow(need, room.size())


def _combo_cut(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None  # an editable combo's line edit is measured as a line edit
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.currentText = text
    option.editable = False
    option.frame = combo.hasFrame()
    room = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    metrics = QFontMetrics(combo.font())
    icon = combo.itemIcon(combo.currentIndex())
    need = QSize(
        metrics.horizontalAdvance(text)
        + (combo.iconSize().width() + 4 if not icon.isNull() else 0),
        metrics.height(),
    )
    if _fits(need, room.size()) or _reachable(combo, text):
        return None
    return _overflow(need, room.size())


def _group_cut(group: QGroupBox) -> str | None:
    title = group.title()
    if not title:
        return None
    option = QStyleOptionGroupBox()
    option.initFrom(group)
    option.text = title
    option.lineWidth = 1
    option.subControls = QStyle.SubControl.SC_GroupBoxFrame | QStyle.SubControl.SC_GroupBoxLabel
    if group.isCheckable():
        option.subControls |= QStyle.SubControl.SC_GroupBoxCheckBox
    label = group.style().subControlRect(
        QStyle.ComplexControl.CC_GroupBox, option, QStyle.SubControl.SC_GroupBoxLabel, group
    )
    if group.rect().contains(label) or _reachable(group, title):
        return None
    return f"title needs {label.width()} px from x {label.left()}, the box is {group.width()} px"


def _tab_cuts(bar: QTabBar) -> list[str]:
    metrics = QFontMetrics(bar.font())
    space = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
    problems = []
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        text, rect = bar.tabText(index), bar.tabRect(index)
        icon = bar.iconSize().width() + 4 if not bar.tabIcon(index).isNull() else 0
        need = metrics.size(int(Qt.TextFlag.TextShowMnemonic), text).width() + icon + space
        if not bar.rect().contains(rect):
            problems.append(f"tab {text!r} is off the tab bar (reachable only by scroll arrows)")
        elif rect.width() < need and text not in bar.tabToolTip(index):
            problems.append(f"tab text {text!r} cut (needs {need} px, has {rect.width()})")
    return problems


def _header_cuts(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None or not isinstance(header.parentWidget(), QAbstractItemView):
        return []
    horizontal = header.orientation() == Qt.Orientation.Horizontal
    metrics = QFontMetrics(header.font())
    style = header.style()
    option = QStyleOptionHeader()
    option.initFrom(header)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, option, header)
    mark = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, option, header)
    problems = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if text is None or str(text) == "":
            continue
        text = str(text)
        size = metrics.size(0, text)
        width = size.width() + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            width += mark + margin
        room = QSize(header.sectionSize(section), header.height())
        if not horizontal:
            room = QSize(header.width(), header.sectionSize(section))
        need = QSize(width, size.height())
        tip = model.headerData(section, header.orientation(), Qt.ItemDataRole.ToolTipRole)
        if not _fits(need, room) and not (tip and text in str(tip)):
            problems.append(f"header {text!r} cut ({_overflow(need, room)})")
    return problems


def _list_cuts(view: QListWidget) -> list[str]:
    room = view.viewport().width()
    margin = 2 * view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view)
    problems = []
    for row in range(view.count()):
        item = view.item(row)
        if item.isHidden():
            continue
        own = item.data(Qt.ItemDataRole.FontRole)  # unset: the list's font (style sheet included)
        metrics = QFontMetrics(own if own is not None else view.font())
        if view.wordWrap():
            box = metrics.boundingRect(
                QRect(0, 0, max(room - margin, 1), _BIG), int(Qt.TextFlag.TextWordWrap), item.text()
            )
            need = box.width() + margin
        else:
            need = metrics.horizontalAdvance(item.text()) + margin
        if not item.icon().isNull():
            need += view.iconSize().width() + 4
        if need > room and item.text() not in (item.toolTip() or ""):
            problems.append(f"list item {item.text()!r} cut (needs {need} px, has {room})")
    return problems
