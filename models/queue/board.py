"""What the display board shows: now serving per counter, the last calls, waiting per service.

The board learns of calls from ``ticket_event`` rows (kinds ``called`` and ``recalled``):
every call and every recall is one row, so a recall is announced again and nothing
is announced twice. :class:`CallTracker` hands out each row once, in order.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from dataclasses import dataclass
from typing import Any

from loket.models import rawsql
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import database, db_date
from loket.models.fields import from_micros
from loket.models.queue.waiting import snapshot
from loket.models.settings import OfficeSettings, load_settings

CALL_KINDS = ("called", "recalled")

_CALLS = (
    "SELECT e.id, t.label, c.number, e.kind, e.at FROM ticket_event e "
    "JOIN ticket t ON t.id = e.ticket_id JOIN counter c ON c.id = e.counter_id "
    "WHERE e.kind IN ('called', 'recalled') AND t.day = ? "
)
_RECENT = _CALLS + "ORDER BY e.id DESC LIMIT ?"
_SINCE = _CALLS + "AND e.id > ? ORDER BY e.id"
_LAST_ID = "SELECT MAX(id) FROM ticket_event WHERE kind IN ('called', 'recalled')"

# PostgreSQL hands out ids before commit: two counters calling at once may commit
# id 41 after id 42. Looking back this many ids catches the late one.
LOOK_BACK = 64


@dataclass(frozen=True)
class BoardCall:
    event_id: int
    number: str
    counter: int
    recall: bool
    at: dt.datetime


@dataclass(frozen=True)
class NowServing:
    counter: int
    name: str
    number: str | None
    status: str | None
    active: bool


@dataclass(frozen=True)
class WaitingService:
    code: str
    name_id: str
    name_en: str
    waiting: int
    estimated_wait_minutes: int
    active: bool


@dataclass(frozen=True)
class BoardSnapshot:
    office_name: str
    office_address: str
    office_logo: str
    timezone: str
    running_text_id: str
    running_text_en: str
    now_serving: tuple[NowServing, ...]
    recent_calls: tuple[BoardCall, ...]
    waiting: tuple[WaitingService, ...]
    taken_at: dt.datetime


def _call(row: tuple[Any, ...]) -> BoardCall:
    event_id, label, counter, kind, at = row
    return BoardCall(
        event_id=int(event_id),
        number=str(label),
        counter=int(counter),
        recall=kind == "recalled",
        at=from_micros(int(at)),
    )


def recent_calls(limit: int = 6, clock: Clock = SYSTEM_CLOCK) -> tuple[BoardCall, ...]:
    """Today's last ``limit`` calls and recalls, newest first."""
    day = db_date(load_settings().today(clock.now()))
    return tuple(_call(row) for row in rawsql.fetch_all(_RECENT, (day, limit)))


def calls_after(event_id: int, clock: Clock = SYSTEM_CLOCK) -> tuple[BoardCall, ...]:
    """Today's calls and recalls with an event id above ``event_id``, oldest first."""
    day = db_date(load_settings().today(clock.now()))
    return tuple(_call(row) for row in rawsql.fetch_all(_SINCE, (day, event_id)))


def last_call_event_id() -> int:
    row = rawsql.fetch_one(_LAST_ID)
    return int(row[0]) if row and row[0] is not None else 0


def running_text(settings: OfficeSettings) -> tuple[str, str]:
    """The board's ticker: the office's own text, or the maklumat pelayanan by default."""
    if settings.board_running_text.strip():
        text = settings.board_running_text.strip()
        return text, settings.board_running_text_en.strip() or text
    text_id = (
        f"MAKLUMAT PELAYANAN — {settings.office_name}: dengan ini kami menyatakan sanggup "
        "menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan dan "
        "apabila tidak menepati janji ini kami siap menerima sanksi sesuai peraturan yang "
        "berlaku. • Pelayanan prioritas bagi lansia, penyandang disabilitas, ibu hamil dan "
        "menyusui, serta anak-anak. • Nilai pelayanan kami di kios (Survei Kepuasan "
        "Masyarakat). • " + settings.complaint_channel
    )
    text_en = (
        f"SERVICE PLEDGE — {settings.office_name}: we pledge to serve according to our "
        "published service standard and accept sanctions under the law if we fail. • "
        "Priority service for the elderly, people with disabilities, pregnant and nursing "
        "mothers, and children. • Rate our service at the kiosk (public satisfaction "
        "survey). • " + settings.complaint_channel
    )
    return text_id, text_en


def board_snapshot(recent: int = 6, clock: Clock = SYSTEM_CLOCK) -> BoardSnapshot:
    settings = load_settings()
    queue = snapshot(clock)
    text_id, text_en = running_text(settings)
    return BoardSnapshot(
        office_name=settings.office_name,
        office_address=settings.office_address,
        office_logo=settings.office_logo,
        timezone=settings.timezone,
        running_text_id=text_id,
        running_text_en=text_en,
        now_serving=tuple(
            NowServing(c.number, c.name, c.current, c.current_status, c.active)
            for c in queue.counters
        ),
        recent_calls=recent_calls(recent, clock),
        waiting=tuple(
            WaitingService(
                s.code, s.name_id, s.name_en, s.waiting, s.estimated_wait_minutes, s.active
            )
            for s in queue.services
        ),
        taken_at=clock.now(),
    )


def reconnect() -> None:
    """Drop a connection the server has closed; the next query opens a fresh one.

    A board runs for days: a PostgreSQL restart or a network blip must not leave it
    stuck on a dead connection.
    """
    db = database.obj
    try:
        db.close()
    except Exception:  # the old connection is broken anyway; it is being thrown away
        db._state.reset()
    db.connect(reuse_if_open=True)


class CallTracker:
    """Hands out each call event once, oldest first, starting after the board opened."""

    def __init__(self, clock: Clock = SYSTEM_CLOCK) -> None:
        self._clock = clock
        # Calls made before the board opened are on screen already, never spoken.
        self._start = last_call_event_id()
        self._high = self._start
        self._seen: set[int] = set()
        self._order: deque[int] = deque()

    def new_calls(self) -> tuple[BoardCall, ...]:
        after = max(self._start, self._high - LOOK_BACK)
        fresh = [c for c in calls_after(after, self._clock) if c.event_id not in self._seen]
        for call in fresh:
            self._remember(call.event_id)
        return tuple(fresh)

    def _remember(self, event_id: int) -> None:
        self._seen.add(event_id)
        self._order.append(event_id)
        self._high = max(self._high, event_id)
        while len(self._order) > 4 * LOOK_BACK:
            self._seen.discard(self._order.popleft())
