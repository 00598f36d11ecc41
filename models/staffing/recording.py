"""When the office began recording staffing: the day of the first entry ever written to
the staffing log. Service hours before it are "not recorded" (tidak tercatat) — not
gaps, never escalated — in the staffing report, the sign-off and the workload report
alike: on the day before a fresh install nobody could sign in, so nothing there was left
unstaffed. The first day itself counts from its opening: an officer signing in at 07:45
on it still leaves 07:30–07:45 a gap (the office was set up; nobody was there).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from loket.models import rawsql
from loket.models.staffing.log import stored_day

Window = tuple[dt.datetime, dt.datetime]

NOT_RECORDED = ("tidak tercatat", "not recorded")


def first_recorded_day() -> dt.date | None:
    """The office-local day of the first staffing entry (``None``: nothing recorded yet)."""
    # A sign-off or an explanation is about a day already shown, not a sign of recording:
    # signing off "not recorded" yesterday must not turn yesterday into a recorded day.
    row = rawsql.fetch_one(
        "SELECT day FROM staffing_event WHERE kind NOT IN ('sign_off', 'gap_reason') "
        "ORDER BY seq LIMIT 1"
    )
    return None if row is None else stored_day(row[0])


def recording_since(day_start: Callable[[dt.date], dt.datetime]) -> dt.datetime | None:
    """The moment recording began: the start of the first recorded day."""
    first = first_recorded_day()
    return None if first is None else day_start(first)


def clip(windows: Sequence[Window], since: dt.datetime | None) -> tuple[Window, ...]:
    """The parts of ``windows`` from ``since`` on (all of them when ``since`` is None and
    recording has begun; none when nothing was ever recorded)."""
    if since is None:
        return ()
    return tuple((max(a, since), b) for a, b in windows if b > since)


def clip_groups(
    windows: Mapping[str, Sequence[Window]], since: dt.datetime | None
) -> dict[str, tuple[Window, ...]]:
    return {group: clip(ws, since) for group, ws in windows.items()}


def unrecorded_seconds(
    windows: Sequence[Window], since: dt.datetime | None, until: dt.datetime
) -> int:
    """Seconds of ``windows`` (up to ``until``) that fall before recording began."""
    total = 0.0
    for a, b in windows:
        end = min(b, until) if since is None else min(b, until, since)
        if end > a:
            total += (end - a).total_seconds()
    return round(total)
