"""Home: a large button per service with its queue, and the other things a visitor can do."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QVBoxLayout, QWidget

from loket.kiosk.shell.i18n import pick
from loket.kiosk.ticketing.fit_button import FitButton
from loket.kiosk.ticketing.screen import Header, Screen, label, primary_button
from loket.kiosk.ticketing.service_tiles import ServiceTile

ACTION_COLUMNS = {False: 4, True: 2}  # landscape: one row; portrait: two by two


def wait_text(tile: ServiceTile) -> str:
    if tile.waiting == 0:
        return pick("Tidak ada antrean", "No one waiting")
    return pick(
        f"{tile.waiting} orang menunggu · perkiraan {tile.estimated_wait_minutes} menit",
        f"{tile.waiting} waiting · about {tile.estimated_wait_minutes} min",
    )


def tile_columns(count: int, portrait: bool) -> int:
    """Service tiles per row: wide screens take more side by side, tall ones more rows."""
    if portrait:
        return 1 if count <= 5 else 2
    return 2 if count <= 6 else 3


class HomeScreen(Screen):
    service_chosen = Signal(str)
    hand_in_document = Signal()
    check_receipt = Signal()
    rate_service = Signal()
    complain = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: list[ServiceTile] = []
        self.service_buttons: dict[str, FitButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = Header()
        self.title = self.header.title
        self.title.setObjectName("home_title")
        self.hint = self.header.hint
        layout.addWidget(self.header)
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        layout.addLayout(self.grid, 1)
        self.empty = label("muted")
        layout.addWidget(self.empty)
        self.actions = QGridLayout()
        self.actions.setSpacing(12)
        self.document_button = primary_button("hand_in_document")
        self.check_button = primary_button("check_receipt")
        self.survey_button = primary_button("rate_service")
        self.complaint_button = primary_button("complain")
        self.action_buttons = (
            self.document_button,
            self.check_button,
            self.survey_button,
            self.complaint_button,
        )
        for button, signal in zip(
            self.action_buttons,
            (self.hand_in_document, self.check_receipt, self.rate_service, self.complain),
            strict=True,
        ):
            button.clicked.connect(signal)
        layout.addLayout(self.actions)
        self._place_actions()
        self.retranslate()

    def adapt(self, portrait: bool) -> None:
        changed = portrait != self.portrait
        super().adapt(portrait)
        if changed:
            self._place_actions()
            self._place_tiles()

    def _place_actions(self) -> None:
        columns = ACTION_COLUMNS[self.portrait]
        for button in self.action_buttons:
            self.actions.removeWidget(button)
        for index, button in enumerate(self.action_buttons):
            self.actions.addWidget(button, index // columns, index % columns)
        for column in range(4):
            self.actions.setColumnStretch(column, 1 if column < columns else 0)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Silakan pilih layanan"))
        assert self.hint is not None
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
        for tile in self.tiles:
            button = primary_button(f"service_{tile.code}", self)
            button.setProperty("role", "service")
            # Fill the free space: on a kiosk screen the tiles are the whole point.
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, code=tile.code: self.service_chosen.emit(code))
            self.service_buttons[tile.code] = button
        self._place_tiles()

    def _place_tiles(self) -> None:
        columns = tile_columns(len(self.service_buttons), self.portrait)
        for button in self.service_buttons.values():
            self.grid.removeWidget(button)
        for index, button in enumerate(self.service_buttons.values()):
            self.grid.addWidget(button, index // columns, index % columns)
            button.show()
        for column in range(3):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
