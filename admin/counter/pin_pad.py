"""A PIN field with a number pad: tap the digits or type them; Enter submits."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from loket.kiosk.shell.theme import touch_px

KEY_MM = 11


class PinPad(QWidget):
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.field = QLineEdit()
        self.field.setObjectName("pin")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(8)
        self.field.setValidator(QRegularExpressionValidator(r"\d{0,8}", self.field))
        self.field.returnPressed.connect(self.submitted)
        layout.addWidget(self.field)
        grid = QGridLayout()
        grid.setSpacing(6)
        size = touch_px(KEY_MM, self)
        self.keys: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit, digit, size), index // 3, index % 3)
        grid.addWidget(self._key("⌫", "erase", size), 3, 0)
        grid.addWidget(self._key("0", "0", size), 3, 1)
        grid.addWidget(self._key("C", "clear", size), 3, 2)
        layout.addLayout(grid)

    def _key(self, text: str, name: str, size: int) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"pin_{name}")
        button.setProperty("role", "key")
        button.setMinimumSize(size, size)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the cursor
        if name == "erase":
            button.clicked.connect(self.field.backspace)
        elif name == "clear":
            button.clicked.connect(self.field.clear)
        else:
            button.clicked.connect(lambda: self.field.insert(text))
        self.keys[name] = button
        return button

    def pin(self) -> str:
        return self.field.text()

    def clear(self) -> None:
        self.field.clear()
