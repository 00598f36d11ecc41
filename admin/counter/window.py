"""The counter window: sign in, serve the queue, take documents, and leave the desk
only the way the staffing rules allow.

While an officer is signed in the window sends a heartbeat every 20 s (and runs the
office's gap check every minute), listens to the change feed for tickets, receipts
and staffing, and shows a banner whenever the front desk is uncovered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

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

from loket.admin.counter.desk_screen import DeskScreen
from loket.admin.counter.documents_screen import DocumentsScreen
from loket.admin.counter.handover_screen import HandoverScreen
from loket.admin.counter.job_runner import CHECK_MS, JobRunner
from loket.admin.counter.parts import Screen, key_button, label
from loket.admin.counter.reason_screen import ReasonScreen
from loket.admin.counter.receipts_panel import phone_line
from loket.admin.counter.sign_in_screen import SignInScreen
from loket.admin.counter.transfer_screen import TransferScreen
from loket.kiosk.shell import i18n
from loket.kiosk.shell.dialogs import DialogService, QtDialogs
from loket.kiosk.shell.feed import ChangeFeedBridge
from loket.kiosk.shell.i18n import pick
from loket.kiosk.shell.theme import Theme, apply_theme
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import LoketError
from loket.models.services import calling, staffing
from loket.models.services.printouts import PrintOutcome
from loket.models.services.staffing import FrontDeskStatus, FrontDeskUncovered, NotSignedIn

log = logging.getLogger(__name__)

HEARTBEAT_MS = 20_000  # well inside the 60 s after which a counter counts as abandoned
CHECK_EVERY_BEATS = 3  # the office-wide gap check once a minute
TICK_MS = 1_000
REFRESH_MS = 30_000  # waiting minutes grow with the clock, not only with the data
FEED_TOPICS = {"tickets", "staffing", "receipts", "counters", "services", "settings"}
OPEN_RECEIPTS = ("received", "confirmed", "forwarded", "ready")


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
        self._print_targets: dict[int, Callable[[PrintOutcome | None, object], None]] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
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
        self.sign_in_screen.submitted.connect(self.sign_in)
        self.desk.action.connect(self.act)
        self.transfer.chosen.connect(self.transfer_to)
        self.transfer.back.connect(self.back_to_desk)
        self.documents.back.connect(self.back_to_desk)
        self.documents.receive.submitted.connect(self.receive_document)
        self.documents.receipts.advance.connect(self.move_receipt)
        self.reason.submitted.connect(self.leave_with_reason)
        self.reason.handover.connect(self.open_handover)
        self.reason.back.connect(self.back_to_desk)
        self.handover.submitted.connect(self.hand_over)
        self.handover.back.connect(self.back_to_desk)

        from loket.models.services.printer_reports import PrinterWatch

        watch = PrinterWatch("counter", printer, station, clock)
        self.jobs = JobRunner(self, watch=watch, check_ms=printer_check_ms)
        QTimer.singleShot(0, self.jobs.check_printer)  # the office list learns of us at once
        self.jobs.finished.connect(self._job_done)
        self.jobs.failed.connect(self._job_failed)

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

        apply_theme(self, Theme())
        self.retranslate()
        self._fill_sign_in(counter)
        if username:
            self.sign_in_screen.choose(username, counter)
        self.show_screen(self.sign_in_screen)
        self.refresh_banner()

    # ---- language and notices
    def retranslate(self) -> None:
        self.language_button.setText(
            "English" if i18n.current_language() == "id" else "Bahasa Indonesia"
        )
        self._show_banner()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def toggle_language(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        i18n.set_language(app, "en" if i18n.current_language() == "id" else "id")

    def show_notice(self, message_id: str, message_en: str, error: bool = True) -> None:
        self.notice.setProperty("role", "error" if error else "muted")
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        self.notice.setText(pick(message_id, message_en))
        self.notice.show()

    def _refused(self, exc: LoketError) -> None:
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

    # ---- signing in
    def _fill_sign_in(self, chosen: int | None = None) -> None:
        from loket.models.services.catalog import list_counters
        from loket.models.services.office import load_settings
        from loket.models.services.staff import list_staff

        try:
            self.office_name.setText(load_settings().office_name)
            usernames = [s.username for s in list_staff(include_inactive=False)]
            counters = [
                (c.number, c.name, c.front_desk) for c in list_counters(include_inactive=False)
            ]
        except LoketError as exc:
            self._refused(exc)
            return
        self.sign_in_screen.set_choices(usernames, counters, chosen)

    def sign_in(self, number: int, username: str, pin: str) -> None:
        try:
            state = staffing.sign_in(number, username, pin, clock=self.clock)
        except LoketError as exc:
            self.sign_in_screen.show_error(exc.message_id, exc.message_en)
            return
        self.counter_number, self.officer = number, state.officer
        self.sign_in_screen.reset()
        self.notice.hide()
        self._beats = 0
        self.heartbeat_timer.start()
        self.refresh_desk()
        self.refresh_banner()
        self.show_screen(self.desk)

    def _signed_out(self, message_id: str, message_en: str) -> None:
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
                self.refresh_documents()

    def refresh_desk(self) -> None:
        from loket.models.services.counter_desk import held_at_counter, waiting_for_counter

        number = self.counter_number
        if number is None:
            return
        try:
            state = staffing.counter_state(number, clock=self.clock)
            if state.status == "out" or (state.officer and state.officer != self.officer):
                if state.status == "out":
                    self._signed_out(
                        f"Loket {number} sudah tidak dijaga (keluar dari tempat lain)",
                        f"Counter {number} was signed out elsewhere",
                    )
                    return
                self.officer = state.officer  # taken over from another place
            ticket = calling.current_ticket(number, clock=self.clock)
            waiting = waiting_for_counter(number, clock=self.clock)
            held = held_at_counter(number, clock=self.clock)
        except LoketError as exc:
            self._refused(exc)
            return
        self.desk.show_desk(ticket, waiting, held, state)
        self.desk.tick(self.clock.now())

    def tick(self) -> None:
        if self.stack.currentWidget() is not None and self.desk.isVisible():
            self.desk.tick(self.clock.now())

    def act(self, name: str) -> None:
        """One of the desk's buttons (or its key) was pressed."""
        number = self.counter_number
        if number is None:
            return
        clock = self.clock
        ticket_actions: dict[str, Callable[[], object]] = {
            "call_next": lambda: calling.call_next(number, officer=self.officer, clock=clock),
            "recall": lambda: calling.recall(number, clock=clock),
            "start": lambda: calling.start(number, clock=clock),
            "finish": lambda: calling.finish(number, clock=clock),
            "no_show": lambda: calling.no_show(number, requeue=False, clock=clock),
            "no_show_requeue": lambda: calling.no_show(number, requeue=True, clock=clock),
            "hold": lambda: calling.hold(number, clock=clock),
            "resume_held": lambda: calling.resume(number, clock=clock),
        }
        if name in ticket_actions:
            self.notice.hide()
            try:
                result = ticket_actions[name]()
            except LoketError as exc:
                self._refused(exc)
            else:
                if name == "call_next" and result is None:
                    self.show_notice(
                        "Tidak ada yang menunggu untuk loket ini",
                        "Nobody is waiting for this counter",
                        error=False,
                    )
            self.refresh_desk()
            return
        {
            "transfer": self.open_transfer,
            "documents": self.open_documents,
            "break": self.take_break,
            "resume_work": self.resume_work,
            "handover": self.open_handover,
            "sign_out": self.sign_out,
        }[name]()

    # ---- transfer
    def open_transfer(self) -> None:
        from loket.models.services.catalog import list_counters, list_services

        ticket = self.desk.ticket
        if ticket is None or self.counter_number is None:
            return
        try:
            services = [
                (s.code, s.name_id, s.name_en)
                for s in list_services(include_inactive=False)
                if s.code != ticket.service
            ]
            counters = [
                (c.number, c.name)
                for c in list_counters(include_inactive=False)
                if c.number != self.counter_number
            ]
        except LoketError as exc:
            self._refused(exc)
            return
        self.transfer.show_targets(ticket.number, services, counters)
        self.show_screen(self.transfer)

    def transfer_to(self, kind: str, target: str) -> None:
        number = self.counter_number
        if number is None:
            return
        try:
            if kind == "service":
                info = calling.transfer(number, to_service=target, clock=self.clock)
                where = target
            else:
                info = calling.transfer(number, to_counter=target, clock=self.clock)
                where = pick(f"loket {target}", f"counter {target}")
        except LoketError as exc:
            self.back_to_desk()
            self._refused(exc)
            return
        self.back_to_desk()
        self.show_notice(
            f"{info.number} dialihkan ke {where}", f"{info.number} transferred to {where}", False
        )

    # ---- documents
    def open_documents(self) -> None:
        self.refresh_documents()
        self.show_screen(self.documents)

    def refresh_documents(self) -> None:
        from loket.models.services.receipts import list_receipts

        try:
            receipts = list_receipts(statuses=OPEN_RECEIPTS, limit=1000)
        except LoketError as exc:
            self.documents.show_notice(exc.message_id, exc.message_en, error=True)
            return
        self.documents.receipts.show_receipts(receipts)

    def receive_document(self, values: dict[str, str]) -> None:
        from loket.models.services.printouts import print_receipt
        from loket.models.services.receipts import new_receipt

        try:
            info = new_receipt(
                values["sender_name"],
                values["subject"],
                values["recipient_unit"],
                values["pages"],
                sender_organisation=values.get("sender_organisation") or None,
                sender_phone=values.get("sender_phone") or None,
                sender_nik=values.get("sender_nik") or None,
                attachments=values.get("attachments") or 0,
                working_days=values.get("working_days") or None,
                channel="counter",
                officer=self.officer,
                clock=self.clock,
            )
        except LoketError as exc:
            self.documents.receive.show_error(exc.message_id, exc.message_en)
            return
        self.documents.receive.show_receipt(info)
        self.refresh_documents()
        printer = self.printer
        self.submit_job(
            lambda: print_receipt(info, printer),
            lambda outcome, error: self._receipt_printed(info.number, outcome, error),
        )

    def _receipt_printed(self, number: str, outcome: PrintOutcome | None, error: object) -> None:
        panel = self.documents.receive
        if panel.receipt is None or panel.receipt.number != number:
            return
        if outcome is not None:
            panel.show_outcome(outcome)
        elif isinstance(error, LoketError):
            panel.show_failure(error.message_id, error.message_en)
        else:
            panel.show_failure(
                "Pencetakan gagal karena gangguan sistem; tanda terima tetap tercatat",
                "Printing failed because of a system fault; the receipt is recorded",
            )

    def move_receipt(self, number: str, status: str) -> None:
        from loket.models.services.receipts import STATUS_NAMES, set_status

        try:
            info = set_status(number, status, officer=self.officer, clock=self.clock)
        except LoketError as exc:
            self.documents.show_notice(exc.message_id, exc.message_en, error=True)
            return
        self.refresh_documents()
        self.documents.receipts.select(info.number)
        name_id, name_en = STATUS_NAMES[info.status]
        message_id, message_en = f"{info.number}: {name_id}", f"{info.number}: {name_en}"
        if info.status == "ready":
            line = phone_line(info)  # already in the current language
            message_id, message_en = f"{message_id} — {line}", f"{message_en} — {line}"
        self.documents.show_notice(message_id, message_en)

    # ---- leaving the desk
    def _busy_refusal(self, action_id: str, action_en: str) -> bool:
        ticket = self.desk.ticket
        if ticket is None:
            return False
        self.show_notice(
            f"{action_id}: selesaikan, tahan atau alihkan {ticket.number} dulu",
            f"{action_en}: finish, hold or transfer {ticket.number} first",
        )
        return True

    def _approvers(self) -> list[str]:
        from loket.models.services.staff import list_staff

        return [
            s.username
            for s in list_staff(include_inactive=False)
            if s.role in ("head", "admin") and s.username != self.officer
        ]

    def take_break(self) -> None:
        number = self.counter_number
        if number is None or self._busy_refusal("Istirahat", "Break"):
            return
        try:
            staffing.start_break(number, clock=self.clock)
        except FrontDeskUncovered as refused:
            self.reason.ask("break", refused.message_id, refused.message_en, self._approvers())
            self.show_screen(self.reason)
            return
        except LoketError as exc:
            self._refused(exc)
            return
        self.notice.hide()
        self.refresh_desk()

    def resume_work(self) -> None:
        number = self.counter_number
        if number is None:
            return
        try:
            staffing.resume(number, clock=self.clock)
        except LoketError as exc:
            self._refused(exc)
        self.refresh_desk()

    def sign_out(self) -> None:
        number = self.counter_number
        if number is None or self._busy_refusal("Keluar", "Sign-out"):
            return
        if not self.dialogs.confirm(
            pick("Keluar dari loket", "Sign out"),
            pick(f"Keluar dari loket {number}?", f"Sign out of counter {number}?"),
        ):
            return
        try:
            staffing.sign_out(number, clock=self.clock)
        except FrontDeskUncovered as refused:
            self.reason.ask("sign_out", refused.message_id, refused.message_en, self._approvers())
            self.show_screen(self.reason)
            return
        except LoketError as exc:
            self._refused(exc)
            return
        self._signed_out(
            f"Anda sudah keluar dari loket {number}", f"Signed out of counter {number}"
        )

    def leave_with_reason(self, reason: str, reference: str, approved_by: str) -> None:
        number = self.counter_number
        if number is None:
            return
        leave = staffing.sign_out if self.reason.leaving == "sign_out" else staffing.start_break
        try:
            leave(
                number,
                reason=reason,
                reference=reference or None,
                approved_by=approved_by or None,
                clock=self.clock,
            )
        except LoketError as exc:
            self.reason.show_error(exc.message_id, exc.message_en)
            return
        if self.reason.leaving == "sign_out":
            self._signed_out(
                f"Anda sudah keluar dari loket {number}; alasan dicatat",
                f"Signed out of counter {number}; the reason is recorded",
            )
        else:
            self.back_to_desk()
        self.refresh_banner()

    def open_handover(self) -> None:
        from loket.models.services.staff import list_staff

        if self.counter_number is None:
            return
        usernames = [
            s.username for s in list_staff(include_inactive=False) if s.username != self.officer
        ]
        self.handover.ask(usernames)
        self.show_screen(self.handover)

    def hand_over(self, username: str, pin: str) -> None:
        number = self.counter_number
        if number is None:
            return
        previous = self.officer
        try:
            state = staffing.handover(number, username, pin, clock=self.clock)
        except LoketError as exc:
            self.handover.show_error(exc.message_id, exc.message_en)
            return
        self.officer = state.officer
        self.back_to_desk()
        self.show_notice(
            f"Loket {number} diambil alih oleh {state.officer_name} dari {previous}",
            f"Counter {number} taken over by {state.officer_name} from {previous}",
            error=False,
        )
        self.refresh_banner()

    # ---- staying alive, and the front desk
    def heartbeat(self) -> None:
        number = self.counter_number
        if number is None:
            return
        try:
            staffing.heartbeat(number, clock=self.clock)
            self._beats += 1
            if self._beats % CHECK_EVERY_BEATS == 0:
                self.front_desk = staffing.check(clock=self.clock)
                self._show_banner()
        except NotSignedIn:
            self._signed_out(
                f"Loket {number} sudah tidak dijaga (keluar dari tempat lain)",
                f"Counter {number} was signed out elsewhere",
            )
        except LoketError as exc:
            log.warning("heartbeat for counter %s refused: %s", number, exc.message_en)
            self._refused(exc)

    def refresh_banner(self) -> None:
        try:
            self.front_desk = staffing.front_desk_status(clock=self.clock)
        except LoketError as exc:
            log.warning("front desk status unavailable: %s", exc.message_en)
            return
        self._show_banner()

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
            self.refresh_documents()

    # ---- the worker thread
    def submit_job(
        self,
        job: Callable[[], PrintOutcome],
        done: Callable[[PrintOutcome | None, object], None],
    ) -> int:
        token = self.jobs.submit(job)
        self._print_targets[token] = done
        return token

    def _job_done(self, token: int, outcome: PrintOutcome) -> None:
        if not (outcome.printed and not outcome.pending):
            log.warning(
                "counter printout not printed (job %s): %s", outcome.job_id, outcome.message_en
            )
        done = self._print_targets.pop(token, None)
        if done is not None:
            done(outcome, None)

    def _job_failed(self, token: int, error: object) -> None:
        log.error("counter print job failed outright: %s", error)
        done = self._print_targets.pop(token, None)
        if done is not None:
            done(None, error)

    # ---- closing
    def leave(self) -> None:
        """Close the window without signing out (tests, or the demo shutting down)."""
        self._may_close = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.counter_number is not None and not self._may_close:
            # Closing is leaving the desk: it goes through the staffing rules.
            event.ignore()
            self.sign_out()
            return
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        for timer in (self.heartbeat_timer, self.tick_timer, self.refresh_timer):
            timer.stop()
        if self.feed is not None:
            self.feed.stop()
            self.feed = None
        self.jobs.stop()
        self.closing.emit()


__all__ = ["CounterWindow"]
