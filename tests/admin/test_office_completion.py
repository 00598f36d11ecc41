"""The office page's document completion time: the working days office-wide and per
recipient unit, saved through one audited action; the next receipt's expected completion
date follows, the audit log names the change, and a bad unit list saves nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from loket.models import settings as office_settings
from loket.models.documents import receipt_actions
from loket.models.errors import PermissionDenied
from loket.models.office import admin_actions, audit
from loket.models.office.auth import Session

MONDAY = dt.date(2026, 11, 23)  # the fixture's clock: Monday 08:00


def _type(qtbot, field, text: str) -> None:
    field.clear()
    qtbot.keyClicks(field, text)


def _receipt(unit: str, clock) -> dt.date | None:
    info = receipt_actions.new_receipt("Siti Aminah", "Surat pengantar", unit, 1,
                                       channel="kiosk", clock=clock)  # fmt: skip
    return info.expected_completion


def test_saved_days_change_the_receipt_and_are_audited(log_in, open_page, qtbot, tap, clock):
    assert _receipt("Seksi Pemerintahan", clock) == dt.date(2026, 11, 30)  # 5 working days
    window = log_in("kepala")
    page = open_page(window, "office")
    assert page.completion_days.value() == 5
    assert page.unit_days.text() == ""
    page.completion_days.setValue(7)
    _type(qtbot, page.unit_days, " Seksi  Pemerintahan = 10 ; Umum=3")
    tap(page.completion_save)
    assert page.notice.text() == "Waktu penyelesaian disimpan"
    assert page.unit_days.text() == "Seksi Pemerintahan=10; Umum=3"  # read back as stored

    assert _receipt("Seksi Pemerintahan", clock) == dt.date(2026, 12, 7)  # 10 working days
    assert _receipt("umum", clock) == dt.date(2026, 11, 26)  # 3
    assert _receipt("Dukcapil", clock) == dt.date(2026, 12, 2)  # the office's 7

    audit_page = open_page(window, "audit")
    rows = [
        [audit_page.list.item(r, c).text() for c in range(audit_page.list.columnCount())]
        for r in range(audit_page.list.rowCount())
    ]
    change = next(row for row in rows if row[4] == "service_standards")
    assert change[2] == "kepala" and change[5] == "office"
    assert '"completion_days_by_unit": "Seksi Pemerintahan=10; Umum=3"' in change[6]
    assert '"completion_working_days": "7"' in change[6]


def test_a_bad_unit_list_is_said_in_one_line_and_saves_nothing(
    log_in, open_page, qtbot, tap, clock
):
    window = log_in("admin")
    page = open_page(window, "office")
    page.completion_days.setValue(9)
    _type(qtbot, page.unit_days, "Umum=tiga")
    tap(page.completion_save)
    assert page.notice.text() == (
        "completion_days_by_unit: hari kerja untuk 'Umum' harus bilangan bulat 0–365, bukan 'tiga'"
    )
    assert "\n" not in page.notice.text()
    assert page.notice.property("role") == "error"
    settings = office_settings.load_settings()
    assert (settings.completion_working_days, settings.completion_days_by_unit) == (5, "")
    assert not audit.list_audit(action="service_standards")
    assert _receipt("Umum", clock) == dt.date(2026, 11, 30)

    _type(qtbot, page.unit_days, "Seksi Pemerintahan")
    tap(page.completion_save)
    assert page.notice.text().startswith("completion_days_by_unit: tulis UNIT=HARI")


def test_a_staff_account_is_refused_before_anything_is_judged(office, clock):
    session = Session("budi", "Budi Santoso", "staff", clock.now() + dt.timedelta(hours=8))
    with pytest.raises(PermissionDenied):
        admin_actions.set_service_standards(session, completion_days_by_unit="x", clock=clock)
    assert office_settings.load_settings().completion_days_by_unit == ""
    denied = audit.list_audit(action="denied")
    assert [(e.actor, e.target) for e in denied] == [("budi", "service_standards office")]
