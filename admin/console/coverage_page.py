"""The live coverage board, the first page a head sees: is the front desk staffed?

One tile per counter, the queue per service, and a red banner (with a sound) while
the front desk is uncovered inside service hours or a gap has been escalated. Below
it, a line per printer fault any PC reported (amber for paper nearly out, red and the
same sound when a printer cannot print or its PC went silent); it clears itself when
the printer reports OK. It refreshes on the change feed (staffing, tickets, …) and every few seconds, because
heartbeats age with the clock, not with the data; once a minute it also runs the
office's gap check, so a gap is logged and escalated even when no counter app is
left running to do it.
"""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget

from loket.admin.console.alarm import Alarm
from loket.admin.console.context import ConsoleContext
from loket.admin.console.coverage_tile import CoverageTile
from loket.admin.console.parts import Page, fill_table, label, set_headers, t, table
from loket.kiosk.shell.i18n import current_language
from loket.models import settings as office
from loket.models.integrity import checkpoints
from loket.models.printouts import printer_reports
from loket.models.printouts.printer_reports import RED, ReportedPrinter
from loket.models.queue import waiting as queue
from loket.models.staffing import counter_actions as staffing
from loket.models.staffing import desk_state
from loket.models.staffing.desk_records import CounterStaffing, FrontDeskStatus

TOPICS = {"staffing", "tickets", "counters", "services", "settings", "staff", "printers"}
TICK_MS = 5_000
CHECK_EVERY_TICKS = 12  # the gap check once a minute
COLUMNS = 4
TILE_EMS = 11  # a tile is at least this many "M"s of body text wide
QUEUE_MIN_ROWS = 7  # the queue table shows a few services before it scrolls
RED_BANNER = (
    "QLabel#coverage_banner { background: #b3261e; color: white; font-weight: bold;"
    " font-size: 20px; border-radius: 8px; padding: 12px; }"
)
RED_PRINTERS = (
    "QLabel#printer_banner { background: #b3261e; color: white; font-weight: bold;"
    " font-size: 18px; border-radius: 8px; padding: 10px; }"
)
AMBER_PRINTERS = (
    "QLabel#printer_banner { background: #fff4d6; color: #8a5a00; font-weight: bold;"
    " border: 2px solid #8a5a00; border-radius: 8px; padding: 8px; }"
)
RED_CHAIN = (
    "QLabel#chain_banner { background: #b3261e; color: white; font-weight: bold;"
    " font-size: 18px; border-radius: 8px; padding: 10px; }"
)
CALM_BANNER = (
    "QLabel#coverage_banner { background: #e6f4ea; color: #1e7b34; font-weight: bold;"
    " border-radius: 8px; padding: 8px; }"
)


class CoveragePage(Page):
    key = "coverage"
    title_text = QT_TRANSLATE_NOOP("Page", "Papan penjagaan langsung")

    def __init__(
        self,
        context: ConsoleContext,
        parent: QWidget | None = None,
        tick_ms: int = TICK_MS,
        muted: bool = False,
    ) -> None:
        super().__init__(context, parent)
        self.alarm.muted = muted
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)

    def build(self) -> None:
        self.banner = label(name="coverage_banner")
        self.body.addWidget(self.banner)
        self.printer_banner = label(name="printer_banner")
        self.printer_banner.hide()
        self.body.addWidget(self.printer_banner)
        # A log found cut or changed (this PC's witness, the signed checkpoints): it stays
        # until the app restarts, so the head sees it whenever they look.
        self.chain_banner = label(name="chain_banner")
        self.chain_banner.setStyleSheet(RED_CHAIN)
        self.chain_banner.hide()
        self.body.addWidget(self.chain_banner)
        self.alarm = Alarm(self)
        # The tiles above the queue, as many to a row as the page's width takes (the
        # page scrolls when there are more rows than fit); the queue table the full width.
        self.tile_area = QWidget()
        self.tile_area.setObjectName("coverage_tiles")
        self.grid = QGridLayout(self.tile_area)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.tile_area)
        self.queue_table = table("coverage_queues", 5)
        self.queue_table.setMinimumHeight(QUEUE_MIN_ROWS * self.queue_table.fontMetrics().height())
        self.body.addWidget(self.queue_table, 1)
        self.checked = label("muted", name="coverage_checked")
        self.body.addWidget(self.checked)
        self.tiles: dict[int, CoverageTile] = {}
        self._columns = 0
        self.status: FrontDeskStatus | None = None
        self.alarming = False
        self.escalated = False
        self.printer_faults: list[ReportedPrinter] = []
        self._ringing_printers: set[tuple[str, str]] = set()
        self.last_refresh_seconds = 0.0
        self._ticks = 0

    def retranslate(self) -> None:
        super().retranslate()
        set_headers(
            self.queue_table,
            [
                self.tr("Layanan"),
                self.tr("Menunggu"),
                self.tr("Prioritas"),
                self.tr("Tunggu terlama (menit)"),
                self.tr("Perkiraan (menit)"),
            ],
        )

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def feed_changed(self, topics: set[str]) -> None:
        if topics & TOPICS:
            self.refresh()

    def tick(self) -> None:
        if self.context.waits.waiting:
            return  # a call is still on its way: the next tick reads again
        self._ticks += 1
        if self._ticks % CHECK_EVERY_TICKS == 0:
            self.attempt(lambda: staffing.check(self.context.clock))
            found = self.attempt(lambda: checkpoints.maybe_checkpoint(self.context.clock))
            if found is not None and found.problem is not None:
                self._show_chain_problem(found.problem)
        self.refresh()

    def _show_chain_problem(self, problem: object) -> None:
        english = current_language() == "en"
        text = getattr(problem, "message_en" if english else "message_id", str(problem))
        self.chain_banner.setText(
            self.tr("LOG RUSAK — periksa dengan loket verify-all: {problem}").format(
                problem=text
            )
        )
        self.chain_banner.show()
        self.alarm.ring()

    def refresh(self) -> None:
        started = time.perf_counter()
        clock = self.context.clock
        data = self.attempt(
            lambda: (
                desk_state.front_desk_status(clock),
                desk_state.counter_states(clock),
                queue.snapshot(clock),
                office.load_settings().zone,
                printer_reports.printer_faults(clock),
            )
        )
        if data is None:
            return
        status, counters, snapshot, zone, printer_faults = data
        self._show_tiles(counters, zone)
        lang = current_language()
        fill_table(
            self.queue_table,
            [
                (
                    f"{s.code} · {s.name_en if lang == 'en' else s.name_id}",
                    s.waiting,
                    s.priority_waiting,
                    s.longest_wait_minutes,
                    s.estimated_wait_minutes,
                )
                for s in snapshot.services
                if s.active
            ],
        )
        self._show_banner(status, zone)
        self._show_printer_faults(printer_faults, zone)
        self.checked.setText(
            self.tr("Diperbarui {time}").format(
                time=f"{status.checked_at.astimezone(zone):%H:%M:%S}"
            )
        )
        self.last_refresh_seconds = time.perf_counter() - started

    def _show_tiles(self, counters: list[CounterStaffing], zone: object) -> None:
        numbers = [c.number for c in counters]
        if numbers != list(self.tiles):
            for tile in self.tiles.values():
                self.grid.removeWidget(tile)
                tile.deleteLater()
            self.tiles = {}
            em = self.fontMetrics().horizontalAdvance("M")  # the page's styled text
            for number in numbers:
                tile = CoverageTile(number)
                tile.setMinimumWidth(TILE_EMS * em)
                self.tiles[number] = tile
            self._columns = 0
            self._place_tiles()
        for state in counters:
            self.tiles[state.number].show_state(state, zone)

    def _place_tiles(self) -> None:
        """Lay the tiles out in as many columns (up to four) as the page is wide enough for."""
        if not self.tiles:
            return
        tile_width = max(tile.minimumSizeHint().width() for tile in self.tiles.values())
        room = self.body_area.viewport().width() - 2
        spacing = max(self.grid.horizontalSpacing(), 0)
        columns = max(1, min(COLUMNS, len(self.tiles), (room + spacing) // (tile_width + spacing)))
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles.values():
            self.grid.removeWidget(tile)
        for index, tile in enumerate(self.tiles.values()):
            self.grid.addWidget(tile, index // columns, index % columns)
        for column in range(COLUMNS):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_tiles()

    def _show_banner(self, status: FrontDeskStatus, zone: object) -> None:
        self.status = status
        alarm = status.in_service_hours and not status.covered
        text = status.message(current_language())
        if alarm and status.gap_since is not None:
            since = status.gap_since.astimezone(zone)
            text += " — " + self.tr("sejak {time}").format(time=f"{since:%H:%M}")
            if status.escalate_at is not None and not status.escalated:
                text += "; " + self.tr("eskalasi ke kepala pukul {time}").format(
                    time=f"{status.escalate_at.astimezone(zone):%H:%M}"
                )
        self.banner.setText(text)
        self.banner.setStyleSheet(RED_BANNER if alarm else CALM_BANNER)
        self.banner.setProperty("alarm", alarm)
        # A sound when a gap starts and again when it is escalated, not on every refresh.
        if alarm and (not self.alarming or (status.escalated and not self.escalated)):
            self.alarm.ring()
        self.alarming = alarm
        self.escalated = alarm and status.escalated

    def _show_printer_faults(self, faults: list[ReportedPrinter], zone: dt.tzinfo) -> None:
        self.printer_faults = faults
        red = {(f.station, f.uri) for f in faults if f.severity == RED}
        if faults:
            lines = [t(*f.board_line(zone)) for f in faults]
            self.printer_banner.setText("\n".join(lines))
            self.printer_banner.setStyleSheet(RED_PRINTERS if red else AMBER_PRINTERS)
        self.printer_banner.setProperty("alarm", bool(red))
        self.printer_banner.setVisible(bool(faults))
        # The sound once per printer that turns red, not on every refresh.
        if red - self._ringing_printers:
            self.alarm.ring()
        self._ringing_printers = red
