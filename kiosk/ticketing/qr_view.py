"""A QR code drawn on screen, so a visitor can photograph it when the printer failed."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4  # modules of white border, as the QR standard asks


def qr_matrix(text: str) -> list[list[bool]]:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(text)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


class QrView(QWidget):
    """Black modules on white with a quiet zone; always square, whatever the theme."""

    def __init__(self, parent: QWidget | None = None, side: int = 280) -> None:
        super().__init__(parent)
        self._text = ""
        self._matrix: list[list[bool]] = []
        self.setMinimumSize(side, side)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        self._matrix = qr_matrix(text) if text else []
        self.update()

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def render_image(self, side: int | None = None) -> QImage:
        """The code as an image (what the screen shows), e.g. for a decode check."""
        size = side or min(self.width(), self.height())
        image = QImage(size, size, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        self._draw(painter, size)
        painter.end()
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height())
        painter.fillRect(0, 0, side, side, QColor("white"))
        self._draw(painter, side)
        painter.end()

    def _draw(self, painter: QPainter, side: int) -> None:
        if not self._matrix:
            return
        count = len(self._matrix) + 2 * QUIET_ZONE
        module = side / count
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for y, row in enumerate(self._matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.drawRect(
                        QRectF((x + QUIET_ZONE) * module, (y + QUIET_ZONE) * module, module, module)
                    )
