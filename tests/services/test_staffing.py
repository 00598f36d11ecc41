"""The staffing guard over simulated days: coverage, gaps and causes to the second."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from helpers.stubs import JAKARTA, FakeClock

from loket.models.changefeed import ChangeSubscription
from loket.models.errors import InvalidInput, PermissionDenied
from loket.models.office import catalog, staff
from loket.models.staffing import counter_actions as staffing
from loket.models.staffing import desk_state, escalation
from loket.models.staffing import log as staffing_log
from loket.models.staffing.counter_actions import NotSignedIn
from loket.models.staffing.presence import staffed_counter_ids
from loket.models.staffing.staffing_write import FrontDeskUncovered
from loket.models.staffing.summaries import daily_summary

MONDAY = dt.date(2026, 11, 23)


@pytest.fixture
def office(db):
    catalog.add_service("A", "Administrasi", "Administration")
    catalog.add_counter(1, "A", front_desk=True)
    catalog.add_counter(2, "A", front_desk=True)
    catalog.add_counter(3, "A")
    staff.add_staff("ani", "Ani Lestari", "staff", "1111")
    staff.add_staff("budi", "Budi Santoso", "staff", "2222")
    staff.add_staff("citra", "Citra Dewi", "staff", "3333")
    staff.add_staff("kepala", "Ibu Kepala", "head", "9999", password="rahasia-kepala")
    return db


def at(clock: FakeClock, hhmmss: str, day: dt.date = MONDAY) -> None:
    parts = [int(p) for p in hhmmss.split(":")] + [0]
    clock.set(
        dt.datetime(day.year, day.month, day.day, parts[0], parts[1], parts[2], tzinfo=JAKARTA)
    )


def live(
    clock: FakeClock, until: str, counters=(1, 2, 3), step: int = 50, tick: bool = False
) -> None:
    """Let time pass with the counter apps open: each heartbeats every ``step`` s."""
    parts = [int(p) for p in until.split(":")] + [0]
    local = clock.now().astimezone(JAKARTA)
    target = local.replace(hour=parts[0], minute=parts[1], second=parts[2])
    while clock.now() < target:
        remaining = (target - clock.now()).total_seconds()
        clock.advance(seconds=min(step, remaining))
        for number in counters:
            with contextlib.suppress(NotSignedIn):
                staffing.heartbeat(number, clock)
        if tick:
            staffing.check(clock)


def local(value: dt.datetime | None) -> str:
    assert value is not None
    return value.astimezone(JAKARTA).strftime("%H:%M:%S")


def gaps(day: dt.date, clock: FakeClock) -> list[tuple[str, str, int, str, str | None]]:
    summary = daily_summary(day, clock)
    return [(local(g.start), local(g.end), g.seconds, g.cause, g.reason) for g in summary.gaps]


def test_staggered_lunch_keeps_the_front_desk_covered_all_day(office, clock):
    at(clock, "07:25")
    staffing.sign_in(1, "ani", "1111", clock)
    staffing.sign_in(2, "budi", "2222", clock)
    live(clock, "12:00")
    staffing.start_break(1, clock=clock)
    live(clock, "12:30")
    staffing.resume(1, clock)
    staffing.start_break(2, clock=clock)
    live(clock, "13:00")
    staffing.resume(2, clock)
    live(clock, "16:00")
    staffing.sign_out(1, clock=clock)
    staffing.sign_out(2, clock=clock)
    at(clock, "18:00")

    summary = daily_summary(MONDAY, clock)
    assert summary.gaps == ()
    assert summary.service_seconds == 8 * 3600 + 1800  # 07:30–16:00, served through lunch
    assert summary.coverage_pct == 100.0
    by_number = {c.number: c for c in summary.counters}
    assert by_number[1].staffed_seconds == 30600 - 1800
    assert by_number[1].break_seconds == 1800
    assert by_number[1].coverage_pct == pytest.approx(94.12)
    assert by_number[2].break_seconds == 1800
    # Counter 3 (not front desk) closes for the 12:00–13:00 break: 7.5 h of service.
    assert by_number[3].service_seconds == 27000
    assert by_number[3].staffed_seconds == 0
    officers = {o.username: o for o in summary.officers}
    assert officers["ani"].staffed_seconds == 28800
    assert officers["ani"].break_seconds == 1800
    assert officers["ani"].counters == (1,)


def test_nobody_at_opening_is_a_gap_from_the_first_second(office, clock):
    at(clock, "07:45:10")
    staffing.sign_in(1, "ani", "1111", clock)
    at(clock, "07:45:40")
    assert gaps(MONDAY, clock) == [("07:30:00", "07:45:10", 910, "nobody_signed_in", None)]


def test_refused_break_then_handover_gives_continuous_coverage(office, clock):
    at(clock, "07:20")
    staffing.sign_in(1, "ani", "1111", clock)
    live(clock, "10:00", counters=(1,))
    with pytest.raises(FrontDeskUncovered) as refused:
        staffing.start_break(1, clock=clock)
    assert "serah terima" in refused.value.message_id
    assert "handover" in refused.value.message_en
    with pytest.raises(FrontDeskUncovered):
        staffing.sign_out(1, clock=clock)
    assert desk_state.counter_state(1, clock).status == "staffed"

    with pytest.raises(PermissionDenied):
        staffing.handover(1, "citra", "0000", clock)
    state = staffing.handover(1, "citra", "3333", clock)
    assert (state.officer, state.status) == ("citra", "staffed")
    live(clock, "16:00", counters=(1,))
    staffing.sign_out(1, clock=clock)  # after service hours: allowed
    at(clock, "17:00")

    summary = daily_summary(MONDAY, clock)
    assert summary.gaps == ()
    officers = {o.username: o for o in summary.officers}
    assert officers["ani"].staffed_seconds == 9000  # 07:30–10:00
    assert officers["citra"].staffed_seconds == 21600  # 10:00–16:00
    assert [e.kind for e in staffing_log.entries() if e.kind == "handover"] == ["handover"]


def test_everyone_at_a_meeting_is_an_authorised_gap_with_its_reference(office, clock):
    at(clock, "07:20")
    staffing.sign_in(1, "ani", "1111", clock)
    staffing.sign_in(2, "budi", "2222", clock)
    live(clock, "09:00", counters=(1, 2))
    staffing.sign_out(1, "rapat_diklat", "UND-007/2026", clock=clock)  # budi still covers
    with pytest.raises(FrontDeskUncovered):
        staffing.start_break(2, clock=clock)
    with pytest.raises(InvalidInput):  # the reason needs its reference
        staffing.start_break(2, "rapat_diklat", clock=clock)
    staffing.start_break(2, "rapat", "UND-007/2026", clock=clock)

    status = desk_state.front_desk_status(clock)
    assert not status.covered and status.in_service_hours
    assert (status.gap_cause, status.gap_reason, status.gap_reference) == (
        "authorised",
        "rapat_diklat",
        "UND-007/2026",
    )
    assert local(status.gap_since) == "09:00:00"
    assert "Rapat/diklat" in status.message("id")

    live(clock, "11:00", counters=(2,), tick=True)
    staffing.resume(2, clock)
    staffing.sign_in(1, "ani", "1111", clock)
    live(clock, "11:30", counters=(1, 2))

    assert gaps(MONDAY, clock) == [("09:00:00", "11:00:00", 7200, "authorised", "rapat_diklat")]
    line = daily_summary(MONDAY, clock).gaps[0]
    assert (line.officer, line.reference, line.escalated) == ("budi", "UND-007/2026", True)


def test_leave_needing_approval_names_the_approver(office, clock):
    at(clock, "08:00")
    staffing.sign_in(1, "ani", "1111", clock)
    with pytest.raises(InvalidInput):
        staffing.sign_out(1, "dinas_luar", "SPT-090/12/2026", clock=clock)
    with pytest.raises(InvalidInput):  # an officer is no approver
        staffing.sign_out(1, "dinas_luar", "SPT-090/12/2026", "budi", clock=clock)
    staffing.sign_out(1, "dinas_luar", "SPT-090/12/2026", "kepala", clock=clock)
    at(clock, "08:30")
    line = daily_summary(MONDAY, clock).gaps[-1]
    assert (local(line.start), line.cause, line.reason, line.approved_by) == (
        "08:00:00",
        "authorised",
        "dinas_luar",
        "kepala",
    )


def test_unexplained_leave_is_recorded_as_such(office, clock):
    at(clock, "08:00")
    staffing.sign_in(1, "ani", "1111", clock)
    at(clock, "09:00")
    staffing.sign_out(1, "tanpa_keterangan", clock=clock)
    at(clock, "09:10")
    assert gaps(MONDAY, clock)[-1] == (
        "09:00:00",
        "09:10:00",
        600,
        "unexplained",
        "tanpa_keterangan",
    )


def test_pc_crash_without_sign_out_becomes_a_heartbeat_lost_gap(office, clock):
    at(clock, "07:20")
    staffing.sign_in(1, "ani", "1111", clock)
    live(clock, "10:00", counters=(1,))
    # The PC dies at 10:00:00 right after a heartbeat; the other apps keep ticking.
    while clock.now().astimezone(JAKARTA).strftime("%H:%M:%S") < "10:01:30":
        clock.advance(seconds=15)
        staffing.check(clock)
    status = desk_state.front_desk_status(clock)
    assert status.gap_cause == "heartbeat_lost"
    assert local(status.gap_since) == "10:01:00"
    opened = [e for e in staffing_log.entries() if e.kind == "gap_open"][-1]
    assert local(opened.at) == "10:01:00"
    assert (opened.recorded_at - opened.at).total_seconds() <= 30  # noticed within a tick
    assert desk_state.counter_state(1, clock).status == "lost"

    at(clock, "10:05")
    staffing.sign_in(1, "ani", "1111", clock)  # back on a restarted PC
    assert gaps(MONDAY, clock)[-1] == ("10:01:00", "10:05:00", 240, "heartbeat_lost", None)
    assert daily_summary(MONDAY, clock).gaps[-1].officer == "ani"


def test_everyone_on_break_at_opening(office, clock):
    at(clock, "07:10")
    staffing.sign_in(1, "ani", "1111", clock)
    staffing.start_break(1, clock=clock)  # before service hours: no refusal
    live(clock, "07:40", counters=(1,))
    staffing.resume(1, clock)
    assert gaps(MONDAY, clock) == [("07:30:00", "07:40:00", 600, "everyone_on_break", None)]


def test_gap_is_published_at_once_and_escalated_after_the_delay(office, clock):
    escalation.set_escalation_delay(5)
    at(clock, "07:20")
    staffing.sign_in(1, "ani", "1111", clock)
    live(clock, "08:00", counters=(1,))
    with ChangeSubscription(office, topics=["staffing"]) as feed:
        staffing.start_break(1, "ibadah", "JDW-3", clock=clock)
        assert "staffing" in feed.wait(3)
    assert [e.kind for e in staffing_log.entries()][-2:] == ["break", "gap_open"]

    at(clock, "08:04:59")
    assert not staffing.check(clock).escalated
    at(clock, "08:05:00")
    with ChangeSubscription(office, topics=["staffing"]) as feed:
        status = staffing.check(clock)
        assert "staffing" in feed.wait(3)
    assert status.escalated and "kepala" in status.message("id")
    at(clock, "08:06:00")
    staffing.check(clock)
    escalations = [e for e in staffing_log.entries() if e.kind == "gap_escalated"]
    assert len(escalations) == 1
    assert local(escalations[0].at) == "08:05:00"
    assert escalations[0].detail["to"] == ["kepala"]


def test_holiday_has_no_service_hours(office, clock):
    from loket.models.staffing.hours import add_holiday

    add_holiday(MONDAY, "Cuti bersama", clock)
    at(clock, "10:00")
    staffing.sign_in(1, "ani", "1111", clock)
    staffing.sign_out(1, clock=clock)  # nothing to guard on a holiday
    status = desk_state.front_desk_status(clock)
    assert (status.in_service_hours, status.covered) == (False, True)
    summary = daily_summary(MONDAY, clock)
    assert (summary.holiday, summary.service_seconds, summary.gaps) == ("Cuti bersama", 0, ())


def test_ramadan_schedule_starts_at_eight(office, clock):
    from loket.models.staffing.hours import set_ramadan

    set_ramadan(MONDAY, MONDAY + dt.timedelta(days=29), clock)
    at(clock, "07:50")
    assert not desk_state.front_desk_status(clock).in_service_hours
    at(clock, "16:00")
    summary = daily_summary(MONDAY, clock)
    assert summary.schedule == "ramadan"
    assert gaps(MONDAY, clock) == [("08:00:00", "15:00:00", 25200, "nobody_signed_in", None)]
    friday = MONDAY + dt.timedelta(days=4)
    at(clock, "18:00", friday)
    assert gaps(friday, clock) == [("08:00:00", "15:30:00", 27000, "nobody_signed_in", None)]


def test_sign_in_rules(office, clock):
    at(clock, "08:00")
    staffing.sign_in(1, "ani", "1111", clock)
    with pytest.raises(PermissionDenied):
        staffing.sign_in(2, "budi", "9999", clock)
    with pytest.raises(Exception, match="handover"):
        staffing.sign_in(1, "budi", "2222", clock)
    with pytest.raises(Exception, match="counter 1"):
        staffing.sign_in(2, "ani", "1111", clock)
    with pytest.raises(NotSignedIn):
        staffing.heartbeat(2, clock)
    with pytest.raises(NotSignedIn):
        staffing.start_break(3, clock=clock)
    # Ani's PC dies; she moves to counter 2: counter 1 is closed for her.
    at(clock, "08:05")
    staffing.sign_in(2, "ani", "1111", clock)
    states = {c.number: c for c in desk_state.counter_states(clock)}
    assert (states[1].status, states[2].status, states[2].officer) == ("out", "staffed", "ani")


def test_front_desk_minimum_two(office, clock):
    from loket.models.settings import update_settings

    update_settings(front_desk_minimum="2")
    at(clock, "07:20")
    staffing.sign_in(1, "ani", "1111", clock)
    live(clock, "07:40", counters=(1,))
    staffing.sign_in(2, "budi", "2222", clock)
    status = desk_state.front_desk_status(clock)
    assert status.covered and status.staffed_counters == (1, 2) and status.required == 2
    with pytest.raises(FrontDeskUncovered):
        staffing.start_break(1, clock=clock)
    assert gaps(MONDAY, clock) == [("07:30:00", "07:40:00", 600, "nobody_signed_in", None)]


def test_counter_states_for_the_admin_board(office, clock):
    from loket.models.queue import calling, tickets

    at(clock, "08:00")
    staffing.sign_in(1, "ani", "1111", clock)
    tickets.issue_ticket("A", clock=clock)
    calling.call_next(1, officer="ani", clock=clock)
    clock.advance(seconds=20)
    state = desk_state.counter_state(1, clock)
    assert (state.officer, state.officer_name, state.serving) == ("ani", "Ani Lestari", "A-001")
    assert state.heartbeat_age_seconds == 20 and local(state.since) == "08:00:00"
    clock.advance(seconds=45)
    assert desk_state.counter_state(1, clock).status == "lost"
    assert staffed_counter_ids(clock.now()) == frozenset()


def test_wait_estimate_counts_staffed_counters(office, clock):
    from loket.models.queue import tickets
    from loket.models.queue.estimates import clear_cache

    at(clock, "08:00")
    for _ in range(3):
        tickets.issue_ticket("A", clock=clock)
    # Nobody signs in yet: the three counters serving A are assumed to work.
    assert tickets.issue_ticket("A", clock=clock).estimated_wait_minutes == 5
    staffing.sign_in(1, "ani", "1111", clock)
    clear_cache()
    info = tickets.issue_ticket("A", clock=clock)
    assert (info.ahead, info.estimated_wait_minutes) == (4, 20)  # one staffed counter
