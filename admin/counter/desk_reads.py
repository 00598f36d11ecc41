"""What the counter app reads from the database, in one call each, for its worker thread
(:class:`~loket.kiosk.shell.actions.ActionRunner`): the desk, the sign-in choices, the
heartbeat, the transfer targets and the colleagues to hand over to. No Qt here; the
window shows the results on the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass

from loket.models.clock import Clock
from loket.models.queue.calling import current_ticket
from loket.models.queue.counter_desk import WaitingTicket, held_at_counter, waiting_for_counter
from loket.models.queue.ticket_info import TicketInfo
from loket.models.staffing import counter_actions as staffing
from loket.models.staffing import desk_state
from loket.models.staffing.desk_records import CounterStaffing, FrontDeskStatus

Counters = list[tuple[int, str, bool]]  # (number, name, front desk)
Choices = tuple[str, list[str], Counters]  # office name, usernames, counters
Targets = tuple[list[tuple[str, str, str]], list[tuple[int, str]]]  # services, counters


@dataclass(frozen=True)
class DeskView:
    """The counter's staffing, and (unless signed out) its ticket and queues."""

    state: CounterStaffing
    ticket: TicketInfo | None = None
    waiting: tuple[WaitingTicket, ...] = ()
    held: tuple[WaitingTicket, ...] = ()


def read_desk(number: int, clock: Clock) -> DeskView:
    state = desk_state.counter_state(number, clock=clock)
    if state.status == "out":
        return DeskView(state)
    return DeskView(
        state,
        current_ticket(number, clock=clock),
        waiting_for_counter(number, clock=clock),
        held_at_counter(number, clock=clock),
    )


def sign_in_choices() -> Choices:
    from loket.models.office.catalog import list_counters
    from loket.models.office.staff import list_staff
    from loket.models.settings import load_settings

    return (
        load_settings().office_name,
        [s.username for s in list_staff(include_inactive=False)],
        [(c.number, c.name, c.front_desk) for c in list_counters(include_inactive=False)],
    )


def beat(number: int, clock: Clock, check: bool) -> FrontDeskStatus | None:
    """The heartbeat, and the office-wide gap check when ``check`` (its status)."""
    staffing.heartbeat(number, clock=clock)
    return staffing.check(clock=clock) if check else None


def transfer_targets(number: int, service: str) -> Targets:
    """The other services and counters a ticket of ``service`` at ``number`` can go to."""
    from loket.models.office.catalog import list_counters, list_services

    services = [
        (s.code, s.name_id, s.name_en)
        for s in list_services(include_inactive=False)
        if s.code != service
    ]
    counters = [
        (c.number, c.name) for c in list_counters(include_inactive=False) if c.number != number
    ]
    return services, counters


def colleagues(officer: str | None, roles: tuple[str, ...] | None = None) -> list[str]:
    """Active staff other than ``officer`` (only ``roles`` when given)."""
    from loket.models.office.staff import list_staff

    return [
        s.username
        for s in list_staff(include_inactive=False)
        if s.username != officer and (roles is None or s.role in roles)
    ]
