"""The optional question: does the visitor belong to a priority group (UU 25/2009 Pasal 29)?"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from loket.kiosk.shell.i18n import pick
from loket.kiosk.ticketing.fit_button import FitButton
from loket.kiosk.ticketing.screen import Header, Screen, answer_button, plain_button
from loket.models.queue.ticket_info import PRIORITY_CATEGORIES


class PriorityScreen(Screen):
    chosen = Signal(object)  # a PRIORITY_CATEGORIES key, or None for a normal ticket
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service_name = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = Header()
        self.title, self.hint = self.header.title, self.header.hint
        layout.addWidget(self.header)
        # The answers share the whole screen: the larger, the easier to hit.
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        self.normal_button = answer_button("priority_none")
        self.normal_button.clicked.connect(lambda: self.chosen.emit(None))
        self.category_buttons: dict[str, FitButton] = {}
        for key in PRIORITY_CATEGORIES:
            button = answer_button(f"priority_{key}")
            button.clicked.connect(lambda _=False, k=key: self.chosen.emit(k))
            self.category_buttons[key] = button
        layout.addLayout(self.grid, 1)
        self._place()
        self.back_button = plain_button("back")
        self.back_button.clicked.connect(self.back)
        layout.addWidget(self.back_button)
        self.retranslate()

    def adapt(self, portrait: bool) -> None:
        super().adapt(portrait)
        self._place()

    def _place(self) -> None:
        columns = 1 if self.portrait else 2
        buttons = [self.normal_button, *self.category_buttons.values()]
        for button in buttons:
            self.grid.removeWidget(button)
        self.grid.addWidget(self.normal_button, 0, 0, 1, columns)
        for index, button in enumerate(buttons[1:]):
            self.grid.addWidget(button, 1 + index // columns, index % columns)
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def ask(self, service_name: str) -> None:
        self.service_name = service_name
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Apakah Anda pengunjung prioritas?"))
        assert self.hint is not None
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
