"""Staffing guard for a 30-counter office: live status and a month's report.

Targets (issue 5): front-desk status under 50 ms, a month's daily summaries under 1 s.
A month of history (22 working days, 30 officers signing in, staggered lunches, an
authorised absence and a crashed PC now and then) is written straight into the
hash-chained log; today runs through the real service.

    .venv/bin/python bench/bench_staffing.py [sqlite|postgres ...]
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable

from common import backend, summary_ms

ZONE = dt.timezone(dt.timedelta(hours=7))
COUNTERS = 30
FRONT_DESK = 10
TODAY = dt.date(2026, 11, 30)  # a Monday
FIRST = dt.date(2026, 11, 1)


class Clock:
    def __init__(self, when: dt.datetime) -> None:
        self.when = when

    def now(self) -> dt.datetime:
        return self.when.astimezone(dt.UTC)


def _at(day: dt.date, hour: int, minute: int, second: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=ZONE)


def build_office() -> None:
    from loket.models.office import catalog, staff

    catalog.add_service("A", "Administrasi", "Administration")
    for number in range(1, COUNTERS + 1):
        catalog.add_counter(number, "A", front_desk=number <= FRONT_DESK)
        staff.add_staff(f"petugas{number:02d}", f"Petugas {number}", "staff", f"{100000 + number}")
    staff.add_staff("kepala", "Kepala Kantor", "head", "999999", password="rahasia-kepala")


def write_history() -> int:
    """A month of days straight into the log (the services would take minutes)."""
    from loket.models import rawsql
    from loket.models.db import write_transaction
    from loket.models.staffing import log as staffing_log

    ids = dict(rawsql.fetch_all("SELECT number, id FROM counter"))
    officers = dict(rawsql.fetch_all("SELECT username, id FROM staff"))
    head = officers["kepala"]
    written = 0
    day = FIRST
    while day < TODAY:
        if day.isoweekday() <= 5:
            entries: list[tuple[dt.datetime, str, int, int, dict[str, object]]] = []
            for number in range(1, COUNTERS + 1):
                cid, oid = ids[number], officers[f"petugas{number:02d}"]
                lunch_minute = 0 if number % 2 else 30  # staggered lunch
                entries.append((_at(day, 7, 20, number), "sign_in", cid, oid, {}))
                entries.append((_at(day, 12, lunch_minute), "break", cid, oid, {}))
                entries.append((_at(day, 12, lunch_minute + 29), "resume", cid, oid, {}))
                if number == day.day % COUNTERS + 1:  # a crashed PC, back 5 min later
                    entries.append((_at(day, 14, 1), "heartbeat_lost", cid, oid, {}))
                    entries.append((_at(day, 14, 5), "sign_in", cid, oid, {}))
                if number == 3:
                    entries.append((_at(day, 15, 0), "sign_out", cid, oid, {"why": "rapat"}))
                else:
                    entries.append((_at(day, 16, 5), "sign_out", cid, oid, {}))
            entries.sort(key=lambda e: e[0])
            with write_transaction():
                for when, kind, cid, oid, extra in entries:
                    reason = ("rapat_diklat", "UND-1", head) if extra else (None, None, None)
                    staffing_log.append(
                        kind,
                        when.astimezone(dt.UTC),
                        when.astimezone(dt.UTC),
                        day,
                        counter_id=cid,
                        officer_id=oid,
                        reason=reason[0],
                        reference=reason[1],
                        approved_by_id=reason[2],
                    )
                    written += 1
        day += dt.timedelta(days=1)
    return written


def today_through_the_service() -> Clock:
    from loket.models.staffing import counter_actions as staffing

    clock = Clock(_at(TODAY, 7, 20))
    for number in range(1, COUNTERS + 1):
        staffing.sign_in(number, f"petugas{number:02d}", f"{100000 + number}", clock)
    clock.when = _at(TODAY, 10, 0)
    for number in range(1, COUNTERS + 1):
        staffing.heartbeat(number, clock)
    for number in range(2, FRONT_DESK + 1, 2):
        staffing.start_break(number, clock=clock)
    return clock


def timed(label: str, call: Callable[[], object], runs: int) -> list[float]:
    call()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    print(f"  {label:<34} {summary_ms(samples)}")
    return samples


def run(kind: str) -> None:
    from loket.models.staffing import counter_actions as staffing
    from loket.models.staffing import desk_state
    from loket.models.staffing.summaries import summaries

    with backend(kind):
        build_office()
        started = time.perf_counter()
        entries = write_history()
        clock = today_through_the_service()
        print(
            f"{kind}: {COUNTERS} counters ({FRONT_DESK} front desk), {entries} log entries "
            f"for {FIRST:%B %Y} written in {time.perf_counter() - started:.1f} s"
        )
        status = timed("front_desk_status()", lambda: desk_state.front_desk_status(clock), 200)
        timed("counter_states() (admin board)", lambda: desk_state.counter_states(clock), 200)
        timed("check() (the apps' tick)", lambda: staffing.check(clock), 100)
        timed("heartbeat() (no state change)", lambda: staffing.heartbeat(1, clock), 200)
        month = timed(
            "month's daily summaries (30 days)",
            lambda: summaries(FIRST, TODAY, clock),
            10,
        )
        days = summaries(FIRST, TODAY, clock)
        assert len(days) == 30 and days[0].gaps == ()  # a Sunday: no service hours
        worst_status = max(status) * 1000
        worst_month = max(month)
        print(
            f"  targets: status < 50 ms (worst {worst_status:.1f} ms) "
            f"{'OK' if worst_status < 50 else 'MISSED'}; month < 1 s (worst {worst_month:.2f} s) "
            f"{'OK' if worst_month < 1 else 'MISSED'}"
        )


if __name__ == "__main__":
    for name in sys.argv[1:] or ["sqlite", "postgres"]:
        run(name)
