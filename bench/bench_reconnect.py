"""Riding through a PostgreSQL restart: from the server being back to the first ticket.

A kiosk-like thread taps "issue" continuously (a refusal — the one-line "reconnecting"
— is followed by the next tap after 50 ms) while the main thread restarts a private,
durable server ``--restarts`` times (alternating ``pg_ctl restart -m fast`` and ``-m
immediate``). For each restart: the time from ``pg_ctl`` reporting the server ready to
the first ticket issued after it. Then checks that numbering stayed contiguous.

    .venv/bin/python bench/bench_reconnect.py [--restarts 20]

Target: p95 < 5 s.
"""

from __future__ import annotations

import argparse
import threading
import time

from common import percentile
from helpers.postgres import start_server


def run(restarts: int) -> None:
    from loket.models import rawsql
    from loket.models.db import close_thread_connection, open_database
    from loket.models.errors import LoketError
    from loket.models.office import catalog
    from loket.models.queue.tickets import issue_ticket
    from loket.models.schema import migrate

    server = start_server(durable=True)
    try:
        url = server.create_database("bench_reconnect")
        open_database(url)
        migrate()
        catalog.add_service(
            "A", "Administrasi", "Administration", hours="00:00-24:00", days="1234567"
        )
        successes: list[float] = []
        refusals: list[str] = []
        issued: list[str] = []
        stop = threading.Event()

        def kiosk() -> None:
            try:
                while not stop.is_set():
                    try:
                        issued.append(issue_ticket("A").number)
                        successes.append(time.monotonic())
                    except LoketError as exc:
                        refusals.append(type(exc).__name__)
                        time.sleep(0.05)
                    time.sleep(0.02)
            finally:
                close_thread_connection()

        thread = threading.Thread(target=kiosk, name="kiosk", daemon=True)
        thread.start()
        time.sleep(0.5)
        latencies: dict[str, list[float]] = {"fast": [], "immediate": []}
        for n in range(restarts):
            mode = "fast" if n % 2 == 0 else "immediate"
            server.restart(mode)
            back = time.monotonic()
            deadline = back + 30
            while time.monotonic() < deadline:
                after = [t for t in successes if t >= back]
                if after:
                    latencies[mode].append(after[0] - back)
                    break
                time.sleep(0.005)
            else:
                raise SystemExit(f"no ticket within 30 s after restart {n + 1} ({mode})")
            time.sleep(0.3)
        stop.set()
        thread.join(timeout=30)
        rows = rawsql.fetch_all("SELECT sequence FROM ticket ORDER BY sequence")
        sequences = [int(r[0]) for r in rows]
        contiguous = sequences == list(range(1, len(sequences) + 1))
        unique = len(set(issued)) == len(issued)
        everything = latencies["fast"] + latencies["immediate"]
        for mode, values in (*latencies.items(), ("all", everything)):
            print(
                f"{mode:9} ({len(values):2} restarts) back → first ticket: "
                f"p50 {percentile(values, 50):5.2f} s  p95 {percentile(values, 95):5.2f} s  "
                f"max {max(values):5.2f} s"
            )
        print(
            f"tickets {len(sequences)}, numbering contiguous: {contiguous}, "
            f"no number given twice: {unique}, refusals shown mid-outage: {len(refusals)} "
            f"({', '.join(sorted(set(refusals))) or '-'})"
        )
        if not (contiguous and unique):
            raise SystemExit("numbering broke")
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--restarts", type=int, default=20)
    run(parser.parse_args().restarts)


if __name__ == "__main__":
    main()
