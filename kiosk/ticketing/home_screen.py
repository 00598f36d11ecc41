"""Home: a large button per service with its queue, and the other things a visitor can do."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from loket.kiosk.shell.i18n import pick
from loket.kiosk.shell.theme import PRIMARY_MM, touch_px
from loket.kiosk.ticketing.screen import Screen, label, primary_button
from loket.kiosk.ticketing.service_tiles import ServiceTile

COLUMNS = 2


def wait_text(tile: ServiceTile) -> str:
    if tile.waiting == 0:
        return pick("Tidak ada antrean", "No one waiting")
    return pick(
        f"{tile.waiting} orang menunggu · perkiraan {tile.estimated_wait_minutes} menit",
        f"{tile.waiting} waiting · about {tile.estimated_wait_minutes} min",
    )


class HomeScreen(Screen):
    service_chosen = Signal(str)
    hand_in_document = Signal()
    check_receipt = Signal()
    rate_service = Signal()
    complain = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: list[ServiceTile] = []
        self.service_buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        self.title = label("title", name="home_title")
        self.hint = label("muted")
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        self.grid = QGridLayout()
        self.grid.setSpacing(16)
        layout.addLayout(self.grid, 1)
        self.empty = label("muted")
        layout.addWidget(self.empty)
        layout.addSpacing(16)
        actions = QHBoxLayout()
        actions.setSpacing(16)
        self.document_button = primary_button("hand_in_document")
        self.check_button = primary_button("check_receipt")
        self.survey_button = primary_button("rate_service")
        self.complaint_button = primary_button("complain")
        for button, signal in (
            (self.document_button, self.hand_in_document),
            (self.check_button, self.check_receipt),
            (self.survey_button, self.rate_service),
            (self.complaint_button, self.complain),
        ):
            button.clicked.connect(signal)
            actions.addWidget(button)
        layout.addLayout(actions)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Silakan pilih layanan"))
        self.hint.setText(
            self.tr("Sentuh layanan yang Anda perlukan untuk mengambil nomor antrean.")
        )
        self.empty.setText(self.tr("Belum ada layanan yang dibuka."))
        self.document_button.setText(self.tr("Serahkan dokumen"))
        self.check_button.setText(self.tr("Cek tanda terima"))
        self.survey_button.setText(self.tr("Nilai layanan kami"))
        self.complaint_button.setText(self.tr("Pengaduan dan saran"))
        self._fill_tiles()

    def show_tiles(self, tiles: list[ServiceTile]) -> None:
        self.tiles = tiles
        self._fill_tiles()

    def _fill_tiles(self) -> None:
        if [t.code for t in self.tiles] != list(self.service_buttons):
            self._rebuild_buttons()
        for tile in self.tiles:
            button = self.service_buttons[tile.code]
            name = pick(tile.name_id, tile.name_en)
            detail = wait_text(tile) if tile.takes_tickets else pick(tile.reason_id, tile.reason_en)
            button.setText(f"{tile.code}   {name}\n{detail}")
            button.setEnabled(tile.takes_tickets)
        self.empty.setVisible(not self.tiles)

    def _rebuild_buttons(self) -> None:
        for button in self.service_buttons.values():
            self.grid.removeWidget(button)
            button.deleteLater()
        self.service_buttons = {}
        height = touch_px(PRIMARY_MM * 2, self)
        for index, tile in enumerate(self.tiles):
            button = QPushButton(self)
            button.setObjectName(f"service_{tile.code}")
            button.setProperty("role", "service")
            button.setMinimumHeight(height)
            # Fill the free space: on a kiosk screen the tiles are the whole point.
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, code=tile.code: self.service_chosen.emit(code))
            self.grid.addWidget(button, index // COLUMNS, index % COLUMNS)
            button.show()
            self.service_buttons[tile.code] = button
