"""The time, large, and the date in Indonesian (with English below), in the office's zone."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from loket.kiosk.board.look import font
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.printing.dates_id import date_en, date_id, zone_label


class ClockLabel(QWidget):
    def __init__(self, clock: Clock = SYSTEM_CLOCK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._zone = ZoneInfo("Asia/Jakarta")
        self.time_label = QLabel()
        self.date_label = QLabel()
        self.date_label.setProperty("role", "muted")
        for label in (self.time_label, self.date_label):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.time_label)
        layout.addWidget(self.date_label)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(1000)
        self.set_scale(1.0)
        self.tick()

    def set_zone(self, zone: ZoneInfo) -> None:
        self._zone = zone
        self.tick()

    def set_scale(self, scale: float) -> None:
        self.time_label.setFont(font(44, scale))
        self.date_label.setFont(font(18, scale, bold=False))

    def tick(self) -> None:
        now = self._clock.now().astimezone(self._zone)
        zone = zone_label(now)
        self.time_label.setText(f"{now:%H:%M:%S} {zone}".strip())
        self.date_label.setText(f"{date_id(now.date())}\n{date_en(now.date())}")
