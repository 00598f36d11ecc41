"""Issue and call-next throughput and latency, 1 and 8 processes, SQLite and PostgreSQL.

.venv/bin/python bench/bench_queue.py [--backends sqlite,postgres] [--tickets 3000]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import time

from common import backend, office, summary_ms


def _issue_worker(url: str, count: int, start_at: float, out: mp.Queue) -> None:
    from loket.models.db import open_database
    from loket.models.queue.tickets import issue_ticket

    open_database(url)
    time.sleep(max(0.0, start_at - time.time()))
    latencies = []
    for _ in range(count):
        t0 = time.perf_counter()
        issue_ticket("A")
        latencies.append(time.perf_counter() - t0)
    out.put(json.dumps(latencies))


def _call_worker(url: str, counter: int, start_at: float, out: mp.Queue) -> None:
    from loket.models.db import open_database
    from loket.models.queue import calling

    open_database(url)
    time.sleep(max(0.0, start_at - time.time()))
    latencies = []
    while True:
        t0 = time.perf_counter()
        info = calling.call_next(counter)
        if info is None:
            break
        calling.finish(counter)
        latencies.append(time.perf_counter() - t0)
    out.put(json.dumps(latencies))


def _parallel(target, url: str, args_per_proc: list[tuple]) -> tuple[list[float], float]:
    ctx = mp.get_context("spawn")
    out: mp.Queue = ctx.Queue()
    start_at = time.time() + 2.0
    procs = [ctx.Process(target=target, args=(url, *a, start_at, out)) for a in args_per_proc]
    for p in procs:
        p.start()
    results = [json.loads(out.get(timeout=600)) for _ in procs]
    for p in procs:
        p.join()
    wall_end = time.time()
    latencies = [v for r in results for v in r]
    # Wall time from the common start to the last worker's end.
    return latencies, wall_end - start_at


def run(kind: str, tickets: int) -> None:
    from loket.models.queue import calling
    from loket.models.queue.tickets import issue_ticket

    with backend(kind) as url:
        office(8)
        issue_ticket("A")  # warm caches and the connection
        # A working day: counters keep the queue near 100 people (their calls untimed).
        steady = []
        for n in range(tickets):
            t0 = time.perf_counter()
            issue_ticket("A")
            steady.append(time.perf_counter() - t0)
            if n >= 100:
                calling.call_next(1 + n % 8)
                calling.finish(1 + n % 8)
        print(
            f"{kind:8} issue   1 process, ~100 waiting: {len(steady) / sum(steady):7.0f} tickets/s  "
            f"{summary_ms(steady)}"
        )
        latencies = []
        t_start = time.perf_counter()
        for _ in range(tickets):
            t0 = time.perf_counter()
            issue_ticket("A")
            latencies.append(time.perf_counter() - t0)
        wall = time.perf_counter() - t_start
        print(
            f"{kind:8} issue   1 process, backlog growing to {2 * tickets}: "
            f"{tickets / wall:7.0f} tickets/s  {summary_ms(latencies)}"
        )

        per = tickets // 8
        lat8, wall8 = _parallel(_issue_worker, url, [(per,)] * 8)
        print(
            f"{kind:8} issue   8 processes: {len(lat8) / wall8:7.0f} tickets/s  {summary_ms(lat8)}"
        )

        # Everyone issued so far is waiting: 8 counters compete to call them all.
        lat_call, wall_call = _parallel(_call_worker, url, [(n,) for n in range(1, 9)])
        print(
            f"{kind:8} call+finish 8 counters: {len(lat_call) / wall_call:7.0f} calls/s  "
            f"{summary_ms(lat_call)}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--tickets", type=int, default=3000)
    options = parser.parse_args()
    for kind in options.backends.split(","):
        run(kind.strip(), options.tickets)
