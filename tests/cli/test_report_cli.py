"""`loket report` and `loket audit` as an admin or a script uses them."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from helpers.pdf_text import pdf_text

from loket.models import rawsql
from loket.models.feedback.surveys import record_response
from loket.models.office import auth
from loket.models.queue import calling
from loket.models.queue.tickets import issue_ticket
from loket.models.staffing import hours_actions

DAY = "2026-11-23"
WIB = dt.timezone(dt.timedelta(hours=7))


def _ok(result):
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return result


def _refused(result, *words: str) -> str:
    assert result.code != 0
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def office(loket, clock):
    """The demo office (services open around the clock) with three tickets on DAY:
    A-001 waits 10 min and is served 5 min, A-002 waits 20 min and is a no-show,
    A-003 still waits; one survey response."""
    _ok(loket("demo"))  # officers siti and budi, admin, head kepala (password kepala-loket)
    clock.set(dt.datetime(2026, 11, 23, 8, 0, tzinfo=WIB))
    for _ in range(3):
        issue_ticket("A", clock=clock)
    clock.advance(minutes=10)
    calling.call_next(1, "budi", clock=clock)
    clock.advance(minutes=5)
    calling.finish(1, clock=clock)
    clock.advance(minutes=5)
    calling.call_next(1, "budi", clock=clock)
    calling.no_show(1, clock=clock)
    record_response([4, 4, 4, 4, 4, 4, 4, 4, 3], "A", clock=clock)
    return loket


def test_ticket_report_json(office):
    data = _ok(office("report", "tickets", "--from", DAY, "--to", DAY, "--format", "json")).json()
    assert (data["issued"], data["served"], data["no_show"]) == (3, 1, 1)
    assert data["no_show_pct"] == 33.33
    assert data["waiting"]["median_seconds"] == 900.0  # of 600 and 1200
    assert data["service_time"]["median_seconds"] == 300
    assert data["per_officer"][0]["username"] == "budi"
    only = _ok(office("report", "tickets", "--from", DAY, "--to", DAY, "--service", "B")).json()
    assert only["issued"] == 0


def test_ticket_report_csv_to_stdout_parses(office):
    out = _ok(office("report", "tickets", "--from", DAY, "--to", DAY, "--format", "csv")).out
    rows = list(csv.reader(io.StringIO(out)))
    assert ["Tiket diambil / tickets issued", "3"] in rows
    assert ["08:00", "3"] in rows


def test_exports_to_files(office, tmp_path):
    from openpyxl import load_workbook

    xlsx = tmp_path / "laporan.xlsx"
    result = _ok(
        office("report", "tickets", "--from", DAY, "--to", DAY, "--format", "xlsx",
               "--output", str(xlsx), "--json")
    ).json()  # fmt: skip
    assert result["output"] == str(xlsx) and result["issued"] == 3
    book = load_workbook(xlsx)
    summary = {r[0]: r[1] for r in book["summary"].iter_rows(min_row=4, values_only=True)}
    assert summary["Dilayani / served"] == 1
    pdf = tmp_path / "laporan.pdf"
    text = _ok(
        office("report", "survey", "--from", DAY, "--to", DAY, "--format", "pdf",
               "--output", str(pdf))
    ).out  # fmt: skip
    assert str(pdf) in text and "IKM" in text
    printed = pdf_text(pdf)
    assert "Laporan Survei Kepuasan Masyarakat / Public satisfaction survey report" in printed
    # the overall IKM of the one response, its quality grade, respondents, the weakest element
    assert "2026-11-23 – 2026-11-23 97.22 A 1 1 ya/yes pengaduan" in printed
    assert "Penanganan Pengaduan, Saran dan Masukan 1 3.00" in printed
    assert "A Administrasi Kependudukan 97.22 A 1 1 ya/yes" in printed
    assert "2026-11 97.22 A 1 1 ya/yes" in printed
    tickets_pdf = tmp_path / "antrian.pdf"
    _ok(office("report", "tickets", "--from", DAY, "--to", DAY, "--format", "pdf",
               "--output", str(tickets_pdf)))  # fmt: skip
    printed = pdf_text(tickets_pdf)
    assert "Laporan Antrian / Ticket report" in printed
    assert "Tiket diambil / tickets issued 3" in printed
    assert "Dilayani / served 1" in printed and "Tidak hadir % / no-show % 33.33" in printed
    assert "Tunggu median (menit) / wait median (min) 15.00" in printed
    assert "08:00 3" in printed
    staffing = tmp_path / "staffing.csv"
    _ok(office("report", "staffing", "--from", DAY, "--to", DAY, "--format", "csv",
               "--output", str(staffing)))  # fmt: skip
    assert "Per hari / Per day" in staffing.read_text()


def test_survey_and_staffing_json(office):
    survey = _ok(office("report", "survey", "--from", DAY, "--to", DAY)).json()
    assert survey["overall"]["respondents"] == 1
    assert survey["overall"]["ikm"] == 97.22
    assert [m["from"] for m in survey["per_month"]] == [DAY]
    # The CLI runs on the real clock: summaries stop at today.
    past = (dt.datetime.now(WIB).date() - dt.timedelta(days=2)).isoformat()
    staffing = _ok(office("report", "staffing", "--from", past, "--to", past)).json()
    assert [d["day"] for d in staffing["days"]] == [past]
    assert staffing["days"][0]["covered_seconds"] == 0


def test_report_refusals_are_one_line(office):
    _refused(office("report", "tickets", "--service", "Z"), "Z")
    _refused(office("report", "tickets", "--from", "23-11-2026"), "--from", "2026-01-31")
    _refused(office("report", "tickets", "--from", DAY, "--to", "2026-11-01"), "2026-11-01")
    _refused(office("report", "survey", "--from", "2025-01-01", "--to", DAY), "366")
    bad = office("report", "tickets", "--format", "doc")
    assert bad.code == 2 and "Traceback" not in bad.err


def test_audit_list_and_verify(office, clock):
    head = auth.login("kepala", "kepala-loket", clock)
    hours_actions.add_holiday(head, "2026-12-25", "Natal", clock=clock)
    entries = _ok(office("audit", "list", "--json")).json()
    assert [(e["action"], e["target"]) for e in entries] == [
        ("holiday_add", "2026-12-25"),
        ("login", "kepala"),
    ]
    assert entries[0]["detail"] == {"name": "Natal"}
    text = _ok(office("audit", "list", "--action", "login")).out
    assert "kepala (head)" in text and "holiday_add" not in text
    assert "2 entri" in _ok(office("audit", "verify")).out
    rawsql.execute("UPDATE audit_entry SET target = '2026-12-26' WHERE seq = 2")
    line = _refused(office("audit", "verify"), "#2", "BROKEN")
    assert "holiday_add" in line
    assert _refused(office("audit", "verify", "--json"), "#2")
    _refused(office("audit", "list", "--limit", "0"), "1–")
