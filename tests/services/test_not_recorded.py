"""Days before the office began recording staffing are "not recorded", never gaps."""

from __future__ import annotations

import datetime as dt

from helpers.stubs import JAKARTA

from loket.models.office import catalog, staff
from loket.models.reports import export as report_export
from loket.models.reports.staffing_report import NOT_RECORDED, staffing_report
from loket.models.staffing import counter_actions as staffing
from loket.models.staffing.sign_off import sign_off_day
from loket.models.staffing.summaries import daily_summary, summaries

MONDAY = dt.date(2026, 11, 23)
SUNDAY, FRIDAY = MONDAY - dt.timedelta(days=1), MONDAY - dt.timedelta(days=3)


def at(clock, hh: int, mm: int, day: dt.date = MONDAY) -> None:
    clock.set(dt.datetime(day.year, day.month, day.day, hh, mm, tzinfo=JAKARTA))


def fresh_install(clock, counters: bool = True):
    """Installed on Monday; the first officer signs in at 10:00; the app is closed at once."""
    if counters:
        catalog.add_service("A", "Administrasi", "Administration")
        catalog.add_counter(1, "A", front_desk=True)
    staff.add_staff("ani", "Ani Lestari", "staff", "1111")
    staff.add_staff("kepala", "Ibu Kepala", "head", "9999", password="rahasia-kepala")
    at(clock, 10, 0)
    staffing.sign_in(1, "ani", "1111", clock)
    clock.advance(seconds=30)


def test_the_day_before_a_fresh_install_is_not_recorded(db, clock):
    catalog.add_service("A", "Administrasi", "Administration")
    catalog.add_counter(1, "A", front_desk=True)
    at(clock, 9, 0)
    # Nothing recorded at all yet: not an 8.5-hour gap either.
    before = daily_summary(FRIDAY, clock)
    assert before.not_recorded and before.gaps == () and before.service_seconds == 0
    fresh_install(clock, counters=False)
    at(clock, 18, 0)
    friday = daily_summary(FRIDAY, clock)  # Mon–Thu 07:30–16:00, Fri to 16:30
    assert friday.not_recorded and friday.gaps == ()
    assert friday.service_seconds == 0 and friday.unrecorded_seconds == 9 * 3600
    assert not any(g.escalated for g in friday.gaps)
    monday = daily_summary(MONDAY, clock)
    assert not monday.not_recorded and monday.unrecorded_seconds == 0
    # The first day counts from opening: 07:30–10:00 is a real gap (the app still
    # counts as signed in until a check notices the lost heartbeat).
    starts = [(g.start.astimezone(JAKARTA).strftime("%H:%M"), g.seconds) for g in monday.gaps]
    assert starts == [("07:30", 9000)]


def test_reports_and_sign_off_say_not_recorded(db, clock):
    fresh_install(clock)
    at(clock, 18, 0)
    report = staffing_report(FRIDAY, MONDAY, clock)
    flags = [(d.day, d.not_recorded, d.gaps) for d in report.days]
    assert flags == [(FRIDAY, True, 0), (FRIDAY + dt.timedelta(1), True, 0),
                     (SUNDAY, True, 0), (MONDAY, False, 1)]  # fmt: skip
    assert report.service_seconds == 8 * 3600 + 1800  # Monday only
    data = report.as_json()
    assert data["not_recorded_days"] == 3 and data["gaps"] == 1
    rows = {r[0]: r for r in report.sections()[1].rows}
    assert rows[FRIDAY.isoformat()][5] == NOT_RECORDED
    csv_text = report_export.to_csv(report)
    assert f"{FRIDAY.isoformat()},,,,,tidak tercatat / not recorded" in csv_text
    # Signing off the not-recorded Friday does not make Friday recorded.
    signed = sign_off_day(FRIDAY, "kepala", "rahasia-kepala", clock)
    assert signed.not_recorded and signed.gaps == () and signed.sign_off is not None
    assert [s.not_recorded for s in summaries(FRIDAY, MONDAY, clock)] == [True] * 3 + [False]
    # From the cache the second time, the same answer.
    assert [s.not_recorded for s in summaries(FRIDAY, MONDAY, clock)] == [True] * 3 + [False]
