"""One day's replay made into its :class:`DailySummary`: the gap lines with their causes
and reasons, per counter and per officer the staffed share of service hours and break
totals, the digest of it all, and the sign-off found in the day's log.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from typing import Any

from loket.models.fields import to_micros
from loket.models.staffing import log as staffing_log
from loket.models.staffing.coverage import CounterMeta, DayCoverage
from loket.models.staffing.hours import HoursBook
from loket.models.staffing.log import LogEntry
from loket.models.staffing.summary_records import (
    CounterDay,
    DailySummary,
    GapLine,
    OfficerDay,
    SignOff,
)


def _pct(part: float, whole: float) -> float:
    return round(100.0 * part / whole, 2) if whole else 100.0


def _digest(summary_fields: dict[str, Any]) -> str:
    encoded = json.dumps(summary_fields, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def summarise_day(
    coverage: DayCoverage,
    entries: list[LogEntry],
    book: HoursBook,
    counters: list[CounterMeta],
    names: dict[int, tuple[str, str]],
    delay: dt.timedelta,
    complete: bool,
    unrecorded_seconds: int = 0,
    not_recorded: bool = False,
) -> DailySummary:
    day = coverage.day
    user = {sid: n[0] for sid, n in names.items()}
    explanations: dict[int, LogEntry] = {}
    for e in entries:
        if e.kind == "gap_reason":
            explanations[int(e.detail["start"])] = e
    gaps = []
    run_start: dt.datetime | None = None
    previous_end: dt.datetime | None = None
    for g in coverage.gaps:
        run_start = run_start if previous_end == g.start else g.start
        previous_end = g.end
        note = explanations.get(to_micros(g.start))
        reason, ref, approver = g.reason, g.reference, g.approved_by_id
        if note is not None:
            reason, ref, approver = note.reason, note.reference, note.approved_by_id
        gaps.append(
            GapLine(
                start=g.start,
                end=g.end,
                seconds=round(g.seconds),
                cause=g.cause,
                reason=reason,
                reference=ref,
                approved_by=user.get(approver) if approver else None,
                officer=user.get(g.officer_id) if g.officer_id else None,
                counter=next((c.number for c in counters if c.id == g.counter_id), None),
                escalated=g.end - run_start >= delay,
                open=g.open,
                explained_by=user.get(note.officer_id) if note and note.officer_id else None,
            )
        )
    by_cause: dict[str, int] = defaultdict(int)
    for line in gaps:
        by_cause[line.cause] += line.seconds
    service = round(coverage.front_desk_seconds)
    gap_total = sum(line.seconds for line in gaps)
    counter_days = []
    for c in counters:
        svc = round(coverage.counter_service.get(c.id, 0.0))
        staffed = round(coverage.counter_staffed.get(c.id, 0.0))
        breaks = round(coverage.counter_breaks.get(c.id, 0.0))
        officers = tuple(user.get(o, f"#{o}") for o in coverage.counter_officers.get(c.id, ()))
        if not c.active and not staffed and not breaks:
            continue
        counter_days.append(
            CounterDay(c.number, c.front_desk, svc, staffed, _pct(staffed, svc), breaks, officers)
        )
    numbers = {c.id: c for c in counters}
    officer_days = []
    for officer_id, where in sorted(
        coverage.officer_counters.items(), key=lambda kv: user.get(kv[0], "")
    ):
        # An officer's share is of the hours of the desk they worked: the front desk's
        # if they sat at one, else their counter's.
        if any(numbers[c].front_desk for c in where if c in numbers):
            svc = service
        else:
            svc = round(max(coverage.counter_service.get(c, 0.0) for c in where))
        staffed = round(coverage.officer_staffed.get(officer_id, 0.0))
        username, full = names.get(officer_id, (f"#{officer_id}", ""))
        officer_days.append(
            OfficerDay(
                username,
                full,
                svc,
                staffed,
                _pct(staffed, svc),
                round(coverage.officer_breaks.get(officer_id, 0.0)),
                tuple(numbers[c].number for c in where if c in numbers),
            )
        )
    content = {
        "day": day.isoformat(),
        "service_seconds": service,
        # vars() of these flat dataclasses is what asdict() gives, at a tenth of the cost.
        "gaps": [vars(g) for g in gaps],
        "counters": [vars(c) for c in counter_days],
        "officers": [vars(o) for o in officer_days],
        "holiday": book.holidays.get(day),
        "schedule": book.schedule_for(day),
    }
    if unrecorded_seconds or not_recorded:  # absent otherwise: older digests stay valid
        content["unrecorded_seconds"] = unrecorded_seconds
        content["not_recorded"] = not_recorded
    digest = _digest(content)
    return DailySummary(
        day=day,
        holiday=book.holidays.get(day),
        schedule=book.schedule_for(day),
        complete=complete,
        required=coverage.required,
        service_seconds=service,
        covered_seconds=service - gap_total,
        coverage_pct=_pct(service - gap_total, service),
        gap_seconds_by_cause=dict(by_cause),
        gaps=tuple(gaps),
        counters=tuple(counter_days),
        officers=tuple(officer_days),
        sign_off=sign_off_summary(entries, digest, names),
        digest=digest,
        unrecorded_seconds=unrecorded_seconds,
        not_recorded=not_recorded,
    )


def sign_off_summary(
    entries: list[LogEntry], digest: str, names: dict[int, tuple[str, str]]
) -> SignOff | None:
    signed = [e for e in entries if e.kind == "sign_off"]
    if not signed:
        return None
    last = max(signed, key=lambda e: e.seq)
    late = tuple(
        e.seq
        for e in entries
        if e.seq > last.seq and e.kind in (*staffing_log.STATE_KINDS, "gap_reason")
    )
    username, full = names.get(last.officer_id or 0, ("?", ""))
    return SignOff(
        by=username,
        full_name=full,
        at=last.recorded_at,
        seq=last.seq,
        changed_after=last.detail.get("digest") != digest,
        late_entries=late,
    )
