"""Top of the board: the office's logo, name and address, and the clock."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from loket.kiosk.board.clock_label import ClockLabel
from loket.kiosk.board.look import font
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
        self.clock = ClockLabel(clock)
        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(self.office_name)
        names.addWidget(self.office_address)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(24)
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
        side = round(110 * self._scale)
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
        self.office_name.setFont(font(52, scale))
        self.office_address.setFont(font(26, scale, bold=False))
        self.clock.set_scale(scale)
        if self._logo_path:
            self._show_logo()
