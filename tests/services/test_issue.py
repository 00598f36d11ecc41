"""Issuing tickets: numbering, quotas, hours, priority and estimates."""

from __future__ import annotations

import datetime as dt

import pytest

from loket.models.errors import InvalidInput, NotFound, QuotaReached, ServiceClosed
from loket.models.office import catalog
from loket.models.queue.tickets import issue_ticket


def _office(hours: str = "07:30-16:00", days: str = "12345", quota: int | None = None) -> None:
    catalog.add_service("A", "Administrasi Kependudukan", "Civil registration", quota, hours, days)
    catalog.add_service("B", "Perizinan", "Permits", None, hours, days)
    catalog.add_counter(1, "A,B", front_desk=True)


def test_numbers_count_up_per_service_and_day(db, clock):
    _office()
    labels = [issue_ticket("A", clock=clock).number for _ in range(3)]
    assert labels == ["A-001", "A-002", "A-003"]
    assert issue_ticket("B", clock=clock).number == "B-001"
    clock.advance(days=1)  # Tuesday: numbering starts again
    assert issue_ticket("A", clock=clock).number == "A-001"


def test_issued_at_is_the_clock_time(db, clock):
    _office()
    info = issue_ticket("a", clock=clock)
    assert info.issued_at == clock.now()
    assert info.service == "A"
    assert info.status == "waiting"


def test_quota_refuses_and_does_not_burn_a_number(db, clock):
    _office(quota=2)
    issue_ticket("A", clock=clock)
    issue_ticket("A", clock=clock)
    with pytest.raises(QuotaReached) as refused:
        issue_ticket("A", clock=clock)
    assert "Kuota" in refused.value.message_id and "quota" in refused.value.message_en
    catalog.edit_service("A", daily_quota=3)
    assert issue_ticket("A", clock=clock).number == "A-003"


def test_outside_hours_and_days_are_refused(db, clock):
    _office()
    clock.set(dt.datetime(2026, 11, 23, 7, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))))
    with pytest.raises(ServiceClosed, match="07:30-16:00"):
        issue_ticket("A", clock=clock)
    clock.set(dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))))
    with pytest.raises(ServiceClosed, match="Minggu"):
        issue_ticket("A", clock=clock)


def test_disabled_service_is_closed(db, clock):
    _office()
    catalog.disable_service("B")
    with pytest.raises(ServiceClosed):
        issue_ticket("B", clock=clock)


def test_unknown_service_and_bad_priority(db, clock):
    _office()
    with pytest.raises(NotFound):
        issue_ticket("Z", clock=clock)
    with pytest.raises(InvalidInput):
        issue_ticket("A", priority="vip", clock=clock)
    with pytest.raises(InvalidInput):
        issue_ticket("A", phone="call me", clock=clock)


def test_people_ahead_and_estimate(db, clock):
    _office()
    catalog.edit_service("A", default_service_minutes=6)
    first = issue_ticket("A", clock=clock)
    assert (first.ahead, first.estimated_wait_minutes) == (0, 0)
    for _ in range(3):
        issue_ticket("A", clock=clock)
    fifth = issue_ticket("A", clock=clock)
    # Four ahead, one counter, six minutes each by default.
    assert fifth.ahead == 4
    assert fifth.estimated_wait_minutes == 24


def test_priority_ticket_counts_interleave(db, clock):
    _office()
    for _ in range(5):
        issue_ticket("A", clock=clock)
    elder = issue_ticket("A", priority="lansia", clock=clock)
    assert elder.priority == "lansia"
    # Interleave 2: at most two normal calls come before the first priority call.
    assert elder.ahead == 2
