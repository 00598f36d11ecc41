"""The ticket report from per-day rollups equals the report straight from the tickets."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers.stubs import FakeClock
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loket.models import rawsql
from loket.models.db import db_date, write_transaction
from loket.models.fields import to_micros
from loket.models.office import catalog, staff
from loket.models.queue import calling
from loket.models.queue.tickets import issue_ticket
from loket.models.reports.ticket_report import ticket_report
from loket.models.reports.ticket_rollups import warm_rollups
from loket.models.tables import Ticket

WIB = dt.timezone(dt.timedelta(hours=7))
BASE = dt.date(2026, 11, 16)  # a Monday


def clock_at(day: dt.date, hh: int = 10, mm: int = 0) -> FakeClock:
    return FakeClock(dt.datetime(day.year, day.month, day.day, hh, mm, tzinfo=WIB))


def report(date_from: dt.date, date_to: dt.date, today: dt.date, service: str | None = None):
    return ticket_report(date_from, date_to, service, clock_at(today)).as_json()


def live_report(date_from: dt.date, date_to: dt.date, service: str | None = None):
    """Without rollups: with the clock on the first day, every day is computed live."""
    return report(date_from, date_to, date_from, service)


def rollup_days() -> list[dt.date]:
    rows = rawsql.fetch_all("SELECT DISTINCT day FROM ticket_day_rollup ORDER BY day")
    return [r[0] if isinstance(r[0], dt.date) else dt.date.fromisoformat(r[0]) for r in rows]


@pytest.fixture
def office(db):
    catalog.add_service("A", "Administrasi", "Administration", hours="00:00-24:00", days="1234567")
    catalog.add_service("B", "Perizinan", "Permits", hours="00:00-24:00", days="1234567")
    catalog.add_counter(1, "A,B", front_desk=True)
    catalog.add_counter(2, "A,B")
    staff.add_staff("budi", "Budi Santoso", "staff", "1234")
    staff.add_staff("sari", "Sari Dewi", "staff", "5678")


# ── random histories ─────────────────────────────────────────────────────────────

STATUSES = ("done", "done", "done", "no_show", "waiting", "serving", "held", "cancelled")
ticket_st = st.tuples(
    st.integers(0, 4),  # day after BASE
    st.sampled_from("AB"),
    st.integers(0, 11 * 3600),  # seconds after 07:00 WIB
    st.sampled_from(STATUSES),
    st.integers(0, 5400),  # wait, seconds (with microseconds below)
    st.integers(0, 2400),  # service time
    st.integers(0, 999_999),  # microseconds, so whole seconds truncate
    st.sampled_from((None, "budi", "sari")),
    st.integers(0, 2),  # transfers
)


def insert_history(tickets: list[tuple]) -> None:
    services = dict(rawsql.fetch_all("SELECT code, id FROM service"))
    officers = dict(rawsql.fetch_all("SELECT username, id FROM staff"))
    sequence: dict[tuple[int, str], int] = {}
    rows = []
    for day_n, code, start, status, wait, serve, micros, officer, moved in tickets:
        day = BASE + dt.timedelta(days=day_n)
        number = sequence[(day_n, code)] = sequence.get((day_n, code), 0) + 1
        issued = to_micros(dt.datetime(day.year, day.month, day.day, 7, tzinfo=WIB)) + (
            start * 1_000_000 + micros
        )
        called = issued + wait * 1_000_000 + (micros // 3) if status != "waiting" else None
        finished = (
            called + serve * 1_000_000 - micros // 7
            if called is not None and status in ("done", "no_show")
            else None
        )
        rows.append(
            {
                "issued_service": services[code],
                "service": services["B" if moved and code == "A" else code],
                "day": day,
                "sequence": number,
                "label": f"{code}-{number:03d}",
                "status": status,
                "issued_at": issued,
                "queue_at": issued,
                "called_at": called,
                "finished_at": finished,
                "officer": officers[officer] if officer and called is not None else None,
                "transfer_count": moved,
            }
        )
    with write_transaction():
        rawsql.execute("DELETE FROM ticket_day_rollup")
        rawsql.execute("DELETE FROM ticket_event")
        rawsql.execute("DELETE FROM ticket")
        if rows:
            Ticket.insert_many(rows).execute()


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(tickets=st.lists(ticket_st, max_size=40), today_n=st.integers(1, 4))
def test_report_from_rollups_equals_report_from_tickets(office, tickets, today_n):
    insert_history(tickets)
    first, last = BASE, BASE + dt.timedelta(days=4)
    today = BASE + dt.timedelta(days=today_n)
    middle = (BASE + dt.timedelta(days=1), BASE + dt.timedelta(days=2))

    expected = live_report(first, last)
    assert report(first, last, today) == expected  # cold: builds the past days
    assert report(first, last, today) == expected  # warm: reads them
    assert report(first, last, today, "A") == live_report(first, last, "A")
    assert report(*middle, today) == live_report(*middle)
    past_with_tickets = {BASE + dt.timedelta(days=t[0]) for t in tickets if t[0] < today_n}
    assert set(rollup_days()) == past_with_tickets


# ── days that change, today, the CLI ─────────────────────────────────────────────


def test_a_past_day_that_gains_a_ticket_is_rebuilt(office):
    monday, tuesday = BASE, BASE + dt.timedelta(days=1)
    issue_ticket("A", clock=clock_at(monday, 9))
    issue_ticket("B", clock=clock_at(monday, 9, 5))
    assert report(monday, monday, tuesday)["issued"] == 2
    assert rollup_days() == [monday]

    # A ticket recorded for Monday after Monday's rollup was built (a kiosk that
    # synced late, a row inserted by hand): the day's count no longer matches.
    issue_ticket("A", clock=clock_at(monday, 15))
    data = report(monday, monday, tuesday)
    assert data["issued"] == 3
    assert [s["issued"] for s in data["per_service"]] == [2, 1]
    assert data == live_report(monday, monday)
    stored = rawsql.fetch_one(
        "SELECT SUM(issued), MAX(day_tickets) FROM ticket_day_rollup WHERE day = ?",
        (db_date(monday),),
    )
    assert stored is not None and tuple(int(v) for v in stored) == (3, 3)


def test_a_ticket_served_across_midnight_counts_once_finished(office):
    monday, tuesday = BASE, BASE + dt.timedelta(days=1)
    issue_ticket("A", clock=clock_at(monday, 23, 40))
    calling.call_next(1, "budi", clock=clock_at(monday, 23, 50))
    before = report(monday, monday, tuesday)
    assert (before["issued"], before["served"]) == (1, 0)

    calling.finish(1, clock=clock_at(tuesday, 0, 10))
    after = report(monday, monday, tuesday)
    assert after["served"] == 1
    assert after["service_time"]["median_seconds"] == 20 * 60
    assert after["per_officer"][0]["username"] == "budi"


def test_today_is_always_computed_live(office):
    monday = BASE
    issue_ticket("A", clock=clock_at(monday, 8))
    issue_ticket("A", clock=clock_at(monday, 8, 1))
    assert report(monday, monday, monday)["issued"] == 2
    calling.call_next(1, "sari", clock=clock_at(monday, 8, 30))
    calling.finish(1, clock=clock_at(monday, 8, 36))
    issue_ticket("B", clock=clock_at(monday, 9))
    data = report(monday, monday, monday)
    assert (data["issued"], data["served"]) == (3, 1)
    assert data["service_time"]["median_seconds"] == 360
    assert rollup_days() == []
    assert warm_rollups(monday, monday, clock=clock_at(monday)).days_built == 0
    assert rollup_days() == []


def test_a_report_for_one_service_stores_every_service_of_the_day(office):
    monday, tuesday = BASE, BASE + dt.timedelta(days=1)
    issue_ticket("A", clock=clock_at(monday, 9))
    issue_ticket("B", clock=clock_at(monday, 9))
    assert report(monday, monday, tuesday, "A")["issued"] == 1
    assert report(monday, monday, tuesday, "B")["issued"] == 1
    assert report(monday, monday, tuesday)["issued"] == 2
    count = rawsql.fetch_one("SELECT COUNT(*) FROM ticket_day_rollup")
    assert count is not None and int(count[0]) == 2


def test_cli_warm_fills_and_rebuild_recomputes(office, loket):
    real_today = dt.datetime.now(WIB).date()
    first, second = real_today - dt.timedelta(days=3), real_today - dt.timedelta(days=2)
    issue_ticket("A", clock=clock_at(first, 9))
    calling.call_next(1, "budi", clock=clock_at(first, 9, 10))
    calling.finish(1, clock=clock_at(first, 9, 15))
    issue_ticket("B", clock=clock_at(second, 9))

    result = loket("report", "warm", "--from", str(first), "--to", str(real_today), "--json")
    assert result.code == 0, result.err
    assert result.json() == {
        "from": str(first),
        "to": str(real_today),
        "days_built": 2,
        "days_current": 0,
        "rows": 2,
        "staffing_days": 4,  # the staffing summaries' cache is filled by the same command
    }
    assert rollup_days() == [first, second]
    again = loket("report", "warm", "--from", str(first), "--to", str(second), "--json")
    assert (again.json()["days_built"], again.json()["days_current"]) == (0, 2)

    # A finished ticket edited by hand changes neither the day's count nor its highest
    # id: the stored day stays until it is rebuilt on purpose.
    rawsql.execute("UPDATE ticket SET finished_at = finished_at + 60000000 WHERE status = 'done'")
    assert report(first, first, real_today)["service_time"]["median_seconds"] == 300
    rebuilt = loket("report", "warm", "--from", str(first), "--to", str(first), "--rebuild")
    assert rebuilt.code == 0, rebuilt.err
    assert "1 hari dihitung / days built" in rebuilt.out
    assert report(first, first, real_today)["service_time"]["median_seconds"] == 360


def test_cli_warm_refuses_a_reversed_period(office, loket):
    result = loket("report", "warm", "--from", "2026-11-20", "--to", "2026-11-01")
    assert result.code != 0
    assert result.err.startswith("loket: Periode terbalik")
    assert "Traceback" not in result.err
