"""Service hours, holidays, Ramadan and the gap escalation as the admin sets them:
role-checked and audited (:mod:`loket.models.office.audited_change`)."""

from __future__ import annotations

from typing import Any

from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.office.audited_change import act, check_role, given
from loket.models.office.auth import ADMIN_ROLES, Session
from loket.models.staffing import escalation, holiday_import
from loket.models.staffing import hours as service_hours

# ── service hours, holidays, escalation ──────────────────────────────────────────


def set_hours(
    session: Session,
    group: str,
    days: str,
    *,
    hours: str | None = None,
    break_window: str | None = None,
    closed: bool = False,
    open_through_break: bool | None = None,
    schedule: str = "normal",
    clock: Clock = SYSTEM_CLOCK,
) -> tuple[service_hours.DayHours, ...]:
    return act(
        session,
        "hours_set",
        f"{group} {schedule} {days}",
        given(
            hours=hours,
            break_window=break_window,
            closed=closed or None,
            open_through_break=open_through_break,
        ),
        lambda: service_hours.set_hours(
            group,
            days,
            hours=hours,
            break_window=break_window,
            closed=closed,
            open_through_break=open_through_break,
            schedule=schedule,
            clock=clock,
        ),
        clock=clock,
    )


def add_holiday(
    session: Session, day: str, name: str, clock: Clock = SYSTEM_CLOCK
) -> service_hours.HolidayInfo:
    return act(
        session,
        "holiday_add",
        str(day),
        {"name": name},
        lambda: service_hours.add_holiday(day, name, clock),
        clock=clock,
    )


def remove_holiday(
    session: Session, day: str, clock: Clock = SYSTEM_CLOCK
) -> service_hours.HolidayInfo:
    return act(
        session,
        "holiday_remove",
        str(day),
        {},
        lambda: service_hours.remove_holiday(day, clock),
        clock=clock,
    )


def import_holidays(
    session: Session, text: str, clock: Clock = SYSTEM_CLOCK
) -> holiday_import.HolidayImport:
    """The holidays of a CSV file (see :mod:`holiday_import`); dates already there stay."""
    check_role(session, "holiday_import", "calendar", ADMIN_ROLES, clock)
    pairs = holiday_import.parse_holidays(text)
    return act(
        session,
        "holiday_import",
        f"{len(pairs)} baris/lines",
        {"days": [day.isoformat() for day, _ in pairs]},
        lambda: holiday_import.import_holidays(pairs, clock),
        clock=clock,
    )


def set_ramadan(session: Session, first: str, last: str, clock: Clock = SYSTEM_CLOCK) -> Any:
    return act(
        session,
        "ramadan_set",
        f"{first}..{last}",
        {},
        lambda: service_hours.set_ramadan(first, last, clock),
        clock=clock,
    )


def set_escalation_delay(session: Session, minutes: int | str, clock: Clock = SYSTEM_CLOCK) -> Any:
    return act(
        session,
        "escalation_delay",
        "staffing",
        {"minutes": str(minutes)},
        lambda: escalation.set_escalation_delay(minutes),
        clock=clock,
    )


