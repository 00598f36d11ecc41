"""`loket report abk --year Y` end to end: every format, and bad input refused in one line."""

from __future__ import annotations

import datetime as dt
import json

from loket.models.office import catalog, staff
from loket.models.queue import calling
from loket.models.queue.tickets import issue_ticket
from loket.models.settings import update_settings
from loket.models.staffing import counter_actions as staffing

WIB = dt.timezone(dt.timedelta(hours=7))


def _history(clock) -> None:
    """Two visitors of A served for 10 and 30 minutes by budi in November 2026."""
    catalog.add_service("A", "Administrasi", "Administration", hours="00:00-24:00", days="1234567")
    catalog.add_counter(1, "A", front_desk=True)
    staff.add_staff("budi", "Budi Santoso", "staff", "1234")
    clock.set(dt.datetime(2026, 11, 23, 8, 0, tzinfo=WIB))
    staffing.sign_in(1, "budi", "1234", clock)
    issue_ticket("A", clock=clock)
    issue_ticket("A", clock=clock)
    minute = 0
    for length in (10, 30):
        clock.set(dt.datetime(2026, 11, 23, 9, minute, tzinfo=WIB))
        calling.call_next(1, "budi", clock=clock)
        minute += length
        clock.set(dt.datetime(2026, 11, 23, 9, minute, tzinfo=WIB))
        calling.finish(1, clock=clock)
    update_settings(abk_effective_hours="4")


def test_abk_cli(loket, clock, tmp_path):
    _history(clock)
    result = loket("report", "abk", "--year", "2026")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    # Median of 10 and 30 = 20 min; 2 × 20 / 60 = 0.67 h; ÷ 4 = 0.17 staff; budi assigned.
    assert data["total"] == {
        "volume": 2, "workload_hours": 0.67, "required_staff": 0.17, "assigned_staff": 1
    }  # fmt: skip
    csv_out = loket("report", "abk", "--year", "2026", "--format", "csv")
    assert "A,Administrasi / Administration,2,20.0,20.0" in csv_out.out
    for fmt in ("pdf", "xlsx"):
        target = tmp_path / f"abk.{fmt}"
        done = loket("report", "abk", "--year", "2026", "--format", fmt, "--output", str(target))
        assert done.code == 0, done.err
        assert target.stat().st_size > 1000
        assert "ada/assigned 1" in done.out
    refused = loket("report", "abk", "--year", "1800")
    assert refused.code != 0 and "Traceback" not in refused.err
    assert len(refused.err.strip().splitlines()) == 1
