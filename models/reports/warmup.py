"""Keeping year-long reports fast: finished days are summed once and stored.

The ticket rollups (:mod:`ticket_rollups`) and the staffing summaries' cache
(:mod:`staffing_cache`) are filled for every finished day of the past year. A
report over those days then reads one row per day instead of every ticket. The
nightly ``loket report warm`` and the admin app (in the background, when someone
logs in and every few hours while it is open) both call :func:`warm_reports`;
days already stored are only checked, so a second run costs little.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import close_thread_connection
from loket.models.reconnect import retry_once
from loket.models.reports.ticket_rollups import WarmResult, warm_rollups
from loket.models.settings import load_settings
from loket.models.staffing.summaries import summaries

YEAR_DAYS = 365


@dataclass(frozen=True)
class WarmupResult:
    tickets: WarmResult
    staffing_days: int

    def as_json(self) -> dict[str, Any]:
        return {**self.tickets.as_json(), "staffing_days": self.staffing_days}

    def text(self) -> str:
        t = self.tickets
        return (
            f"Ringkasan tiket / ticket rollups {t.date_from} – {t.date_to}: "
            f"{t.days_built} hari dihitung / days built, "
            f"{t.days_current} hari sudah terkini / days already current; "
            f"ringkasan penjagaan / staffing summaries: {self.staffing_days} hari / days"
        )


def warm_reports(
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    rebuild: bool = False,
    clock: Clock = SYSTEM_CLOCK,
) -> WarmupResult:
    """Store the rollups and staffing summaries of the finished days from ``date_from``
    (default: a year before ``date_to``) to ``date_to`` (default: yesterday)."""
    today = load_settings().today(clock.now())
    last = date_to or today - dt.timedelta(days=1)
    first = date_from or last - dt.timedelta(days=YEAR_DAYS - 1)
    tickets = warm_rollups(first, last, rebuild=rebuild, clock=clock)
    # Reading the staffing summaries stores every finished day in their cache.
    staffing_days = len(summaries(first, last, clock)) if first <= last else 0
    return WarmupResult(tickets, staffing_days)


def warm_reports_in_worker(clock: Clock = SYSTEM_CLOCK) -> WarmupResult:
    """:func:`warm_reports` for the past year from a worker thread, which then closes
    its own database connection. A run cut by a dropped connection starts once more
    after reconnecting (days already stored are only checked)."""
    try:
        return retry_once(lambda: warm_reports(clock=clock))
    finally:
        close_thread_connection()


__all__ = ["WarmupResult", "warm_reports", "warm_reports_in_worker"]
