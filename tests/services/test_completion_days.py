"""The expected completion date on every document receipt: the office's default in
working days, per-unit figures, the officer's own figure, weekends and the office's
holidays skipped; bad settings refused with one line in each language."""

from __future__ import annotations

import datetime as dt

import pytest

from loket.models.documents import receipt_actions
from loket.models.errors import InvalidInput
from loket.models.office.staff import add_staff
from loket.models.printouts.paper import receipt_layout
from loket.models.settings import load_settings, update_settings
from loket.models.staffing.hours import add_holiday

# The test clock stands on Monday 23 November 2026, 08:00 WIB.
MONDAY = dt.date(2026, 11, 23)


def _receipt(clock, unit: str = "Seksi Pemerintahan", **extra):
    return receipt_actions.new_receipt(
        "Siti Aminah", "Permohonan surat keterangan domisili", unit, 3, clock=clock, **extra
    )


def test_a_receipt_without_days_shows_the_office_default(db, clock, loket):
    assert load_settings().completion_working_days == 5
    made = _receipt(clock)
    # Five working days after Monday 23 November: Monday 30 November (the weekend skipped).
    assert made.expected_completion == dt.date(2026, 11, 30)
    assert made.as_json(load_settings().zone)["expected_completion"] == "2026-11-30"
    assert receipt_layout(made).expected_completion == dt.date(2026, 11, 30)
    shown = loket("receipt", "show", made.number)
    assert shown.code == 0, shown.err
    assert any("Expected" in line and "2026-11-30" in line for line in shown.out.splitlines())
    # A counter receipt with the days field left empty gets the same date.
    add_staff("budi", "Budi Santoso", "staff", "1234")
    counter = _receipt(clock, officer="budi", working_days="")
    assert counter.expected_completion == dt.date(2026, 11, 30)


def test_the_office_default_is_a_setting(db, clock):
    update_settings(completion_working_days="10")
    assert _receipt(clock).expected_completion == dt.date(2026, 12, 7)
    update_settings(completion_working_days="0")  # done the same day
    assert _receipt(clock).expected_completion == MONDAY


def test_a_unit_figure_wins_over_the_default_and_the_officer_over_both(db, clock):
    update_settings(completion_days_by_unit="Seksi Pemerintahan=2; Bidang Perizinan=14")
    # Names match whatever the case and spacing the visitor typed.
    assert _receipt(clock, "  seksi   PEMERINTAHAN ").expected_completion == dt.date(2026, 11, 25)
    assert _receipt(clock, "Bidang Perizinan").expected_completion == dt.date(2026, 12, 11)
    assert _receipt(clock, "Umum").expected_completion == dt.date(2026, 11, 30)  # the default
    assert _receipt(clock, working_days=1).expected_completion == dt.date(2026, 11, 24)
    assert _receipt(clock, "Umum", working_days="3").expected_completion == dt.date(2026, 11, 26)


def test_holidays_in_the_span_push_the_date(db, clock):
    add_holiday(dt.date(2026, 11, 25), "Hari libur daerah", clock)
    add_holiday(dt.date(2026, 11, 28), "Hari libur di hari Sabtu", clock)  # a weekend anyway
    add_holiday(dt.date(2026, 11, 20), "Hari libur yang sudah lewat", clock)
    # Tue 24, (Wed 25 holiday), Thu 26, Fri 27, Mon 30, Tue 1 December.
    assert _receipt(clock).expected_completion == dt.date(2026, 12, 1)
    assert _receipt(clock, working_days=2).expected_completion == dt.date(2026, 11, 26)
    # Wednesday 23 December, one working day: Christmas Eve (cuti bersama), Christmas and
    # the weekend pass first.
    add_holiday(dt.date(2026, 12, 24), "Cuti bersama Natal", clock)
    add_holiday(dt.date(2026, 12, 25), "Hari Raya Natal", clock)
    clock.set(dt.datetime(2026, 12, 23, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))))
    assert _receipt(clock, working_days=1).expected_completion == dt.date(2026, 12, 28)


def test_the_stored_unit_list_is_tidied(db):
    update_settings(completion_days_by_unit=" Seksi  Pemerintahan = 10 ;\nUmum=3;; ")
    assert load_settings().completion_days_by_unit == "Seksi Pemerintahan=10; Umum=3"
    assert load_settings().completion_days("UMUM") == 3
    update_settings(completion_days_by_unit="")
    assert load_settings().completion_days("Umum") == 5
    update_settings(completion_working_days="007")
    assert load_settings().completion_working_days == 7


@pytest.mark.parametrize(
    "key, value, words",
    [
        ("completion_working_days", "-1", "must be a whole number 0–365, not '-1'"),
        ("completion_working_days", "366", "must be a whole number 0–365, not '366'"),
        ("completion_working_days", "lima", "must be a whole number 0–365, not 'lima'"),
        ("completion_working_days", "2.5", "must be a whole number 0–365"),
        ("completion_working_days", "", "must be a whole number 0–365"),
        ("completion_days_by_unit", "Seksi Pemerintahan", "write UNIT=DAYS, not 'Seksi"),
        ("completion_days_by_unit", "=3", "write UNIT=DAYS"),
        ("completion_days_by_unit", "Umum=-2", "for 'Umum' must be a whole number 0–365"),
        ("completion_days_by_unit", "Umum=400", "not '400'"),
        ("completion_days_by_unit", "Umum=tiga", "not 'tiga'"),
        ("completion_days_by_unit", "Umum=3; UMUM=4", "unit 'UMUM' is listed twice"),
        ("completion_days_by_unit", "x" * 121 + "=3", "unit name too long"),
    ],
)
def test_bad_values_are_refused_in_one_line_each_language(db, key, value, words):
    with pytest.raises(InvalidInput) as refused:
        update_settings(**{key: value})
    error = refused.value
    assert words in error.message_en
    assert key in error.message_id and error.message_id != error.message_en
    assert "\n" not in error.message_id and "\n" not in error.message_en
    # Nothing was stored: receipts keep the default.
    assert load_settings().completion_working_days == 5
    assert load_settings().completion_days_by_unit == ""


@pytest.mark.parametrize("days", [-1, 366, "lima"])
def test_a_bad_figure_from_the_officer_is_refused(db, clock, days):
    with pytest.raises(InvalidInput) as refused:
        _receipt(clock, working_days=days)
    assert "Completion time (working days) must be a whole number 0–365" in (
        refused.value.message_en
    )
    assert "Lama penyelesaian (hari kerja)" in refused.value.message_id
