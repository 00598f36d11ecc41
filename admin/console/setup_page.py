"""One set-up page: a table of what exists, a form below it, buttons that change it.

A page declares a :class:`Setup` and registers itself; this class builds the table, the
form and the buttons, fills the form from the chosen row, and runs each action's service
call like every other page does (a refusal becomes the one-line notice, in the language on
screen). The page never reads the database itself: ``listing`` and the actions' calls are
service functions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from loket.admin.console.parts import (
    Page,
    button,
    fill_table,
    form_layout,
    label,
    select_row,
    selected_key,
    set_headers,
    table,
)
from loket.admin.console.setup_fields import (
    Action,
    Column,
    Field,
    Form,
    clear_editor,
    make_editor,
    read_editor,
    show_in_editor,
    tr,
    translate_choices,
)


@dataclass(frozen=True)
class Setup:
    """``prefix`` names the widgets (``service`` → ``service_code``, ``service_add``);
    the first column's value is the row's key (what an added row is selected by)."""

    prefix: str
    listing: Callable[[], Sequence[Any]]
    topics: frozenset[str]
    columns: tuple[Column, ...]
    fields: tuple[Field, ...]
    actions: tuple[Action, ...]


class SetupPage(Page):
    setup: ClassVar[Setup]
    order: ClassVar[int]
    """Place among the set-up pages in the navigation."""

    def build(self) -> None:
        setup = self.setup
        self.rows: dict[object, Any] = {}
        self.list = table(f"{self.key}_table", len(setup.columns))
        self.list.itemSelectionChanged.connect(self.selected)
        self.body.addWidget(self.list, 1)
        form = form_layout()
        self.editors: dict[str, QWidget] = {}
        self.captions: dict[str, QLabel] = {}
        for field in setup.fields:
            editor = make_editor(field, f"{setup.prefix}_{field.name}")
            self._attach(field.name, editor)
            self.editors[field.name] = editor
            self.captions[field.name] = label(wrap=False)
            form.addRow(self.captions[field.name], editor)
        self.body.addLayout(form)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for action in setup.actions:
            widget = button(f"{setup.prefix}_{action.name}", primary=action.primary)
            widget.clicked.connect(lambda _=False, action=action: self.run(action))
            self._attach(f"{action.name}_button", widget)
            self.buttons[action.name] = widget
            row.addWidget(widget)
        self.body.addLayout(row)

    def _attach(self, name: str, widget: QWidget) -> None:
        """Tests reach the widgets by name (``page.code``), as on every other page."""
        if hasattr(self, name):
            raise TypeError(f"{type(self).__name__}: '{name}' is taken")
        setattr(self, name, widget)

    def retranslate(self) -> None:
        super().retranslate()
        set_headers(self.list, [tr(column.heading) for column in self.setup.columns])
        for field in self.setup.fields:
            self.captions[field.name].setText(tr(field.label))
            editor = self.editors[field.name]
            if isinstance(editor, QComboBox):
                translate_choices(editor, field.choices)
        for action in self.setup.actions:
            self.buttons[action.name].setText(tr(action.label))

    def refresh(self) -> None:
        rows = self.attempt(self.setup.listing)
        if rows is not None:
            self.show_rows(rows)

    def show_rows(self, rows: Sequence[Any]) -> None:
        chosen = selected_key(self.list)
        columns = self.setup.columns
        self.rows = {self.key_of(row): row for row in rows}
        fill_table(self.list, [[column.value(row) for column in columns] for row in rows])
        if chosen is not None:
            select_row(self.list, chosen)

    def key_of(self, row: Any) -> object:
        return self.setup.columns[0].value(row)

    def feed_changed(self, topics: set[str]) -> None:
        if topics & self.setup.topics:
            self.refresh()

    def selected(self) -> None:
        row = self.rows.get(selected_key(self.list))
        if row is None:
            return
        for field in self.setup.fields:
            editor = self.editors[field.name]
            if field.load is None:
                clear_editor(editor)
            else:
                show_in_editor(editor, field.load(row))

    def form(self) -> Form:
        return Form({name: read_editor(editor) for name, editor in self.editors.items()})

    def run(self, action: Action) -> None:
        session = self.context.require_session()
        form = self.form()
        if action.confirm is not None:
            title, question = action.confirm(form)
            if not self.context.dialogs.confirm(tr(title), question):
                return
        clock = self.context.clock
        done = "" if callable(action.done) else tr(action.done)
        step = self.attempt if action.then == "stay" else self.change
        result = step(lambda: action.call(session, form, clock), done)
        if result is None:
            return
        if callable(action.done):
            self.show_ok(action.done(result, form))
        if action.then == "select":
            select_row(self.list, self.key_of(result))


SETUP_PAGES: list[type[SetupPage]] = []

P = TypeVar("P", bound=type[SetupPage])


def register(page_type: P) -> P:
    SETUP_PAGES.append(page_type)
    SETUP_PAGES.sort(key=lambda page: page.order)
    return page_type
