"""How honest is the wait printed on a ticket? Replays synthetic office days.

Each scenario: arrivals by hour (a morning peak), a share of priority visitors,
several counters with their services, weights and breaks, lognormal service times.
The real services run it (issue_ticket, call_next, finish) on a fresh database with a
fake clock. For every ticket the estimate printed at issue is compared with the wait
it really had (issue → call), beside the naive baseline "people ahead in its own
service queue × mean service time ÷ counters serving that service".

Officers sign in at their counters and take their breaks through the staffing guard, as
an office running the counter app does (heartbeats every event), so the model knows
which counters work now. ``--no-sign-in`` replays an office that does not sign in: a
counter on break simply does not call, and the model counts the counters that called in
the last 30 minutes. Every scenario-day runs on a fresh database.

    .venv/bin/python bench/bench_estimates.py [--backend sqlite|postgres] [--seed N] [--no-sign-in]
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import backend, percentile

JAKARTA = dt.timezone(dt.timedelta(hours=7))
DAY = dt.date(2026, 11, 23)  # a Monday


@dataclass
class Scenario:
    name: str
    services: dict[str, float]  # code → mean service minutes
    counters: dict[int, str]  # number → "A:1,B:2"
    breaks: dict[int, tuple[str, str]]  # number → (from, to) local time
    arrivals: dict[int, float]  # local hour → visitors per hour (all services)
    mix: dict[str, float]  # code → share of arrivals
    priority_share: float
    cv: float = 0.6  # service-time spread (standard deviation ÷ mean)


SCENARIOS = [
    Scenario(
        "kelurahan: 2 loket, A+B / A only, staggered breaks",
        {"A": 5.0, "B": 9.0},
        {1: "A,B", 2: "A"},
        {1: ("12:00", "13:00"), 2: ("11:30", "12:30")},
        {7: 6, 8: 20, 9: 22, 10: 16, 11: 10, 12: 6, 13: 10, 14: 8},
        {"A": 0.7, "B": 0.3},
        0.10,
    ),
    Scenario(
        "MPP: 4 loket, weights, 3 services",
        {"A": 4.0, "B": 8.0, "C": 12.0},
        {1: "A:2,B", 2: "A,B:2", 3: "B,C:2", 4: "A,C"},
        {
            1: ("12:00", "13:00"),
            2: ("11:30", "12:30"),
            3: ("12:00", "12:45"),
            4: ("13:00", "13:30"),
        },
        {7: 10, 8: 34, 9: 38, 10: 30, 11: 22, 12: 12, 13: 20, 14: 14},
        {"A": 0.5, "B": 0.3, "C": 0.2},
        0.15,
    ),
    Scenario(
        "dinas: 1 loket for 3 services, weights, many priority",
        {"A": 3.0, "B": 6.0, "C": 10.0},
        {1: "A,B:2,C:3"},
        {1: ("12:00", "13:00")},
        {7: 3, 8: 9, 9: 10, 10: 8, 11: 6, 12: 3, 13: 5, 14: 4},
        {"A": 0.5, "B": 0.3, "C": 0.2},
        0.20,
    ),
    Scenario(
        "kecamatan: 3 loket, one specialist, long service times",
        {"A": 6.0, "B": 15.0},
        {1: "A,B", 2: "A,B", 3: "B:2"},
        {1: ("11:30", "12:30"), 2: ("12:30", "13:30"), 3: ("12:00", "13:00")},
        {7: 6, 8: 18, 9: 20, 10: 16, 11: 10, 12: 6, 13: 10, 14: 6},
        {"A": 0.6, "B": 0.4},
        0.10,
    ),
]


def _at(clock_time: str) -> dt.datetime:
    hour, minute = map(int, clock_time.split(":"))
    return dt.datetime.combine(DAY, dt.time(hour, minute), JAKARTA)


class Clock:
    def __init__(self) -> None:
        self.value = _at("07:00")

    def now(self) -> dt.datetime:
        return self.value.astimezone(dt.UTC)


@dataclass
class Visit:
    label: str
    issued: dt.datetime
    estimate: float
    baseline: float
    called: dt.datetime | None = None
    ahead: int = 0
    at_most: int = 0
    calls_at_issue: int = 0  # calls made (anywhere) when it was issued
    calls_at_call: int = 0


@dataclass
class Desk:
    number: int
    services: set[str]
    pause: tuple[dt.datetime, dt.datetime]
    free_at: dt.datetime | None = None  # None: idle, calls at the next arrival
    busy: bool = False
    done: set[str] = field(default_factory=set)


def _arrivals(s: Scenario, rng: random.Random) -> list[tuple[dt.datetime, str, bool]]:
    out = []
    codes, shares = zip(*s.mix.items(), strict=True)
    for hour, rate in s.arrivals.items():
        t = dt.datetime.combine(DAY, dt.time(hour, 30 if hour == 7 else 0), JAKARTA)
        end = dt.datetime.combine(DAY, dt.time(hour, 59, 59), JAKARTA)
        while True:
            t += dt.timedelta(minutes=rng.expovariate(rate / 60))
            if t > end:
                break
            out.append((t, rng.choices(codes, shares)[0], rng.random() < s.priority_share))
    return out


def _duration(mean: float, cv: float, rng: random.Random) -> dt.timedelta:
    sigma = math.sqrt(math.log(1 + cv * cv))
    return dt.timedelta(minutes=rng.lognormvariate(math.log(mean) - sigma * sigma / 2, sigma))


PIN = "246813"


@dataclass
class Told:
    """What "ahead" promised against the tickets really called first (new arrivals too)."""

    ahead: list[int] = field(default_factory=list)
    at_most: list[int] = field(default_factory=list)
    real: list[int] = field(default_factory=list)


def run(
    s: Scenario, seed: int, sign_in: bool = True, told: Told | None = None
) -> tuple[list[float], list[float]]:
    from loket.models.office import catalog
    from loket.models.office.staff import add_staff
    from loket.models.queue import calling, estimates
    from loket.models.queue.tickets import issue_ticket
    from loket.models.staffing import counter_actions as desk_actions
    from loket.models.tables import Service, Ticket

    for code, minutes in s.services.items():
        catalog.add_service(
            code, f"Layanan {code}", f"Service {code}", None, "00:00-24:00", "1234567"
        )
        catalog.edit_service(code, default_service_minutes=round(minutes))
    desks = []
    for number, spec in s.counters.items():
        catalog.add_counter(number, spec)
        start, end = s.breaks.get(number, ("23:58", "23:59"))
        desks.append(
            Desk(number, {p.split(":")[0] for p in spec.split(",")}, (_at(start), _at(end)))
        )
    rng = random.Random(seed)
    clock = Clock()
    visits: dict[str, Visit] = {}
    pending = _arrivals(s, rng)
    on_break: set[int] = set()
    calls: list[str] = []
    if sign_in:
        for desk in desks:
            add_staff(f"petugas{desk.number}", f"Petugas {desk.number}", "staff", PIN)
            desk_actions.sign_in(desk.number, f"petugas{desk.number}", PIN, clock=clock)

    def presence() -> None:
        """Breaks start and end at the counter app; every app beats while it runs."""
        if not sign_in:
            return
        for desk in desks:
            pausing = desk.pause[0] <= clock.value < desk.pause[1]
            if pausing and desk.number not in on_break and not desk.busy:
                desk_actions.start_break(desk.number, clock=clock)
                on_break.add(desk.number)
            elif not pausing and desk.number in on_break:
                desk_actions.resume(desk.number, clock=clock)
                on_break.discard(desk.number)
            if desk.number not in on_break:
                desk_actions.heartbeat(desk.number, clock=clock)

    def baseline(code: str, label: str) -> float:
        ahead = (
            Ticket.select()
            .join(Service)
            .where((Service.code == code) & (Ticket.status == "waiting") & (Ticket.label != label))
            .count()
        )
        serving = [
            d for d in desks if code in d.services and not (d.pause[0] <= clock.value < d.pause[1])
        ]
        mean = estimates.mean_service_minutes(
            Service.get(Service.code == code).id, s.services[code], clock.now()
        )
        return ahead * mean / max(1, len(serving))

    def turn(desk: Desk) -> None:
        """The counter is free (or idle and poked): finish, then call unless on break."""
        if desk.busy:
            calling.finish(desk.number, clock=clock)
            desk.busy = False
        presence()
        if desk.pause[0] <= clock.value < desk.pause[1]:
            desk.free_at = desk.pause[1]
            return
        info = calling.call_next(desk.number, clock=clock)
        if info is None:
            desk.free_at = None
            return
        visits[info.number].called = clock.value
        visits[info.number].calls_at_call = len(calls)
        calls.append(info.number)
        desk.busy = True
        desk.free_at = clock.value + _duration(s.services[info.service], s.cv, rng)

    while pending or any(d.free_at for d in desks):
        next_free = min((d for d in desks if d.free_at), key=lambda d: d.free_at, default=None)  # type: ignore[arg-type, return-value]
        if pending and (next_free is None or pending[0][0] <= next_free.free_at):  # type: ignore[operator]
            when, code, priority = pending.pop(0)
            clock.value = when
            estimates.clear_cache()  # production refreshes service times every 30 s
            presence()
            info = issue_ticket(code, priority="lansia" if priority else None, clock=clock)
            visits[info.number] = Visit(
                info.number,
                when,
                info.estimated_wait_minutes,
                baseline(code, info.number),
                ahead=info.ahead,
                at_most=info.ahead_at_most or 0,
                calls_at_issue=len(calls),
            )
            for desk in desks:
                if desk.free_at is None:
                    turn(desk)
        else:
            assert next_free is not None and next_free.free_at is not None
            clock.value = next_free.free_at
            turn(next_free)
    model, naive = [], []
    for v in visits.values():
        assert v.called is not None, v.label
        real = (v.called - v.issued).total_seconds() / 60
        model.append(abs(v.estimate - real))
        naive.append(abs(v.baseline - real))
        if told is not None:
            told.ahead.append(v.ahead)
            told.at_most.append(v.at_most)
            told.real.append(v.calls_at_call - v.calls_at_issue)
    return model, naive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="sqlite", choices=("sqlite", "postgres"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--days", type=int, default=3, help="days replayed per scenario")
    parser.add_argument(
        "--no-sign-in", action="store_true", help="an office that does not sign officers in"
    )
    args = parser.parse_args()
    print(
        f"{'scenario':58} {'tickets':>7}  {'model MAE':>9} {'P90':>6}  {'naive MAE':>9} {'P90':>6}  gain"
    )
    for scenario in SCENARIOS:
        model: list[float] = []
        naive: list[float] = []
        told = Told()
        for day in range(args.days):
            with backend(args.backend):
                m, n = run(scenario, args.seed * 1000 + day, not args.no_sign_in, told)
            model += m
            naive += n
        gain = 1 - statistics.fmean(model) / statistics.fmean(naive)
        print(
            f"{scenario.name:58} {len(model):7}  {statistics.fmean(model):7.1f} m "
            f"{percentile(model, 90):4.1f} m  {statistics.fmean(naive):7.1f} m "
            f"{percentile(naive, 90):4.1f} m  {gain:5.0%}"
        )
        pairs = list(zip(told.ahead, told.at_most, told.real, strict=True))
        exact = sum(a == r for a, _, r in pairs) / len(pairs)
        covered = sum(r <= b for _, b, r in pairs) / len(pairs)
        spread = statistics.fmean(b - a for a, b, _ in pairs)
        print(
            f"{'':58} ahead = real {exact:4.0%}; real <= at most {covered:4.0%} "
            f"(new arrivals included); at most - ahead {spread:4.1f} on average"
        )


if __name__ == "__main__":
    main()
