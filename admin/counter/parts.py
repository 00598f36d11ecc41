"""What every counter screen shares: retranslation, buttons that carry their key, labels
whose service message follows the language."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from loket.kiosk.shell.i18n import pick
from loket.kiosk.shell.theme import touch_px

ACTION_MM = 12  # the counter's own actions: big enough for a finger, many on one screen


class Screen(QWidget):
    """One page of the counter window; ``retranslate`` sets every visible text again."""

    def retranslate(self) -> None:
        """Set the texts in the current language (called on every language change)."""

    def entered(self) -> None:
        """The screen has just been shown."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# Room a button's frame and padding take around its text (border, 12 px padding each side).
BUTTON_CHROME = 32


def wrap_words(text: str, width: int, advance: object) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (a longer word keeps its own line)."""
    measure = advance  # QFontMetrics.horizontalAdvance
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and measure(candidate) > width:  # type: ignore[operator]
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


class KeyButton(QPushButton):
    """A button whose caption ends with its key: ``Panggil ulang  [F2]`` on one line where
    it fits, else the key goes under the caption and the caption wraps; never cut."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._caption = ""

    def caption(self) -> str:
        return self._caption

    def set_caption(self, text: str) -> None:
        self._caption = text
        key = self.property("keyText")
        # On one line until a resize shows it does not fit: the layout first gets to widen it.
        self.setText(f"{text}  [{key}]" if key else text)
        QTimer.singleShot(0, self, self._relabel)  # after the layout has had its say

    def _relabel(self) -> None:
        key = self.property("keyText")
        one_line = f"{self._caption}  [{key}]" if key else self._caption
        metrics = self.fontMetrics()
        room = max(20, self.width() - BUTTON_CHROME)
        if metrics.horizontalAdvance(one_line) <= room:
            text = one_line
        else:
            lines = wrap_words(self._caption, room, metrics.horizontalAdvance)
            if key:
                last = f"{lines[-1]}  [{key}]"
                if metrics.horizontalAdvance(last) <= room:
                    lines[-1] = last
                else:
                    lines.append(f"[{key}]")
            text = "\n".join(lines)
        if text != self.text():
            self.setText(text)
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        # Asks for its one-line width but can take less: the text then wraps.
        key = self.property("keyText")
        one_line = f"{self._caption}  [{key}]" if key else self._caption
        return QSize(self.fontMetrics().horizontalAdvance(one_line) + BUTTON_CHROME, hint.height())

    def minimumSizeHint(self) -> QSize:
        key = self.property("keyText")
        words = self._caption.split() + ([f"[{key}]"] if key else [])
        widest = max((self.fontMetrics().horizontalAdvance(word) for word in words), default=0)
        return QSize(widest + BUTTON_CHROME, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relabel()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._relabel()


def key_button(name: str, key: str | None = None, primary: bool = False) -> KeyButton:
    """A touch-sized button; ``key`` (e.g. ``"F1"``) presses it from the keyboard.

    The shortcut belongs to the button, so it only works while the button is on
    screen and enabled: two pages may use the same key for different actions.
    """
    button = KeyButton()
    button.setObjectName(name)
    button.setMinimumHeight(touch_px(ACTION_MM if primary else 0))
    button.setMinimumWidth(touch_px(0))
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    if primary:
        button.setProperty("role", "primary")
    if key:
        sequence = QKeySequence(key)
        shown = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        button.setProperty("keyText", shown.replace("Return", "Enter"))
        # A QShortcut clicks at once; QPushButton.setShortcut would animate for 100 ms.
        shortcut = QShortcut(sequence, button)
        shortcut.activated.connect(button.click)
    return button


def set_caption(button: QPushButton, text: str) -> None:
    """The button's text with its key shown after it: ``Panggil berikutnya  [F1]``."""
    if isinstance(button, KeyButton):
        button.set_caption(text)
        return
    key = button.property("keyText")
    button.setText(f"{text}  [{key}]" if key else text)


def key_of(button: QPushButton) -> str:
    """The key that presses ``button`` (empty when it has none)."""
    return str(button.property("keyText") or "")


def label(role: str | None = None, wrap: bool = True, name: str = "") -> QLabel:
    widget = QLabel()
    if role:
        widget.setProperty("role", role)
    if name:
        widget.setObjectName(name)
    widget.setWordWrap(wrap)
    return widget


def wrap_lines(view: QListWidget) -> None:
    """A list whose long lines wrap inside it instead of running off its right edge."""
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)


def show_message(widget: QLabel, message_id: str, message_en: str) -> None:
    """Show a service message (or any text in both languages) in the current language;
    :func:`repick` shows it again in the other one after a language change."""
    widget.setProperty("message_id", message_id)
    widget.setProperty("message_en", message_en)
    widget.setText(pick(message_id, message_en))


def repick(root: QWidget) -> None:
    """Every message shown with :func:`show_message` under ``root``, in the current language."""
    for widget in root.findChildren(QLabel):
        message_id = widget.property("message_id")
        if message_id is not None:
            widget.setText(pick(str(message_id), str(widget.property("message_en") or "")))
