"""The admin app fills the year's report rollups in the background after a login."""

from __future__ import annotations

import datetime as dt

from helpers.stubs import JAKARTA

from loket.models.queue import calling
from loket.models.queue.tickets import issue_ticket
from loket.models.reports import ticket_rollups
from loket.models.reports.ticket_report import ticket_report


def _past_day(clock, days_ago: int) -> dt.date:
    monday = clock.now()
    clock.set(monday - dt.timedelta(days=days_ago))
    issue_ticket("A", clock=clock)
    calling.call_next(1, clock=clock)
    clock.advance(minutes=4)
    calling.finish(1, clock=clock)
    issue_ticket("B", clock=clock)
    day = clock.now().astimezone(JAKARTA).date()
    clock.set(monday)
    return day


def test_login_warms_finished_days_and_reports_read_them(log_in, qtbot, clock):
    first = _past_day(clock, 4)  # Thursday
    second = _past_day(clock, 3)  # Friday
    window = log_in("kepala", warm_reports=True)
    warmer = window.warmer
    qtbot.waitUntil(lambda: warmer.last is not None and not warmer.running, timeout=60_000)
    assert (warmer.last.tickets.days_built, warmer.last.tickets.rows) == (2, 4)
    today = clock.now().astimezone(JAKARTA).date()
    assert warmer.last.tickets.date_to == today - dt.timedelta(days=1)  # finished days only
    assert warmer.last.staffing_days == 365
    # Stored: a second round only checks, and the report agrees with the tickets.
    again = ticket_rollups.warm_rollups(first, second, clock=clock)
    assert (again.days_built, again.days_current) == (0, 2)
    report = ticket_report(first, second, clock=clock)
    assert report.as_json()["issued"] == 4


def test_windows_without_the_option_leave_the_database_alone(log_in, clock):
    friday = _past_day(clock, 3)
    window = log_in("kepala")
    assert window.warmer is None
    fresh = ticket_rollups.warm_rollups(friday, friday, clock=clock)
    assert fresh.days_built == 1  # nothing had stored it
