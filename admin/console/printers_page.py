"""Printers: every PC's as they last reported (from the office database), and this PC's
own URI list with live status every few seconds and a test print."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLineEdit

from loket.admin.console import printer_check
from loket.admin.console.parts import (
    Page,
    button,
    fill_table,
    label,
    select_row,
    selected_key,
    set_headers,
    t,
    table,
)
from loket.kiosk.shell.i18n import current_language, pick
from loket.models import settings as office
from loket.models.printouts import printer_actions, printer_reports
from loket.models.printouts.printer_reports import RED, ROLE_NAMES, ReportedPrinter
from loket.printing.errors import PrinterError

STATUS_MS = 10_000
ROW_COLOURS = {RED: "#fde2e1", printer_reports.AMBER: "#fff4d6"}


class PrintersPage(Page):
    """Asking a printer can take seconds (a switched-off one times out), so this PC's
    printers are asked on a worker thread and the table fills in when they answer."""

    key = "printers"
    title_text = QT_TRANSLATE_NOOP("Page", "Printer")
    states_ready = Signal(object)

    def build(self) -> None:
        self.uris: list[str] = []
        self.office_printers: list[ReportedPrinter] = []
        self.office_hint = label("muted")
        self.body.addWidget(self.office_hint)
        self.office_list = table("printers_office", 6)
        self.body.addWidget(self.office_list, 1)
        office_row = QHBoxLayout()
        office_row.addStretch(1)
        self.forget_button = button("printer_forget")
        self.forget_button.clicked.connect(self.forget)
        office_row.addWidget(self.forget_button)
        self.body.addLayout(office_row)
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
        self.states: dict[str, printer_check.PrinterState] = {}
        self._asking: threading.Thread | None = None
        self.states_ready.connect(self._show_states)
        self.timer = QTimer(self)
        self.timer.setInterval(STATUS_MS)
        self.timer.timeout.connect(self._live)
        self.timer.start()

    def retranslate(self) -> None:
        super().retranslate()
        self.office_hint.setText(
            self.tr(
                "Printer semua PC kantor, seperti yang terakhir dilaporkan oleh kios, "
                "aplikasi loket dan cetak uji. Kios atau loket yang diam lebih dari 5 "
                "menit: tidak diketahui."
            )
        )
        set_headers(
            self.office_list,
            [
                self.tr("Stasiun"),
                self.tr("Peran"),
                "URI",
                self.tr("Status"),
                self.tr("Menunggu"),
                self.tr("Terakhir terlihat"),
            ],
        )
        self.hint.setText(
            self.tr(
                "Printer PC ini (network://, usb://, serial://, cups://, file://, pdf://, "
                "dummy://). Status dibaca langsung dari printer setiap 10 detik."
            )
        )
        set_headers(self.list, ["URI", self.tr("Status"), self.tr("Masalah")])
        self.add_button.setText(self.tr("Tambah"))
        self.remove_button.setText(self.tr("Hapus"))
        self.status_button.setText(self.tr("Periksa status"))
        self.test_button.setText(self.tr("Cetak uji"))
        self.forget_button.setText(self.tr("Hapus dari daftar kantor"))

    def _live(self) -> None:
        if self.isVisible() and self.context.session is not None:
            self.refresh()

    def feed_changed(self, topics: set[str]) -> None:
        if "printers" in topics and self.context.session is not None:
            self.refresh_office()

    def refresh(self) -> None:
        self.refresh_office()
        self.refresh_local()

    def refresh_office(self) -> None:
        clock = self.context.clock
        data = self.attempt(
            lambda: (printer_reports.list_printers(clock), office.load_settings().zone)
        )
        if data is None:
            return
        printers, zone = data
        self.office_printers = printers
        today = clock.now().astimezone(zone).date()
        fill_table(
            self.office_list,
            [
                (
                    p.station,
                    t(*ROLE_NAMES.get(p.role, (p.role, p.role))),
                    p.uri,
                    t(*p.status_text(zone)),
                    p.pending,
                    _seen(p.updated_at.astimezone(zone), today),
                )
                for p in printers
            ],
        )
        for row, printer in enumerate(printers):
            colour = ROW_COLOURS.get(printer.severity or "")
            if colour and printer.active:
                for column in range(self.office_list.columnCount()):
                    item = self.office_list.item(row, column)
                    if item is not None:
                        item.setBackground(QColor(colour))

    def refresh_local(self) -> None:
        self.uris = printer_check.load_printers()
        self._fill_local()
        if self._asking is not None and self._asking.is_alive():
            return  # the previous round is still waiting for a printer
        uris = list(self.uris)

        def ask() -> None:
            states = [printer_check.printer_state(u) for u in uris]
            # The page may be gone by now (closed while a printer took its time).
            with contextlib.suppress(RuntimeError):
                self.states_ready.emit(states)

        self._asking = threading.Thread(
            target=ask,
            name="loket-admin-printer-status",
            daemon=True,
        )
        self._asking.start()

    def _show_states(self, states: list[printer_check.PrinterState]) -> None:
        self.states = {s.uri: s for s in states}
        self._fill_local()

    def _fill_local(self) -> None:
        lang = current_language()
        asking = self.tr("Menanyai printer…")
        rows = []
        for uri in self.uris:
            s = self.states.get(uri)
            if s is None:
                rows.append((uri, asking, ""))
                continue
            message = s.message_en if lang == "en" else s.message_id
            rows.append((uri, message, ", ".join(s.problems) or ("–" if s.known else "?")))
        chosen = selected_key(self.list)
        fill_table(self.list, rows)
        if chosen is not None:
            select_row(self.list, chosen)

    def forget(self) -> None:
        row = self.office_list.currentRow()
        if not 0 <= row < len(self.office_printers):
            self.show_message(self.tr("Pilih printer dulu"), error=True)
            return
        printer = self.office_printers[row]
        question = self.tr(
            "Hapus {uri} di {station} dari daftar kantor? Kios atau loket yang masih berjalan "
            "akan melaporkannya lagi."
        ).format(uri=printer.uri, station=printer.station)
        if not self.context.dialogs.confirm(self.tr("Hapus printer"), question):
            return
        session = self.context.session
        if session is None:
            return
        self.change(
            lambda: printer_actions.forget_printer(
                session, printer.station, printer.uri, self.context.clock
            ),
            self.tr("Printer dihapus dari daftar kantor"),
        )

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
        self.show_ok(self.tr("Printer ditambahkan"))
        self.refresh()

    def remove(self) -> None:
        uri = self._chosen()
        uris = printer_check.load_printers()
        if uri in uris:
            printer_check.save_printers([u for u in uris if u != uri])
            self.show_ok(self.tr("Printer dihapus dari daftar"))
        self.refresh()

    def test_print(self) -> None:
        uri = self._chosen()
        if not uri:
            self.show_message(self.tr("Pilih printer dulu"), error=True)
            return
        outcome = printer_check.test_print(uri, self.context.clock)
        self.show_message(
            pick(outcome.message_id, outcome.message_en) + f" [{outcome.job_id}]",
            error=not outcome.printed,
        )
        self.refresh()


def _seen(when: dt.datetime, today: dt.date) -> str:
    return f"{when:%H:%M}" if when.date() == today else f"{when:%d-%m-%Y %H:%M}"
