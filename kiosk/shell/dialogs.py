"""Modal questions behind a small interface, so tests script the answers and never block."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from loket.kiosk.shell.theme import touch_px


class DialogService(Protocol):
    def inform(self, title: str, text: str) -> None: ...

    def confirm(self, title: str, text: str) -> bool: ...

    def ask_pin(self, title: str) -> str | None: ...

    def choose_file(self, title: str, pattern: str) -> str | None: ...


class PinDialog(QDialog):
    """A PIN pad that works on a touch screen with no keyboard."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        layout = QVBoxLayout(self)
        label = QLabel(title)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(8)
        layout.addWidget(self.field)
        grid = QGridLayout()
        size = touch_px(12, parent)
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit, size), index // 3, index % 3)
        erase = QPushButton("⌫")
        erase.setMinimumSize(size, size)
        erase.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        erase.clicked.connect(self.field.backspace)
        grid.addWidget(erase, 3, 0)
        grid.addWidget(self._key("0", size), 3, 1)
        layout.addLayout(grid)
        buttons = QHBoxLayout()
        cancel = QPushButton(self.tr("Batal"))
        ok = QPushButton(self.tr("OK"))
        for button in (cancel, ok):
            button.setMinimumHeight(size)
            buttons.addWidget(button)
        cancel.clicked.connect(self.reject)
        ok.clicked.connect(self.accept)
        layout.addLayout(buttons)

    def _key(self, digit: str, size: int) -> QPushButton:
        button = QPushButton(digit)
        button.setMinimumSize(size, size)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda: self.field.insert(digit))
        return button


class ConfirmBox(QMessageBox):
    """A yes/no question with its buttons in the app's language ("Ya"/"Tidak")."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(title)
        self.setText(text)
        self.yes_button = self.addButton(self.tr("Ya"), QMessageBox.ButtonRole.YesRole)
        self.no_button = self.addButton(self.tr("Tidak"), QMessageBox.ButtonRole.NoRole)
        for button in (self.yes_button, self.no_button):
            button.setMinimumSize(touch_px(0, parent), touch_px(0, parent))
        self.setDefaultButton(self.yes_button)
        self.setEscapeButton(self.no_button)

    def said_yes(self) -> bool:
        return self.clickedButton() is self.yes_button


def confirm_box(parent: QWidget | None, title: str, text: str) -> ConfirmBox:
    """The confirmation :meth:`QtDialogs.confirm` asks with, built but not yet shown."""
    return ConfirmBox(title, text, parent)


class QtDialogs:
    """The real, modal dialogs, parented to ``parent`` so they stay on the kiosk screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self._parent, title, text)

    def confirm(self, title: str, text: str) -> bool:
        box = confirm_box(self._parent, title, text)
        box.exec()
        return box.said_yes()

    def ask_pin(self, title: str) -> str | None:
        dialog = PinDialog(title, self._parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.field.text()
        return None

    def choose_file(self, title: str, pattern: str) -> str | None:
        """A file to open (admin PCs: a mouse and a keyboard), or None when cancelled."""
        path, _ = QFileDialog.getOpenFileName(self._parent, title, "", pattern)
        return path or None
