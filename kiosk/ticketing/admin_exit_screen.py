"""After the hidden long press and an admin PIN: leave the kiosk, or go back to it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from loket.kiosk.ticketing.screen import Header, Screen, label, plain_button, primary_button


class AdminExitScreen(Screen):
    leave = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.staff_name = ""
        self.pending = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = Header(hint_role=None)
        self.title = self.header.title
        self.who = label(name="admin_who")
        self.spool = label(name="admin_spool")
        for widget in (self.header, self.who, self.spool):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.leave_button = primary_button("leave_kiosk")
        self.leave_button.clicked.connect(self.leave)
        self.back_button = plain_button("back_to_kiosk")
        self.back_button.clicked.connect(self.back)
        layout.addWidget(self.leave_button)
        layout.addWidget(self.back_button)
        self.retranslate()

    def show_for(self, staff_name: str, pending_jobs: int) -> None:
        self.staff_name, self.pending = staff_name, pending_jobs
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Menu admin kiosk"))
        self.who.setText(self.tr("Masuk sebagai %1").replace("%1", self.staff_name))
        self.spool.setText(
            self.tr(
                "%n cetakan belum tercetak (lihat: loket print pending, cetak ulang: "
                "loket print retry).",
                "",
                self.pending,
            )
        )
        self.leave_button.setText(self.tr("Tutup aplikasi kiosk"))
        self.back_button.setText(self.tr("Kembali ke kiosk"))
