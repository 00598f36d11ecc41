"""Change-feed latency: a counter calls in another process → a subscriber here hears it.

.venv/bin/python bench/bench_changefeed.py [--backends sqlite,postgres] [--calls 100]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import time

from common import backend, office, percentile


def _caller(url: str, calls: int, stamps: mp.Queue, go: mp.Event) -> None:
    from loket.models.db import open_database
    from loket.models.queue import calling

    open_database(url)
    for _ in range(calls):
        go.wait(30)
        go.clear()
        before = time.time()
        calling.call_next(1)
        stamps.put(before)
        calling.finish(1)


def run(kind: str, calls: int) -> None:
    from loket.models.changefeed import ChangeSubscription
    from loket.models.queue.tickets import issue_ticket

    with backend(kind) as url:
        office(1)
        for _ in range(calls):
            issue_ticket("A")
        ctx = mp.get_context("spawn")
        stamps: mp.Queue = ctx.Queue()
        go = ctx.Event()
        proc = ctx.Process(target=_caller, args=(url, calls, stamps, go))
        proc.start()
        latencies = []
        with ChangeSubscription(url, topics={"tickets"}) as feed:
            for _ in range(calls):
                feed.wait(0.05)  # drain the previous finish
                go.set()
                while not feed.wait(5.0):
                    pass
                heard = time.time()
                latencies.append((heard - stamps.get(timeout=10)) * 1000)
                time.sleep(0.01)
        proc.join()
        print(
            f"{kind:8} call → subscriber, {calls} calls: p50 {percentile(latencies, 50):6.1f} ms  "
            f"p95 {percentile(latencies, 95):6.1f} ms  max {max(latencies):6.1f} ms"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--calls", type=int, default=100)
    options = parser.parse_args()
    for kind in options.backends.split(","):
        run(kind.strip(), options.calls)
