"""The kiosk window's ticket flow: a service, then (when asked) the priority question,
then (when the office tells visitors their number is near) the phone question, then the
ticket issued on the worker thread, shown and printed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from loket.kiosk.shell.i18n import current_language, pick
from loket.kiosk.ticketing.visitor_actions import failure_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from loket.kiosk.shell.actions import ActionRunner
    from loket.kiosk.ticketing.home_screen import HomeScreen
    from loket.kiosk.ticketing.near_phone_screen import NearPhoneScreen
    from loket.kiosk.ticketing.priority_screen import PriorityScreen
    from loket.kiosk.ticketing.screen import Screen
    from loket.kiosk.ticketing.ticket_screen import TicketScreen
    from loket.models.clock import Clock
    from loket.models.errors import LoketError
    from loket.models.printouts.paper import PrintOutcome


class TicketFlows:
    """Mixed into :class:`~loket.kiosk.ticketing.window.KioskWindow`."""

    db_work: ActionRunner
    home: HomeScreen
    priority: PriorityScreen
    near_phone: NearPhoneScreen
    ticket: TicketScreen
    clock: Clock
    printer: str | None
    ask_priority: bool
    near_ahead: int  # from the last home read: 0 when "your number is near" is off
    near_channel: str
    _chosen: tuple[str, str | None] | None  # the service and priority being taken

    def show_screen(self, screen: Screen) -> None:
        raise NotImplementedError

    def go_home(self) -> None:
        raise NotImplementedError

    def show_notice(self, message_id: str, message_en: str) -> None:
        raise NotImplementedError

    def current_screen(self) -> QWidget | None:
        raise NotImplementedError

    def submit_print(
        self,
        job: Callable[[], PrintOutcome],
        done: Callable[[PrintOutcome | None, object], None],
    ) -> int:
        raise NotImplementedError

    def _service_name(self, code: str) -> str:
        tile = next((t for t in self.home.tiles if t.code == code), None)
        return pick(tile.name_id, tile.name_en) if tile else code

    def choose_service(self, code: str) -> None:
        self._chosen = (code, None)
        if not self.ask_priority:
            self._chosen_priority(None)
            return
        self.priority.ask(self._service_name(code))
        self.show_screen(self.priority)

    def _chosen_priority(self, priority: str | None) -> None:
        if self._chosen is None:
            return
        code = self._chosen[0]
        self._chosen = (code, priority)
        if self.near_ahead <= 0:
            self.take_ticket(code, priority)  # the feature is off: no extra screen
            return
        self.near_phone.ask(self._service_name(code), self.near_ahead, self.near_channel)
        self.show_screen(self.near_phone)

    def _take_with_phone(self, phone: str | None) -> None:
        if self._chosen is not None:
            self.take_ticket(*self._chosen, phone=phone)

    def take_ticket(self, code: str, priority: str | None, phone: str | None = None) -> None:
        """Issue on the worker (one key per tap: a retry never makes a second ticket), in
        the language the visitor has the kiosk in now (read here, not on the worker)."""
        from loket.models.queue.tickets import issue_ticket
        from loket.models.reconnect import new_request_key

        if self.db_work.busy_acting:
            return  # a second tap while the first is on its way
        key, clock, language = new_request_key(), self.clock, current_language()
        self.db_work.run(
            lambda: issue_ticket(
                code, priority, phone=phone, clock=clock, request_key=key, language=language
            ),
            self._ticket_issued,
            self._ticket_refused,
        )

    def _ticket_refused(self, refused: LoketError) -> None:
        on_near = self.current_screen() is self.near_phone
        if on_near and self.near_phone.is_phone_refusal(refused.message_en):
            # No ticket: the visitor corrects the number or skips.
            self.near_phone.show_error(refused.message_id, refused.message_en)
            return
        self.go_home()
        self.show_notice(refused.message_id, refused.message_en)

    def _ticket_issued(self, info: Any) -> None:
        from loket.models.printouts.paper import print_ticket

        self._chosen = None
        self.near_phone.reset()  # the number is not left on screen for the next visitor
        self.ticket.show_ticket(info)
        self.show_screen(self.ticket)
        printer, clock = self.printer, self.clock
        self.submit_print(
            lambda: print_ticket(info, printer, clock=clock),
            lambda outcome, error: self._ticket_printed(info.number, outcome, error),
        )

    def _ticket_printed(self, number: str, outcome: PrintOutcome | None, error: object) -> None:
        if self.ticket.ticket is None or self.ticket.ticket.number != number:
            return  # the visitor has moved on; the spool keeps the job
        if outcome is not None:
            self.ticket.show_outcome(outcome)
        else:
            self.ticket.show_failure(*failure_text(error))
