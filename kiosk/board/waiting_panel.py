"""Menunggu / Waiting: how many people wait per service, and the estimated wait."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from loket.kiosk.board.look import font
from loket.models.queue.board import WaitingService


class WaitingPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.title = QLabel("MENUNGGU / WAITING")
        self.title.setProperty("role", "title")
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(20)
        self._labels: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.addWidget(self.title)
        layout.addLayout(self._grid)
        layout.addStretch(1)
        self._scale = 1.0
        self._shown: tuple[WaitingService, ...] = ()
        self.set_scale(1.0)

    def show_services(self, services: tuple[WaitingService, ...]) -> None:
        services = tuple(s for s in services if s.active)
        if services == self._shown:
            return
        self._shown = services
        for label in self._labels:
            self._grid.removeWidget(label)
            label.deleteLater()
        self._labels = []
        for row, service in enumerate(services):
            wait = f"± {service.estimated_wait_minutes} mnt/min" if service.waiting else ""
            cells = (
                (f"{service.code}  {service.name_id}", Qt.AlignmentFlag.AlignLeft, "", 30),
                (str(service.waiting), Qt.AlignmentFlag.AlignRight, "number", 40),
                (wait, Qt.AlignmentFlag.AlignRight, "muted", 22),
            )
            for column, (text, align, role, size) in enumerate(cells):
                label = QLabel(text)
                label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
                label.setProperty("role", role)
                label.setFont(font(size, self._scale, bold=column < 2))
                label.setProperty("design_px", size)
                if column == 0:  # a long service name is cut, never widens the board
                    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
                self._grid.addWidget(label, row, column)
                self._labels.append(label)
        self._grid.setColumnStretch(0, 1)

    def counts(self) -> dict[str, int]:
        return {s.code: s.waiting for s in self._shown}

    def set_scale(self, scale: float) -> None:
        self._scale = scale
        self.title.setFont(font(28, scale))
        for label in self._labels:
            label.setFont(font(int(label.property("design_px")), scale, bold=label.font().bold()))
