"""What the staffing guard hands the apps: the front desk's status
(:class:`FrontDeskStatus`) and one counter's (:class:`CounterStaffing`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from loket.models.staffing.coverage import CAUSES
from loket.models.staffing.reasons import reason_name


@dataclass(frozen=True)
class FrontDeskStatus:
    """Is the front desk covered right now, and if not since when and why."""

    covered: bool
    in_service_hours: bool
    staffed_counters: tuple[int, ...]  # counter numbers
    required: int
    gap_cause: str | None
    gap_since: dt.datetime | None
    gap_reason: str | None
    gap_reference: str | None
    escalated: bool
    uncovered_since: dt.datetime | None
    escalate_at: dt.datetime | None
    checked_at: dt.datetime

    def message(self, language: str = "id") -> str:
        """One line for the kiosk banner, the counter app and the admin board."""
        en = language == "en"
        if not self.in_service_hours:
            return "Outside service hours" if en else "Di luar jam layanan"
        if self.covered:
            numbers = ", ".join(str(n) for n in self.staffed_counters)
            return (
                f"Front desk staffed (counter {numbers})"
                if en
                else f"Loket depan dijaga (loket {numbers})"
            )
        cause = CAUSES.get(self.gap_cause or "", ("", ""))[1 if en else 0]
        text = f"Front desk unstaffed: {cause}" if en else f"Loket depan kosong: {cause}"
        if self.gap_reason:
            text += f" ({reason_name(self.gap_reason, language)}"
            text += f", {self.gap_reference})" if self.gap_reference else ")"
        if self.escalated:
            text += " — reported to the head" if en else " — dilaporkan ke kepala"
        return text

    def as_json(self, zone: dt.tzinfo) -> dict[str, Any]:
        def stamp(value: dt.datetime | None) -> str | None:
            return value.astimezone(zone).isoformat() if value else None

        return {
            "covered": self.covered,
            "in_service_hours": self.in_service_hours,
            "staffed_counters": list(self.staffed_counters),
            "required": self.required,
            "gap_cause": self.gap_cause,
            "gap_since": stamp(self.gap_since),
            "gap_reason": self.gap_reason,
            "gap_reference": self.gap_reference,
            "escalated": self.escalated,
            "uncovered_since": stamp(self.uncovered_since),
            "escalate_at": stamp(self.escalate_at),
            "checked_at": stamp(self.checked_at),
            "message_id": self.message("id"),
            "message_en": self.message("en"),
        }


@dataclass(frozen=True)
class CounterStaffing:
    """One counter on the admin board."""

    number: int
    name: str
    front_desk: bool
    active: bool
    status: str  # out | staffed | break | lost
    officer: str | None
    officer_name: str | None
    since: dt.datetime | None
    heartbeat_age_seconds: float | None
    serving: str | None  # ticket label being called or served
    reason: str | None
    reference: str | None

    @property
    def staffed(self) -> bool:
        return self.status == "staffed"

    @property
    def on_break(self) -> bool:
        return self.status == "break"

    def as_json(self, zone: dt.tzinfo) -> dict[str, Any]:
        return {
            "number": self.number,
            "name": self.name,
            "front_desk": self.front_desk,
            "active": self.active,
            "status": self.status,
            "staffed": self.staffed,
            "on_break": self.on_break,
            "officer": self.officer,
            "officer_name": self.officer_name,
            "since": self.since.astimezone(zone).isoformat() if self.since else None,
            "heartbeat_age_seconds": (
                round(self.heartbeat_age_seconds, 1)
                if self.heartbeat_age_seconds is not None
                else None
            ),
            "serving": self.serving,
            "reason": self.reason,
            "reference": self.reference,
        }
