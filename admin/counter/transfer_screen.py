"""Transfer the current visitor: to another service (1–9) or another counter (Ctrl+1–9).

The visitor keeps their arrival time; the other counter calls them from its list.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from loket.admin.counter.parts import Screen, key_button, label, set_caption, show_message
from loket.kiosk.shell.i18n import pick


class TransferScreen(Screen):
    """``chosen("service", code)`` or ``chosen("counter", number)``; ``back`` on Esc."""

    chosen = Signal(str, str)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service_buttons: dict[str, QPushButton] = {}
        self.counter_buttons: dict[int, QPushButton] = {}
        self._services: list[tuple[str, str, str]] = []
        self._counters: list[tuple[int, str]] = []
        self._ticket_number = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = label("title")
        layout.addWidget(self.title)
        self.services_caption = label("muted")
        layout.addWidget(self.services_caption)
        self.services_grid = QGridLayout()
        layout.addLayout(self.services_grid)
        self.counters_caption = label("muted")
        layout.addWidget(self.counters_caption)
        self.counters_grid = QGridLayout()
        layout.addLayout(self.counters_grid)
        layout.addStretch(1)
        bar = QHBoxLayout()
        self.back_button = key_button("transfer_back", "Esc")
        self.back_button.clicked.connect(self.back)
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.retranslate()

    def retranslate(self) -> None:
        if self._ticket_number:
            show_message(
                self.title, f"Alihkan {self._ticket_number}", f"Transfer {self._ticket_number}"
            )
        else:
            self.title.setText(self.tr("Alihkan pengunjung"))
        self.services_caption.setText(self.tr("Ke layanan lain (tetap dengan waktu datangnya)"))
        self.counters_caption.setText(self.tr("Ke loket tertentu"))
        set_caption(self.back_button, self.tr("‹ Batal"))
        self._caption_targets()

    def show_targets(
        self,
        ticket_number: str,
        services: list[tuple[str, str, str]],
        counters: list[tuple[int, str]],
    ) -> None:
        """``services`` as (code, name_id, name_en); ``counters`` as (number, name)."""
        self._ticket_number = ticket_number
        show_message(self.title, f"Alihkan {ticket_number}", f"Transfer {ticket_number}")
        for grid, buttons in (
            (self.services_grid, self.service_buttons),
            (self.counters_grid, self.counter_buttons),
        ):
            for button in buttons.values():
                grid.removeWidget(button)
                button.deleteLater()
            buttons.clear()
        self._services, self._counters = services, counters
        for index, (code, _, _) in enumerate(services):
            key = str(index + 1) if index < 9 else None
            button = key_button(f"to_service_{code}", key)
            button.clicked.connect(lambda _=False, c=code: self.chosen.emit("service", c))
            self.service_buttons[code] = button
            self.services_grid.addWidget(button, index // 3, index % 3)
        for index, (number, _) in enumerate(counters):
            key = f"Ctrl+{index + 1}" if index < 9 else None
            button = key_button(f"to_counter_{number}", key)
            button.clicked.connect(lambda _=False, n=number: self.chosen.emit("counter", str(n)))
            self.counter_buttons[number] = button
            self.counters_grid.addWidget(button, index // 3, index % 3)
        self._caption_targets()

    def _caption_targets(self) -> None:
        for code, name_id, name_en in self._services:
            set_caption(self.service_buttons[code], f"{code} · {pick(name_id, name_en)}")
        for number, name in self._counters:
            set_caption(self.counter_buttons[number], name)
