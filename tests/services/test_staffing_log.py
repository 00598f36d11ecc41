"""The staffing log is tamper-evident, and a signed-off day shows later changes."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers.stubs import JAKARTA

from loket.models.db import database
from loket.models.errors import IllegalTransition, PermissionDenied
from loket.models.office import catalog, staff
from loket.models.staffing import counter_actions as staffing
from loket.models.staffing import log as staffing_log
from loket.models.staffing.hours import add_holiday, set_hours
from loket.models.staffing.sign_off import explain_gap, sign_off_day
from loket.models.staffing.summaries import daily_summary
from loket.models.staffing.verify import verify_staffing_log

MONDAY = dt.date(2026, 11, 23)


@pytest.fixture
def logged_day(db, clock):
    """A morning with a sign-in, an authorised break, a resume and a sign-out."""
    catalog.add_service("A", "Administrasi", "Administration")
    catalog.add_counter(1, "A", front_desk=True)
    staff.add_staff("ani", "Ani Lestari", "staff", "1111")
    staff.add_staff("kepala", "Ibu Kepala", "head", "9999", password="rahasia-kepala")
    staff.add_staff("admin", "Admin", "admin", "8888", password="rahasia-admin")
    clock.set(dt.datetime(2026, 11, 23, 7, 20, tzinfo=JAKARTA))
    staffing.sign_in(1, "ani", "1111", clock)
    clock.set(dt.datetime(2026, 11, 23, 7, 20, 50, tzinfo=JAKARTA))
    staffing.start_break(1, "sakit", "SKD-1", clock=clock)
    clock.set(dt.datetime(2026, 11, 23, 8, 0, tzinfo=JAKARTA))
    staffing.resume(1, clock)
    staffing.sign_out(1, "izin_atasan", "IZN-2", "kepala", clock=clock)
    return db


def _sql(statement: str) -> None:
    database.obj.execute_sql(statement)


def _seq(kind: str) -> int:
    return next(e.seq for e in staffing_log.entries() if e.kind == kind)


def test_intact_log_verifies(logged_day):
    report = verify_staffing_log()
    assert report.ok and report.entries == len(staffing_log.entries())


def test_editing_a_row_is_named(logged_day):
    seq = _seq("break")
    _sql(f"UPDATE staffing_event SET reference = 'SKD-999' WHERE seq = {seq}")
    report = verify_staffing_log()
    assert not report.ok
    assert report.problem.seq == seq and report.problem.reason == "edited"
    assert f"#{seq}" in report.message_en


def test_moving_a_time_is_named(logged_day):
    seq = _seq("resume")
    _sql(f"UPDATE staffing_event SET at = at - 600000000 WHERE seq = {seq}")
    assert verify_staffing_log().problem.seq == seq


def test_deleting_a_row_is_named(logged_day):
    seq = _seq("break")
    _sql(f"DELETE FROM staffing_event WHERE seq = {seq}")
    problem = verify_staffing_log().problem
    assert (problem.seq, problem.reason) == (seq, "deleted")


def test_deleting_the_newest_row_is_named(logged_day):
    last = staffing_log.entries()[-1].seq
    _sql(f"DELETE FROM staffing_event WHERE seq = {last}")
    problem = verify_staffing_log().problem
    assert (problem.seq, problem.reason) == (last, "deleted")


def test_inserting_a_row_is_named(logged_day):
    row = staffing_log.entries()[-1]
    _sql(
        "INSERT INTO staffing_event (seq, at, recorded_at, day, kind, detail, prev_hash, row_hash) "
        f"VALUES ({row.seq + 1}, 0, 0, '2026-11-23', 'resume', '', 'x', 'y')"
    )
    problem = verify_staffing_log().problem
    assert (problem.seq, problem.reason) in ((row.seq + 1, "relinked"), (row.seq + 1, "inserted"))


def test_editing_the_presence_row_is_reported(logged_day):
    _sql("UPDATE counter_presence SET status = 'staffed'")
    problem = verify_staffing_log().problem
    assert problem.reason == "presence_edited" and "counter 1" in problem.message_en


def test_editing_service_hours_directly_is_reported(logged_day, clock):
    set_hours("front_desk", "5", hours="07:30-16:30", clock=clock)
    assert verify_staffing_log().ok
    _sql("UPDATE service_hours SET close_minute = 600 WHERE weekday = 1")
    assert verify_staffing_log().problem.reason == "calendar_edited"


def test_head_signs_off_and_later_changes_show(logged_day, clock):
    with pytest.raises(IllegalTransition):  # the day's service hours are not over
        sign_off_day(MONDAY, "kepala", "rahasia-kepala", clock)
    clock.set(dt.datetime(2026, 11, 23, 17, 0, tzinfo=JAKARTA))
    with pytest.raises(PermissionDenied):
        sign_off_day(MONDAY, "admin", "rahasia-admin", clock)
    with pytest.raises(PermissionDenied):
        sign_off_day(MONDAY, "kepala", "salah-sandi", clock)
    summary = sign_off_day(MONDAY, "kepala", "rahasia-kepala", clock)
    assert summary.sign_off is not None
    assert (summary.sign_off.by, summary.sign_off.changed_after) == ("kepala", False)
    assert summary.sign_off.at == clock.now()

    # 08:00–16:00: left with the head's permission; the admin later adds the SPT.
    gap = summary.gaps[-1]
    assert (gap.cause, gap.reason) == ("authorised", "izin_atasan")
    clock.advance(hours=20)
    later = explain_gap(
        MONDAY, "08:00", "dinas_luar", "SPT-77", "kepala", "admin", "rahasia-admin", clock
    )
    assert later.gaps[-1].reason == "dinas_luar" and later.gaps[-1].explained_by == "admin"
    assert later.sign_off.changed_after
    assert later.sign_off.late_entries == (_seq("gap_reason"),)
    assert verify_staffing_log().ok


def test_a_holiday_entered_after_sign_off_shows_as_a_change(logged_day, clock):
    clock.set(dt.datetime(2026, 11, 24, 9, 0, tzinfo=JAKARTA))
    sign_off_day(MONDAY, "kepala", "rahasia-kepala", clock)
    assert not daily_summary(MONDAY, clock).sign_off.changed_after
    add_holiday(MONDAY, "Libur daerah", clock)
    assert daily_summary(MONDAY, clock).sign_off.changed_after


def test_row_edited_behind_the_application_changes_a_signed_day(logged_day, clock):
    clock.set(dt.datetime(2026, 11, 24, 9, 0, tzinfo=JAKARTA))
    sign_off_day(MONDAY, "kepala", "rahasia-kepala", clock)
    _sql(f"UPDATE staffing_event SET reason = 'rapat_diklat' WHERE seq = {_seq('sign_out')}")
    assert daily_summary(MONDAY, clock).sign_off.changed_after
    assert not verify_staffing_log().ok
