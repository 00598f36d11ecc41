"""Limits a visitor sees while typing: a live "12/60" count, no character past the limit,
and characters the ticket printer cannot print refused (or transliterated) as they arrive,
typed on the on-screen keyboard or pasted, with one line saying why.

The line lives in a :class:`StatusLine` whose height is kept free, so a message that comes
or goes never moves the keyboard under the visitor's finger.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics, QValidator
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from loket.kiosk.shell.i18n import pick
from loket.printing.input_text import printer_text

STATUS_LINES = 2  # the status line keeps room for a two-line message


class PrinterValidator(QValidator):
    """Keeps only what prints; ``inner`` (digits, say) checks what is left."""

    refused = Signal(str)

    def __init__(self, parent: QObject, inner: QValidator | None = None) -> None:
        super().__init__(parent)
        self._inner = inner

    def validate(self, text: str, pos: int) -> object:
        clean, refused = printer_text(text)
        if refused:
            pos = max(0, min(len(clean), pos - (len(text) - len(clean))))
            self.refused.emit(refused)
        if self._inner is not None:
            return self._inner.validate(clean, pos)
        return QValidator.State.Acceptable, clean, pos


class StatusLine(QLabel):
    """A form's one line for limits, refusals and errors, always the same height."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setProperty("role", "counter")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def say(self, text: str, error: bool = False) -> None:
        role = "error" if error else "counter"
        if self.property("role") != role:
            self.setProperty("role", role)
            self.style().unpolish(self)
            self.style().polish(self)
        self.setText(text)
        self._keep_height()

    def changeEvent(self, event: object) -> None:
        super().changeEvent(event)  # type: ignore[arg-type]
        self._keep_height()

    def _keep_height(self) -> None:
        self.ensurePolished()
        height = QFontMetrics(self.font()).lineSpacing() * STATUS_LINES + 4
        width = max(self.width(), 1)
        if self.text() and self.wordWrap():
            height = max(height, self.heightForWidth(width))
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)


Editable = QLineEdit | QPlainTextEdit


class InputGuard(QObject):
    """Watches the fields of one form and reports on ``line``: the focused field's count,
    the limit reached, a character refused. ``error`` messages stay until the next input."""

    def __init__(self, form: QWidget, line: StatusLine) -> None:
        super().__init__(form)
        self._line = line
        self._fields: dict[Editable, tuple[str, str, int]] = {}
        self._refused_at: Editable | None = None
        self._error = ""

    def guard(self, field: Editable, what_id: str, what_en: str, limit: int) -> None:
        """``field`` takes at most ``limit`` printable characters."""
        self._fields[field] = (what_id, what_en, limit)
        if isinstance(field, QLineEdit):
            field.setMaxLength(limit)
            validator = PrinterValidator(field, field.validator())
            validator.refused.connect(lambda _chars, f=field: self._refused(f))
            field.setValidator(validator)
            field.textChanged.connect(lambda _text, f=field: self._typed(f))
        else:
            field.textChanged.connect(lambda f=field: self._plain_changed(f))
        field.installEventFilter(self)

    def _plain_changed(self, field: QPlainTextEdit) -> None:
        limit = self._fields[field][2]
        text = field.toPlainText()
        clean, refused = printer_text(text, newlines=True)
        if len(clean) > limit:
            clean = clean[:limit]
        if clean != text:
            cursor = field.textCursor()
            position = min(len(clean), cursor.position() - (len(text) - len(clean)))
            field.blockSignals(True)
            field.setPlainText(clean)
            field.blockSignals(False)
            cursor = field.textCursor()
            cursor.setPosition(max(0, position))
            field.setTextCursor(cursor)
        if refused:
            self._refused(field)
        else:
            self._typed(field)

    def _refused(self, field: Editable) -> None:
        self._refused_at = field
        self._line.say(
            pick(
                "Emoji dan simbol khusus tidak dapat dicetak, jadi tidak diterima.",
                "Emoji and special symbols cannot be printed, so they are not accepted.",
            ),
            error=True,
        )

    def _typed(self, field: Editable) -> None:
        if self._refused_at is field:
            self._refused_at = None  # the refusal stays visible for this keystroke only
            return
        self._error = ""
        self.show_count(field)

    def show_count(self, field: Editable | None) -> None:
        if field is None or field not in self._fields:
            self._line.say(self._error, error=bool(self._error))
            return
        what_id, what_en, limit = self._fields[field]
        count = len(field.text() if isinstance(field, QLineEdit) else field.toPlainText())
        what = pick(what_id, what_en)
        if count >= limit:
            self._line.say(
                pick(
                    f"{what}: {count}/{limit} — batas tercapai",
                    f"{what}: {count}/{limit} — limit reached",
                ),
                error=True,
            )
        else:
            self._line.say(f"{what}: {count}/{limit}")

    def show_error(self, text: str) -> None:
        self._error = text
        self._line.say(text, error=True)

    def clear(self) -> None:
        self._error = ""
        self._refused_at = None
        self._line.say("")

    def eventFilter(self, watched: QObject, event: object) -> bool:
        from PySide6.QtCore import QEvent

        if getattr(event, "type", lambda: None)() == QEvent.Type.FocusIn and not self._error:
            self.show_count(watched)  # type: ignore[arg-type]
        return False
