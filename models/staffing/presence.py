"""Who is at which counter right now, read cheaply (the kiosk's estimate needs it).

Kept apart from the staffing guard so that issuing a ticket does not import the
whole guard (its log, hash chain and calendar): 55 ms of every `loket issue`.
"""

from __future__ import annotations

import datetime as dt

from loket.models import rawsql
from loket.models.fields import to_micros

# A counter is staffed while its app's heartbeat is younger than this (DESIGN.md).
HEARTBEAT_TIMEOUT = dt.timedelta(seconds=60)


def staffed_counter_ids(now: dt.datetime) -> frozenset[int] | None:
    """Counters staffed at ``now``; ``None`` while the office does not use sign-in."""
    rows = rawsql.fetch_all("SELECT counter_id, status, last_heartbeat FROM counter_presence")
    if not rows:
        return None
    fresh = to_micros(now - HEARTBEAT_TIMEOUT)
    return frozenset(cid for cid, status, beat in rows if status == "staffed" and beat > fresh)


def break_starts(now: dt.datetime) -> dict[int, int]:
    """Counters on break at ``now`` → when the break began (µs); empty without sign-in."""
    rows = rawsql.fetch_all("SELECT counter_id, since FROM counter_presence WHERE status = 'break'")
    stamp = to_micros(now)
    return {int(cid): min(int(since), stamp) for cid, since in rows}
