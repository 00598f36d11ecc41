"""The kiosk window: a top bar, one stacked page per screen, and the flows between them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from loket.kiosk.shell import i18n
from loket.kiosk.shell.actions import ActionRunner
from loket.kiosk.shell.activity_line import ActivityLine
from loket.kiosk.shell.dialogs import DialogService, QtDialogs
from loket.kiosk.shell.feed import ChangeFeedBridge
from loket.kiosk.shell.i18n import pick
from loket.kiosk.shell.idle import IdleWatcher
from loket.kiosk.shell.lockdown import HOLD_MS, HiddenExit
from loket.kiosk.shell.theme import Theme, apply_theme, body_px
from loket.kiosk.ticketing.admin_exit_screen import AdminExitScreen
from loket.kiosk.ticketing.check_receipt_screen import CheckReceiptScreen
from loket.kiosk.ticketing.chrome import MessageOverlay, TopBar
from loket.kiosk.ticketing.complaint_screen import ComplaintScreen
from loket.kiosk.ticketing.document_screen import DocumentScreen
from loket.kiosk.ticketing.feedback_flows import FeedbackFlows
from loket.kiosk.ticketing.home_screen import HomeScreen
from loket.kiosk.ticketing.near_phone_screen import NearPhoneScreen
from loket.kiosk.ticketing.print_queue import CHECK_MS, PrintQueue
from loket.kiosk.ticketing.priority_screen import PriorityScreen
from loket.kiosk.ticketing.receipt_screen import ReceiptScreen
from loket.kiosk.ticketing.screen import Screen
from loket.kiosk.ticketing.service_tiles import ServiceTile
from loket.kiosk.ticketing.survey_screen import SurveyScreen
from loket.kiosk.ticketing.ticket_flows import TicketFlows
from loket.kiosk.ticketing.ticket_screen import TicketScreen
from loket.kiosk.ticketing.visitor_actions import failure_text, read_home, receive_document
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import LoketError

if TYPE_CHECKING:
    from loket.models.documents.receipt_info import ReceiptInfo
    from loket.models.printouts.paper import PrintOutcome

log = logging.getLogger(__name__)

IDLE_SECONDS = 90
RESULT_SECONDS = 25
REFRESH_MS = 30_000  # opening hours change with the clock, not only with the data
FEED_TOPICS = {"tickets", "services", "settings", "staffing"}
SMALLEST = (1024, 768)  # the smallest supported screen: the look before the first resize
TEXT_HYSTERESIS_PX = 2  # a resize restyles only when the body text changes by this much


class KioskWindow(TicketFlows, FeedbackFlows, QWidget):
    """Everything a visitor sees. ``printer`` is a URI (None: ``$LOKET_PRINTER`` or PDF);
    it is reported to the office's printer list under ``station`` (None: the host name)."""

    closing = Signal()

    def __init__(
        self,
        clock: Clock = SYSTEM_CLOCK,
        printer: str | None = None,
        dialogs: DialogService | None = None,
        feed_url: str | None = None,
        use_feed: bool = True,
        idle_seconds: float = IDLE_SECONDS,
        result_seconds: float = RESULT_SECONDS,
        hold_ms: int = HOLD_MS,
        ask_priority: bool = True,
        station: str | None = None,
        printer_check_ms: int = CHECK_MS,
    ) -> None:
        super().__init__()
        self.setObjectName("kiosk")
        self.clock = clock
        self.printer = printer
        self.dialogs = dialogs or QtDialogs(self)
        self.idle_seconds = idle_seconds
        self.result_seconds = result_seconds
        self.ask_priority = ask_priority
        self.theme = Theme()
        self._may_close = False
        self._chosen: tuple[str, str | None] | None = None
        self.near_ahead, self.near_channel = 0, "off"
        self._print_targets: dict[int, Callable[[PrintOutcome | None, object], None]] = {}

        self._body_px = 0
        self._portrait: bool | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.top_bar = TopBar()
        self.office_name = self.top_bar.office_name
        self.language_button = self.top_bar.language_button
        self.large_text_button = self.top_bar.large_text_button
        self.contrast_button = self.top_bar.contrast_button
        self.language_button.clicked.connect(self.toggle_language)
        self.large_text_button.toggled.connect(self._theme_changed)
        self.contrast_button.toggled.connect(self._theme_changed)
        layout.addWidget(self.top_bar)
        # Every tap that reaches the database runs here, never on the GUI thread.
        self.db_work = ActionRunner(self, "loket-kiosk-actions")
        self.activity = ActivityLine(self.db_work)
        self.messages = MessageOverlay(self, self.activity)
        self.banner = self.messages.banner
        self.notice = self.messages.notice
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)

        self.home = HomeScreen()
        self.priority = PriorityScreen()
        self.near_phone = NearPhoneScreen()
        self.ticket = TicketScreen()
        self.document = DocumentScreen()
        self.receipt = ReceiptScreen()
        self.check = CheckReceiptScreen()
        self.survey = SurveyScreen()
        self.complaint = ComplaintScreen()
        self.admin = AdminExitScreen()
        self.result_screens: set[Screen] = {self.ticket, self.receipt}
        for screen in (
            self.home,
            self.priority,
            self.near_phone,
            self.ticket,
            self.document,
            self.receipt,
            self.check,
            self.survey,
            self.complaint,
            self.admin,
        ):
            self.stack.addWidget(screen)
        self.home.service_chosen.connect(self.choose_service)
        self.home.hand_in_document.connect(lambda: self.show_screen(self.document))
        self.home.check_receipt.connect(lambda: self.show_screen(self.check))
        self.priority.chosen.connect(self._chosen_priority)
        self.priority.back.connect(self.go_home)
        self.near_phone.skipped.connect(lambda: self._take_with_phone(None))
        self.near_phone.submitted.connect(self._take_with_phone)
        self.near_phone.back.connect(self.go_home)
        self.ticket.done.connect(self.go_home)
        self.document.back.connect(self.go_home)
        self.document.submitted.connect(self.hand_in_document)
        self.receipt.done.connect(self.go_home)
        self.check.back.connect(self.go_home)
        self.home.rate_service.connect(lambda: self.show_screen(self.survey))
        self.survey.back.connect(self.go_home)
        self.survey.submitted.connect(self.rate_service)
        self.home.complain.connect(lambda: self.show_screen(self.complaint))
        self.complaint.back.connect(self.go_home)
        self.complaint.submitted.connect(self.file_complaint)
        self.admin.leave.connect(self.leave)
        self.admin.back.connect(self.go_home)

        from loket.models.printouts.printer_reports import PrinterWatch

        watch = PrinterWatch("kiosk", printer, station, clock)
        self.prints = PrintQueue(self, watch, printer_check_ms)
        self.prints.finished.connect(self._printed)
        self.prints.failed.connect(self._print_crashed)

        self.idle = IdleWatcher(idle_seconds, self)
        self.idle.timeout.connect(self.reset_for_next_visitor)
        self.exit = HiddenExit(self.office_name, self.dialogs, hold_ms, self, self.db_work)
        self.exit.unlocked.connect(self._unlocked)

        self.feed: ChangeFeedBridge | None = None
        if use_feed:
            self.feed = ChangeFeedBridge(feed_url, FEED_TOPICS, self)
            self.feed.changed.connect(lambda _topics: self.refresh())
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._refresh_timer.start()

        self._fit_to_size(*SMALLEST)
        self.retranslate()
        self.messages.follow(self.home.header)
        self._show_data(read_home(self.clock))  # the database has just answered the start
        # Printing pulls in python-escpos (about 0.4 s of imports) and signing:
        # import both on the print thread once the window is up, not before, not on a tap.
        QTimer.singleShot(0, lambda: self.prints.submit(_warm_up_printing))
        QTimer.singleShot(0, self.prints.check_printer)  # the office list learns of us at once

    # ---- the look follows the window's size and shape
    def setVisible(self, visible: bool) -> None:
        if visible and not self.isVisible():
            # Shaped for the size asked for before Qt measures the layout, so a portrait
            # screen never sees the window widen to fit a landscape layout first.
            self._fit_to_size(self.width(), self.height())
        super().setVisible(visible)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_to_size(self.width(), self.height())

    def _fit_to_size(self, width: int, height: int, force: bool = False) -> None:
        """Text sized to the screen and each screen laid out for its shape; a small resize
        (under TEXT_HYSTERESIS_PX of text) keeps the look, so dragging never thrashes."""
        body = body_px(width, height, self.theme.large_text)
        portrait = height > width
        same_shape = portrait == self._portrait
        if not force and same_shape and abs(body - self._body_px) < TEXT_HYSTERESIS_PX:
            self._reserve_banner(width)
            return
        self._body_px, self._portrait = body, portrait
        apply_theme(self, self.theme, body)
        self.top_bar.adapt(portrait)
        for index in range(self.stack.count()):
            page = self.stack.widget(index)
            if isinstance(page, Screen):
                page.adapt(portrait)
        self._reserve_banner(width)
        for widget in self.findChildren(QWidget):
            if widget.hasHeightForWidth():
                widget.updateGeometry()  # wrapped texts need new heights at the new size
        layout = self.layout()
        if layout is not None and self.isVisible():
            layout.activate()

    def _reserve_banner(self, width: int | None = None) -> None:
        """Every screen's header keeps the banner's height (text at the current width)."""
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        inner = (width or self.width()) - margins.left() - margins.right()
        need = self.messages.banner_height(inner)
        for index in range(self.stack.count()):
            header = getattr(self.stack.widget(index), "header", None)
            if header is not None:
                header.reserve(need)

    def retranslate(self) -> None:
        # The button names the language it switches to, in that language.
        self.language_button.setText(
            "English" if i18n.current_language() == "id" else "Bahasa Indonesia"
        )
        self.large_text_button.setText(self.tr("Huruf besar"))
        self.contrast_button.setText(self.tr("Kontras tinggi"))
        self.banner.setText(
            self.tr(
                "Saat ini belum ada petugas di meja layanan. Nomor antrean dan tanda terima "
                "bertanda tangan tetap dapat diambil di sini; petugas sudah diberi tahu."
            )
        )
        self._reserve_banner()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.messages.hide_notice()
        super().changeEvent(event)

    def toggle_language(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        i18n.set_language(app, "en" if i18n.current_language() == "id" else "id")

    def _theme_changed(self) -> None:
        self.theme = Theme(
            large_text=self.large_text_button.isChecked(),
            high_contrast=self.contrast_button.isChecked(),
        )
        self._fit_to_size(self.width(), self.height(), force=True)

    # ---- data
    def refresh(self) -> None:
        """Read the office name, the service tiles and the front desk on the worker."""
        clock = self.clock
        self.db_work.run(
            lambda: read_home(clock), self._show_data, self._refresh_refused, quiet=True
        )

    def _refresh_refused(self, exc: LoketError) -> None:
        log.warning("kiosk refresh refused: %s", exc.message_en)

    def _show_data(self, data: Any) -> None:
        if isinstance(data, LoketError):
            self.show_notice(data.message_id, data.message_en)
            return
        name: str = data[0]
        tiles: list[ServiceTile] = data[1]
        unstaffed: bool = data[2]
        # Only touch widgets that change: every Qt call counts (see tests/kiosk/test_qt_binding.py).
        if self.office_name.text() != name:
            self.office_name.setText(name)
        if tiles != self.home.tiles:
            self.home.show_tiles(tiles)
        if self.messages.unstaffed != unstaffed:
            self.messages.set_unstaffed(unstaffed)
        self.near_ahead, self.near_channel = data.near_ahead, data.near_channel

    def show_notice(self, message_id: str, message_en: str) -> None:
        self.messages.show_notice(pick(message_id, message_en))

    # ---- navigation
    def current_screen(self) -> QWidget | None:
        return self.stack.currentWidget()

    def show_screen(self, screen: Screen) -> None:
        self.messages.hide_notice()
        self.stack.setCurrentWidget(screen)
        self.messages.follow(screen.header)
        seconds = self.result_seconds if screen in self.result_screens else self.idle_seconds
        self.idle.set_seconds(seconds)
        screen.entered()

    def go_home(self) -> None:
        self.refresh()
        self.show_screen(self.home)

    def reset_for_next_visitor(self) -> None:
        """Idle: back home in the office's kiosk language (Bahasa Indonesia unless the
        admin chose otherwise) with the normal look, forms emptied."""
        from loket.models.settings import load_settings

        try:
            language = load_settings().kiosk_language
        except LoketError:
            language = "id"
        app = QApplication.instance()
        if isinstance(app, QApplication) and i18n.current_language() != language:
            i18n.set_language(app, language)
        self.large_text_button.setChecked(False)
        self.contrast_button.setChecked(False)
        for index in range(self.stack.count()):
            page = self.stack.widget(index)
            reset = getattr(page, "reset", None)
            if callable(reset):
                reset()
        self.go_home()

    # ---- documents
    def hand_in_document(self, values: dict[str, str]) -> None:
        from loket.models.reconnect import new_request_key

        if self.db_work.busy_acting:
            return
        key, clock, language = new_request_key(), self.clock, i18n.current_language()
        self.db_work.run(
            lambda: receive_document(values, clock, key, language),
            self._document_received,
            lambda refused: self.document.show_error(refused.message_id, refused.message_en),
        )

    def _document_received(self, result: Any) -> None:
        from loket.models.printouts.paper import print_receipt

        info: ReceiptInfo = result[0]
        received: str = result[1]
        self.document.reset()
        self.receipt.show_receipt(info, received)
        self.show_screen(self.receipt)
        printer = self.printer
        self.submit_print(
            lambda: print_receipt(info, printer),
            lambda outcome, error: self._receipt_printed(info.number, outcome, error),
        )

    def _receipt_printed(self, number: str, outcome: PrintOutcome | None, error: object) -> None:
        if self.receipt.receipt is None or self.receipt.receipt.number != number:
            return
        if outcome is not None:
            self.receipt.show_outcome(outcome)
        else:
            self.receipt.show_failure(*failure_text(error))

    # ---- printing on the worker thread
    def submit_print(
        self,
        job: Callable[[], PrintOutcome],
        done: Callable[[PrintOutcome | None, object], None],
    ) -> int:
        token = self.prints.submit(job)
        self._print_targets[token] = done
        return token

    def _printed(self, token: int, outcome: PrintOutcome) -> None:
        done = self._print_targets.pop(token, None)
        if done is None:  # the warm-up job
            return
        if not (outcome.printed and not outcome.pending):
            # Raised for staff: the job waits in the spool (`loket print pending`,
            # `loket print retry`) and the log says what happened.
            log.warning(
                "kiosk printout not printed (job %s, spooled=%s): %s",
                outcome.job_id,
                outcome.pending,
                outcome.message_en,
            )
        done(outcome, None)

    def _print_crashed(self, token: int, error: object) -> None:
        log.error("kiosk print job failed outright: %s", error)
        done = self._print_targets.pop(token, None)
        if done is not None:
            done(None, error)

    # ---- leaving the kiosk
    def _unlocked(self, staff: object) -> None:
        from loket.models.printouts.paper import pending_jobs

        log.info("kiosk admin menu opened by %s", getattr(staff, "username", "?"))
        self.admin.show_for(str(getattr(staff, "full_name", "")), len(pending_jobs()))
        self.show_screen(self.admin)

    def leave(self) -> None:
        self._may_close = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close:
            event.ignore()
            return
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        self.idle.stop()
        self._refresh_timer.stop()
        if self.feed is not None:
            self.feed.stop()
            self.feed = None
        self.db_work.stop()
        self.prints.stop()
        self.closing.emit()


def _warm_up_printing() -> None:
    pass
