"""The optional question: does the visitor belong to a priority group (UU 25/2009 Pasal 29)?"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from loket.kiosk.shell.i18n import pick
from loket.kiosk.ticketing.screen import Screen, label, plain_button, primary_button
from loket.models.queue.ticket_info import PRIORITY_CATEGORIES


class PriorityScreen(Screen):
    chosen = Signal(object)  # a PRIORITY_CATEGORIES key, or None for a normal ticket
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service_name = ""
        layout = QVBoxLayout(self)
        self.title = label("title")
        self.hint = label("muted")
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        self.normal_button = primary_button("priority_none")
        self.normal_button.clicked.connect(lambda: self.chosen.emit(None))
        layout.addWidget(self.normal_button)
        grid = QGridLayout()
        grid.setSpacing(16)
        self.category_buttons: dict[str, QPushButton] = {}
        for index, key in enumerate(PRIORITY_CATEGORIES):
            button = primary_button(f"priority_{key}")
            button.setProperty("role", "")
            button.clicked.connect(lambda _=False, k=key: self.chosen.emit(k))
            grid.addWidget(button, index // 2, index % 2)
            self.category_buttons[key] = button
        layout.addLayout(grid)
        layout.addStretch(1)
        self.back_button = plain_button("back")
        self.back_button.clicked.connect(self.back)
        layout.addWidget(self.back_button)
        self.retranslate()

    def ask(self, service_name: str) -> None:
        self.service_name = service_name
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Apakah Anda pengunjung prioritas?"))
        self.hint.setText(
            self.tr(
                "Lansia, penyandang disabilitas, ibu hamil atau menyusui, dan anak-anak "
                "dilayani lebih dahulu. Petugas dapat meminta bukti."
            )
        )
        self.normal_button.setText(self.tr("Tidak, nomor antrean biasa"))
        for key, button in self.category_buttons.items():
            name_id, name_en = PRIORITY_CATEGORIES[key]
            button.setText(pick(name_id, name_en))
        self.back_button.setText(self.tr("‹ Kembali"))
