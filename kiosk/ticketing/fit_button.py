"""A touch button whose label wraps to its width and, only when wrapping is not enough,
shrinks its text (never below a legible minimum), so no label is ever cut.

QPushButton neither wraps nor shrinks: a long service name either widens the whole
window past the screen or is cut. ``FitButton`` keeps the label it was given in
``label_text()`` and the accessible name, and shows it broken into lines that fit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QPushButton, QStyle, QStyleOptionButton, QWidget

from loket.kiosk.shell.theme import MIN_TEXT_PX, MIN_TOUCH_PX

SHRINK_STEP_PX = 2
_MNEMONIC = int(Qt.TextFlag.TextShowMnemonic)


def wrap_words(text: str, metrics: QFontMetrics, width: int) -> tuple[str, bool]:
    """``text`` broken at spaces so each line fits ``width`` px; False when a word is wider."""
    lines: list[str] = []
    fits = True

    def advance(line: str) -> int:  # as Qt draws it (bearings included), not the bare advance
        return metrics.size(_MNEMONIC, line).width()

    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and advance(candidate) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
            if advance(line) > width:
                fits = False
        lines.append(line)
    return "\n".join(lines), fits


class FitButton(QPushButton):
    """``setText`` sets the label; ``text()`` is what is shown: the label, wrapped to fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = ""
        self._fitting = False
        self._shrunk_px: int | None = None
        size = self.sizePolicy()
        size.setHeightForWidth(True)
        self.setSizePolicy(size)

    def setText(self, text: str) -> None:
        self.set_label(text)

    def set_label(self, text: str) -> None:
        if text == self._label:
            return
        self._label = text
        self.setAccessibleName(" ".join(text.split()))
        self._fit()
        self.updateGeometry()

    def label_text(self) -> str:
        return self._label

    # ---- sizes
    def _padding(self) -> QSize:
        """What the style puts around the text (frame, padding) at this button's size."""
        option = QStyleOptionButton()
        option.initFrom(self)
        room = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        return QSize(max(0, self.width() - room.width()), max(0, self.height() - room.height()))

    def _natural_metrics(self) -> QFontMetrics:
        font = self.font()
        if self._shrunk_px is not None:
            font.setPixelSize(self._natural_px())
        return QFontMetrics(font)

    def _natural_px(self) -> int:
        value = self.property("natural_px")
        return int(value) if value else self.fontInfo().pixelSize()

    def minimumSizeHint(self) -> QSize:
        return QSize(MIN_TOUCH_PX, max(MIN_TOUCH_PX, self.minimumHeight()))

    def sizeHint(self) -> QSize:
        metrics = self._natural_metrics()
        pad = self._padding()
        # One line when there is room (a layout gives the hint when it can), else wrapped.
        lines = self._label.split("\n")
        widest = max(metrics.size(_MNEMONIC, t).width() for t in lines)
        width = max(MIN_TOUCH_PX, widest + pad.width() + 4)
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        metrics = self._natural_metrics()
        pad = self._padding()
        wrapped, _ = wrap_words(self._label, metrics, max(1, width - pad.width()))
        need = metrics.size(_MNEMONIC, wrapped).height() + pad.height() + 4 if self._label else 0
        return max(self.minimumHeight(), MIN_TOUCH_PX, need)

    # ---- fitting
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange) and not self._fitting:
            self._fit()
            # The theme's text size changed the size this label needs: let the layout ask
            # again, or it keeps the height of the old size and the text shrinks to fit it.
            self.updateGeometry()

    def _fit(self) -> None:
        if self._fitting:
            return
        self._fitting = True
        try:
            self._fit_now()
        finally:
            self._fitting = False

    def _fit_now(self) -> None:
        if self._shrunk_px is not None:  # measure again from the theme's size
            self._shrunk_px = None
            self.setStyleSheet("")
            # Without a fresh polish fontInfo still reports the shrunk size, the button
            # takes that as its natural size and never grows back.
            self.style().unpolish(self)
            self.style().polish(self)
        self.ensurePolished()
        natural = self.fontInfo().pixelSize()
        self.setProperty("natural_px", natural)
        option = QStyleOptionButton()
        option.initFrom(self)
        room = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        px = natural
        font = self.font()
        while True:
            font.setPixelSize(px)
            metrics = QFontMetrics(font)
            wrapped, fits = wrap_words(self._label, metrics, room.width())
            need = metrics.size(_MNEMONIC, wrapped)
            if (fits and need.height() <= room.height()) or px <= MIN_TEXT_PX:
                break
            px = max(MIN_TEXT_PX, px - SHRINK_STEP_PX)
        if px != natural:
            self._shrunk_px = px
            self.setStyleSheet(f"font-size: {px}px;")
        if self.text() != wrapped:
            QPushButton.setText(self, wrapped)
