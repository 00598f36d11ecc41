"""Shared bits for the benchmarks: backends, percentiles, a demo office."""

from __future__ import annotations

import statistics
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from helpers.postgres import start_server


def percentile(values: Sequence[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary_ms(latencies_s: Sequence[float]) -> str:
    ms = [v * 1000 for v in latencies_s]
    return (
        f"p50 {percentile(ms, 50):6.2f} ms  p95 {percentile(ms, 95):6.2f} ms  "
        f"p99 {percentile(ms, 99):6.2f} ms  mean {statistics.fmean(ms):6.2f} ms"
    )


@contextmanager
def backend(kind: str) -> Iterator[str]:
    """A fresh, migrated database URL of ``kind`` (sqlite or postgres, durable settings)."""
    from loket.models.db import open_database
    from loket.models.schema import migrate

    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{folder}/bench.db"
            open_database(url)
            migrate()
            yield url
        return
    server = start_server(durable=True)
    try:
        url = server.create_database("bench")
        open_database(url)
        migrate()
        yield url
    finally:
        server.stop()


def office(counters: int = 8) -> None:
    from loket.models.office import catalog

    catalog.add_service("A", "Administrasi", "Administration", hours="00:00-24:00", days="1234567")
    for number in range(1, counters + 1):
        catalog.add_counter(number, "A")
