"""Finished days' summaries come from the cache exactly as a fresh replay would give them,
and every later change rebuilds exactly the days it touches."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator

import pytest
import services.test_staffing as scripted
from helpers.stubs import FakeClock

from loket.models import rawsql
from loket.models.office import catalog, staff
from loket.models.staffing import counter_actions as staffing
from loket.models.staffing import escalation
from loket.models.staffing import log as staffing_log
from loket.models.staffing import summaries as staffing_summary
from loket.models.staffing.hours import add_holiday
from loket.models.staffing.sign_off import explain_gap, sign_off_day
from loket.models.staffing.summaries import summaries
from loket.models.staffing.summary_records import DailySummary

office = scripted.office
at, live = scripted.at, scripted.live
MONDAY = scripted.MONDAY
TUESDAY, WEDNESDAY, THURSDAY = (MONDAY + dt.timedelta(days=n) for n in (1, 2, 3))
FIRST = MONDAY - dt.timedelta(days=2)  # a weekend before, with nothing logged


@pytest.fixture
def replayed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dt.date]]:
    """The days the summaries had to replay from the log (not served from the cache)."""
    days: list[dt.date] = []
    real = staffing_summary._replay

    def spy(calendar, day, *args, **kwargs):  # type: ignore[no-untyped-def]
        days.append(day)
        return real(calendar, day, *args, **kwargs)

    monkeypatch.setattr(staffing_summary, "_replay", spy)
    yield days


def cached_rows() -> dict[dt.date, str]:
    return {
        staffing_log.stored_day(day): key
        for day, key in rawsql.fetch_all("SELECT day, cache_key FROM staffing_day_cache")
    }


def report(clock: FakeClock, replayed: list[dt.date], first: dt.date = FIRST) -> list[dt.date]:
    """Cached summaries up to today, checked against a fresh replay; the days replayed."""
    replayed.clear()
    through_cache = summaries(first, THURSDAY + dt.timedelta(days=30), clock)
    days = list(replayed)
    fresh = summaries(first, THURSDAY + dt.timedelta(days=30), clock, use_cache=False)
    assert through_cache == fresh
    replayed.clear()
    return days


def test_records_round_trip_exactly(office, clock):
    at(clock, "07:25")
    staffing.sign_in(1, "ani", "1111", clock)
    live(clock, "09:00", counters=(1,))
    staffing.sign_out(1, "dinas_luar", "SPT-1", "kepala", clock=clock)
    at(clock, "17:00")
    summary = sign_off_day(MONDAY, "kepala", "rahasia-kepala", clock)
    assert summary.gaps and summary.sign_off and summary.officers
    record = json.loads(json.dumps(summary.to_record()))
    assert DailySummary.from_record(record) == summary
    assert DailySummary.from_record(record).gaps[0].start.utcoffset() == dt.timedelta(0)


SCENARIOS: list[Callable[..., None]] = [
    scripted.test_staggered_lunch_keeps_the_front_desk_covered_all_day,
    scripted.test_nobody_at_opening_is_a_gap_from_the_first_second,
    scripted.test_refused_break_then_handover_gives_continuous_coverage,
    scripted.test_everyone_at_a_meeting_is_an_authorised_gap_with_its_reference,
    scripted.test_leave_needing_approval_names_the_approver,
    scripted.test_unexplained_leave_is_recorded_as_such,
    scripted.test_pc_crash_without_sign_out_becomes_a_heartbeat_lost_gap,
    scripted.test_everyone_on_break_at_opening,
    scripted.test_gap_is_published_at_once_and_escalated_after_the_delay,
    scripted.test_holiday_has_no_service_hours,
    scripted.test_ramadan_schedule_starts_at_eight,
    scripted.test_front_desk_minimum_two,
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda f: f.__name__[5:40])
def test_cached_and_fresh_summaries_agree_for_the_scripted_days(office, clock, replayed, scenario):
    scenario(office, clock)
    # Nobody signs out: whoever is still in carries into the next days.
    at(clock, "10:00", THURSDAY)
    days = report(clock, replayed)
    assert days == [FIRST + dt.timedelta(days=n) for n in range(6)]  # cold: all replayed
    assert sorted(cached_rows()) == days[:-1]  # Thursday is not over: not cached
    assert report(clock, replayed) == [THURSDAY]  # warm: only today
    at(clock, "17:00", THURSDAY)  # Thursday's hours are over: it is cached too
    assert report(clock, replayed) == [THURSDAY]
    assert report(clock, replayed) == []
    assert THURSDAY in cached_rows()


@pytest.fixture
def week(office, clock):
    """Monday: a gap with the head's permission; Tuesday: Budi all day; Wednesday:
    Ani all day; Thursday morning: now."""
    at(clock, "07:20")
    staffing.sign_in(1, "ani", "1111", clock)
    live(clock, "09:00", counters=(1,))
    staffing.sign_out(1, "izin_atasan", "IZN-2", "kepala", clock=clock)
    at(clock, "07:20", TUESDAY)
    staffing.sign_in(2, "budi", "2222", clock)
    live(clock, "16:05", counters=(2,))
    staffing.sign_out(2, clock=clock)
    at(clock, "07:20", WEDNESDAY)
    staffing.sign_in(1, "ani", "1111", clock)
    live(clock, "16:05", counters=(1,))
    staffing.sign_out(1, clock=clock)
    at(clock, "10:00", THURSDAY)
    return office


def test_a_late_gap_explanation_rebuilds_its_day_only(week, clock, replayed):
    report(clock, replayed)
    before = cached_rows()
    staff.add_staff("admin", "Admin Kantor", "admin", "8888", password="rahasia-admin")
    assert report(clock, replayed) == [THURSDAY]
    explain_gap(MONDAY, "09:00", "dinas_luar", "SPT-77", "kepala", "admin", "rahasia-admin", clock)
    assert report(clock, replayed) == [MONDAY, THURSDAY]
    after = cached_rows()
    assert [d for d in before if before[d] != after[d]] == [MONDAY]
    (monday,) = summaries(MONDAY, MONDAY, clock)
    assert (monday.gaps[-1].reason, monday.gaps[-1].explained_by) == ("dinas_luar", "admin")


def test_sign_off_is_worked_out_afresh_on_cached_days(week, clock, replayed):
    report(clock, replayed)
    sign_off_day(MONDAY, "kepala", "rahasia-kepala", clock)
    replayed.clear()
    (monday,) = summaries(MONDAY, MONDAY, clock)
    assert replayed == []  # served from the cache, the sign-off read from the log
    assert monday.sign_off is not None
    assert (monday.sign_off.by, monday.sign_off.changed_after) == ("kepala", False)
    assert report(clock, replayed) == [THURSDAY]

    staff.add_staff("admin", "Admin Kantor", "admin", "8888", password="rahasia-admin")
    clock.advance(minutes=5)
    explain_gap(MONDAY, "09:00", "dinas_luar", "SPT-77", "kepala", "admin", "rahasia-admin", clock)
    assert report(clock, replayed) == [MONDAY, THURSDAY]
    (monday,) = summaries(MONDAY, MONDAY, clock)  # from the cache again
    assert replayed == []
    late = [e.seq for e in staffing_log.entries() if e.kind == "gap_reason"]
    assert monday.sign_off is not None
    assert (monday.sign_off.changed_after, monday.sign_off.late_entries) == (True, tuple(late))


def test_a_holiday_entered_afterwards_rebuilds_that_day(week, clock, replayed):
    report(clock, replayed)
    add_holiday(TUESDAY, "Libur daerah", clock)
    assert report(clock, replayed) == [TUESDAY, THURSDAY]
    (tuesday,) = summaries(TUESDAY, TUESDAY, clock)
    assert (tuesday.holiday, tuesday.service_seconds) == ("Libur daerah", 0)


def test_renames_rebuild_the_days_that_show_the_name(week, clock, replayed):
    report(clock, replayed)
    catalog.edit_counter(2, name="Loket Prioritas")  # the summary shows numbers only
    assert report(clock, replayed) == [THURSDAY]
    staff.edit_staff("budi", full_name="Budi Santoso, S.Kom.")
    assert report(clock, replayed) == [TUESDAY, THURSDAY]
    (tuesday,) = summaries(TUESDAY, TUESDAY, clock)
    assert tuesday.officers[0].full_name == "Budi Santoso, S.Kom."
    catalog.edit_counter(3, front_desk=True)  # every day's front desk changes
    assert report(clock, replayed) == [FIRST + dt.timedelta(days=n) for n in range(6)]
    escalation.set_escalation_delay(30)
    assert len(report(clock, replayed)) == 6


def test_a_late_state_entry_rebuilds_the_days_it_carries_into(office, clock, replayed):
    # Ani's PC dies on Monday afternoon and nothing checks until Wednesday: until then
    # she counts as staffed through Tuesday too.
    at(clock, "07:20")
    staffing.sign_in(1, "ani", "1111", clock)
    live(clock, "15:00", counters=(1,))
    at(clock, "10:00", WEDNESDAY)
    assert report(clock, replayed) == [FIRST + dt.timedelta(days=n) for n in range(5)]
    (tuesday,) = summaries(TUESDAY, TUESDAY, clock)
    assert tuesday.gaps == ()
    staffing.check(clock)  # the lost heartbeat is logged now, for Monday 15:01
    lost = [e for e in staffing_log.entries() if e.kind == "heartbeat_lost"]
    assert [e.day for e in lost] == [MONDAY]
    assert report(clock, replayed) == [MONDAY, TUESDAY, WEDNESDAY]
    (tuesday,) = summaries(TUESDAY, TUESDAY, clock)
    assert [g.cause for g in tuesday.gaps] == ["nobody_signed_in"]


def test_a_sign_off_rebuilds_nothing(week, clock, replayed):
    report(clock, replayed)
    sign_off_day(TUESDAY, "kepala", "rahasia-kepala", clock)
    before = cached_rows()
    assert report(clock, replayed) == [THURSDAY]
    assert cached_rows() == before


def test_the_cache_is_never_used_for_an_unfinished_day(week, clock, replayed):
    at(clock, "07:20", THURSDAY)
    staffing.sign_in(2, "budi", "2222", clock)
    live(clock, "16:30", counters=(2,))
    assert report(clock, replayed)[-1] == THURSDAY
    assert THURSDAY in cached_rows()  # over at 16:00
    at(clock, "11:00", THURSDAY)  # back to when Thursday was going on
    assert report(clock, replayed) == [THURSDAY]
    (thursday,) = summaries(THURSDAY, THURSDAY, clock)
    assert not thursday.complete and thursday.service_seconds == 3.5 * 3600
    at(clock, "16:40", THURSDAY)
    staffing.sign_out(2, clock=clock)  # after hours, on a day already cached
    assert report(clock, replayed) == [THURSDAY]
    assert report(clock, replayed) == []
