"""Every report and the live board's refresh at one year's size, on SQLite and PostgreSQL.

    .venv/bin/python bench/bench_reports.py [--backends sqlite,postgres] [--repeats 5]
        [--tickets 500000] [--staffing 100000] [--surveys 20000] [--only staffing,board]

Generates the year with bench/generate_year.py (30 counters, about 500,000 tickets,
100,000 staffing entries, 20,000 survey responses), then times, with the clock at
10:00 WIB on the last day: the ticket report (a day, a month, a month for one service,
the whole year), the staffing report (a month, the year), the survey report (a month,
the year), the exports of the year's ticket report (CSV, XLSX, PDF), and the live
board's refresh (``queue.snapshot``, ``staffing.counter_states``,
``staffing.front_desk_status``). Target: every one under 1 s.

The ticket report sums per-day rollups for the days before today: timed cold
(``ticket_day_rollup`` emptied before each run: every past day computed and stored,
as on the first report after installing) and warm (the rollups built).

The staffing report is timed cold (``staffing_day_cache`` emptied before each run:
every day replayed and stored) and warm (finished days from the cache). ``--only``
keeps the cases whose name starts with one of the given words.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import backend, percentile
from generate_year import WIB, generate

TARGET_S = 1.0


class FixedClock:
    def __init__(self, when: dt.datetime) -> None:
        self._when = when

    def now(self) -> dt.datetime:
        return self._when.astimezone(dt.UTC)


def _time(
    fn: Callable[[], Any], repeats: int, setup: Callable[[], Any] | None = None
) -> list[float]:
    fn()  # warm caches (settings, statement translation), as an open app has
    runs = []
    for _ in range(repeats):
        if setup is not None:
            setup()
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return runs


def run(kind: str, args: argparse.Namespace) -> list[tuple[str, str, float, float]]:
    from loket.models.queue import waiting as queue
    from loket.models.reports import export as report_export
    from loket.models.reports import rollup_store
    from loket.models.reports.abk_report import abk_report
    from loket.models.reports.staffing_report import staffing_report
    from loket.models.reports.survey_report import survey_report
    from loket.models.reports.ticket_report import ticket_report
    from loket.models.reports.workload_report import workload_report
    from loket.models.staffing import desk_state
    from loket.models.staffing import summary_cache as staffing_cache

    results = []
    with backend(kind) as _url:
        info = generate(
            counters=30,
            tickets=args.tickets,
            staffing=args.staffing,
            surveys=args.surveys,
            progress=lambda line: print(f"  [{kind}] {line}", flush=True),
        )
        print(f"  [{kind}] generated in {info['timings_s']['total']} s: {info}", flush=True)
        today = dt.date.fromisoformat(info["today"])
        clock = FixedClock(dt.datetime.fromisoformat(info["now"]).astimezone(WIB))
        month = (today.replace(day=1), today)
        year = (today - dt.timedelta(days=364), today)
        yesterday = today - dt.timedelta(days=1)
        while yesterday.isoweekday() > 5:  # the last working day before today
            yesterday -= dt.timedelta(days=1)
        year_tickets: list[Any] = []

        def tickets(first: dt.date, last: dt.date, service: str | None = None) -> Any:
            return ticket_report(first, last, service, clock)

        def tickets_of_the_year() -> Any:
            if not year_tickets:
                year_tickets.append(ticket_report(*year, clock=clock))
            return year_tickets[0]

        cold = staffing_cache.clear
        cold_tickets = rollup_store.clear
        cases: list[tuple[str, Callable[[], Any], Callable[[], Any] | None]] = [
            ("board: queue.snapshot", lambda: queue.snapshot(clock), None),
            ("board: staffing.counter_states", lambda: desk_state.counter_states(clock), None),
            (
                "board: staffing.front_desk_status",
                lambda: desk_state.front_desk_status(clock),
                None,
            ),
            ("tickets: one day, cold", lambda: tickets(yesterday, yesterday), cold_tickets),
            ("tickets: one day, warm", lambda: tickets(yesterday, yesterday), None),
            ("tickets: one month, cold", lambda: tickets(*month), cold_tickets),
            ("tickets: one month, warm", lambda: tickets(*month), None),
            ("tickets: one month, service A, warm", lambda: tickets(*month, "A"), None),
            ("tickets: the year, cold", lambda: tickets(*year), cold_tickets),
            ("tickets: the year, warm", lambda: tickets(*year), None),
            ("tickets: the year, service A, warm", lambda: tickets(*year, "A"), None),
            ("staffing: one month, cold", lambda: staffing_report(*month, clock), cold),
            ("staffing: one month, warm", lambda: staffing_report(*month, clock), None),
            ("staffing: the year, cold", lambda: staffing_report(*year, clock), cold),
            ("staffing: the year, warm", lambda: staffing_report(*year, clock), None),
            ("workload: one month", lambda: workload_report(*month, clock), None),
            ("workload: the year", lambda: workload_report(*year, clock), None),
            ("abk: the year", lambda: abk_report(today.year, clock), None),
            ("survey: one month", lambda: survey_report(*month), None),
            ("survey: the year", lambda: survey_report(*year), None),
            ("export year tickets: CSV", lambda: report_export.to_csv(tickets_of_the_year()), None),
            (
                "export year tickets: XLSX",
                lambda: report_export.to_xlsx(tickets_of_the_year()),
                None,
            ),
            (
                "export year tickets: PDF",
                lambda: report_export.to_pdf(tickets_of_the_year(), "Kantor"),
                None,
            ),
        ]
        only = tuple(w.strip() for w in args.only.split(",") if w.strip()) if args.only else ()
        for name, fn, setup in cases:
            if only and not name.startswith(only):
                continue
            repeats = args.repeats if "year" not in name else max(1, args.repeats // 2)
            runs = _time(fn, repeats, setup)
            p50, worst = percentile(runs, 50), max(runs)
            flag = "" if worst < TARGET_S else "  OVER 1 s"
            print(
                f"  [{kind}] {name:<36} p50 {p50 * 1000:8.1f} ms  max {worst * 1000:8.1f} ms"
                f"  mean {statistics.fmean(runs) * 1000:8.1f} ms{flag}",
                flush=True,
            )
            results.append((kind, name, p50, worst))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--tickets", type=int, default=500_000)
    parser.add_argument("--staffing", type=int, default=100_000)
    parser.add_argument("--surveys", type=int, default=20_000)
    parser.add_argument("--only", default="", help="e.g. staffing or staffing,board")
    parser.add_argument("--out", type=Path, help="write the table as Markdown here too")
    args = parser.parse_args()
    rows = []
    for kind in args.backends.split(","):
        rows.extend(run(kind.strip(), args))
    table = ["| backend | what | p50 ms | max ms | under 1 s |", "|---|---|---:|---:|---|"]
    table += [
        f"| {k} | {n} | {p * 1000:.1f} | {w * 1000:.1f} | {'yes' if w < TARGET_S else 'NO'} |"
        for k, n, p, w in rows
    ]
    print("\n".join(table))
    if args.out:
        args.out.write_text("\n".join(table) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
