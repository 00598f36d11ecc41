"""The counter window: sign in, serve the queue, take documents, and leave the desk
only the way the staffing rules allow.

While an officer is signed in the window sends a heartbeat every 20 s (and runs the
office's gap check every minute), listens to the change feed for tickets, receipts
and staffing, and shows a banner whenever the front desk is uncovered.

Everything that reaches the database runs on the window's worker thread
(``db_work``), never on the GUI thread: the window repaints and answers while a slow
or restarting server is waited for, and the activity line says so.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from loket.admin.counter.desk_reads import DeskView, beat, read_desk, sign_in_choices
from loket.admin.counter.desk_screen import DeskScreen
from loket.admin.counter.document_desk import DocumentDesk
from loket.admin.counter.documents_screen import DocumentsScreen
from loket.admin.counter.handover_screen import HandoverScreen
from loket.admin.counter.job_runner import CHECK_MS, JobRunner
from loket.admin.counter.leaving_desk import LeavingDesk
from loket.admin.counter.look import apply_counter_theme
from loket.admin.counter.parts import (
    Screen,
    key_button,
    label,
    repick,
    set_caption,
    show_message,
)
from loket.admin.counter.reason_screen import ReasonScreen
from loket.admin.counter.serving import Serving
from loket.admin.counter.sign_in_screen import SignInScreen
from loket.admin.counter.transfer_screen import TransferScreen
from loket.kiosk.shell import i18n
from loket.kiosk.shell.actions import ActionRunner
from loket.kiosk.shell.activity_line import ActivityLine
from loket.kiosk.shell.dialogs import DialogService, QtDialogs
from loket.kiosk.shell.feed import ChangeFeedBridge
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import LoketError
from loket.models.staffing import counter_actions as staffing
from loket.models.staffing import desk_state
from loket.models.staffing.counter_actions import NotSignedIn
from loket.models.staffing.desk_records import FrontDeskStatus

log = logging.getLogger(__name__)

HEARTBEAT_MS = 20_000  # well inside the 60 s after which a counter counts as abandoned
CHECK_EVERY_BEATS = 3  # the office-wide gap check once a minute
TICK_MS = 1_000
REFRESH_MS = 30_000  # waiting minutes grow with the clock, not only with the data
FEED_TOPICS = {"tickets", "staffing", "receipts", "counters", "services", "settings"}


class CounterWindow(QWidget):
    """One officer's desk. ``printer`` is a URI (None: ``$LOKET_PRINTER`` or PDF); it is
    reported to the office's printer list under ``station`` (None: the host name)."""

    closing = Signal()

    def __init__(
        self,
        clock: Clock = SYSTEM_CLOCK,
        printer: str | None = None,
        dialogs: DialogService | None = None,
        feed_url: str | None = None,
        use_feed: bool = True,
        heartbeat_ms: int = HEARTBEAT_MS,
        counter: int | None = None,
        username: str | None = None,
        station: str | None = None,
        printer_check_ms: int = CHECK_MS,
    ) -> None:
        super().__init__()
        self.setObjectName("counter_app")
        self.clock = clock
        self.printer = printer
        self.dialogs = dialogs or QtDialogs(self)
        self.counter_number: int | None = None
        self.officer: str | None = None
        self.front_desk: FrontDeskStatus | None = None
        self._may_close = False
        self._beats = 0
        self._desk_reading = False  # a desk read is on the worker
        self._desk_again = False  # another was asked for meanwhile

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(6)
        bar = QHBoxLayout()
        self.office_name = label("title", name="office_name")
        bar.addWidget(self.office_name, 1)
        self.language_button = key_button("language")
        self.language_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.language_button.clicked.connect(self.toggle_language)
        bar.addWidget(self.language_button)
        layout.addLayout(bar)
        self.banner = label("banner", name="front_desk_banner")
        self.banner.hide()
        layout.addWidget(self.banner)
        self.notice = label("error", name="notice")
        self.notice.hide()
        layout.addWidget(self.notice)
        # Every read and action on the database runs here, never on the GUI thread.
        self.db_work = ActionRunner(self, "loket-counter-actions")
        self.activity = ActivityLine(self.db_work)
        layout.addWidget(self.activity)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)

        self.sign_in_screen = SignInScreen()
        self.desk = DeskScreen()
        self.transfer = TransferScreen()
        self.documents = DocumentsScreen()
        self.reason = ReasonScreen()
        self.handover = HandoverScreen()
        for screen in (
            self.sign_in_screen,
            self.desk,
            self.transfer,
            self.documents,
            self.reason,
            self.handover,
        ):
            self.stack.addWidget(screen)
        self.serving = Serving(self)
        self.document_desk = DocumentDesk(self)
        self.leaving = LeavingDesk(self)
        self.sign_in_screen.submitted.connect(self.sign_in)
        self.desk.action.connect(self.act)
        self.transfer.chosen.connect(self.serving.transfer_to)
        self.transfer.back.connect(self.back_to_desk)
        self.documents.back.connect(self.back_to_desk)
        self.documents.receive.submitted.connect(self.document_desk.receive)
        self.documents.receipts.advance.connect(self.document_desk.move_receipt)
        self.reason.submitted.connect(self.leaving.leave_with_reason)
        self.reason.handover.connect(self.leaving.open_handover)
        self.reason.back.connect(self.back_to_desk)
        self.handover.submitted.connect(self.leaving.hand_over)
        self.handover.back.connect(self.back_to_desk)

        from loket.models.printouts.printer_reports import PrinterWatch

        watch = PrinterWatch("counter", printer, station, clock)
        self.jobs = JobRunner(self, watch=watch, check_ms=printer_check_ms)
        QTimer.singleShot(0, self.jobs.check_printer)  # the office list learns of us at once

        self.heartbeat_timer = QTimer(self)
        self.heartbeat_timer.setInterval(heartbeat_ms)
        self.heartbeat_timer.timeout.connect(self.heartbeat)
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self.tick)
        self.tick_timer.start()
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.refresh_timer.start()

        self.feed: ChangeFeedBridge | None = None
        if use_feed:
            self.feed = ChangeFeedBridge(feed_url, FEED_TOPICS, self)
            self.feed.changed.connect(self.on_feed)

        apply_counter_theme(self)
        self.retranslate()
        self._fill_sign_in(counter, username)
        self.show_screen(self.sign_in_screen)
        self.refresh_banner()

    # ---- language and notices
    def retranslate(self) -> None:
        set_caption(
            self.language_button,
            "English" if i18n.current_language() == "id" else "Bahasa Indonesia",
        )
        self._show_banner()
        repick(self)  # notices and refusals already on screen, in the new language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.ApplicationFontChange:
            apply_counter_theme(self)  # the desktop's text size changed: every size with it
        super().changeEvent(event)

    def toggle_language(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        i18n.set_language(app, "en" if i18n.current_language() == "id" else "id")

    def show_notice(self, message_id: str, message_en: str, error: bool = True) -> None:
        self.notice.setProperty("role", "error" if error else "muted")
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        show_message(self.notice, message_id, message_en)
        self.notice.show()

    def show_refusal(self, exc: LoketError) -> None:
        self.show_notice(exc.message_id, exc.message_en)

    # ---- navigation
    def current_screen(self) -> QWidget | None:
        return self.stack.currentWidget()

    def show_screen(self, screen: Screen) -> None:
        self.notice.hide()
        self.stack.setCurrentWidget(screen)
        screen.entered()

    def back_to_desk(self) -> None:
        if self.counter_number is None:
            self.show_screen(self.sign_in_screen)
            return
        self.refresh_desk()
        self.show_screen(self.desk)

    # ---- on the worker thread
    def run_action(
        self,
        job: Callable[[], object],
        done: Callable[[Any], None],
        refused: Callable[[LoketError], None],
        retry_safe: bool = False,
    ) -> bool:
        """Run an officer's action on the worker (False: the last one is still on its way,
        so this press is dropped). Without an idempotency key a second try after a lost
        connection could act twice: such an action is refused on screen instead."""
        if self.db_work.busy_acting:
            return False
        self.notice.hide()
        self.db_work.run(job, done, refused, retry_safe=retry_safe)
        return True

    # ---- signing in
    def _fill_sign_in(self, chosen: int | None = None, username: str | None = None) -> None:
        def fill(choices: Any) -> None:
            name, usernames, counters = choices
            self.office_name.setText(name)
            self.sign_in_screen.set_choices(usernames, counters, chosen)
            if username:
                self.sign_in_screen.choose(username, chosen)

        self.db_work.run(sign_in_choices, fill, self.show_refusal)

    def sign_in(self, number: int, username: str, pin: str) -> None:
        clock = self.clock
        self.run_action(
            lambda: staffing.sign_in(number, username, pin, clock=clock),
            lambda state: self._signed_in(number, state.officer),
            lambda exc: self.sign_in_screen.show_error(exc.message_id, exc.message_en),
        )

    def _signed_in(self, number: int, officer: str) -> None:
        self.counter_number, self.officer = number, officer
        self.sign_in_screen.reset()
        self.notice.hide()
        self._beats = 0
        self.heartbeat_timer.start()
        self.refresh_desk()
        self.refresh_banner()
        self.show_screen(self.desk)

    def show_signed_out(self, message_id: str, message_en: str) -> None:
        self.heartbeat_timer.stop()
        chosen = self.counter_number
        self.counter_number, self.officer = None, None
        self._fill_sign_in(chosen)
        self.sign_in_screen.reset()
        self.show_screen(self.sign_in_screen)
        self.show_notice(message_id, message_en, error=False)
        self.refresh_banner()

    # ---- the desk
    def refresh(self) -> None:
        if self.counter_number is not None:
            self.refresh_desk()
            if self.current_screen() is self.documents:
                self.document_desk.refresh()

    def refresh_desk(self) -> None:
        """Read the desk on the worker; asked again meanwhile, it reads once more after."""
        number = self.counter_number
        if number is None:
            return
        if self._desk_reading:
            self._desk_again = True
            return
        self._desk_reading = True
        clock = self.clock
        self.db_work.run(
            lambda: read_desk(number, clock),
            lambda view: self._show_desk(number, view),
            self._desk_refused,
            quiet=True,
        )

    def _desk_read(self) -> bool:
        """A desk read came back: True if another one is due."""
        self._desk_reading = False
        again, self._desk_again = self._desk_again, False
        return again

    def _desk_refused(self, exc: LoketError) -> None:
        self._desk_read()
        self.show_refusal(exc)

    def _show_desk(self, number: int, view: DeskView) -> None:
        again = self._desk_read()
        if number != self.counter_number:  # signed out (or in elsewhere) meanwhile
            if again:
                self.refresh_desk()
            return
        state = view.state
        if state.status == "out":
            self.show_signed_out(
                f"Loket {number} sudah tidak dijaga (keluar dari tempat lain)",
                f"Counter {number} was signed out elsewhere",
            )
            return
        if state.officer and state.officer != self.officer:
            self.officer = state.officer  # taken over from another place
        self.desk.show_desk(view.ticket, view.waiting, view.held, state)
        self.desk.tick(self.clock.now())
        if again:
            self.refresh_desk()

    def tick(self) -> None:
        if self.stack.currentWidget() is not None and self.desk.isVisible():
            self.desk.tick(self.clock.now())

    def act(self, name: str) -> None:
        """One of the desk's buttons (or its key) was pressed."""
        if self.counter_number is None:
            return
        desk_actions = {
            "transfer": self.serving.open_transfer,
            "documents": self.document_desk.open,
            "break": self.leaving.take_break,
            "resume_work": self.leaving.resume_work,
            "handover": self.leaving.open_handover,
            "sign_out": self.leaving.sign_out,
        }
        if name in desk_actions:
            desk_actions[name]()
        else:
            self.serving.act(name)

    # ---- staying alive, and the front desk
    def heartbeat(self) -> None:
        """The heartbeat (and every third time the office's gap check), on the worker."""
        number = self.counter_number
        if number is None:
            return
        self._beats += 1
        check, clock = self._beats % CHECK_EVERY_BEATS == 0, self.clock
        self.db_work.run(
            lambda: beat(number, clock, check),
            self._beaten,
            lambda exc: self._beat_refused(number, exc),
            quiet=True,
        )

    def _beaten(self, status: Any) -> None:
        if status is not None:
            self.front_desk = status
            self._show_banner()

    def _beat_refused(self, number: int, exc: LoketError) -> None:
        self._beats -= 1
        if number != self.counter_number:
            return
        if isinstance(exc, NotSignedIn):
            self.show_signed_out(
                f"Loket {number} sudah tidak dijaga (keluar dari tempat lain)",
                f"Counter {number} was signed out elsewhere",
            )
            return
        log.warning("heartbeat for counter %s refused: %s", number, exc.message_en)
        self.show_refusal(exc)

    def refresh_banner(self) -> None:
        clock = self.clock
        self.db_work.run(
            lambda: desk_state.front_desk_status(clock=clock),
            self._beaten,
            lambda exc: log.warning("front desk status unavailable: %s", exc.message_en),
            quiet=True,
        )

    def _show_banner(self) -> None:
        status = self.front_desk
        uncovered = status is not None and status.in_service_hours and not status.covered
        if status is not None and uncovered:
            self.banner.setText(status.message(i18n.current_language()))
        self.banner.setVisible(uncovered)

    def on_feed(self, topics: set[str]) -> None:
        if "staffing" in topics or "settings" in topics:
            self.refresh_banner()
        if topics & {"tickets", "staffing", "counters", "services"}:
            self.refresh_desk()
        if "receipts" in topics and self.current_screen() is self.documents:
            self.document_desk.refresh()

    # ---- closing
    def leave(self) -> None:
        """Close the window without signing out (tests, or the demo shutting down)."""
        self._may_close = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.counter_number is not None and not self._may_close:
            # Closing is leaving the desk: it goes through the staffing rules.
            event.ignore()
            self.leaving.sign_out()
            return
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        for timer in (self.heartbeat_timer, self.tick_timer, self.refresh_timer):
            timer.stop()
        if self.feed is not None:
            self.feed.stop()
            self.feed = None
        self.db_work.stop()
        self.jobs.stop()
        self.closing.emit()


__all__ = ["CounterWindow"]
