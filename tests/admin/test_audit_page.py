"""The audit-log page (list, filters, integrity check; head and admin only) and the seal
code the head sees when signing a day off."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers.stubs import JAKARTA

from loket.admin.console.parts import set_date
from loket.models.db import database
from loket.models.errors import PermissionDenied
from loket.models.integrity import seals as chain_seals
from loket.models.office import admin_actions, audit, audit_review, auth
from loket.models.staffing import counter_actions as staffing

MONDAY = dt.date(2026, 11, 23)


def _column(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def _seed(clock) -> None:
    """Last Friday the admin added a service; this morning the head edited a counter."""
    friday = dt.datetime(2026, 11, 20, 10, 0, tzinfo=JAKARTA)
    audit.append_entry("admin", "admin", "service_add", "C", {"name": "Pajak"}, friday)
    audit.append_entry(
        "kepala", "head", "counter_edit", "loket 2", {"services": "A,B"}, clock.now()
    )


def test_head_lists_newest_first_and_filters(log_in, open_page, tap, clock):
    _seed(clock)
    window = log_in("kepala")  # the login itself is an audit entry too
    page = open_page(window, "audit")
    set_date(page.date_from, dt.date(2026, 11, 16))
    tap(page.show_button)
    seqs = [int(s) for s in _column(page.list, 0)]
    assert seqs == sorted(seqs, reverse=True) and len(seqs) >= 3
    actions = _column(page.list, 4)
    assert actions[-1] == "service_add" and "counter_edit" in actions
    assert _column(page.list, 1)[-1] == "2026-11-20 10:00:00"  # office time, WIB
    assert page.list.item(page.list.rowCount() - 1, 3).text() == "admin"
    assert '"name": "Pajak"' in page.list.item(page.list.rowCount() - 1, 6).text()

    page.choose(actor="admin")
    assert _column(page.list, 2) == ["admin"]
    page.choose(action="counter_edit")
    assert _column(page.list, 4) == ["counter_edit"]
    assert _column(page.list, 5) == ["loket 2"]
    page.choose()
    set_date(page.date_from, MONDAY)
    tap(page.show_button)
    assert "service_add" not in _column(page.list, 4)  # Friday is outside the range
    assert page.count.text() == f"{page.list.rowCount()} entri"


def test_integrity_check_names_the_broken_entry(log_in, open_page, tap, clock):
    _seed(clock)
    window = log_in("admin")
    page = open_page(window, "audit")
    tap(page.verify_button)
    text = page.verify_result.text()
    assert page.verify_result.property("role") == "muted"
    count = len(audit.list_audit())
    assert f"Log audit utuh: {count} entri" in text
    assert f"Audit log intact: {count} entries" in text

    database.obj.execute_sql("UPDATE audit_entry SET target = 'loket 9' WHERE seq = 2")
    tap(page.verify_button)
    text = page.verify_result.text()
    assert page.verify_result.property("role") == "error"
    assert "LOG AUDIT RUSAK: Entri #2" in text and "AUDIT LOG BROKEN: Entry #2" in text


def test_staff_is_refused(log_in, open_page, tap, clock):
    """Staff accounts cannot log in to the admin app at all; an admin demoted to staff
    while logged in is refused by the service, whatever the window still shows."""
    _seed(clock)
    window = log_in("admin")
    head = auth.login("kepala", "kepala-rahasia", clock)
    admin_actions.edit_staff(head, "admin", role="staff", clock=clock)
    page = open_page(window, "audit")
    tap(page.show_button)
    assert page.list.rowCount() == 0
    assert page.notice.isVisible() and page.notice.property("role") == "error"
    assert "admin berperan staff" in page.notice.text()
    tap(page.verify_button)
    assert page.verify_result.text() == ""
    assert "admin berperan staff" in page.notice.text()
    with pytest.raises(PermissionDenied):
        audit_review.review_audit(auth.Session("budi", "Budi", "staff", head.expires), clock=clock)


def test_sign_off_shows_the_seal_code(log_in, open_page, qtbot, tap, clock, pins):
    staffing.sign_in(1, "budi", pins["budi"], clock)
    clock.set(dt.datetime(2026, 11, 23, 16, 30, tzinfo=JAKARTA))
    staffing.sign_out(1, clock=clock)
    window = log_in("kepala")
    page = open_page(window, "staffing_log")
    set_date(page.day, MONDAY)
    tap(page.show_button)
    qtbot.keyClicks(page.password, "kepala-rahasia")
    tap(page.sign_off_button)
    [seal] = chain_seals.list_seals()
    assert f"kode segel {seal.code}" in page.notice.text()
    assert f"kode segel {seal.code}" in page.sign_off_state.text()
    tap(page.show_button)  # shown again later, read back from the seal
    assert f"kode segel {seal.code}" in page.sign_off_state.text()


def test_changes_made_from_the_cli_show_who_ran_them(log_in, open_page, tap, loket, passwords):
    added = loket(
        "holiday", "add", "2026-12-25", "--name", "Natal", "--as", "kepala",
        env={"LOKET_PASSWORD": passwords["kepala"]},
    )  # fmt: skip
    assert added.code == 0, added.err
    # The CLI runs on the machine's real clock, not the test's: show the office day it wrote on
    # (whatever today is), not the default week around the fake clock's Monday.
    (written,) = audit.list_audit(action="holiday_add")
    cli_day = written.at.astimezone(JAKARTA).date()
    window = log_in("kepala")
    page = open_page(window, "audit")
    page.choose(first=cli_day, last=cli_day)
    assert page.count.text() == f"{page.list.rowCount()} entri"
    row = _column(page.list, 4).index("holiday_add")
    assert page.list.item(row, 2).text() == "kepala"  # the person, not the OS user
    assert "cli:" in page.list.item(row, 6).text()  # which the detail names
