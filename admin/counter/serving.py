"""Serving the visitor at the desk: call, recall, start, finish, no-show, hold and
resume the ticket, or transfer it to another service or counter."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from loket.admin.counter.desk_reads import transfer_targets
from loket.kiosk.shell.i18n import pick
from loket.models.errors import DatabaseUnavailable, LoketError
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
        if window.db_work.busy_acting:
            return  # the last press is still on its way to the server
        window.notice.hide()

        def done(result: object) -> None:
            if name == "call_next" and result is None:
                window.show_notice(
                    "Tidak ada yang menunggu untuk loket ini",
                    "Nobody is waiting for this counter",
                    error=False,
                )
            window.refresh_desk()

        def refused(exc: LoketError) -> None:
            window.show_refusal(exc)
            if not isinstance(exc, DatabaseUnavailable):  # no GUI-thread read while away
                window.refresh_desk()

        # On the worker thread. The services retry a keyed action once by themselves; a
        # second try here could call a second ticket, so an outage is refused on screen.
        window.db_work.run(ticket_actions[name], done, refused, retry_safe=False)

    def open_transfer(self) -> None:
        window = self.window
        ticket, number = window.desk.ticket, window.counter_number
        if ticket is None or number is None:
            return

        def show(targets: Any) -> None:
            services, counters = targets
            window.transfer.show_targets(ticket.number, services, counters)
            window.show_screen(window.transfer)

        window.run_action(
            lambda: transfer_targets(number, ticket.service),
            show,
            window.show_refusal,
            retry_safe=True,  # a read
        )

    def transfer_to(self, kind: str, target: str) -> None:
        window = self.window
        number, clock = window.counter_number, window.clock
        if number is None:
            return
        if kind == "service":
            where = target
            job = lambda: calling.transfer(number, to_service=target, clock=clock)  # noqa: E731
        else:
            where = pick(f"loket {target}", f"counter {target}")
            job = lambda: calling.transfer(number, to_counter=target, clock=clock)  # noqa: E731

        def done(info: Any) -> None:
            window.back_to_desk()
            window.show_notice(
                f"{info.number} dialihkan ke {where}",
                f"{info.number} transferred to {where}",
                False,
            )

        def refused(exc: LoketError) -> None:
            window.back_to_desk()
            window.show_refusal(exc)

        window.run_action(job, done, refused)
