"""Printers of this PC: the URI list, live status every few seconds, and a test print."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLineEdit

from loket.admin.console import printer_check
from loket.admin.console.parts import (
    Page,
    button,
    fill_table,
    label,
    selected_key,
    set_headers,
    t,
    table,
)
from loket.kiosk.shell.i18n import current_language, pick
from loket.printing.errors import PrinterError

STATUS_MS = 10_000


class PrintersPage(Page):
    key = "printers"
    title_id = "Printer"
    title_en = "Printers"

    def build(self) -> None:
        self.uris: list[str] = []
        self.hint = label("muted")
        self.body.addWidget(self.hint)
        self.list = table("printers_table", 3)
        self.body.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.uri = QLineEdit()
        self.uri.setObjectName("printer_uri")
        self.uri.setPlaceholderText("network://192.168.1.50:9100")
        self.add_button = button("printer_add")
        self.remove_button = button("printer_remove")
        self.test_button = button("printer_test", primary=True)
        self.status_button = button("printer_status")
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.test_button.clicked.connect(self.test_print)
        self.status_button.clicked.connect(self.refresh)
        row.addWidget(self.uri, 1)
        for widget in (self.add_button, self.remove_button, self.status_button, self.test_button):
            row.addWidget(widget)
        self.body.addLayout(row)
        self.timer = QTimer(self)
        self.timer.setInterval(STATUS_MS)
        self.timer.timeout.connect(self._live)
        self.timer.start()

    def retranslate(self) -> None:
        super().retranslate()
        self.hint.setText(
            t(
                "Printer PC ini (network://, usb://, serial://, cups://, file://, pdf://, "
                "dummy://). Status dibaca langsung dari printer setiap 10 detik.",
                "This PC's printers (network://, usb://, serial://, cups://, file://, pdf://, "
                "dummy://). Status is read from the printer every 10 seconds.",
            )
        )
        set_headers(self.list, ["URI", t("Status", "Status"), t("Masalah", "Problems")])
        self.add_button.setText(t("Tambah", "Add"))
        self.remove_button.setText(t("Hapus", "Remove"))
        self.status_button.setText(t("Periksa status", "Check status"))
        self.test_button.setText(t("Cetak uji", "Test print"))

    def _live(self) -> None:
        if self.isVisible() and self.context.session is not None:
            self.refresh()

    def refresh(self) -> None:
        self.uris = printer_check.load_printers()
        states = [printer_check.printer_state(uri) for uri in self.uris]
        lang = current_language()
        fill_table(
            self.list,
            [
                (
                    s.uri,
                    (s.message_en if lang == "en" else s.message_id),
                    ", ".join(s.problems) or ("–" if s.known else "?"),
                )
                for s in states
            ],
        )
        self.states = {s.uri: s for s in states}

    def _chosen(self) -> str | None:
        chosen = selected_key(self.list)
        return str(chosen) if chosen else (self.uri.text().strip() or None)

    def add(self) -> None:
        try:
            uri = printer_check.check_uri(self.uri.text())
        except PrinterError as exc:
            self.show_message(exc.message(current_language()), error=True)
            return
        uris = printer_check.load_printers()
        if uri not in uris:
            printer_check.save_printers([*uris, uri])
        self.show_ok("Printer ditambahkan", "Printer added")
        self.refresh()

    def remove(self) -> None:
        uri = self._chosen()
        uris = printer_check.load_printers()
        if uri in uris:
            printer_check.save_printers([u for u in uris if u != uri])
            self.show_ok("Printer dihapus dari daftar", "Printer removed from the list")
        self.refresh()

    def test_print(self) -> None:
        uri = self._chosen()
        if not uri:
            self.show_message(t("Pilih printer dulu", "Choose a printer first"), error=True)
            return
        outcome = printer_check.test_print(uri, self.context.clock)
        self.show_message(
            pick(outcome.message_id, outcome.message_en) + f" [{outcome.job_id}]",
            error=not outcome.printed,
        )
        self.refresh()
