"""Top of the board: the office's logo, name and address, and the clock."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from loket.kiosk.board.clock_label import ClockLabel
from loket.kiosk.board.look import fitted_px, font
from loket.models import input_files
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import LoketError


class HeaderBar(QWidget):
    def __init__(self, clock: Clock = SYSTEM_CLOCK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.logo = QLabel()
        self.logo.hide()
        self.office_name = QLabel()
        self.office_address = QLabel()
        self.office_address.setProperty("role", "muted")
        for label in (self.office_name, self.office_address):
            # A long name shrinks, then wraps; it never widens the board.
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.clock = ClockLabel(clock)
        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(self.office_name)
        names.addWidget(self.office_address)
        layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        layout.setContentsMargins(24, 8, 24, 8)
        layout.setSpacing(24)
        self._layout = layout
        layout.addWidget(self.logo, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(names, 1)
        layout.addWidget(self.clock, 0)
        self._logo_path = ""
        self._scale = 1.0
        self.set_scale(1.0)

    def set_office(self, name: str, address: str, logo: str) -> None:
        self.office_name.setText(name)
        self.office_address.setText(address)
        self.office_address.setVisible(bool(address))
        if logo != self._logo_path:
            self._logo_path = logo
            self._show_logo()
        self._fit()

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self._logo_path:
            # Bounded: a logo path that became a FIFO or a huge file never hangs the board.
            with contextlib.suppress(LoketError):
                pixmap.loadFromData(input_files.read_bytes(self._logo_path, input_files.LOGO_LIMIT))
        if pixmap.isNull():
            self.logo.clear()
            self.logo.hide()
            return
        side = round(84 * self._scale)
        self.logo.setPixmap(
            pixmap.scaled(
                side,
                side,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.logo.show()

    def set_scale(self, scale: float) -> None:
        self._scale = scale
        self.clock.set_scale(scale)
        if self._logo_path:
            self._show_logo()
        self._fit()

    def set_portrait(self, portrait: bool) -> None:
        """On a portrait screen the clock goes under the name, which gets the whole width."""
        self._layout.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._layout.setSpacing(4 if portrait else 24)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """The office's name as large as its room allows: 40 px, down to 24 px on two lines."""
        scale, margins = self._scale, self._layout.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        if self._layout.direction() == QBoxLayout.Direction.LeftToRight:
            room -= self.clock.sizeHint().width() + self._layout.spacing()
            if self.logo.isVisible():
                room -= self.logo.sizeHint().width() + self._layout.spacing()
        room = max(80, room)
        name_px = fitted_px(self.office_name.text(), room, 40 * scale, 24 * scale, lines=2)
        self.office_name.setFont(font(name_px))
        address_px = fitted_px(
            self.office_address.text(), room, 20 * scale, 16 * scale, lines=2, bold=False
        )
        self.office_address.setFont(font(address_px, bold=False))
