"""Building blocks of the admin pages: a page with a notice line, tables, bilingual text."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from loket.admin.console.context import ConsoleContext
from loket.admin.console.key_table import KeyColumnTable
from loket.kiosk.shell.i18n import current_language, pick
from loket.models.errors import LoketError

T = TypeVar("T")
FIELD_PADDING_PX = 32  # a field's frame, padding and cursor around its text


def t(text_id: str, text_en: str) -> str:
    """A service's message pair (``message_id``/``message_en``) in the current language;
    the console's own texts are ``self.tr("…")`` with English in the catalogue."""
    return pick(text_id, text_en)


def translated(context: str, text: str) -> str:
    """``text`` (marked with ``QT_TRANSLATE_NOOP(context, …)`` where it is defined) in the
    current language."""
    return QCoreApplication.translate(context, text)


def label(role: str | None = None, name: str = "", wrap: bool = True) -> QLabel:
    widget = QLabel()
    if role:
        widget.setProperty("role", role)
    if name:
        widget.setObjectName(name)
    widget.setWordWrap(wrap)
    return widget


def button(name: str, primary: bool = False) -> QPushButton:
    widget = QPushButton()
    widget.setObjectName(name)
    widget.setMinimumHeight(44)
    if primary:
        widget.setProperty("role", "primary")
    return widget


def table(name: str, columns: int) -> QTableWidget:
    """A read-only table, one row selected at a time; its columns fit their contents and
    the first (key) column stays in view when the table scrolls sideways."""
    widget = KeyColumnTable(0, columns)
    widget.setObjectName(name)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.verticalHeader().setVisible(False)
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return widget


def form_layout() -> QFormLayout:
    """A form whose captions sit beside their fields when there is room, above them when
    not (a long caption in a narrow window or in large text), fields the full width."""
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def fit_line_edits(root: QWidget) -> None:
    """Give every field under ``root`` room for its placeholder, and every choice room for
    its longest item (with the style's font, known once shown)."""
    for combo in root.findChildren(QComboBox):
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    for edit in root.findChildren(QLineEdit):
        hint = edit.placeholderText()
        if hint and not edit.objectName().startswith("qt_"):
            edit.ensurePolished()
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(hint) + FIELD_PADDING_PX)


def fill_table(widget: QTableWidget, rows: Sequence[Sequence[Any]]) -> None:
    """Replace the rows; the first cell of each row keeps the row's value as user data."""
    widget.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            item.setData(Qt.ItemDataRole.UserRole, value)
            widget.setItem(r, c, item)


def set_headers(widget: QTableWidget, headers: Sequence[str]) -> None:
    widget.setHorizontalHeaderLabels(list(headers))


def selected_key(widget: QTableWidget) -> Any:
    """The first cell's value of the selected row (None when nothing is selected)."""
    row = widget.currentRow()
    item = widget.item(row, 0) if row >= 0 else None
    return None if item is None else item.data(Qt.ItemDataRole.UserRole)


def select_row(widget: QTableWidget, key: object) -> bool:
    for row in range(widget.rowCount()):
        item = widget.item(row, 0)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:
            widget.setCurrentCell(row, 0)
            return True
    return False


def date_edit(name: str, day: dt.date) -> QDateEdit:
    widget = QDateEdit(QDate(day.year, day.month, day.day))
    widget.setObjectName(name)
    widget.setCalendarPopup(True)
    widget.setDisplayFormat("yyyy-MM-dd")
    return widget


def date_of(widget: QDateEdit) -> dt.date:
    value = widget.date()
    return dt.date(value.year(), value.month(), value.day())


def set_date(widget: QDateEdit, day: dt.date) -> None:
    widget.setDate(QDate(day.year, day.month, day.day))


def set_role(widget: QWidget, role: str) -> None:
    """Change a styled role and let the stylesheet see it."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Page(QWidget):
    """One page of the admin window: a heading, the page's body, a notice line below.

    ``attempt`` runs a service call and turns a refusal (a :class:`LoketError`, e.g.
    ``PermissionDenied`` for a staff account) into the notice text, so a page never
    crashes on a refused action and the user reads why. The call runs on the window's
    worker thread, never on the GUI thread (see :mod:`loket.admin.console.page_work`):
    a call made while the page reads (``refresh``) may be run again after a lost
    connection; any other (a change) is refused on screen instead.
    """

    key = "page"
    title_text = QT_TRANSLATE_NOOP("Page", "Halaman")

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName(f"page_{self.key}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        self.heading = label("title", name=f"{self.key}_heading")
        outer.addWidget(self.heading)
        # The body scrolls when the screen is smaller than the page (1024×768, large
        # text): the window never grows past the screen, and the heading and the
        # notice line stay in view.
        self.body_area = QScrollArea()
        self.body_area.setObjectName(f"{self.key}_scroll")
        self.body_area.setWidgetResizable(True)
        self.body_area.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        content.setObjectName(f"{self.key}_body")
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body_area.setWidget(content)
        outer.addWidget(self.body_area, 1)
        self.notice = label(name=f"{self.key}_notice")
        self.notice.hide()
        outer.addWidget(self.notice)
        self._reading = 0  # inside refresh(): its calls only read
        self.build()
        self.retranslate()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Every page's refresh, however it is reached (navigation, the feed, a timer, the
        # language): never run inside another call's wait, and known to only read.
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("refresh")
        if own is not None:
            cls.refresh = _reading_refresh(own)  # type: ignore[method-assign,assignment]

    def build(self) -> None:
        """Add the page's widgets to ``self.body`` (before the first ``retranslate``)."""

    @property
    def title(self) -> str:
        return QCoreApplication.translate("Page", str(self.title_text))

    # ---- to override
    def retranslate(self) -> None:
        self.heading.setText(self.title)

    def refresh(self) -> None:
        """Read the page's data again from the services."""

    def feed_changed(self, topics: set[str]) -> None:
        """The change feed moved; pages refresh when a topic they show changed."""

    # ---- shared
    def showEvent(self, event: QShowEvent) -> None:
        fit_line_edits(self)  # the style's font is known once the page is shown
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            fit_line_edits(self)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.context.session is not None:
                self.refresh()
        super().changeEvent(event)

    def run_service(self, action: Callable[[], T]) -> T:
        """``action()`` on the window's worker thread, waited for without freezing the
        window; a refusal is raised as a :class:`LoketError`, as from the service."""
        work = self.context.work
        if work is None:
            return action()
        return cast(T, self.context.waits.run(work, action, retry_safe=self._reading > 0))

    def attempt(self, action: Callable[[], T], done: str = "") -> T | None:
        """``action`` through :meth:`run_service`; ``done`` (already translated) is said
        when it went through, a refusal is shown in the notice line."""
        try:
            result = self.run_service(action)
        except LoketError as exc:
            self.show_error(exc)
            return None
        if done:
            self.show_ok(done)
        else:
            self.notice.hide()
        return result

    def change(self, action: Callable[[], T], done: str = "") -> T | None:
        """``attempt`` a change and, when it went through, show the page anew."""
        result = self.attempt(action, done)
        if result is not None:
            self.refresh()
        return result

    def show_error(self, exc: LoketError) -> None:
        self.show_message(exc.message(current_language()), error=True)

    def show_ok(self, text: str) -> None:
        self.show_message(text, error=False)

    def show_message(self, text: str, error: bool) -> None:
        set_role(self.notice, "error" if error else "muted")
        self.notice.setText(text)
        self.notice.show()


def _reading_refresh(refresh: Callable[[Page], None]) -> Callable[[Page], None]:
    @functools.wraps(refresh)
    def wrapped(page: Page) -> None:
        waits = page.context.waits
        if waits.waiting and page._reading == 0:
            waits.later(page.refresh)  # after the call being waited for
            return
        page._reading += 1
        try:
            refresh(page)
        finally:
            page._reading -= 1

    return wrapped
