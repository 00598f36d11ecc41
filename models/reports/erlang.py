"""Erlang C (M/M/c): how many officers serve a share of visitors within a target wait.

Offered load A = arrivals per minute × service minutes (in erlangs). The probability of
waiting is computed from Erlang B's recurrence B(k) = A·B(k−1) / (k + A·B(k−1)), which
never forms Aᴺ or N! and so stays exact for hundreds of officers; then
C = N·B / (N − A·(1 − B)), the share served within T is 1 − C·e^(−(N−A)·T/S) and the
average wait C·S / (N − A).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from loket.models.errors import InvalidInput

MAX_ARRIVALS_PER_HOUR = 10_000.0
MAX_SERVICE_MINUTES = 8 * 60.0
MAX_TARGET_MINUTES = 24 * 60.0
MAX_LOAD = 500.0  # erlangs: 500 officers busy at once is not a front office
MAX_OFFICERS = 2_000


@dataclass(frozen=True)
class Staffing:
    """The outcome for ``officers`` officers at one load."""

    arrivals_per_hour: float
    service_minutes: float
    target_minutes: float
    target_share: float
    officers: int
    load_erlangs: float
    probability_wait: float
    service_level: float
    average_wait_minutes: float

    @property
    def occupancy(self) -> float:
        return self.load_erlangs / self.officers if self.officers else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "arrivals_per_hour": self.arrivals_per_hour,
            "service_minutes": self.service_minutes,
            "target_minutes": self.target_minutes,
            "target_share": self.target_share,
            "load_erlangs": round(self.load_erlangs, 6),
            "officers": self.officers,
            "occupancy": round(self.occupancy, 6),
            "probability_wait": round(self.probability_wait, 6),
            "service_level": round(self.service_level, 6),
            "average_wait_minutes": round(self.average_wait_minutes, 4),
        }


def erlang_c(officers: int, load: float) -> float:
    """Probability that a visitor waits, with ``officers`` serving ``load`` erlangs."""
    if load <= 0:
        return 0.0
    if officers <= load:
        return 1.0  # the queue grows without end: everyone waits
    blocking = 1.0
    for k in range(1, officers + 1):
        blocking = load * blocking / (k + load * blocking)
    return officers * blocking / (officers - load * (1.0 - blocking))


def outcome(
    officers: int,
    arrivals_per_hour: float,
    service_minutes: float,
    target_minutes: float,
    target_share: float = 0.8,
) -> Staffing:
    """Waiting figures for a given number of officers (inputs already checked)."""
    load = arrivals_per_hour / 60.0 * service_minutes
    wait = erlang_c(officers, load)
    if load <= 0:
        level, average = 1.0, 0.0
    elif officers <= load:
        level, average = 0.0, math.inf
    else:
        spare = officers - load
        level = 1.0 - wait * math.exp(-spare * target_minutes / service_minutes)
        average = wait * service_minutes / spare
    return Staffing(
        arrivals_per_hour,
        service_minutes,
        target_minutes,
        target_share,
        officers,
        load,
        wait,
        max(0.0, min(1.0, level)),
        average,
    )


def _number(value: float | str, name: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidInput(
            f"{name}: bukan angka: '{str(value)[:40]}'",
            f"{name}: not a number: '{str(value)[:40]}'",
        ) from None
    if not math.isfinite(number):
        raise InvalidInput(f"{name}: harus angka terhingga", f"{name}: must be a finite number")
    return number


def check_inputs(
    arrivals_per_hour: float | str,
    service_minutes: float | str,
    target_minutes: float | str,
    target_share: float | str,
) -> tuple[float, float, float, float]:
    """The four inputs as numbers, or a refusal naming the first that makes no sense."""
    arrivals = _number(arrivals_per_hour, "--arrivals-per-hour")
    service = _number(service_minutes, "--service-minutes")
    target = _number(target_minutes, "--target-minutes")
    share = _number(target_share, "--target-share")
    if not 0 <= arrivals <= MAX_ARRIVALS_PER_HOUR:
        raise InvalidInput(
            f"--arrivals-per-hour harus 0–{MAX_ARRIVALS_PER_HOUR:g}, bukan {arrivals:g}",
            f"--arrivals-per-hour must be 0–{MAX_ARRIVALS_PER_HOUR:g}, not {arrivals:g}",
        )
    if not 0 < service <= MAX_SERVICE_MINUTES:
        raise InvalidInput(
            f"--service-minutes harus lebih dari 0 dan paling lama {MAX_SERVICE_MINUTES:g}, "
            f"bukan {service:g}",
            f"--service-minutes must be above 0 and at most {MAX_SERVICE_MINUTES:g}, "
            f"not {service:g}",
        )
    if not 0 <= target <= MAX_TARGET_MINUTES:
        raise InvalidInput(
            f"--target-minutes harus 0–{MAX_TARGET_MINUTES:g}, bukan {target:g}",
            f"--target-minutes must be 0–{MAX_TARGET_MINUTES:g}, not {target:g}",
        )
    if not 0 < share <= 1:
        raise InvalidInput(
            f"--target-share harus lebih dari 0 dan paling banyak 1 (mis. 0.8), bukan {share:g}",
            f"--target-share must be above 0 and at most 1 (e.g. 0.8), not {share:g}",
        )
    load = arrivals / 60.0 * service
    if load > MAX_LOAD:
        raise InvalidInput(
            f"Beban {load:g} erlang tidak masuk akal untuk satu kantor (paling banyak "
            f"{MAX_LOAD:g}); periksa kedatangan per jam dan menit layanan",
            f"A load of {load:g} erlangs is not plausible for one office (at most "
            f"{MAX_LOAD:g}); check the arrivals per hour and the service minutes",
        )
    return arrivals, service, target, share


def officers_needed(
    arrivals_per_hour: float | str,
    service_minutes: float | str,
    target_minutes: float | str,
    target_share: float | str,
) -> Staffing:
    """The fewest officers that serve at least ``target_share`` within ``target_minutes``."""
    arrivals, service, target, share = check_inputs(
        arrivals_per_hour, service_minutes, target_minutes, target_share
    )
    load = arrivals / 60.0 * service
    if load <= 0:
        return outcome(0, arrivals, service, target, share)
    officers = math.floor(load) + 1
    while officers <= MAX_OFFICERS:
        result = outcome(officers, arrivals, service, target, share)
        if result.service_level >= share:
            return result
        officers += 1
    raise InvalidInput(
        f"Target tidak tercapai dengan {MAX_OFFICERS} petugas",
        f"Not reachable with {MAX_OFFICERS} officers",
    )
