"""Reports against hand-computed figures, and their CSV, XLSX and PDF exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest

from loket.models.errors import InvalidInput, NotFound
from loket.models.services import calling, catalog, report_export, reports, staff, staffing
from loket.models.services.reports import Distribution, percentile
from loket.models.services.staffing_summary import summaries
from loket.models.services.surveys import record_response
from loket.models.services.tickets import issue_ticket

DAY = dt.date(2026, 11, 23)  # the FakeClock starts at 08:00 WIB on this Monday
WIB = dt.timezone(dt.timedelta(hours=7))


def at(clock, hh: int, mm: int, day: dt.date = DAY) -> None:
    clock.set(dt.datetime(day.year, day.month, day.day, hh, mm, tzinfo=WIB))


@pytest.fixture
def office(db, clock):
    catalog.add_service("A", "Administrasi", "Administration", hours="00:00-24:00", days="1234567")
    catalog.add_service("B", "Perizinan", "Permits", hours="00:00-24:00", days="1234567")
    catalog.add_counter(1, "A,B", front_desk=True)
    catalog.add_counter(2, "A")
    staff.add_staff("budi", "Budi Santoso", "staff", "1234")
    staff.add_staff("sari", "Sari Dewi", "staff", "5678")
    return clock


@pytest.fixture
def day_of_tickets(office):
    """Four tickets on DAY, every step at a hand-picked time.

    A-001 08:00 → called 09:05 by budi (wait 3900 s), finished 09:09 (service 240 s)
    A-002 08:00 → called 09:09 (wait 4140 s), no-show 09:10
    B-001 08:10 → called 09:10 by budi, transferred to A at 09:12; called 09:12 at
                  counter 2 by sari (wait 3720 s), finished 09:20 (service 480 s)
    A-003 09:05 → still waiting
    """
    clock = office
    at(clock, 8, 0)
    issue_ticket("A", clock=clock)
    issue_ticket("A", clock=clock)
    at(clock, 8, 10)
    issue_ticket("B", clock=clock)
    at(clock, 9, 5)
    issue_ticket("A", clock=clock)
    assert calling.call_next(1, "budi", clock=clock).number == "A-001"
    at(clock, 9, 9)
    calling.finish(1, clock=clock)
    assert calling.call_next(1, "budi", clock=clock).number == "A-002"
    at(clock, 9, 10)
    calling.no_show(1, clock=clock)
    assert calling.call_next(1, "budi", clock=clock).number == "B-001"
    at(clock, 9, 12)
    calling.transfer(1, to_service="A", clock=clock)
    assert calling.call_next(2, "sari", clock=clock).number == "B-001"
    at(clock, 9, 20)
    calling.finish(2, clock=clock)
    return clock


def test_percentile_interpolates_between_ranks():
    assert percentile([(10, 1)], 50) == 10
    assert percentile([(1, 1), (2, 1), (3, 1), (4, 1)], 50) == 2.5
    assert percentile([(1, 1), (2, 1), (3, 1), (4, 1)], 90) == 3.7
    assert percentile([(5, 3), (100, 1)], 50) == 5
    assert percentile([], 50) is None
    d = reports.distribution({30: 2, 90: 1, 150: 1})
    assert d == Distribution(4, 60.0, 132.0, 75.0, 150, ((0, 2), (1, 1), (2, 1)))


def test_ticket_report_by_hand(day_of_tickets):
    r = reports.ticket_report(DAY, DAY)
    assert (r.issued, r.served, r.no_show, r.transferred) == (4, 2, 1, 1)
    assert (r.no_show_pct, r.transfer_pct) == (25.0, 25.0)
    assert r.waiting.count == 3
    assert (r.waiting.median_seconds, r.waiting.p90_seconds) == (3900, 4092.0)
    assert r.waiting.mean_seconds == 3920.0 and r.waiting.max_seconds == 4140
    assert (r.service_time.median_seconds, r.service_time.p90_seconds) == (360.0, 456.0)
    assert r.service_time.histogram == ((4, 1), (8, 1))
    assert [(h.hour, h.issued) for h in r.per_hour] == [(8, 3), (9, 1)]
    assert [(d.day, d.issued, d.served, d.no_show) for d in r.per_day] == [(DAY, 4, 2, 1)]
    a, b = r.per_service
    assert (a.code, a.issued, a.served, a.no_show, a.transferred) == ("A", 3, 1, 1, 0)
    assert (a.waiting.median_seconds, a.service_time.median_seconds) == (4020.0, 240)
    assert (b.code, b.issued, b.served, b.no_show, b.transferred) == ("B", 1, 1, 0, 1)
    assert (b.waiting.median_seconds, b.service_time.median_seconds) == (3720, 480)
    budi, sari = r.per_officer
    assert (budi.username, budi.served, budi.no_show) == ("budi", 1, 1)
    assert budi.service_time.median_seconds == 240
    assert (sari.username, sari.full_name, sari.served, sari.no_show) == (
        "sari",
        "Sari Dewi",
        1,
        0,
    )
    data = r.as_json()
    assert data["no_show_pct"] == 25.0 and data["waiting"]["p90_seconds"] == 4092.0


def test_ticket_report_per_day_period_and_service(day_of_tickets):
    clock = day_of_tickets
    nextday = DAY + dt.timedelta(days=1)
    at(clock, 10, 0, nextday)
    issue_ticket("A", clock=clock)
    at(clock, 10, 30, nextday)
    calling.call_next(2, "sari", clock=clock)  # A-001 of the next day, 1800 s wait
    at(clock, 10, 35, nextday)
    calling.finish(2, clock=clock)
    both = reports.ticket_report(DAY, nextday)
    assert [(d.day, d.issued, d.served) for d in both.per_day] == [(DAY, 4, 2), (nextday, 1, 1)]
    assert [(h.hour, h.issued) for h in both.per_hour] == [(8, 3), (9, 1), (10, 1)]
    assert both.waiting.median_seconds == 3810.0  # of 1800, 3720, 3900, 4140
    assert reports.ticket_report(nextday, nextday).issued == 1
    only_b = reports.ticket_report(DAY, nextday, "b")
    assert (only_b.service, only_b.issued, only_b.transferred) == ("B", 1, 1)
    assert [s.code for s in only_b.per_service] == ["B"]
    empty = reports.ticket_report(DAY - dt.timedelta(days=7), DAY - dt.timedelta(days=1))
    assert (empty.issued, empty.per_hour, empty.waiting.median_seconds) == (0, (), None)
    assert empty.no_show_pct == 0.0
    with pytest.raises(NotFound):
        reports.ticket_report(DAY, DAY, "Z")
    with pytest.raises(InvalidInput):
        reports.ticket_report(nextday, DAY)
    with pytest.raises(InvalidInput):
        reports.ticket_report(DAY, DAY + dt.timedelta(days=400))


def test_staffing_report_follows_the_daily_summaries(office):
    clock = office
    at(clock, 7, 30)
    staffing.sign_in(1, "budi", "1234", clock=clock)
    for _ in range(72):  # heartbeats every 50 s for an hour
        clock.advance(seconds=50)
        staffing.heartbeat(1, clock=clock)
    at(clock, 9, 0, DAY + dt.timedelta(days=1))
    staffing.check(clock=clock)
    report = reports.staffing_report(DAY, DAY, clock)
    (source,) = summaries(DAY, DAY, clock)
    (day,) = report.days
    assert (day.day, day.service_seconds, day.covered_seconds, day.coverage_pct) == (
        DAY,
        source.service_seconds,
        source.covered_seconds,
        source.coverage_pct,
    )
    assert day.gaps == len(source.gaps) >= 1
    assert day.gap_seconds == sum(source.gap_seconds_by_cause.values())
    assert 0 < day.coverage_pct < 100 and not day.signed_off
    assert report.coverage_pct == day.coverage_pct
    (officer,) = report.officers
    assert officer.username == "budi" and officer.days == 1
    assert officer.staffed_seconds == source.officers[0].staffed_seconds > 3600
    assert report.as_json()["coverage_pct"] == day.coverage_pct


def test_survey_report_per_service_and_month(office):
    clock = office
    record_response([4] * 9, "A", clock=clock)
    record_response([3] * 9, "B", clock=clock)
    at(clock, 9, 0, dt.date(2026, 12, 2))
    record_response([2] * 9, "A", clock=clock)
    r = reports.survey_report(dt.date(2026, 11, 1), dt.date(2026, 12, 31))
    assert r.overall.respondents == 3
    assert float(r.overall.result.ikm) == 75.0
    assert [(x.service, x.respondents) for x in r.per_service] == [("A", 2), ("B", 1)]
    assert [float(x.result.ikm) for x in r.per_month] == [87.5, 50.0]
    assert [x.date_from for x in r.per_month] == [dt.date(2026, 11, 1), dt.date(2026, 12, 1)]
    only_a = reports.survey_report(dt.date(2026, 11, 1), dt.date(2026, 12, 31), "A")
    assert float(only_a.overall.result.ikm) == 75.0 and len(only_a.per_service) == 1
    assert only_a.as_json()["per_month"][0]["ikm"] == 100.0


# ── exports ──────────────────────────────────────────────────────────────────────


def _blocks(text: str) -> dict[str, list[list[str]]]:
    rows = list(csv.reader(io.StringIO(text)))
    blocks: dict[str, list[list[str]]] = {}
    current = None
    for row in rows[1:]:
        if not row:
            current = None
        elif current is None:
            current = row[0]
            blocks[current] = []
        else:
            blocks[current].append(row)
    return blocks


def test_csv_parses_back(day_of_tickets):
    r = reports.ticket_report(DAY, DAY)
    seen: list[tuple[int, int]] = []
    text = report_export.to_csv(r, lambda done, total: seen.append((done, total)))
    blocks = _blocks(text)
    summary = dict(blocks["Ringkasan / Summary"][1:])
    assert summary["Tiket diambil / tickets issued"] == "4"
    assert summary["Tidak hadir % / no-show %"] == "25.0"
    per_service = blocks["Per layanan / Per service"]
    assert per_service[0][:6] == [
        "layanan/service",
        "nama/name",
        "diambil/issued",
        "dilayani/served",
        "tidak hadir/no-show",
        "dialihkan/transferred",
    ]
    assert per_service[1][:6] == ["A", "Administrasi", "3", "1", "1", "0"]
    assert blocks["Per jam pengambilan / Per hour of issue"][1:] == [["08:00", "3"], ["09:00", "1"]]
    assert seen[-1][0] == seen[-1][1] > 0


def test_xlsx_opens_with_the_numbers(day_of_tickets):
    from openpyxl import load_workbook

    r = reports.ticket_report(DAY, DAY)
    data = report_export.to_xlsx(r)
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames[:3] == ["summary", "per_service", "per_hour"]
    summary = {row[0]: row[1] for row in book["summary"].iter_rows(min_row=4, values_only=True)}
    assert summary["Tiket diambil / tickets issued"] == 4
    assert summary["Tunggu P90 (menit) / wait p90 (min)"] == 68.2
    rows = list(book["per_service"].iter_rows(min_row=4, values_only=True))
    assert rows[1][:6] == ("B", "Perizinan", 1, 1, 0, 1)
    assert isinstance(rows[0][2], int)


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_pdf_has_pages(day_of_tickets):
    r = reports.ticket_report(DAY, DAY)
    pdf = report_export.to_pdf(r, "Kecamatan Sukamaju")
    assert pdf.startswith(b"%PDF") and _pages(pdf) >= 1


def test_a_long_pdf_export_reports_progress_and_spans_pages():
    days = tuple(
        reports.StaffingDay(
            DAY + dt.timedelta(days=i),
            None,
            1,
            30600,
            30000,
            98.04,
            600,
            1,
            {"no_officer": 600},
            False,
        )
        for i in range(366)
    )
    report = reports.StaffingReport(DAY, DAY + dt.timedelta(days=365), days, ())
    seen: list[tuple[int, int]] = []
    pdf = report_export.export(report, "pdf", "Kantor", lambda d, t: seen.append((d, t)))
    assert pdf.startswith(b"%PDF") and _pages(pdf) > 5
    assert seen == [(100, 371), (200, 371), (300, 371), (371, 371)]
    text = report_export.export(report, "csv").decode()
    assert text.count("\n") > 366
    with pytest.raises(InvalidInput):
        report_export.export(report, "doc")
