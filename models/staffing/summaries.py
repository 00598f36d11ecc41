"""Daily staffing summaries over a range of days (:func:`summaries`, the reports' path,
finished days from the cache) and of one day replayed from the log
(:func:`daily_summary`, what the head signs).

Per day: front-desk coverage of service hours, every gap with its cause and reason,
and per counter and per officer the staffed share of service hours and break totals.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace

from loket.models import rawsql
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import InvalidInput
from loket.models.settings import OfficeSettings, load_settings
from loket.models.staffing import log as staffing_log
from loket.models.staffing import summary_cache as staffing_cache
from loket.models.staffing.coverage import (
    CounterMeta,
    CounterState,
    DayCoverage,
    replay_day,
    state_after,
)
from loket.models.staffing.escalation import escalation_delay
from loket.models.staffing.hours import GROUPS, HoursBook, load_book, parse_day
from loket.models.staffing.log import LogEntry
from loket.models.staffing.recording import clip_groups, recording_since, unrecorded_seconds
from loket.models.staffing.summarise import sign_off_summary, summarise_day
from loket.models.staffing.summary_cache import CachedDay, DayCalendar
from loket.models.staffing.summary_records import DailySummary

MAX_REPORT_DAYS = 366


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


def _calendar(book: HoursBook, day: dt.date, since: dt.datetime | None) -> DayCalendar:
    """The day's calendar, its service hours from the moment recording began on."""
    return DayCalendar(
        bounds=book.day_bounds(day),
        windows=clip_groups({g: book.windows(g, day) for g in GROUPS}, since),
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
    since = recording_since(lambda first: book.day_bounds(first)[0])
    calendars = {day: _calendar(book, day, since) for day in days}
    marks = {
        day: (
            unrecorded_seconds(book.windows("front_desk", day), since, now),
            since is None or since >= calendars[day].bounds[1],
        )
        for day in days
    }
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
            result.append(
                summarise_day(
                    coverage, entries, book, counters, names, delay, complete, *marks[day]
                )
            )
        return result
    return _cached_summaries(
        days, calendars, marks, now, book, counters, names, delay, required, starts
    )


# The entries a summary reads: states to replay, explanations and sign-offs (gap
# alerts and calendar changes are logged for the record but not read here).
_SUMMARY_KINDS = (*staffing_log.STATE_KINDS, "gap_reason", "sign_off")


def _cached_summaries(
    days: list[dt.date],
    calendars: dict[dt.date, DayCalendar],
    marks: dict[dt.date, tuple[int, bool]],
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
        summary = summarise_day(
            coverage, entries, book, counters, names, delay, complete[day], *marks[day]
        )
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
            sign_off = sign_off_summary(by_day[summary.day], summary.digest, names)
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
