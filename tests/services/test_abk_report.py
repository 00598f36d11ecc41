"""The ABK summary against a small history computed by hand, and its exports."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from openpyxl import load_workbook

from loket.models.errors import InvalidInput
from loket.models.office import catalog, staff
from loket.models.queue import calling
from loket.models.queue.tickets import issue_ticket
from loket.models.reports import export as report_export
from loket.models.reports.abk_report import abk_report
from loket.models.reports.kinds import build_report
from loket.models.settings import update_settings
from loket.models.staffing import counter_actions as staffing

MONDAY = dt.date(2026, 11, 23)
WIB = dt.timezone(dt.timedelta(hours=7))


def at(clock, hh: int, mm: int) -> None:
    clock.set(dt.datetime(MONDAY.year, MONDAY.month, MONDAY.day, hh, mm, tzinfo=WIB))


@pytest.fixture
def history(db, clock):
    """Service A: budi serves three visitors for 6, 10 and 20 minutes; service B: no one."""
    catalog.add_service("A", "Administrasi", "Administration", hours="00:00-24:00", days="1234567")
    catalog.add_service("B", "Berkas", "Files", hours="00:00-24:00", days="1234567")
    catalog.add_counter(1, "A", front_desk=True)
    staff.add_staff("budi", "Budi Santoso", "staff", "1234")
    at(clock, 8, 0)
    staffing.sign_in(1, "budi", "1234", clock)
    for minute in (0, 1, 2):
        at(clock, 9, minute)
        issue_ticket("A", clock=clock)
    start = 10 * 60
    for length in (6, 10, 20):
        at(clock, start // 60, start % 60)
        calling.call_next(1, "budi", clock=clock)
        start += length
        at(clock, start // 60, start % 60)
        calling.finish(1, clock=clock)
    at(clock, 12, 0)
    return clock


def test_abk_by_hand(history):
    update_settings(abk_effective_hours="2")
    data = abk_report(2026, history).as_json()
    (a,) = data["services"]
    # Median of 6, 10, 20 minutes = 10; 3 × 10 / 60 = 0.5 h; ÷ 2 effective hours = 0.25.
    assert (a["code"], a["volume"], a["standard_minutes"]) == ("A", 3, 10.0)
    assert (a["workload_hours"], a["required_staff"], a["assigned_staff"]) == (0.5, 0.25, 1)
    assert data["total"] == {
        "volume": 3, "workload_hours": 0.5, "required_staff": 0.25, "assigned_staff": 1
    }  # fmt: skip
    # The year before holds nothing.
    assert abk_report(2025, history).as_json()["total"]["volume"] == 0


def test_standard_time_set_by_the_office(history):
    update_settings(abk_standard_minutes="a=20; B=12,5", abk_effective_hours="2")
    data = abk_report(2026, history).as_json()
    a, b = data["services"]
    assert (a["standard_minutes"], a["standard_source"], a["measured_minutes"]) == (
        20.0, "set", 10.0
    )  # fmt: skip
    assert a["workload_hours"] == 1.0 and a["required_staff"] == 0.5
    assert (b["code"], b["volume"], b["workload_hours"]) == ("B", 0, 0.0)
    for bad in ("A", "A=0", "A=lima", "ABC=3", "A=1; a=2"):
        with pytest.raises(InvalidInput) as refused:
            update_settings(abk_standard_minutes=bad)
        assert "abk_standard_minutes" in refused.value.message_en
        assert "\n" not in refused.value.message_id


def test_abk_exports(history):
    r = build_report("abk", dt.date(2026, 1, 1), dt.date(2026, 12, 31), clock=history)
    csv_text = report_export.export(r, "csv").decode()
    assert "Analisis Beban Kerja (ABK) / Workload analysis (ABK)" in csv_text
    assert "A,Administrasi / Administration,3,10.0,10.0,terukur/measured,0.5,0.0,1" in csv_text
    assert "Jumlah / Total" in csv_text
    assert json.loads(report_export.export(r, "json"))["total"]["volume"] == 3
    assert report_export.export(r, "pdf", "Kantor Uji").startswith(b"%PDF")
    book = load_workbook(io.BytesIO(report_export.export(r, "xlsx")))
    assert book.sheetnames == ["abk", "notes"]
    with pytest.raises(InvalidInput):
        abk_report(1900, history)
