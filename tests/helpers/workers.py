"""Worker processes for concurrency and crash tests: run as ``python workers.py MODE URL …``."""

from __future__ import annotations

import json
import sys
import time


def _open(url: str) -> None:
    from loket.models.db import open_database

    open_database(url)


def issue(url: str, count: int, start_at: float) -> None:
    _open(url)
    from loket.models.queue.tickets import issue_ticket

    time.sleep(max(0.0, start_at - time.time()))
    labels = [issue_ticket("A").number for _ in range(count)]
    print(json.dumps(labels))


def call(url: str, counter: int, start_at: float) -> None:
    _open(url)
    from loket.models.queue import calling

    time.sleep(max(0.0, start_at - time.time()))
    called = []
    while True:
        info = calling.call_next(counter)
        if info is None:
            break
        called.append(info.number)
        calling.finish(counter)
    print(json.dumps(called))


def issue_forever(url: str) -> None:
    _open(url)
    from loket.models.queue.tickets import issue_ticket

    print("ready", flush=True)
    while True:
        issue_ticket("A")


if __name__ == "__main__":
    mode, target = sys.argv[1], sys.argv[2]
    if mode == "issue":
        issue(target, int(sys.argv[3]), float(sys.argv[4]))
    elif mode == "call":
        call(target, int(sys.argv[3]), float(sys.argv[4]))
    elif mode == "issue-forever":
        issue_forever(target)
