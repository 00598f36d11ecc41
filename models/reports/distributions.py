"""Durations as distributions (:class:`Distribution`): count, median, 90th percentile,
mean, maximum and a one-minute histogram, from (whole seconds, how many) counts.

Percentiles interpolate linearly between the two nearest ranks (Excel's
PERCENTILE.INC), computed from per-second counts that the database groups, so a year of
tickets never travels to Python row by row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Distribution:
    count: int
    median_seconds: float | None
    p90_seconds: float | None
    mean_seconds: float | None
    max_seconds: int | None
    # (start of a one-minute bucket in minutes, tickets in it), for charts
    histogram: tuple[tuple[int, int], ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "median_seconds": self.median_seconds,
            "p90_seconds": self.p90_seconds,
            "mean_seconds": self.mean_seconds,
            "max_seconds": self.max_seconds,
            "histogram_minutes": [list(pair) for pair in self.histogram],
        }


def _value_at(counts: list[tuple[int, int]], index: int) -> int:
    seen = 0
    for value, n in counts:
        seen += n
        if index < seen:
            return value
    return counts[-1][0]


def percentile(counts: Iterable[tuple[int, int]], pct: float) -> float | None:
    """The ``pct`` percentile (0–100) of values given as (value, how many) pairs."""
    ordered = sorted((int(v), int(n)) for v, n in counts if n > 0)
    total = sum(n for _, n in ordered)
    if total == 0:
        return None
    rank = pct / 100 * (total - 1)
    low = int(rank)
    a = _value_at(ordered, low)
    b = _value_at(ordered, min(low + 1, total - 1))
    return round(a + (b - a) * (rank - low), 1)


def distribution(counts: dict[int, int], histogram: bool = True) -> Distribution:
    pairs = [(v, n) for v, n in counts.items() if n > 0]
    total = sum(n for _, n in pairs)
    if total == 0:
        return Distribution(0, None, None, None, None, ())
    buckets: dict[int, int] = defaultdict(int)
    if histogram:
        for value, n in pairs:
            buckets[max(0, value) // 60] += n
    return Distribution(
        count=total,
        median_seconds=percentile(pairs, 50),
        p90_seconds=percentile(pairs, 90),
        mean_seconds=round(sum(v * n for v, n in pairs) / total, 1),
        max_seconds=max(v for v, _ in pairs),
        histogram=tuple(sorted(buckets.items())),
    )
