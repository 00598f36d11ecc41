"""The workload report against a small history computed by hand, and its exports."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from helpers.pdf_text import pdf_text

from loket.models.errors import InvalidInput
from loket.models.office import catalog, staff
from loket.models.queue import calling
from loket.models.queue.tickets import issue_ticket
from loket.models.reports import export as report_export
from loket.models.reports.kinds import build_report
from loket.models.reports.workload_report import workload_report
from loket.models.settings import update_settings
from loket.models.staffing import counter_actions as staffing

MONDAY = dt.date(2026, 11, 23)
SUNDAY = MONDAY - dt.timedelta(days=1)
WIB = dt.timezone(dt.timedelta(hours=7))


def at(clock, hh: int, mm: int, day: dt.date = MONDAY) -> None:
    clock.set(dt.datetime(day.year, day.month, day.day, hh, mm, tzinfo=WIB))


@pytest.fixture
def history(db, clock):
    """Sunday 10:00 one visitor, before any staffing was recorded (a fresh install).
    Monday: budi signs in at 08:00; visitors at 09:00, 09:10, 09:20, each served for
    exactly 10 minutes; the report is read at 12:00."""
    catalog.add_service("A", "Administrasi", "Administration", hours="00:00-24:00", days="1234567")
    catalog.add_counter(1, "A", front_desk=True)
    staff.add_staff("budi", "Budi Santoso", "staff", "1234")
    at(clock, 10, 0, SUNDAY)
    issue_ticket("A", clock=clock)
    at(clock, 8, 0)
    staffing.sign_in(1, "budi", "1234", clock)
    for minute in (0, 10, 20):
        at(clock, 9, minute)
        issue_ticket("A", clock=clock)
    for minute in (0, 10, 20):
        at(clock, 9, minute)
        calling.call_next(1, "budi", clock=clock)
        at(clock, 9, minute + 10)
        calling.finish(1, clock=clock)
    at(clock, 12, 0)
    return clock


def test_workload_by_hand(history):
    r = workload_report(SUNDAY, MONDAY, history)
    cells = {(c.weekday, c.hour): c for c in r.cells}
    assert sorted(cells) == [(0, 8), (0, 9), (0, 10), (0, 11), (6, 10)]
    nine = cells[(0, 9)]
    # 3 visitors an hour × 10 min = 0.5 erlang. One officer: 1 − 0.5·e^(−0.5·15/10) = 76.4 %
    # within 15 min, short of 80 %; two: C = 0.1, 1 − 0.1·e^(−1.5·1.5) = 98.9 %. So 2.
    assert (nine.arrivals, nine.arrivals_per_hour, nine.service_minutes) == (3, 3.0, 10.0)
    assert nine.needed == 2 and nine.staffed == 1.0
    assert (nine.under_hours, nine.over_hours) == (1, 0)
    # 08, 10 and 11 on Monday: budi at work, nobody came: over-staffed.
    for hour in (8, 10, 11):
        assert (cells[(0, hour)].needed, cells[(0, hour)].staffed) == (0, 1.0)
        assert cells[(0, hour)].over_hours == 1
    # Sunday came before the office began recording staffing: not recorded, not a gap.
    sunday = cells[(6, 10)]
    assert sunday.arrivals == 1 and sunday.staffed is None and sunday.under_hours == 0
    assert (r.under_hours, r.over_hours, r.not_recorded_hours) == (1, 3, 1)
    data = r.as_json()
    assert {"weekday": 0, "hour": 9, "officers": 2} in data["next_week"]
    assert data["cells"][-1]["officers_staffed"] is None


def test_the_wait_target_is_a_setting(history):
    update_settings(wait_target_pct="70")  # one officer reaches 76.4 %
    cells = {(c.weekday, c.hour): c for c in workload_report(MONDAY, MONDAY, history).cells}
    assert cells[(0, 9)].needed == 1 and cells[(0, 9)].under_hours == 0


def test_workload_exports(history):
    r = build_report("workload", SUNDAY, MONDAY, clock=history)
    csv_text = report_export.export(r, "csv").decode()
    assert "Laporan Beban Kerja Loket / Workload report" in csv_text
    assert "Senin/Mon,09:00,3,3.0,10.0,2,1.0,1,0" in csv_text
    assert "tidak tercatat / not recorded" in csv_text
    assert json.loads(report_export.export(r, "json"))["under_staffed_hours"] == 1
    text = pdf_text(report_export.export(r, "pdf", "Kantor Uji"))
    assert "Officers needed and staffed per weekday and hour" in text
    assert "Officers recommended next week" in text
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(report_export.export(r, "xlsx")))
    assert book.sheetnames == ["summary", "per_hour", "next_week"]
    with pytest.raises(InvalidInput):
        build_report("workload", MONDAY, SUNDAY, clock=history)


def test_staffed_kinds_follow_the_staffing_states():
    """The report reads raw log kinds for speed; they must say what state_after says."""
    import datetime as _dt

    from loket.models.reports.workload_report import STAFFED_KINDS
    from loket.models.staffing.coverage import state_after
    from loket.models.staffing.log import STATE_KINDS, LogEntry

    now = _dt.datetime(2026, 11, 23, tzinfo=_dt.UTC)
    for kind in STATE_KINDS:
        entry = LogEntry(1, now, now, now.date(), kind, 1, None, None, None, None, {}, "")
        assert (state_after(entry).status == "staffed") == (kind in STAFFED_KINDS), kind


def test_a_service_with_its_own_stricter_target_needs_more_officers(history):
    update_settings(wait_target_pct="70", wait_target_by_service="a = 99/5")
    r = workload_report(MONDAY, MONDAY, history)
    cells = {(c.weekday, c.hour): c for c in r.cells}
    # 0.5 erlang, 99 % within 5 min: two officers reach 1 − 0.1·e^(−1.5·0.5) = 95.3 %;
    # three: C = 0.01515, 1 − 0.01515·e^(−2.5·0.5) = 99.6 %. So 3 (70 % office-wide: 1).
    assert cells[(0, 9)].needed == 3 and cells[(0, 9)].under_hours == 1
    assert r.as_json()["service_targets"] == [{"service": "A", "share": 0.99, "minutes": 5.0}]
    summary = {row[0]: row[1] for row in r.sections()[0].rows}
    assert summary["Target A"] == "99% ≤ 5 min"


@pytest.mark.parametrize(
    "bad, words",
    [
        ("A=80", "KODE=PERSEN/MENIT"),
        ("A1=80/15", "kode layanan"),
        ("A=0/15", "persen 1–100"),
        ("A=80/999", "menit"),
        ("A=80/15; a=70/10", "dua kali"),
    ],
)
def test_a_wrong_per_service_target_is_refused_in_one_line(db, bad, words):
    with pytest.raises(InvalidInput) as refused:
        update_settings(wait_target_by_service=bad)
    assert words in refused.value.message_id and "\n" not in refused.value.message_en
