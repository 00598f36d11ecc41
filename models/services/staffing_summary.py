"""Daily staffing summaries and the head's sign-off.

Per day: front-desk coverage of service hours, every gap with its cause and reason,
and per counter and per officer the staffed share of service hours and break totals.
The head signs a day off with their password; the sign-off entry keeps a digest of
the summary as signed, so any later change to that day (an explanation added, a
holiday entered afterwards, a row edited behind the application's back) shows up as
"changed after sign-off".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from dataclasses import asdict, dataclass, replace
from typing import Any

from loket.models import rawsql
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import IllegalTransition, InvalidInput, PermissionDenied
from loket.models.fields import from_micros, to_micros
from loket.models.services import chain_seals, staffing_cache, staffing_log
from loket.models.services.coverage import (
    CAUSES,
    CounterMeta,
    CounterState,
    DayCoverage,
    replay_day,
    state_after,
)
from loket.models.services.office import OfficeSettings, load_settings
from loket.models.services.passwords import check_secret
from loket.models.services.service_hours import GROUPS, HoursBook, load_book, parse_day
from loket.models.services.staffing import StaffingWrite, escalation_delay
from loket.models.services.staffing_cache import CachedDay, DayCalendar
from loket.models.services.staffing_log import LogEntry
from loket.models.services.staffing_reasons import check_absence, reason_name

MAX_REPORT_DAYS = 366


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
        return result


def _pct(part: float, whole: float) -> float:
    return round(100.0 * part / whole, 2) if whole else 100.0


def _counters() -> list[CounterMeta]:
    return [
        CounterMeta(cid, number, bool(front), bool(active))
        for cid, number, front, active in rawsql.fetch_all(
            "SELECT id, number, front_desk, active FROM counter ORDER BY number"
        )
    ]


def _staff_names() -> dict[int, tuple[str, str]]:
    return {
        sid: (user, full)
        for sid, user, full in rawsql.fetch_all("SELECT id, username, full_name FROM staff")
    }


def _digest(summary_fields: dict[str, Any]) -> str:
    encoded = json.dumps(summary_fields, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _summarise(
    coverage: DayCoverage,
    entries: list[LogEntry],
    book: HoursBook,
    counters: list[CounterMeta],
    names: dict[int, tuple[str, str]],
    delay: dt.timedelta,
    complete: bool,
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
        sign_off=_sign_off(entries, digest, names),
        digest=digest,
    )


def _sign_off(
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


def _day_is_over(book: HoursBook, day: dt.date, now: dt.datetime) -> bool:
    ends = [b for g in GROUPS for _, b in book.windows(g, day)]
    return now >= max(ends, default=book.day_bounds(day)[0]) or now >= book.day_bounds(day)[1]


def _calendar(book: HoursBook, day: dt.date) -> DayCalendar:
    return DayCalendar(
        bounds=book.day_bounds(day),
        windows={g: book.windows(g, day) for g in GROUPS},
        spans={g: book.span(g, day) for g in GROUPS},
        holiday=book.holidays.get(day),
        schedule=book.schedule_for(day),
    )


def _day_over(calendar: DayCalendar, now: dt.datetime) -> bool:
    """``_day_is_over`` from a day's calendar already worked out."""
    ends = [b for ws in calendar.windows.values() for _, b in ws]
    return now >= max(ends, default=calendar.bounds[0]) or now >= calendar.bounds[1]


def _replay(
    calendar: DayCalendar,
    day: dt.date,
    now: dt.datetime,
    counters: list[CounterMeta],
    starts: dict[int, CounterState],
    entries: list[LogEntry],
    required: int,
) -> DayCoverage:
    return replay_day(
        day,
        calendar.bounds,
        min(now, calendar.bounds[1]),
        calendar.windows,
        calendar.spans,
        counters,
        starts,
        [e for e in entries if e.kind in staffing_log.STATE_KINDS],
        required,
    )


def summaries(
    first: str | dt.date,
    last: str | dt.date,
    clock: Clock = SYSTEM_CLOCK,
    *,
    use_cache: bool = True,
) -> list[DailySummary]:
    """One summary per day from ``first`` to ``last`` (days after today are left out).

    Finished days come from ``staffing_day_cache`` when nothing they depend on has
    changed (see ``staffing_cache``) and are stored there once replayed; the sign-off
    is always worked out afresh. ``use_cache=False`` replays every day from the log.
    """
    start_day, end_day = parse_day(first), parse_day(last)
    if end_day < start_day:
        raise InvalidInput(
            "Tanggal akhir sebelum tanggal awal", "The last day comes before the first"
        )
    if (end_day - start_day).days >= MAX_REPORT_DAYS:
        raise InvalidInput(
            f"Rentang laporan paling lama {MAX_REPORT_DAYS} hari",
            f"A report covers at most {MAX_REPORT_DAYS} days",
        )
    now = clock.now()
    settings: OfficeSettings = load_settings()
    book = load_book()
    end_day = min(end_day, book.local_day(now))
    if end_day < start_day:
        return []
    counters = _counters()
    names = _staff_names()
    delay = escalation_delay()
    required = settings.front_desk_minimum
    days = [start_day + dt.timedelta(days=n) for n in range((end_day - start_day).days + 1)]
    calendars = {day: _calendar(book, day) for day in days}
    starts: dict[int, CounterState] = {
        e.counter_id: state_after(e)
        for e in staffing_log.states_before(calendars[start_day].bounds[0])
        if e.counter_id is not None
    }
    if not use_cache:
        by_day: dict[dt.date, list[LogEntry]] = defaultdict(list)
        for e in staffing_log.entries_for_days(start_day, end_day):
            by_day[e.day].append(e)
        result = []
        for day in days:
            entries = by_day.get(day, [])
            coverage = _replay(calendars[day], day, now, counters, starts, entries, required)
            starts = dict(coverage.end_states)
            complete = _day_over(calendars[day], now)
            result.append(_summarise(coverage, entries, book, counters, names, delay, complete))
        return result
    return _cached_summaries(days, calendars, now, book, counters, names, delay, required, starts)


# The entries a summary reads: states to replay, explanations and sign-offs (gap
# alerts and calendar changes are logged for the record but not read here).
_SUMMARY_KINDS = (*staffing_log.STATE_KINDS, "gap_reason", "sign_off")


def _cached_summaries(
    days: list[dt.date],
    calendars: dict[dt.date, DayCalendar],
    now: dt.datetime,
    book: HoursBook,
    counters: list[CounterMeta],
    names: dict[int, tuple[str, str]],
    delay: dt.timedelta,
    required: int,
    starts: dict[int, CounterState],
) -> list[DailySummary]:
    logs = staffing_cache.day_logs(days[0], days[-1])
    stored = staffing_cache.load(days[0], days[-1])
    shared = staffing_cache.shared_key(counters, delay, required)
    complete = {day: _day_over(calendars[day], now) for day in days}

    def usable(day: dt.date, states: dict[int, CounterState] | None) -> CachedDay | None:
        row = stored.get(day)
        if row is None or states is None or not complete[day]:
            return None
        key = staffing_cache.day_key(shared, day, logs.get(day), calendars[day], counters, states)
        return row if row.key == key and row.names_match(names) else None

    # Which days will be replayed: read their log in one go. A day found to need it
    # only during the walk (how yesterday ended changed after all) reads its own.
    replayed: list[dt.date] = []
    guess: dict[int, CounterState] | None = starts
    for day in days:
        if usable(day, guess) is None:
            replayed.append(day)
        row = stored.get(day)
        guess = row.end_states if row else None
    by_day: dict[dt.date, list[LogEntry]] = defaultdict(list)
    for e in staffing_log.entries_for_day_list(replayed, _SUMMARY_KINDS):
        by_day[e.day].append(e)

    result: list[DailySummary] = []
    fresh: dict[dt.date, tuple[str, str]] = {}
    from_cache: list[int] = []
    for day in days:
        row = usable(day, starts)
        if row is not None:
            from_cache.append(len(result))
            result.append(DailySummary.from_record(row.summary))
            starts = row.end_states
            continue
        entries = by_day[day] if day in replayed else staffing_log.entries_for_days(day, day)
        key = staffing_cache.day_key(shared, day, logs.get(day), calendars[day], counters, starts)
        coverage = _replay(calendars[day], day, now, counters, starts, entries, required)
        summary = _summarise(coverage, entries, book, counters, names, delay, complete[day])
        result.append(summary)
        if complete[day]:
            fresh[day] = staffing_cache.record(
                key,
                replace(summary, sign_off=None).to_record(),
                coverage.end_states,
                staffing_cache.staff_shown(coverage, entries),
                names,
            )
        starts = dict(coverage.end_states)
    _sign_cached(result, from_cache, logs, names)
    staffing_cache.store(fresh)
    return result


def _sign_cached(
    result: list[DailySummary],
    positions: list[int],
    logs: dict[dt.date, staffing_cache.DayLog],
    names: dict[int, tuple[str, str]],
) -> None:
    """Put the sign-off, worked out from the log now, on the summaries from the cache."""
    signed: dict[dt.date, int] = {}
    for i in positions:
        log = logs.get(result[i].day)
        if log is not None and log.sign_off_seq is not None:
            signed[result[i].day] = log.sign_off_seq
    if not signed:
        return
    late_days = [day for day, seq in signed.items() if (logs[day].last_change_seq or 0) > seq]
    by_day: dict[dt.date, list[LogEntry]] = defaultdict(list)
    for e in staffing_log.entries_with_seqs(list(signed.values())):
        by_day[e.day].append(e)
    changes = (*staffing_log.STATE_KINDS, "gap_reason")
    for e in staffing_log.entries_for_day_list(late_days, changes):
        if e.seq > signed[e.day]:
            by_day[e.day].append(e)
    for i in positions:
        summary = result[i]
        if summary.day in signed:
            sign_off = _sign_off(by_day[summary.day], summary.digest, names)
            result[i] = replace(summary, sign_off=sign_off)


def daily_summary(day: str | dt.date, clock: Clock = SYSTEM_CLOCK) -> DailySummary:
    value = parse_day(day)
    # Always from the log: this is what the head signs and what a late change is
    # checked against, so it must not trust anything derived.
    found = summaries(value, value, clock, use_cache=False)
    if not found:
        raise InvalidInput(
            f"{value} belum terjadi; tidak ada ringkasan", f"{value} is in the future; no summary"
        )
    return found[0]


def _authenticate(username: str, password: str, roles: tuple[str, ...]) -> tuple[int, str]:
    row = rawsql.fetch_one(
        "SELECT id, username, role, password_hash, active FROM staff WHERE username = ?",
        (username.strip().lower(),),
    )
    if row is None or not row[4] or not check_secret(password, row[3]):
        raise PermissionDenied("Nama pengguna atau kata sandi salah", "Wrong username or password")
    if row[2] not in roles:
        who = " atau ".join(roles)
        raise PermissionDenied(
            f"Hanya {who} yang dapat melakukan ini; {row[1]} berperan {row[2]}",
            f"Only the {' or '.join(roles)} may do this; {row[1]} is {row[2]}",
        )
    return int(row[0]), str(row[1])


def sign_off_day(
    day: str | dt.date, username: str, password: str, clock: Clock = SYSTEM_CLOCK
) -> DailySummary:
    """The head of office signs off a day's staffing summary."""
    value = parse_day(day)
    head_id, head_name = _authenticate(username, password, ("head",))
    with StaffingWrite(clock) as w:
        if not _day_is_over(w.book, value, w.now):
            raise IllegalTransition(
                f"{value} belum selesai: tanda tangani setelah jam layanan berakhir",
                f"{value} is not over yet: sign it off after service hours end",
            )
    summary = daily_summary(value, clock)
    # Made (or found) before the write: a new key writes its own file and row.
    key = chain_seals.sealing_key(clock)
    with StaffingWrite(clock) as w:
        entry = staffing_log.append(
            "sign_off",
            w.now,
            w.now,
            value,
            officer_id=head_id,
            detail={"day": value.isoformat(), "digest": summary.digest, "sealed": True},
        )
        # In the same transaction, after the entry: the seal covers the sign-off itself.
        chain_seals.record_seal(value, entry.seq, head_name, key, clock)
        w.changed = True
    return daily_summary(value, clock)


def explain_gap(
    day: str | dt.date,
    start: str,
    reason: str,
    reference: str | None,
    approved_by: str | None,
    username: str,
    password: str,
    clock: Clock = SYSTEM_CLOCK,
) -> DailySummary:
    """Add the reason for a gap afterwards (e.g. the SPT arrived the next day)."""
    value = parse_day(day)
    staff_id, _ = _authenticate(username, password, ("head", "admin"))
    summary = daily_summary(value, clock)
    zone = load_settings().zone
    wanted = start.strip()
    match = next(
        (
            g
            for g in summary.gaps
            if g.start.astimezone(zone).strftime("%H:%M:%S").startswith(wanted)
            or g.start.astimezone(zone).strftime("%H:%M") == wanted
        ),
        None,
    )
    if match is None:
        raise InvalidInput(
            f"Tidak ada kekosongan yang mulai pukul {wanted} pada {value}",
            f"No gap starts at {wanted} on {value}",
        )
    absence = check_absence(reason, reference, approved_by, None)
    with StaffingWrite(clock) as w:
        staffing_log.append(
            "gap_reason",
            w.now,
            w.now,
            value,
            officer_id=staff_id,
            reason=absence.reason.code,
            reference=absence.reference,
            approved_by_id=absence.approved_by_id,
            detail={"start": to_micros(match.start), "cause": match.cause},
        )
        w.changed = True
    return daily_summary(value, clock)
