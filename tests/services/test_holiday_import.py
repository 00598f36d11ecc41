"""The year's holidays loaded from a spreadsheet's CSV: all of it or, on one bad line, none."""

from __future__ import annotations

import datetime as dt

import pytest

from loket.models.errors import InvalidInput
from loket.models.staffing import hours as service_hours
from loket.models.staffing.holiday_import import import_holidays, parse_holidays
from loket.models.staffing.verify import verify_staffing_log

EXCEL_ID = (
    "\ufeffTanggal;Keterangan\r\n"
    "25/12/2026;Hari Raya Natal\r\n"
    "24-12-2026;Cuti Bersama Natal\r\n"
    "\r\n"
    "2027-01-01;Tahun Baru 2027 Masehi\r\n"
)


def test_excel_semicolons_day_first_dates_and_a_heading():
    assert parse_holidays(EXCEL_ID) == [
        (dt.date(2026, 12, 25), "Hari Raya Natal"),
        (dt.date(2026, 12, 24), "Cuti Bersama Natal"),
        (dt.date(2027, 1, 1), "Tahun Baru 2027 Masehi"),
    ]
    assert parse_holidays("2026-08-17,Hari Kemerdekaan, RI") == [
        (dt.date(2026, 8, 17), "Hari Kemerdekaan RI")  # a comma in the name is kept as words
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-12-25;Natal\n31/02/2026;Salah", "Line 2: invalid date '31/02/2026'"),
        ("2026-12-25;Natal\n2026-12-26;", "Line 2: the holiday on 2026-12-26 has no name"),
        ("2026-12-25;Natal\n25/12/2026;Natal lagi", "2026-12-25 is already on line 1"),
        ("Tanggal;Nama\n", "holds no holidays"),
        ("", "holds no holidays"),
        ("2026-12-25;" + "x" * 121, "Line 1: holiday name is too long"),
        ("\n".join(f"2026-01-01;x{i}" for i in range(401)), "too long (401 lines"),
    ],
)
def test_a_bad_line_refuses_the_whole_file_naming_the_line(text, message):
    with pytest.raises(InvalidInput, match=message.replace("(", r"\(")):
        parse_holidays(text)


def test_import_adds_new_days_keeps_known_ones_and_the_log_stays_intact(db, clock):
    service_hours.add_holiday("2026-12-25", "Natal", clock)
    result = import_holidays(parse_holidays(EXCEL_ID), clock)
    assert [h.day.isoformat() for h in result.added] == ["2026-12-24", "2027-01-01"]
    assert [(h.day.isoformat(), h.name) for h in result.already] == [("2026-12-25", "Natal")]
    assert result.text()[1] == "2 holidays added, 1 already there"
    assert [h.day.isoformat() for h in service_hours.list_holidays()] == [
        "2026-12-24",
        "2026-12-25",
        "2027-01-01",
    ]
    assert verify_staffing_log().ok  # every added day is in the staffing log's chain


def test_files_from_old_and_new_excel_are_both_read():
    from loket.models.staffing.holiday_import import decode

    assert decode("\ufeff25/12/2026;Natal".encode()) == "25/12/2026;Natal"
    assert decode("17/08/2026;Hari Kemerdekaan RI — Proklamasi".encode("cp1252")).endswith(
        "RI — Proklamasi"
    )
