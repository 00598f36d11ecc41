"""`loket staffing`, `loket hours` and `loket holiday` as an installer or officer uses them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from helpers.pdf_text import pdf_text

from loket.models.db import database
from loket.models.office import catalog, staff
from loket.models.staffing.hours import set_hours

HEAD_PASSWORD = "rahasia-kepala"


def _office_today() -> dt.date:
    """Today in the office's zone (WIB): the machine's own date differs after 17:00 UTC."""
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date()


def _ok(result):
    assert result.code == 0, result.err
    return result


def _refused(result, *words):
    assert result.code != 0
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def office(loket):
    """Two front-desk counters open around the clock, so real time is service time."""
    catalog.add_service("A", "Administrasi", "Administration")
    catalog.add_counter(1, "A", front_desk=True)
    catalog.add_counter(2, "A", front_desk=True)
    staff.add_staff("ani", "Ani Lestari", "staff", "1111")
    staff.add_staff("budi", "Budi Santoso", "staff", "2222")
    staff.add_staff("kepala", "Ibu Kepala", "head", "9999", password=HEAD_PASSWORD)
    set_hours("front_desk", "1234567", hours="00:00-24:00", break_window="")

    def run(*args: str, pin: str = "", password: str = "", head: bool = False):
        """PINs and passwords as a script gives them (LOKET_PIN, LOKET_PASSWORD); ``head``:
        a set-up change, made as the head (--as)."""
        if head:
            args, password = (*args, "--as", "kepala"), HEAD_PASSWORD
        return loket(*args, env={"LOKET_PIN": pin, "LOKET_PASSWORD": password})

    return run


def test_break_refused_then_authorised_gap_then_handover(office):
    signed = _ok(
        office("staffing", "sign-in", "--counter", "1", "--staff", "ani", "--json", pin="1111")
    )
    assert signed.json()["status"] == "staffed" and signed.json()["officer"] == "ani"
    _refused(office("staffing", "sign-in", "--counter", "2", "--staff", "budi", pin="0000"), "PIN")

    line = _refused(
        office("staffing", "break", "--counter", "1", pin="1111"), "ditolak", "refused", "handover"
    )
    assert "loket depan" in line and "front desk" in line
    _refused(office("staffing", "sign-out", "--counter", "1", pin="1111"), "ditolak", "refused")
    _refused(
        office("staffing", "break", "--counter", "1", "--reason", "rapat", pin="1111"),
        "rujukan",
        "reference",
    )
    _refused(
        office(
            "staffing", "break", "--counter", "1", "--reason", "piknik", "--ref", "1", pin="1111"
        ),
        "piknik",
    )

    _ok(
        office(
            "staffing", "break", "--counter", "1", "--reason", "rapat_diklat", "--ref", "UND-7",
            pin="1111",
        )
    )  # fmt: skip
    status = _ok(office("staffing", "status", "--json")).json()
    desk = status["front_desk"]
    assert desk["covered"] is False and desk["in_service_hours"] is True
    assert (desk["gap_cause"], desk["gap_reason"], desk["gap_reference"]) == (
        "authorised",
        "rapat_diklat",
        "UND-7",
    )
    assert status["counters"][0]["on_break"] is True
    text = _ok(office("staffing", "status")).out
    assert "Loket depan kosong" in text and "Front desk unstaffed" in text

    _ok(office("staffing", "resume", "--counter", "1", pin="1111"))
    handed = _ok(
        office("staffing", "handover", "--counter", "1", "--to", "budi", "--json", pin="2222")
    )
    assert handed.json()["officer"] == "budi"
    assert _ok(office("staffing", "status", "--json")).json()["front_desk"]["covered"] is True

    log = _ok(office("staffing", "log", "--json")).json()
    kinds = [row["kind"] for row in log]
    assert kinds[:2] == ["config", "sign_in"]
    assert {"break", "resume", "handover", "gap_open", "gap_close"} <= set(kinds)
    assert "handover" in _ok(office("staffing", "log")).out
    assert "utuh" in _ok(office("staffing", "verify")).out


def test_heartbeat_and_sign_out_need_a_signed_in_counter(office):
    _refused(office("staffing", "heartbeat", "--counter", "1"), "sign in")
    _refused(office("staffing", "resume", "--counter", "1"), "break")
    _refused(office("staffing", "sign-in", "--counter", "9", "--staff", "ani", pin="1111"), "9")


def test_verify_names_a_row_edited_with_raw_sql(office):
    _ok(office("staffing", "sign-in", "--counter", "1", "--staff", "ani", pin="1111"))
    _ok(office("staffing", "sign-in", "--counter", "2", "--staff", "budi", pin="2222"))
    _ok(office("staffing", "sign-out", "--counter", "2", pin="2222"))
    database.obj.execute_sql("UPDATE staffing_event SET officer_id = NULL WHERE kind = 'sign_out'")
    result = office("staffing", "verify")
    line = _refused(result, "LOG RUSAK", "LOG BROKEN", "sign_out")
    assert "diubah" in line
    assert office("staffing", "verify", "--json").json()["problem"]["reason"] == "edited"


def test_reports_in_json_csv_and_pdf(office, tmp_path):
    yesterday = (_office_today() - dt.timedelta(days=1)).isoformat()
    today = _office_today().isoformat()
    _ok(office("staffing", "sign-in", "--counter", "1", "--staff", "ani", pin="1111"))
    days = _ok(office("staffing", "report", "--from", yesterday, "--to", today)).json()
    assert [d["day"] for d in days] == [yesterday, today]
    # Yesterday came before the office's first staffing entry: not recorded, not a gap.
    assert days[0]["not_recorded"] and days[0]["gaps"] == []
    assert days[0]["unrecorded_seconds"] in (86400, 82800, 90000)  # a whole day (DST-free)
    assert days[0]["coverage_pct"] is None
    assert days[1]["not_recorded"] is False

    rows = list(
        csv.DictReader(
            io.StringIO(
                _ok(
                    office(
                        "staffing",
                        "report",
                        "--from",
                        yesterday,
                        "--to",
                        yesterday,
                        "--format",
                        "csv",
                    )
                ).out
            )
        )
    )
    assert {r["row"] for r in rows} == {"front_desk", "counter"}  # no gap rows
    assert rows[0]["subject"] == "not_recorded" and rows[0]["coverage_pct"] == ""
    assert all(r["coverage_pct"] == "" for r in rows)

    target = tmp_path / "staffing.pdf"
    _ok(
        office(
            "staffing",
            "report",
            "--from",
            yesterday,
            "--to",
            today,
            "--format",
            "pdf",
            "--output",
            str(target),
        )
    )
    printed = pdf_text(target)
    assert "Laporan penjagaan loket / Staffing report" in printed
    assert f"{yesterday} – {today}" in printed
    # yesterday came before the first staffing entry: said so, with no gap and no share
    yesterday_part = printed[printed.index(f"{yesterday} (") : printed.index(f"{today} (")]
    assert "Tidak tercatat" in yesterday_part and "not recorded" in yesterday_part
    assert "kekosongan/gaps" not in yesterday_part and "nobody signed in" not in yesterday_part
    # today ani signed in at counter 1: she has her own row, with her service and staffed time
    today_part = printed[printed.index(f"{today} (") :]
    assert re.search(r"Ani Lestari \d+:\d\d:\d\d \d+:\d\d:\d\d [\d.]+ 0:00:00 loket 1", today_part)
    _refused(office("staffing", "report", "--from", today, "--to", yesterday), "before")
    _refused(office("staffing", "report", "--from", "kemarin", "--to", today), "kemarin")


def test_head_signs_off_a_day(office):
    yesterday = (_office_today() - dt.timedelta(days=1)).isoformat()
    today = _office_today().isoformat()
    _refused(
        office("staffing", "sign-off", "--day", yesterday, "--staff", "ani", password="x"),
        "salah",
    )
    _refused(
        office(
            "staffing",
            "sign-off",
            "--day",
            today,
            "--staff",
            "kepala",
            password=HEAD_PASSWORD,
        ),
        "belum selesai",
    )
    signed = _ok(
        office(
            "staffing",
            "sign-off",
            "--day",
            yesterday,
            "--staff",
            "kepala",
            "--json",
            password=HEAD_PASSWORD,
        )
    )
    assert signed.json()["sign_off"]["by"] == "kepala"
    assert signed.json()["sign_off"]["changed_after"] is False
    seal = signed.json()["seal"]
    assert re.fullmatch(r"[0-9A-F]{4}(-[0-9A-F]{4}){3}", seal["code"])
    assert seal["day"] == yesterday and set(seal["chains"]) == {
        "staffing",
        "receipt_event",
        "admin_audit",
    }
    (day,) = _ok(
        office("staffing", "report", "--from", yesterday, "--to", yesterday, "--format", "json")
    ).json()
    assert day["seal"]["code"] == seal["code"]


def test_hours_and_holidays(office):
    shown = _ok(office("hours", "show", "--json")).json()
    assert shown["other"][0] == {
        "weekday": 1,
        "open_minute": 450,
        "close_minute": 960,
        "break_start": 720,
        "break_end": 780,
        "open_through_break": False,
    }
    assert shown["other"][4]["close_minute"] == 990 and shown["other"][5]["close_minute"] == 0
    _ok(
        office(
            "hours", "set", "--group", "other", "--days", "6", "--hours", "08:00-12:00", head=True
        )
    )
    assert _ok(office("hours", "show", "--json")).json()["other"][5]["open_minute"] == 480
    assert (
        "Ramadan"
        in _ok(
            office("hours", "ramadan", "--from", "2027-02-08", "--to", "2027-03-09", head=True)
        ).out
    )
    ramadan = _ok(office("hours", "show", "--schedule", "ramadan", "--json")).json()
    assert ramadan["other"][0]["open_minute"] == 480 and ramadan["ramadan"] == [
        ["2027-02-08", "2027-03-09"]
    ]
    _refused(
        office(
            "hours", "set", "--group", "kantin", "--days", "1", "--hours", "08:00-12:00", head=True
        ),
        "kantin",
    )
    _refused(
        office(
            "hours",
            "set",
            "--group",
            "other",
            "--days",
            "1",
            "--hours",
            "08:00-12:00",
            "--break",
            "13:00-14:00",
            head=True,
        ),
        "break",
    )

    _ok(office("holiday", "add", "2026-12-25", "--name", "Hari Raya Natal", head=True))
    _refused(office("holiday", "add", "2026-12-25", "--name", "Natal", head=True), "already")
    assert _ok(office("holiday", "list", "--json")).json() == [
        {"day": "2026-12-25", "name": "Hari Raya Natal"}
    ]
    _ok(office("holiday", "remove", "2026-12-25", head=True))
    _refused(office("holiday", "remove", "2026-12-25", head=True), "not a holiday")
    assert "utuh" in _ok(office("staffing", "verify")).out


def test_escalation_delay_and_reason_codes(office):
    assert _ok(office("staffing", "escalation", "--json")).json() == {"escalation_minutes": 10}
    assert _ok(office("staffing", "escalation", "--minutes", "3", "--json", head=True)).json() == {
        "escalation_minutes": 3
    }
    _refused(office("staffing", "escalation", "--minutes", "0", head=True), "1")
    codes = [r["code"] for r in _ok(office("staffing", "reasons", "--json")).json()]
    assert "dinas_luar" in codes and "tanpa_keterangan" in codes and len(codes) == 11


def test_watch_repeats_the_check_and_refuses_a_silly_interval(office, db, tmp_path):
    import os
    import subprocess
    import sys

    for silly in ("-1", "0.1", "nan", "abc"):
        result = office("staffing", "check", "--watch", silly)
        assert result.code == 2 and "Traceback" not in result.err
        assert "seconds between 0.5 and 86400" in result.err
    env = dict(os.environ, LOKET_DATA_DIR=str(tmp_path / "watch"), LOKET_DB=db)
    watcher = subprocess.Popen(
        [sys.executable, "-m", "loket.models.cli", "staffing", "check", "--watch", "0.5", "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert watcher.stdout is not None
        reports = [watcher.stdout.readline() for _ in range(2)]  # the JSON is one line each
    finally:
        watcher.kill()
        watcher.wait(10)
    assert all('"front_desk"' in line for line in reports), reports


def test_holiday_import_from_a_csv(office, tmp_path):
    sheet = tmp_path / "libur.csv"
    sheet.write_bytes("Tanggal;Keterangan\n25/12/2026;Hari Raya Natal\n".encode("cp1252"))
    loaded = _ok(office("holiday", "import", str(sheet), "--json", head=True)).json()
    assert loaded == {"added": ["2026-12-25"], "already": []}
    again = _ok(office("holiday", "import", str(sheet), head=True))
    assert "0 holidays added, 1 already there" in again.out
    sheet.write_text("2027-01-01;Tahun Baru\n2027-02-30;Salah\n", "utf-8")
    _refused(office("holiday", "import", str(sheet), head=True), "Baris 2", "Line 2")
    _refused(
        office("holiday", "import", str(tmp_path / "none.csv"), head=True),
        "No such file",
        "Berkas tidak ada",
    )
    days = _ok(office("holiday", "list", "--json")).json()
    assert [d["day"] for d in days] == ["2026-12-25"]
