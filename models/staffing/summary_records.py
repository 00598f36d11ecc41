"""The daily staffing summary as records: :class:`DailySummary` with its gap lines,
counter and officer days and sign-off, each turned to plain JSON values and back (the
summary cache stores them so).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from loket.models.fields import from_micros, to_micros
from loket.models.staffing.coverage import CAUSES
from loket.models.staffing.reasons import reason_name


@dataclass(frozen=True)
class GapLine:
    start: dt.datetime
    end: dt.datetime
    seconds: int
    cause: str
    reason: str | None
    reference: str | None
    approved_by: str | None
    officer: str | None
    counter: int | None
    escalated: bool
    open: bool
    explained_by: str | None = None  # set when a reason was added afterwards

    def to_record(self) -> list[Any]:
        """Plain JSON values that :meth:`from_record` turns back into an equal line."""
        return [to_micros(self.start), to_micros(self.end), *list(vars(self).values())[2:]]

    @classmethod
    def from_record(cls, record: list[Any]) -> GapLine:
        return cls(from_micros(record[0]), from_micros(record[1]), *record[2:])

    def cause_text(self, language: str = "id") -> str:
        names = CAUSES.get(self.cause, (self.cause, self.cause))
        text = names[1] if language == "en" else names[0]
        if self.reason:
            text += f" — {reason_name(self.reason, language)}"
            if self.reference:
                text += f" ({self.reference})"
        return text


@dataclass(frozen=True)
class CounterDay:
    number: int
    front_desk: bool
    service_seconds: int
    staffed_seconds: int
    coverage_pct: float
    break_seconds: int
    officers: tuple[str, ...]

    def to_record(self) -> list[Any]:
        return list(vars(self).values())

    @classmethod
    def from_record(cls, record: list[Any]) -> CounterDay:
        number, front, service, staffed, pct, breaks, officers = record
        return cls(number, front, service, staffed, pct, breaks, tuple(officers))


@dataclass(frozen=True)
class OfficerDay:
    username: str
    full_name: str
    service_seconds: int
    staffed_seconds: int
    coverage_pct: float
    break_seconds: int
    counters: tuple[int, ...]

    def to_record(self) -> list[Any]:
        return list(vars(self).values())

    @classmethod
    def from_record(cls, record: list[Any]) -> OfficerDay:
        username, full, service, staffed, pct, breaks, counters = record
        return cls(username, full, service, staffed, pct, breaks, tuple(counters))


@dataclass(frozen=True)
class SignOff:
    by: str
    full_name: str
    at: dt.datetime
    seq: int
    changed_after: bool
    late_entries: tuple[int, ...]  # log positions recorded after the sign-off

    def to_record(self) -> list[Any]:
        return [self.by, self.full_name, to_micros(self.at), self.seq, self.changed_after,
                list(self.late_entries)]  # fmt: skip

    @classmethod
    def from_record(cls, record: list[Any]) -> SignOff:
        by, full, at, seq, changed, late = record
        return cls(by, full, from_micros(at), seq, changed, tuple(late))


@dataclass(frozen=True)
class DailySummary:
    day: dt.date
    holiday: str | None
    schedule: str  # normal | ramadan
    complete: bool  # the day is over (or its service hours are)
    required: int
    service_seconds: int  # front-desk service hours so far
    covered_seconds: int
    coverage_pct: float
    gap_seconds_by_cause: dict[str, int]
    gaps: tuple[GapLine, ...]
    counters: tuple[CounterDay, ...]
    officers: tuple[OfficerDay, ...]
    sign_off: SignOff | None
    digest: str
    # Front-desk service seconds before the office began recording (the first staffing
    # entry): neither covered nor a gap. ``not_recorded``: the whole day came before it.
    unrecorded_seconds: int = 0
    not_recorded: bool = False

    def to_record(self) -> dict[str, Any]:
        """Plain JSON values that :meth:`from_record` turns back into an equal summary."""
        return {
            "day": self.day.isoformat(),
            "holiday": self.holiday,
            "schedule": self.schedule,
            "complete": self.complete,
            "required": self.required,
            "service_seconds": self.service_seconds,
            "covered_seconds": self.covered_seconds,
            "coverage_pct": self.coverage_pct,
            "gap_seconds_by_cause": self.gap_seconds_by_cause,
            "gaps": [g.to_record() for g in self.gaps],
            "counters": [c.to_record() for c in self.counters],
            "officers": [o.to_record() for o in self.officers],
            "sign_off": self.sign_off.to_record() if self.sign_off else None,
            "digest": self.digest,
            "unrecorded_seconds": self.unrecorded_seconds,
            "not_recorded": self.not_recorded,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> DailySummary:
        signed = record["sign_off"]
        return cls(
            day=dt.date.fromisoformat(record["day"]),
            holiday=record["holiday"],
            schedule=record["schedule"],
            complete=record["complete"],
            required=record["required"],
            service_seconds=record["service_seconds"],
            covered_seconds=record["covered_seconds"],
            coverage_pct=record["coverage_pct"],
            gap_seconds_by_cause=dict(record["gap_seconds_by_cause"]),
            gaps=tuple(GapLine.from_record(g) for g in record["gaps"]),
            counters=tuple(CounterDay.from_record(c) for c in record["counters"]),
            officers=tuple(OfficerDay.from_record(o) for o in record["officers"]),
            sign_off=SignOff.from_record(signed) if signed else None,
            digest=record["digest"],
            unrecorded_seconds=int(record.get("unrecorded_seconds", 0)),
            not_recorded=bool(record.get("not_recorded", False)),
        )

    def as_json(self, zone: dt.tzinfo) -> dict[str, Any]:
        data = asdict(self)

        def fix(value: Any) -> Any:
            if isinstance(value, dt.datetime):
                return value.astimezone(zone).isoformat()
            if isinstance(value, dt.date):
                return value.isoformat()
            if isinstance(value, dict):
                return {k: fix(v) for k, v in value.items()}
            if isinstance(value, list | tuple):
                return [fix(v) for v in value]
            return value

        result: dict[str, Any] = fix(data)
        for gap, line in zip(result["gaps"], self.gaps, strict=True):
            gap["cause_id"] = line.cause_text("id")
            gap["cause_en"] = line.cause_text("en")
        if self.not_recorded:  # nothing was recorded: no share covered, not "100 %"
            result["coverage_pct"] = None
            for counter in result["counters"]:
                counter["coverage_pct"] = None
        return result
