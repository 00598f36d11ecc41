"""The change feed: committed changes reach subscribers, rolled-back ones never do."""

from __future__ import annotations

import time

import pytest

from loket.models.changefeed import ChangeListener, ChangeSubscription
from loket.models.errors import QuotaReached
from loket.models.office import catalog
from loket.models.queue import calling
from loket.models.queue.tickets import issue_ticket


@pytest.fixture
def office(db, clock):
    catalog.add_service("A", "Adm", "Adm", daily_quota=1, hours="00:00-24:00", days="1234567")
    catalog.add_counter(1, "A")
    return db


def test_issue_and_call_reach_a_subscriber(office, clock):
    with ChangeSubscription(office) as feed:
        assert feed.wait(0.2) == set()
        issue_ticket("A", clock=clock)
        assert feed.wait(10.0) == {"tickets"}  # latency: bench/bench_changefeed.py
        calling.call_next(1, clock=clock)
        assert feed.wait(10.0) == {"tickets"}


def test_rolled_back_write_is_not_announced(office, clock):
    issue_ticket("A", clock=clock)
    with ChangeSubscription(office) as feed:
        with pytest.raises(QuotaReached):
            issue_ticket("A", clock=clock)
        assert feed.wait(0.5) == set()


def test_topics_filter_and_listener_thread(office, clock):
    seen: list[set[str]] = []
    listener = ChangeListener(seen.append, office, topics={"services"}, poll=0.05)
    try:
        issue_ticket("A", clock=clock)  # "tickets": filtered out
        catalog.edit_service("A", name="Administrasi")
        deadline = time.monotonic() + 10
        while not seen and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        listener.stop()
    assert seen == [{"services"}]


@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_listener_reconnects_after_the_connection_is_killed(db, clock):
    import psycopg

    url = db
    catalog.add_service("B", "Izin", "Permits", hours="00:00-24:00", days="1234567")
    seen: list[set[str]] = []
    listener = ChangeListener(seen.append, url, topics={"tickets"}, poll=0.05, retry=0.2)
    try:
        time.sleep(0.3)
        with psycopg.connect(url, autocommit=True) as admin:
            killed = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()"
            ).fetchall()
        assert any(ok for (ok,) in killed)  # the listener's connection really went
        deadline = time.monotonic() + 10
        while not seen and time.monotonic() < deadline:
            time.sleep(0.05)
        assert seen == [{"tickets"}]  # reconnected: "refresh everything you watch"
        seen.clear()
        issue_ticket("B", clock=clock)
        deadline = time.monotonic() + 10
        while not seen and time.monotonic() < deadline:
            time.sleep(0.05)
        assert seen == [{"tickets"}]
    finally:
        listener.stop()
