"""What the home screen shows per service: open or not (and why), waiting, estimated wait."""

from __future__ import annotations

from dataclasses import dataclass

from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import LoketError


@dataclass(frozen=True)
class ServiceTile:
    code: str
    name_id: str
    name_en: str
    waiting: int
    estimated_wait_minutes: int
    takes_tickets: bool
    state: str  # "open", "closed", "outside_hours", "quota_reached"
    reason_id: str = ""
    reason_en: str = ""


def service_tiles(clock: Clock = SYSTEM_CLOCK) -> list[ServiceTile]:
    from loket.models.queue.tickets import check_open, load_service
    from loket.models.queue.waiting import snapshot
    from loket.models.settings import load_settings

    settings = load_settings()
    now = clock.now()
    tiles = []
    for service in snapshot(clock).services:
        state, reason_id, reason_en = "open", "", ""
        row = load_service(service.code)
        if not service.active:
            state = "closed"
            reason_id, reason_en = "Layanan ini sedang ditutup", "This service is closed"
        else:
            try:
                check_open(row, settings, now)
            except LoketError as closed:
                state, reason_id, reason_en = "outside_hours", closed.message_id, closed.message_en
        quota = row.daily_quota
        if state == "open" and quota is not None and service.issued_today >= quota:
            state = "quota_reached"
            reason_id = "Kuota hari ini sudah habis. Silakan datang lagi besok."
            reason_en = "Today's quota is used up. Please come back tomorrow."
        tiles.append(
            ServiceTile(
                code=service.code,
                name_id=service.name_id,
                name_en=service.name_en,
                waiting=service.waiting,
                estimated_wait_minutes=service.estimated_wait_minutes,
                takes_tickets=state == "open",
                state=state,
                reason_id=reason_id,
                reason_en=reason_en,
            )
        )
    return tiles


def front_desk_unstaffed(clock: Clock = SYSTEM_CLOCK) -> bool:
    """True when the staffing state says nobody covers the front desk in service hours."""
    try:
        from loket.models.staffing.desk_state import front_desk_status
    except ImportError:  # staffing is not part of this installation yet
        return False
    status = front_desk_status(clock=clock)
    return bool(status.in_service_hours and not status.covered)
