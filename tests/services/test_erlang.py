"""Erlang C against published table values, and the properties any staffing figure keeps."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loket.models.errors import InvalidInput
from loket.models.reports.erlang import erlang_c, officers_needed, outcome


def test_textbook_mmc_values():
    # M/M/1: the probability of waiting is the load itself; M/M/2 at 1 erlang: 1/3;
    # M/M/3 at 2 erlangs: 4/9 (Kleinrock, Queueing Systems I, §3.5; Wolfram ErlangC[3, 2]).
    assert erlang_c(1, 0.7) == pytest.approx(0.7)
    assert erlang_c(2, 1.0) == pytest.approx(1 / 3)
    assert erlang_c(3, 2.0) == pytest.approx(4 / 9)


def test_call_centre_helper_worked_example():
    # "Erlang C formula made simple" (callcentrehelper.com): 100 calls per 30 min, 180 s
    # handling, 80 % answered within 20 s → 10 erlangs. Published: 11 agents wait 68.21 %,
    # service level 39.0 %, ASA 122.8 s; 14 agents reach 88.8 % with ASA 7.8 s (13: 79.6 %).
    eleven = outcome(11, 200, 3, 20 / 60)
    assert eleven.load_erlangs == pytest.approx(10)
    assert round(eleven.probability_wait, 4) == 0.6821
    assert round(100 * eleven.service_level, 1) == 39.0
    assert round(60 * eleven.average_wait_minutes, 1) == 122.8
    best = officers_needed(200, 3, 20 / 60, 0.8)
    assert best.officers == 14
    assert round(100 * best.service_level, 1) == 88.8
    assert round(60 * best.average_wait_minutes, 1) == 7.8
    assert round(100 * outcome(13, 200, 3, 20 / 60).service_level, 1) == 79.6


def test_mitan_worked_example():
    # The Erlang-C step-by-step page (Mitan): 360 calls per half hour, 4 min each, 55
    # agents, 15 s target → 48 erlangs, occupancy 0.873, E_C 0.2387, ASA 8.2 s, SL 84.6 %.
    r = outcome(55, 720, 4, 0.25)
    assert r.load_erlangs == pytest.approx(48)
    assert round(r.occupancy, 3) == 0.873
    assert round(r.probability_wait, 4) == 0.2387
    assert round(60 * r.average_wait_minutes, 1) == 8.2
    assert round(100 * r.service_level, 1) == 84.6


def test_wolfram_support_centre_example():
    # Wolfram ErlangC documentation: 30 calls an hour, 5 minutes each, 90 % not delayed
    # (target 0 minutes) needs 6 employees; 5 would leave 13 % waiting.
    assert officers_needed(30, 5, 0, 0.9).officers == 6
    assert erlang_c(5, 2.5) == pytest.approx(0.1304, abs=1e-4)
    assert erlang_c(6, 2.5) == pytest.approx(0.0474, abs=1e-4)


def test_recurrence_is_stable_for_large_offices():
    # 400 erlangs would overflow 400**400 / 400! done naively; the recurrence stays exact.
    r = officers_needed(6000, 4, 0.5, 0.8)
    assert 400 < r.officers < 440 and 0 < r.probability_wait < 1
    assert r.service_level >= 0.8
    assert outcome(r.officers - 1, 6000, 4, 0.5).service_level < 0.8


@given(
    arrivals=st.floats(1, 600),
    service=st.floats(0.5, 30),
    target=st.floats(0, 30),
    share=st.floats(0.05, 0.99),
)
def test_properties(arrivals, service, target, share):
    best = officers_needed(arrivals, service, target, share)
    load = arrivals * service / 60
    if load > 500:
        return
    assert best.officers > load and best.service_level >= share
    # The fewest: one less misses the target.
    assert outcome(best.officers - 1, arrivals, service, target).service_level < share
    # More officers: less waiting, a higher share within target, a shorter average wait.
    previous = outcome(best.officers, arrivals, service, target)
    for more in range(best.officers + 1, best.officers + 4):
        nxt = outcome(more, arrivals, service, target)
        assert nxt.probability_wait < previous.probability_wait
        assert nxt.service_level >= previous.service_level
        assert nxt.average_wait_minutes < previous.average_wait_minutes
        previous = nxt


def test_no_visitors_need_no_officers_and_an_overload_waits_forever():
    nobody = officers_needed(0, 5, 15, 0.8)
    assert (nobody.officers, nobody.probability_wait, nobody.service_level) == (0, 0.0, 1.0)
    over = outcome(2, 60, 3, 15)  # 3 erlangs on 2 officers
    assert over.probability_wait == 1.0 and over.service_level == 0.0
    assert math.isinf(over.average_wait_minutes)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((-1, 5, 15, 0.8), "--arrivals-per-hour"),
        ((10, 0, 15, 0.8), "--service-minutes"),
        ((10, -2, 15, 0.8), "--service-minutes"),
        ((10, 5, -1, 0.8), "--target-minutes"),
        ((10, 5, 15, 0), "--target-share"),
        ((10, 5, 15, 1.5), "--target-share"),
        ((10, 5, 15, 80), "--target-share"),
        (("nan", 5, 15, 0.8), "finite"),
        ((10, "inf", 15, 0.8), "finite"),
        (("x", 5, 15, 0.8), "not a number"),
        ((9000, 480, 15, 0.8), "erlangs"),
    ],
)
def test_nonsense_is_refused_in_both_languages(args, words):
    with pytest.raises(InvalidInput) as refused:
        officers_needed(*args)
    assert words in refused.value.message_en
    assert refused.value.message_id and refused.value.message_id != refused.value.message_en
