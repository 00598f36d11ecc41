"""A counter process killed with SIGKILL (no sign-out) becomes a heartbeat-lost gap."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time

from helpers.stubs import FakeClock

from loket.models import rawsql
from loket.models.fields import from_micros
from loket.models.office import catalog, staff
from loket.models.staffing import counter_actions as staffing
from loket.models.staffing import desk_state
from loket.models.staffing import log as staffing_log
from loket.models.staffing.hours import set_hours

COUNTER_APP = (sys.executable, "-m", "loket.models.cli", "staffing", "heartbeat", "--counter", "1")


def _last_heartbeat() -> dt.datetime:
    row = rawsql.fetch_one("SELECT last_heartbeat FROM counter_presence")
    assert row is not None
    return from_micros(int(row[0]))


def test_killed_counter_process_turns_into_a_heartbeat_lost_gap(db, tmp_path):
    catalog.add_service("A", "Administrasi", "Administration")
    catalog.add_counter(1, "A", front_desk=True)
    staff.add_staff("ani", "Ani Lestari", "staff", "1111")
    set_hours("front_desk", "1234567", hours="00:00-24:00", break_window="")
    staffing.sign_in(1, "ani", "1111")

    env = dict(os.environ, LOKET_DB=db, LOKET_DATA_DIR=str(tmp_path / "data"))
    counter_app = subprocess.Popen(
        [*COUNTER_APP, "--every", "0.2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first = counter_app.stdout.readline()  # type: ignore[union-attr]
        assert "ani" in first, counter_app.stderr.read()  # type: ignore[union-attr]
        seen = _last_heartbeat()
        deadline = time.monotonic() + 120  # only against a hang, never a speed bound
        while _last_heartbeat() == seen:  # the loop itself keeps beating
            assert time.monotonic() < deadline and counter_app.poll() is None
            time.sleep(0.1)
    finally:
        counter_app.send_signal(signal.SIGKILL)
        counter_app.wait(10)
    killed_at = dt.datetime.now(dt.UTC)
    last_beat = _last_heartbeat()
    # How long before the kill the last beat landed depends on the machine's load: assert only
    # that it beat again after the first line, and never after it was killed.
    assert seen < last_beat <= killed_at

    # Half a minute later the desk still counts as staffed …
    assert staffing.check(FakeClock(killed_at + dt.timedelta(seconds=30))).covered
    # … and the first check after the 60 s heartbeat window finds the gap.
    noticed = killed_at + dt.timedelta(seconds=61)
    status = staffing.check(FakeClock(noticed))
    assert not status.covered
    assert status.gap_cause == "heartbeat_lost"
    assert status.gap_since == last_beat + dt.timedelta(seconds=60)
    assert status.gap_since - killed_at <= dt.timedelta(seconds=60)
    assert noticed - killed_at <= dt.timedelta(seconds=90)
    kinds = [e.kind for e in staffing_log.entries()]
    assert kinds[-2:] == ["heartbeat_lost", "gap_open"]
    assert desk_state.counter_state(1, FakeClock(noticed)).status == "lost"
