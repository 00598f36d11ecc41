"""What a set-up page declares: its table's columns, its form's fields and its actions.

A field names its editor's kind and limits; the editor enforces the limits and the service
checks everything else, so a refusal always reads the same wherever the change came from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QWidget

from loket.models.clock import Clock
from loket.models.office.auth import Session

Text = str
"""Bahasa Indonesia, marked with ``QT_TRANSLATE_NOOP("SetupPage", …)``: English comes from
the catalogue (:func:`tr`)."""

Kind = Literal["text", "secret", "number", "check", "choice"]


def tr(text: Text) -> str:
    """A set-up page's text in the current language."""
    return QCoreApplication.translate("SetupPage", text)


def yes_no(flag: bool) -> str:
    return QCoreApplication.translate("SetupPage", "ya" if flag else "tidak")


@dataclass(frozen=True)
class Column:
    heading: Text
    value: Callable[[Any], object]


@dataclass(frozen=True)
class Field:
    """One editor of the form, reachable as the page's attribute ``name``.

    ``load`` takes the chosen row's value into the editor; a text field without one is
    emptied instead (a PIN is never shown back).
    """

    name: str
    label: Text
    kind: Kind = "text"
    load: Callable[[Any], object] | None = None
    default: str | int | bool | None = None
    max_length: int | None = None
    limits: tuple[int, int] | None = None
    choices: Sequence[tuple[str, Text]] = ()  # value, its text


class Form:
    """The form's values at the moment an action was clicked."""

    def __init__(self, values: Mapping[str, object]) -> None:
        self.values = dict(values)

    def text(self, name: str) -> str:
        return str(self.values[name])

    def number(self, name: str) -> int:
        value = self.values[name]
        assert isinstance(value, int)
        return value

    def checked(self, name: str) -> bool:
        return bool(self.values[name])

    def choice(self, name: str) -> str:
        return str(self.values[name])


@dataclass(frozen=True)
class Action:
    """A button under the form and the service call it makes.

    ``then``: ``refresh`` reads the table again, ``select`` also selects the row the call
    returned, ``stay`` leaves the table alone. ``done`` is the notice on success, or makes
    it from what the call returned.
    """

    name: str
    label: Text
    call: Callable[[Session, Form, Clock], object]
    done: Text | Callable[[Any, Form], str]  # the notice, or made (translated) from the result
    primary: bool = False
    then: Literal["refresh", "select", "stay"] = "refresh"
    confirm: Callable[[Form], tuple[Text, str]] | None = None  # title, the question as read


def make_editor(field: Field, object_name: str) -> QWidget:
    editor: QWidget
    if field.kind in ("text", "secret"):
        line = QLineEdit("" if field.default is None else str(field.default))
        if field.max_length is not None:
            line.setMaxLength(field.max_length)
        if field.kind == "secret":
            line.setEchoMode(QLineEdit.EchoMode.Password)
        editor = line
    elif field.kind == "number":
        spin = QSpinBox()
        if field.limits is not None:
            spin.setRange(*field.limits)
        if field.default is not None:
            spin.setValue(int(field.default))
        editor = spin
    elif field.kind == "check":
        box = QCheckBox()
        box.setChecked(bool(field.default))
        editor = box
    else:
        editor = QComboBox()
    editor.setObjectName(object_name)
    return editor


def translate_choices(editor: QComboBox, choices: Sequence[tuple[str, Text]]) -> None:
    """Fill the choices in the current language, keeping the one chosen."""
    current = editor.currentData()
    editor.clear()
    for value, text in choices:
        editor.addItem(tr(text), value)
    if current:
        editor.setCurrentIndex(editor.findData(current))


def read_editor(editor: QWidget) -> object:
    if isinstance(editor, QLineEdit):
        return editor.text()
    if isinstance(editor, QSpinBox):
        return editor.value()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    assert isinstance(editor, QComboBox)
    return editor.currentData()


def show_in_editor(editor: QWidget, value: Any) -> None:
    if isinstance(editor, QLineEdit):
        editor.setText(value)
    elif isinstance(editor, QSpinBox):
        editor.setValue(value)
    elif isinstance(editor, QCheckBox):
        editor.setChecked(value)
    elif isinstance(editor, QComboBox):
        editor.setCurrentIndex(editor.findData(value))


def clear_editor(editor: QWidget) -> None:
    if isinstance(editor, QLineEdit):
        editor.clear()
