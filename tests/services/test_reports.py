"""Reports against hand-computed figures, and their CSV, XLSX and PDF exports."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from helpers.pdf_text import pdf_pages, pdf_text

from loket.models.errors import InvalidInput, NotFound
from loket.models.feedback.surveys import record_response
from loket.models.office import catalog, staff
from loket.models.queue import calling
from loket.models.queue.tickets import issue_ticket
from loket.models.reports import export as report_export
from loket.models.reports.distributions import Distribution, distribution, percentile
from loket.models.reports.staffing_report import StaffingDay, StaffingReport, staffing_report
from loket.models.reports.survey_report import survey_report
from loket.models.reports.ticket_report import ticket_report
from loket.models.staffing import counter_actions as staffing
from loket.models.staffing.summaries import summaries

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
    d = distribution({30: 2, 90: 1, 150: 1})
    assert d == Distribution(4, 60.0, 132.0, 75.0, 150, ((0, 2), (1, 1), (2, 1)))


def test_ticket_report_by_hand(day_of_tickets):
    r = ticket_report(DAY, DAY)
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
    both = ticket_report(DAY, nextday)
    assert [(d.day, d.issued, d.served) for d in both.per_day] == [(DAY, 4, 2), (nextday, 1, 1)]
    assert [(h.hour, h.issued) for h in both.per_hour] == [(8, 3), (9, 1), (10, 1)]
    assert both.waiting.median_seconds == 3810.0  # of 1800, 3720, 3900, 4140
    assert ticket_report(nextday, nextday).issued == 1
    only_b = ticket_report(DAY, nextday, "b")
    assert (only_b.service, only_b.issued, only_b.transferred) == ("B", 1, 1)
    assert [s.code for s in only_b.per_service] == ["B"]
    empty = ticket_report(DAY - dt.timedelta(days=7), DAY - dt.timedelta(days=1))
    assert (empty.issued, empty.per_hour, empty.waiting.median_seconds) == (0, (), None)
    assert empty.no_show_pct == 0.0
    with pytest.raises(NotFound):
        ticket_report(DAY, DAY, "Z")
    with pytest.raises(InvalidInput):
        ticket_report(nextday, DAY)
    with pytest.raises(InvalidInput):
        ticket_report(DAY, DAY + dt.timedelta(days=400))


def test_staffing_report_follows_the_daily_summaries(office):
    clock = office
    at(clock, 7, 30)
    staffing.sign_in(1, "budi", "1234", clock=clock)
    for _ in range(72):  # heartbeats every 50 s for an hour
        clock.advance(seconds=50)
        staffing.heartbeat(1, clock=clock)
    at(clock, 9, 0, DAY + dt.timedelta(days=1))
    staffing.check(clock=clock)
    report = staffing_report(DAY, DAY, clock)
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
    r = survey_report(dt.date(2026, 11, 1), dt.date(2026, 12, 31))
    assert r.overall.respondents == 3
    assert float(r.overall.result.ikm) == 75.0
    assert [(x.service, x.respondents) for x in r.per_service] == [("A", 2), ("B", 1)]
    assert [float(x.result.ikm) for x in r.per_month] == [87.5, 50.0]
    assert [x.date_from for x in r.per_month] == [dt.date(2026, 11, 1), dt.date(2026, 12, 1)]
    only_a = survey_report(dt.date(2026, 11, 1), dt.date(2026, 12, 31), "A")
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
    r = ticket_report(DAY, DAY)
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

    r = ticket_report(DAY, DAY)
    data = report_export.to_xlsx(r)
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames[:3] == ["summary", "per_service", "per_hour"]
    summary = {row[0]: row[1] for row in book["summary"].iter_rows(min_row=4, values_only=True)}
    assert summary["Tiket diambil / tickets issued"] == 4
    assert summary["Tunggu P90 (menit) / wait p90 (min)"] == 68.2
    rows = list(book["per_service"].iter_rows(min_row=4, values_only=True))
    assert rows[1][:6] == ("B", "Perizinan", 1, 1, 0, 1)
    assert isinstance(rows[0][2], int)


def test_pdf_shows_the_titles_totals_and_rows(day_of_tickets):
    r = ticket_report(DAY, DAY)
    pages = pdf_pages(report_export.to_pdf(r, "Kecamatan Sukamaju"))
    text = " ".join(pages)
    for line in (
        "Laporan Antrian / Ticket report",
        "Kecamatan Sukamaju · 2026-11-23 – 2026-11-23",
        # the summary, each figure beside its measure
        "Tiket diambil / tickets issued 4",
        "Dilayani / served 2",
        "Tidak hadir / no-show 1",
        "Tidak hadir % / no-show % 25.00",
        "Dialihkan / transferred 1",
        "Tunggu median (menit) / wait median (min) 65.00",
        "Tunggu P90 (menit) / wait p90 (min) 68.20",
        "Layanan median (menit) / service median (min) 6.00",
        # one row per service: issued, served, no-show, transferred, then the minutes
        "Per layanan / Per service",
        "A Administrasi 3 1 1 0 2 67.00 68.60 67.00 1 4.00 4.00 4.00",
        "B Perizinan 1 1 0 1 1 62.00 62.00 62.00 1 8.00 8.00 8.00",
        "Per jam pengambilan / Per hour of issue",
        "08:00 3 09:00 1",
        "2026-11-23 4 2 1",
        "Per petugas / Per officer",
        "budi Budi Santoso 1 1 1 4.00 4.00 4.00",
        "sari Sari Dewi 1 0 1 8.00 8.00 8.00",
        "Sebaran waktu tunggu / Waiting time distribution",
        "62–63 1 65–66 1 69–70 1",
    ):
        assert line in text, line
    assert [f"Halaman/page {n}" in page for n, page in enumerate(pages, 1)] == [True] * len(pages)


def test_staffing_and_survey_pdfs_show_their_figures(office):
    clock = office
    at(clock, 7, 30)
    staffing.sign_in(1, "budi", "1234", clock=clock)
    for _ in range(72):  # heartbeats every 50 s for an hour
        clock.advance(seconds=50)
        staffing.heartbeat(1, clock=clock)
    record_response([4] * 9, "A", clock=clock)
    record_response([3] * 9, "B", clock=clock)
    at(clock, 9, 0, DAY + dt.timedelta(days=1))
    staffing.check(clock=clock)
    report = staffing_report(DAY, DAY, clock)
    (day,) = report.days
    text = pdf_text(report_export.to_pdf(report, "Kantor"))
    assert "Laporan Penjagaan Loket / Staffing report" in text
    assert "Kantor · 2026-11-23 – 2026-11-23" in text
    assert f"Cakupan % / coverage % {day.coverage_pct:.2f}" in text
    assert f"Kekosongan / gaps {day.gaps}" in text
    service_h, covered_h = day.service_seconds / 3600, day.covered_seconds / 3600
    assert f"2026-11-23 1 {service_h:.2f} {covered_h:.2f} {day.coverage_pct:.2f}" in text
    (officer,) = report.officers
    assert f"budi Budi Santoso 1 {officer.staffed_seconds / 3600:.2f}" in text

    survey = survey_report(DAY, DAY)
    text = pdf_text(report_export.to_pdf(survey, "Kantor"))
    assert "Laporan Survei Kepuasan Masyarakat / Public satisfaction survey report" in text
    assert "Kantor · 2026-11-23 – 2026-11-23" in text
    ikm = {x.service: float(x.result.ikm) for x in survey.per_service}
    assert ikm == {"A": 100.0, "B": 75.0}
    assert f"2026-11-23 – 2026-11-23 {float(survey.overall.result.ikm):.2f}" in text
    assert "A Administrasi 100.00" in text and "B Perizinan 75.00" in text


def test_a_long_pdf_export_reports_progress_and_spans_pages():
    days = tuple(
        StaffingDay(
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
    report = StaffingReport(DAY, DAY + dt.timedelta(days=365), days, ())
    seen: list[tuple[int, int]] = []
    pdf = report_export.export(report, "pdf", "Kantor", lambda d, t: seen.append((d, t)))
    pages = pdf_pages(pdf)
    assert len(pages) > 5
    assert "Laporan Penjagaan Loket / Staffing report" in pages[0]
    assert "Kantor · 2026-11-23 – 2027-11-23" in pages[0]
    # every day's row, 8.50 h of service and 8.33 covered, is there: the first and the last
    assert "Hari / days 366" in pages[0]
    assert "2026-11-23 1 8.50 8.33 98.04 10.00 1 belum/no" in pages[0]
    assert "2027-11-23 1 8.50 8.33 98.04 10.00 1 belum/no" in " ".join(pages[1:])
    assert sum(page.count(" 1 8.50 8.33 98.04 10.00 1 belum/no") for page in pages) == 366
    assert f"Halaman/page {len(pages)}" in pages[-1]
    assert seen == [(100, 371), (200, 371), (300, 371), (371, 371)]
    text = report_export.export(report, "csv").decode()
    assert text.count("\n") > 366
    with pytest.raises(InvalidInput):
        report_export.export(report, "doc")
