"""An on-screen keyboard inside the kiosk window (no separate top-level window).

It types into the focused ``QLineEdit``/``QTextEdit``/``QPlainTextEdit`` of its own
window; its keys never take the focus, so the text field keeps its cursor.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QWidget,
)

from loket.kiosk.shell.theme import touch_px

# QWERTY is what Indonesian phones and computers use; the last row carries the
# punctuation of addresses, phone numbers and agency names (RT/RW, No. 12-A, PT.).
LETTER_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl-", "zxcvbnm,./")
DIGIT_ROWS = ("123", "456", "789")
KEY_MM = 11
MAX_KEY_FACTOR = 1.6  # keys grow with free space, up to this much taller than KEY_MM

Editable = QLineEdit | QTextEdit | QPlainTextEdit


class OnScreenKeyboard(QWidget):
    """Letters, digits, space, backspace and shift; ``digits_only`` shows a number pad."""

    typed = Signal(str)

    def __init__(self, parent: QWidget | None = None, digits_only: bool = False) -> None:
        super().__init__(parent)
        self._shift = False
        self._digits_only = digits_only
        self._target: Editable | None = None
        self.keys: dict[str, QPushButton] = {}
        size = touch_px(KEY_MM, self)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(5)
        if digits_only:
            # A phone's pad: every key the same size, "0" under "8", erase beside it.
            for row, keys in enumerate(DIGIT_ROWS):
                for column, char in enumerate(keys):
                    layout.addWidget(self._key(char, size, char), row, column)
            layout.addWidget(self._key("0", size, "0"), 3, 1)
            self.backspace_key = self._key("⌫", size, "backspace")
            layout.addWidget(self.backspace_key, 3, 2)
            for column in range(3):
                layout.setColumnStretch(column, 1)
        else:
            # Twenty half-key columns: letters take two, the bottom row's keys more.
            for row, keys in enumerate(LETTER_ROWS):
                for column, char in enumerate(keys):
                    layout.addWidget(self._key(char, size, char), row, column * 2, 1, 2)
            bottom = len(LETTER_ROWS)
            self.shift_key = self._key("⇧", size, "shift")
            self.shift_key.setCheckable(True)
            layout.addWidget(self.shift_key, bottom, 0, 1, 3)
            layout.addWidget(self._key("@", size, "@"), bottom, 3, 1, 2)
            self.space_key = self._key("", size, "space")
            layout.addWidget(self.space_key, bottom, 5, 1, 11)
            self.backspace_key = self._key("⌫", size, "backspace")
            layout.addWidget(self.backspace_key, bottom, 16, 1, 4)
            for column in range(20):
                layout.setColumnStretch(column, 1)
        self._retranslate()

    def _key(self, label: str, size: int, name: str) -> QPushButton:
        button = QPushButton(label)
        button.setProperty("role", "key")
        button.setObjectName(f"key_{name}")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumSize(size, size)
        button.setMaximumHeight(round(size * MAX_KEY_FACTOR))
        # Equal keys: the width comes from the grid's columns, never from the label.
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        button.clicked.connect(lambda: self.press(name))
        self.keys[name] = button
        return button

    def _retranslate(self) -> None:
        if not self._digits_only:
            self.space_key.setText(self.tr("spasi"))
        self.backspace_key.setToolTip("")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def set_target(self, widget: Editable | None) -> None:
        """Type into ``widget`` regardless of focus (else the window's focused field)."""
        self._target = widget

    def target(self) -> Editable | None:
        focused = self.window().focusWidget()
        if isinstance(focused, Editable) and not focused.isReadOnly():
            return focused
        return self._target

    def press(self, name: str) -> None:
        """What a tap on the key called ``name`` does (``shift``, ``space``, ``backspace``, a char)."""
        if name == "shift":
            self._set_shift(not self._shift)
            return
        target = self.target()
        if target is None:
            return
        if name == "backspace":
            if isinstance(target, QLineEdit):
                target.backspace()
            else:
                target.textCursor().deletePreviousChar()
            return
        text = " " if name == "space" else name
        if self._shift:
            text = text.upper()
            self._set_shift(False)
        if isinstance(target, QLineEdit):
            target.insert(text)
        else:
            target.insertPlainText(text)
        self.typed.emit(text)

    def _set_shift(self, on: bool) -> None:
        self._shift = on
        if self._digits_only:
            return
        self.shift_key.setChecked(on)
        for name, button in self.keys.items():
            if len(name) == 1 and name.isalpha():
                button.setText(name.upper() if on else name)

    def type_text(self, text: str) -> None:
        """Press the keys for ``text`` one by one (tests and demo scripts)."""
        for char in text:
            if char == " ":
                self.press("space")
            elif char.isupper():
                self.press("shift")
                self.press(char.lower())
            else:
                self.press(char)
