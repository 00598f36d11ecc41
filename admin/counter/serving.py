"""Serving the visitor at the desk: call, recall, start, finish, no-show, hold and
resume the ticket, or transfer it to another service or counter."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from loket.kiosk.shell.i18n import pick
from loket.models.errors import LoketError
from loket.models.queue import calling

if TYPE_CHECKING:
    from loket.admin.counter.window import CounterWindow


class Serving:
    """The ticket actions of ``window``'s counter."""

    def __init__(self, window: CounterWindow) -> None:
        self.window = window

    def act(self, name: str) -> None:
        """A ticket action of the desk (``call_next``, ``finish``, …)."""
        window = self.window
        number = window.counter_number
        if number is None:
            return
        clock = window.clock
        ticket_actions: dict[str, Callable[[], object]] = {
            "call_next": lambda: calling.call_next(number, officer=window.officer, clock=clock),
            "recall": lambda: calling.recall(number, clock=clock),
            "start": lambda: calling.start(number, clock=clock),
            "finish": lambda: calling.finish(number, clock=clock),
            "no_show": lambda: calling.no_show(number, requeue=False, clock=clock),
            "no_show_requeue": lambda: calling.no_show(number, requeue=True, clock=clock),
            "hold": lambda: calling.hold(number, clock=clock),
            "resume_held": lambda: calling.resume(number, clock=clock),
        }
        action = ticket_actions[name]
        window.notice.hide()
        try:
            result = action()
        except LoketError as exc:
            window.show_refusal(exc)
        else:
            if name == "call_next" and result is None:
                window.show_notice(
                    "Tidak ada yang menunggu untuk loket ini",
                    "Nobody is waiting for this counter",
                    error=False,
                )
        window.refresh_desk()

    def open_transfer(self) -> None:
        from loket.models.office.catalog import list_counters, list_services

        window = self.window
        ticket = window.desk.ticket
        if ticket is None or window.counter_number is None:
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
                if c.number != window.counter_number
            ]
        except LoketError as exc:
            window.show_refusal(exc)
            return
        window.transfer.show_targets(ticket.number, services, counters)
        window.show_screen(window.transfer)

    def transfer_to(self, kind: str, target: str) -> None:
        window = self.window
        number = window.counter_number
        if number is None:
            return
        try:
            if kind == "service":
                info = calling.transfer(number, to_service=target, clock=window.clock)
                where = target
            else:
                info = calling.transfer(number, to_counter=target, clock=window.clock)
                where = pick(f"loket {target}", f"counter {target}")
        except LoketError as exc:
            window.back_to_desk()
            window.show_refusal(exc)
            return
        window.back_to_desk()
        window.show_notice(
            f"{info.number} dialihkan ke {where}", f"{info.number} transferred to {where}", False
        )
