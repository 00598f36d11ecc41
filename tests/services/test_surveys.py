"""Recording survey responses and the IKM report per service and period (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest

from loket.models.changefeed import ChangeSubscription
from loket.models.db import database
from loket.models.errors import InvalidInput, NotFound
from loket.models.feedback.surveys import (
    ELEMENT_KEYS,
    RespondentProfile,
    ikm_by_service,
    ikm_report,
    record_response,
)
from loket.models.office import catalog
from loket.models.queue import calling
from loket.models.queue.tickets import issue_ticket

WIB = dt.timezone(dt.timedelta(hours=7))
DAY = dt.date(2026, 11, 23)  # the FakeClock starts at 08:00 WIB on this Monday


@pytest.fixture
def office(db, clock):
    catalog.add_service("A", "Administrasi", "Administration", hours="00:00-24:00", days="1234567")
    catalog.add_service("B", "Perizinan", "Permits", hours="00:00-24:00", days="1234567")
    catalog.add_counter(1, "A,B", front_desk=True)
    return clock


def _serve(clock, service: str, visitors: int) -> list[str]:
    """Issue, call and finish ``visitors`` tickets; returns their numbers."""
    numbers = []
    for _ in range(visitors):
        clock.advance(seconds=30)
        numbers.append(issue_ticket(service, clock=clock).number)
        calling.call_next(1, clock=clock)
        calling.finish(1, clock=clock)
    return numbers


def test_a_response_is_stored_by_key_with_a_clean_profile(office):
    clock = office
    profile = RespondentProfile(sex="l", age=34, education="s1", occupation="wirausaha")
    info = record_response([4, 3, 3, 2, 4, 4, 4, 3, 3], "a", profile, clock=clock)
    assert info.service == "A" and info.ticket is None
    assert info.day == DAY and info.session == "08-12"
    assert info.answers["biaya"] == 2 and list(info.answers) == list(ELEMENT_KEYS)
    assert info.profile == RespondentProfile("L", 34, "S1", "Wirausaha")
    by_key = dict(zip(ELEMENT_KEYS, [1, 2, 3, 4, 1, 2, 3, 4, 1], strict=True))
    clock.advance(hours=6)  # 14:00 WIB
    later = record_response(by_key, None, None, clock=clock)
    assert later.service is None and later.session == "13-17"
    assert later.profile == RespondentProfile()


@pytest.mark.parametrize(
    ("profile", "word"),
    [
        (RespondentProfile(sex="X"), "L, P"),
        (RespondentProfile(age=7), "15–100"),
        (RespondentProfile(education="S4"), "SMP"),
        (RespondentProfile(occupation="Petani"), "Wirausaha"),
    ],
)
def test_profile_values_outside_the_sets_are_refused(office, profile, word):
    with pytest.raises(InvalidInput) as refused:
        record_response([3] * 9, "A", profile, clock=office)
    assert word in refused.value.message_id
    assert ikm_report(DAY, DAY).respondents == 0


def test_invalid_answers_store_nothing(office):
    for answers in ([3] * 8, [3] * 8 + [0], [3] * 8 + [5], {"persyaratan": 3}):
        with pytest.raises(InvalidInput):
            record_response(answers, "A", clock=office)  # type: ignore[arg-type]
    with pytest.raises(NotFound):
        record_response([3] * 9, "Z", clock=office)
    assert ikm_report(DAY, DAY).respondents == 0


def test_a_ticket_of_today_is_rated_once(office):
    clock = office
    [number] = _serve(clock, "B", 1)
    info = record_response([4] * 9, None, None, number, clock=clock)
    assert info.ticket == "B-001" and info.service == "B"  # the service comes from the ticket
    with pytest.raises(InvalidInput, match="already been rated"):
        record_response([1] * 9, "B", None, "b1", clock=clock)
    with pytest.raises(InvalidInput, match="not for service A"):
        issue_ticket("B", clock=clock)
        record_response([3] * 9, "A", None, "B-002", clock=clock)
    with pytest.raises(NotFound, match="today"):
        record_response([3] * 9, "A", None, "A-009", clock=clock)
    clock.advance(days=1)  # yesterday's B-002 is no longer today's
    with pytest.raises(NotFound, match="today"):
        record_response([3] * 9, None, None, "B-002", clock=clock)
    assert ikm_report(DAY, DAY + dt.timedelta(days=1)).respondents == 1


def test_recording_publishes_on_the_survey_topic(office, db):
    with ChangeSubscription(db, topics={"surveys"}) as feed:
        assert feed.wait(0.1) == set()
        record_response([3] * 9, "A", clock=office)
        assert feed.wait(10.0) == {"surveys"}


def test_report_per_service_and_period_worked_by_hand(office):
    clock = office
    # Monday, service A: two respondents.
    #   [4,4,4,4,4,4,4,4,3] and [3,3,3,3,3,3,3,3,2]: T = 35 + 26 = 61, n = 2
    #   IKM = 25·61/(9·2) = 1525/18 = 84.7222… → 84.72 → B; weakest pengaduan (5/2)
    record_response([4] * 8 + [3], "A", clock=clock)
    record_response([3] * 8 + [2], "A", clock=clock)
    # Monday, service B: one respondent, all 2: IKM 50.00 → D
    record_response([2] * 9, "B", clock=clock)
    # Tuesday, service A: one respondent, all 4.
    clock.advance(days=1)
    record_response([4] * 9, "A", clock=clock)

    monday_a = ikm_report(DAY, DAY, "A")
    assert monday_a.respondents == 2
    assert monday_a.result.ikm == Decimal("84.72")
    assert monday_a.as_json()["ikm"] == 84.72
    assert monday_a.as_json()["category"] == "B"
    assert monday_a.as_json()["weakest"] == "pengaduan"
    assert monday_a.as_json()["nrr"]["pengaduan"] == 2.5
    assert monday_a.as_json()["nrr"]["persyaratan"] == 3.5

    # Both days, service A: T = 61 + 36 = 97, n = 3 → 25·97/27 = 89.8148… → 89.81 → A
    week_a = ikm_report(DAY, DAY + dt.timedelta(days=6), "A")
    assert (week_a.respondents, week_a.result.ikm) == (3, Decimal("89.81"))
    assert week_a.result.category is not None and week_a.result.category.mutu == "A"

    # Monday, the whole office: T = 61 + 18 = 79, n = 3 → 25·79/27 = 73.1481… → 73.15 → C
    monday = ikm_report(DAY, DAY)
    assert (monday.respondents, monday.result.ikm) == (3, Decimal("73.15"))
    assert monday.service is None
    assert monday.as_json()["category"] == "C"

    rows = {r.service: r for r in ikm_by_service(DAY, DAY)}
    assert rows["A"].result.ikm == Decimal("84.72")
    assert rows["B"].result.ikm == Decimal("50.00")
    assert rows["B"].as_json()["kinerja"] == "Tidak Baik"

    # Legacy weight 0,111 on Monday A: (61/2) × 0.111 × 25 = 84.6375 → 84.64
    assert ikm_report(DAY, DAY, "A", weights="0.111").result.ikm == Decimal("84.64")


def test_sample_size_flags_against_the_visitors_served(office):
    clock = office
    served = _serve(clock, "A", 12)
    issue_ticket("A", clock=clock)  # still waiting: not served, not counted
    # Population 12 lies between 10 → 10 and 15 → 14: 10 + 4·2/5 = 11.6 → 12 required.
    for number in served[:11]:
        record_response([3] * 9, None, None, number, clock=clock)
    report = ikm_report(DAY, DAY, "A")
    assert (report.population, report.required_sample, report.respondents) == (12, 12, 11)
    assert report.sample_reached is False
    assert report.as_json()["sample_reached"] is False
    record_response([3] * 9, None, None, served[11], clock=clock)
    report = ikm_report(DAY, DAY, "A")
    assert report.respondents == 12 and report.sample_reached is True
    # Service B served nobody and nobody answered: no index, sample not reached.
    empty = ikm_report(DAY, DAY, "B")
    assert empty.result.ikm is None and empty.population == 0
    assert empty.sample_reached is False
    assert empty.as_json()["ikm"] is None and empty.as_json()["category"] is None


def test_profile_counts_in_the_report(office):
    clock = office
    record_response([3] * 9, "A", RespondentProfile("P", 19, "SMA", "Lainnya"), clock=clock)
    record_response([3] * 9, "A", RespondentProfile("P", 45, "S2", "PNS"), clock=clock)
    clock.advance(hours=5)
    record_response([3] * 9, "A", None, clock=clock)
    profile = ikm_report(DAY, DAY, "A").profile
    assert profile["sex"] == {"P": 2, "-": 1}
    assert profile["age"] == {"15-19": 1, "40-49": 1, "-": 1}
    assert profile["session"] == {"08-12": 2, "13-17": 1}
    assert profile["occupation"]["PNS"] == 1


def test_bad_periods_and_weights_are_refused(office):
    with pytest.raises(InvalidInput, match="reversed"):
        ikm_report(DAY, DAY - dt.timedelta(days=1))
    with pytest.raises(InvalidInput, match="exact"):
        ikm_report(DAY, DAY, weights="0.2")
    with pytest.raises(NotFound):
        ikm_report(DAY, DAY, "Z")


def _at_once(workers: int, job) -> tuple[list[object], list[BaseException]]:
    """Run ``job(index)`` in ``workers`` threads (each on its own connection) at once."""
    shared = database.obj  # peewee keeps one connection per thread
    results: list[object] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(workers)

    def worker(index: int) -> None:
        try:
            shared.connect(reuse_if_open=True)
            start.wait(timeout=30)
            outcome: object = job(index)
        except BaseException as exc:  # reported to the test
            outcome = exc
        finally:
            shared.close()
        with lock:
            (errors if isinstance(outcome, BaseException) else results).append(outcome)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, errors


def test_four_kiosks_rating_one_ticket_at_once_record_it_once(office):
    clock = office
    [number] = _serve(clock, "A", 1)
    results, errors = _at_once(
        4, lambda i: record_response([3] * 9, None, None, number, clock=clock)
    )
    assert len(results) == 1
    assert len(errors) == 3
    assert all(isinstance(e, InvalidInput) and "already been rated" in str(e) for e in errors)
    assert ikm_report(DAY, DAY, "A").respondents == 1
