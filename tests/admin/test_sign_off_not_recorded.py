"""The head's sign-off page for a day before the office began recording staffing: on a
fresh install whose first staffing entry is today, yesterday reads "not recorded" — no
coverage share, no gap, nothing escalated — and can still be signed off."""

from __future__ import annotations

import datetime as dt

from helpers.stubs import JAKARTA

from loket.admin.console.parts import set_date
from loket.kiosk.shell import i18n
from loket.models.staffing import counter_actions as staffing

MONDAY = dt.date(2026, 11, 23)
TUESDAY = MONDAY + dt.timedelta(days=1)
NOT_RECORDED = "Tidak tercatat — kantor belum mulai mencatat penjagaan"


def _column(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_yesterday_before_the_first_entry_is_not_recorded(
    log_in, open_page, qtbot, tap, qapp, clock, pins
):
    clock.set(dt.datetime(2026, 11, 24, 8, 0, tzinfo=JAKARTA))
    staffing.sign_in(1, "budi", pins["budi"], clock)  # the first staffing entry ever
    window = log_in("kepala")
    page = open_page(window, "staffing_log")
    set_date(page.day, MONDAY)
    tap(page.show_button)
    assert page.overview.text() == f"{MONDAY} · {NOT_RECORDED}"
    assert "%" not in page.overview.text() and "kekosongan" not in page.overview.text()
    assert page.gaps.rowCount() == 0  # never an escalated 8.5-hour gap
    assert set(_column(page.counters_table, 2)) <= {"tidak tercatat"}

    qtbot.keyClicks(page.password, "kepala-rahasia")
    tap(page.sign_off_button)
    assert page.sign_off_state.text().startswith("Disahkan oleh Ibu Kepala")
    assert page.overview.text() == f"{MONDAY} · {NOT_RECORDED}"

    i18n.set_language(qapp, "en")
    assert page.overview.text() == (
        f"{MONDAY} · Not recorded — the office had not started recording staffing"
    )
    i18n.set_language(qapp, "id")

    set_date(page.day, TUESDAY)  # today, recorded: the usual figures
    tap(page.show_button)
    assert page.overview.text().startswith(f"{TUESDAY} · loket depan dijaga ")
