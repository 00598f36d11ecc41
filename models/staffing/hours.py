"""Service hours per counter group and weekday, break windows, holidays and Ramadan.

Defaults (Perpres 21/2023 practice, DOMAIN.md): Mon–Thu 07:30–16:00 with a break
12:00–13:00, Fri 07:30–16:30 with a break 11:30–13:00, weekends closed; Ramadan:
start 08:00, Mon–Thu 08:00–15:00 (break 12:00–12:30), Fri 08:00–15:30 (break
11:30–12:30) = 32.5 h a week. Front-desk counters serve through the break window
(breaks are staggered); other counters close for it. Every change is logged in the
staffing chain with a digest of the whole calendar, so a change made behind the
application's back shows up in ``loket staffing verify``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from loket.models import rawsql
from loket.models import validation as check
from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import write_transaction
from loket.models.errors import InvalidInput, NotFound
from loket.models.settings import load_settings
from loket.models.staffing import log as staffing_log
from loket.models.tables import Holiday, RamadanPeriod, ServiceHours

GROUPS = ("front_desk", "other")
GROUP_NAMES = {"front_desk": ("loket depan", "front desk"), "other": ("loket lain", "other")}
SCHEDULES = ("normal", "ramadan")
Window = tuple[dt.datetime, dt.datetime]


@dataclass(frozen=True)
class DayHours:
    """One weekday of a schedule, in office-local minutes after midnight."""

    weekday: int
    open_minute: int
    close_minute: int
    break_start: int | None = None
    break_end: int | None = None
    open_through_break: bool = False

    @property
    def closed(self) -> bool:
        return self.open_minute >= self.close_minute

    def minutes(self) -> list[tuple[int, int]]:
        """The served stretches of the day (the break cut out unless served through)."""
        if self.closed:
            return []
        if self.break_start is None or self.break_end is None or self.open_through_break:
            return [(self.open_minute, self.close_minute)]
        parts = [(self.open_minute, self.break_start), (self.break_end, self.close_minute)]
        return [(a, b) for a, b in parts if a < b]

    def describe(self) -> str:
        if self.closed:
            return "tutup/closed"
        text = check.format_hours(self.open_minute, self.close_minute)
        if self.break_start is not None and self.break_end is not None:
            text += f" istirahat/break {check.format_hours(self.break_start, self.break_end)}"
            if self.open_through_break:
                text += " (tetap dilayani, bergantian / served, staggered)"
        return text


def _hm(hour: int, minute: int = 0) -> int:
    return hour * 60 + minute


def default_hours(group: str, schedule: str, weekday: int) -> DayHours:
    through = group == "front_desk"
    if weekday >= 6:
        return DayHours(weekday, 0, 0)
    if schedule == "ramadan":
        if weekday == 5:
            return DayHours(weekday, _hm(8), _hm(15, 30), _hm(11, 30), _hm(12, 30), through)
        return DayHours(weekday, _hm(8), _hm(15), _hm(12), _hm(12, 30), through)
    if weekday == 5:
        return DayHours(weekday, _hm(7, 30), _hm(16, 30), _hm(11, 30), _hm(13), through)
    return DayHours(weekday, _hm(7, 30), _hm(16), _hm(12), _hm(13), through)


def _group(raw: str) -> str:
    value = raw.strip().lower().replace("-", "_").replace(" ", "_")
    aliases = {"front": "front_desk", "depan": "front_desk", "lain": "other", "back": "other"}
    value = aliases.get(value, value)
    if value not in GROUPS:
        raise InvalidInput(
            f"Kelompok loket harus salah satu dari {', '.join(GROUPS)}, bukan '{raw}'",
            f"The counter group is one of {', '.join(GROUPS)}, not '{raw}'",
        )
    return value


def _schedule(raw: str) -> str:
    value = raw.strip().lower()
    if value not in SCHEDULES:
        raise InvalidInput(
            f"Jadwal harus normal atau ramadan, bukan '{raw}'",
            f"The schedule is normal or ramadan, not '{raw}'",
        )
    return value


@dataclass(frozen=True)
class HoursBook:
    """A snapshot of the whole calendar: weekly schedules, holidays, Ramadan periods."""

    zone: ZoneInfo
    weeks: dict[tuple[str, str], tuple[DayHours, ...]]  # (group, schedule) → Mon..Sun
    holidays: dict[dt.date, str]
    ramadan: tuple[tuple[dt.date, dt.date], ...]

    def schedule_for(self, day: dt.date) -> str:
        return "ramadan" if any(a <= day <= b for a, b in self.ramadan) else "normal"

    def hours(self, group: str, day: dt.date) -> DayHours | None:
        """That day's hours for ``group``; ``None`` on a holiday."""
        if day in self.holidays:
            return None
        return self.weeks[(group, self.schedule_for(day))][day.isoweekday() - 1]

    def _instant(self, day: dt.date, minute: int) -> dt.datetime:
        local = dt.datetime.combine(day, dt.time(), tzinfo=self.zone) + dt.timedelta(minutes=minute)
        return local.astimezone(dt.UTC)

    def windows(self, group: str, day: dt.date) -> tuple[Window, ...]:
        """Service hours of ``group`` on ``day`` as UTC intervals (empty when closed)."""
        hours = self.hours(group, day)
        if hours is None:
            return ()
        return tuple((self._instant(day, a), self._instant(day, b)) for a, b in hours.minutes())

    def span(self, group: str, day: dt.date) -> Window | None:
        """Opening to closing, the break included: where break time is counted."""
        hours = self.hours(group, day)
        if hours is None or hours.closed:
            return None
        return self._instant(day, hours.open_minute), self._instant(day, hours.close_minute)

    def day_bounds(self, day: dt.date) -> Window:
        start = dt.datetime.combine(day, dt.time(), tzinfo=self.zone)
        end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=self.zone)
        return start.astimezone(dt.UTC), end.astimezone(dt.UTC)

    def local_day(self, instant: dt.datetime) -> dt.date:
        return instant.astimezone(self.zone).date()


def load_book() -> HoursBook:
    weeks: dict[tuple[str, str], list[DayHours]] = {
        (g, s): [default_hours(g, s, d) for d in range(1, 8)] for g in GROUPS for s in SCHEDULES
    }
    for row in rawsql.fetch_all(
        "SELECT counter_group, schedule, weekday, open_minute, close_minute, break_start, "
        "break_end, open_through_break FROM service_hours"
    ):
        group, schedule, weekday, start, end, b1, b2, through = row
        if (group, schedule) in weeks and 1 <= weekday <= 7:
            weeks[(group, schedule)][weekday - 1] = DayHours(
                weekday, start, end, b1, b2, bool(through)
            )
    holidays = {
        staffing_log.stored_day(day): name
        for day, name in rawsql.fetch_all("SELECT day, name FROM holiday")
    }
    ramadan = tuple(
        sorted(
            (staffing_log.stored_day(a), staffing_log.stored_day(b))
            for a, b in rawsql.fetch_all("SELECT first_day, last_day FROM ramadan_period")
        )
    )
    return HoursBook(
        zone=load_settings().zone,
        weeks={key: tuple(days) for key, days in weeks.items()},
        holidays=holidays,
        ramadan=ramadan,
    )


def calendar_digest() -> str:
    """SHA-256 over every stored hours, holiday and Ramadan row."""
    content = {
        "hours": [
            list(r)
            for r in rawsql.fetch_all(
                "SELECT counter_group, schedule, weekday, open_minute, close_minute, break_start, "
                "break_end, open_through_break FROM service_hours ORDER BY counter_group, schedule, weekday"
            )
        ],
        "holidays": [
            [str(d), n] for d, n in rawsql.fetch_all("SELECT day, name FROM holiday ORDER BY day")
        ],
        "ramadan": [
            [str(a), str(b)]
            for a, b in rawsql.fetch_all(
                "SELECT first_day, last_day FROM ramadan_period ORDER BY first_day"
            )
        ],
    }
    for row in content["hours"]:
        row[7] = bool(row[7])
    encoded = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _log_change(what: dict[str, object], clock: Clock) -> None:
    now = clock.now()
    day = load_settings().today(now)
    staffing_log.append("config", now, now, day, detail={**what, "calendar": calendar_digest()})
    publish("staffing")


# ── weekly hours ─────────────────────────────────────────────────────────────────


def week(group: str, schedule: str = "normal") -> tuple[DayHours, ...]:
    return load_book().weeks[(_group(group), _schedule(schedule))]


def set_hours(
    group: str,
    days: str,
    *,
    hours: str | None = None,
    break_window: str | None = None,
    closed: bool = False,
    open_through_break: bool | None = None,
    schedule: str = "normal",
    clock: Clock = SYSTEM_CLOCK,
) -> tuple[DayHours, ...]:
    """Change some weekdays of a group's schedule; ``break_window=""`` removes the break."""
    group, schedule = _group(group), _schedule(schedule)
    weekdays = [int(d) for d in check.weekdays(days)]
    span = check.hours(hours) if hours else None
    pause: tuple[int, int] | None = None
    if break_window:
        pause = check.hours(break_window)
    with write_transaction():
        staffing_log.lock_log()
        current = list(load_book().weeks[(group, schedule)])
        for weekday in weekdays:
            old = current[weekday - 1]
            if closed:
                new = DayHours(weekday, 0, 0)
            else:
                start, end = span or (old.open_minute, old.close_minute)
                if start >= end:
                    raise InvalidInput(
                        f"Jam layanan hari {weekday} belum diisi (mis. --hours 07:30-16:00)",
                        f"Day {weekday} has no hours yet (e.g. --hours 07:30-16:00)",
                    )
                b1, b2 = (old.break_start, old.break_end) if break_window is None else (None, None)
                if pause is not None:
                    b1, b2 = pause
                if b1 is not None and b2 is not None and not start <= b1 < b2 <= end:
                    raise InvalidInput(
                        "Jam istirahat harus berada di dalam jam layanan",
                        "The break must lie inside the service hours",
                    )
                through = (
                    old.open_through_break if open_through_break is None else open_through_break
                )
                new = DayHours(weekday, start, end, b1, b2, through)
            current[weekday - 1] = new
        ServiceHours.delete().where(
            (ServiceHours.counter_group == group) & (ServiceHours.schedule == schedule)
        ).execute()
        ServiceHours.insert_many(
            [
                {
                    "counter_group": group,
                    "schedule": schedule,
                    "weekday": d.weekday,
                    "open_minute": d.open_minute,
                    "close_minute": d.close_minute,
                    "break_start": d.break_start,
                    "break_end": d.break_end,
                    "open_through_break": d.open_through_break,
                }
                for d in current
            ]
        ).execute()
        _log_change({"change": "hours", "group": group, "schedule": schedule, "days": days}, clock)
    return tuple(current)


# ── holidays and Ramadan ─────────────────────────────────────────────────────────


def parse_day(raw: str | dt.date) -> dt.date:
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError as exc:
        raise InvalidInput(
            f"Tanggal tidak sah: '{raw}' (format TTTT-BB-HH, mis. 2026-12-25)",
            f"Invalid date: '{raw}' (format YYYY-MM-DD, e.g. 2026-12-25)",
        ) from exc


@dataclass(frozen=True)
class HolidayInfo:
    day: dt.date
    name: str


def add_holiday(day: str | dt.date, name: str, clock: Clock = SYSTEM_CLOCK) -> HolidayInfo:
    value = parse_day(day)
    label = check.text(name, "Nama hari libur", "Holiday name", 120)
    with write_transaction():
        staffing_log.lock_log()
        if Holiday.select().where(Holiday.day == value).exists():
            raise InvalidInput(
                f"{value} sudah tercatat sebagai hari libur", f"{value} is already a holiday"
            )
        Holiday.create(day=value, name=label)
        _log_change({"change": "holiday_added", "day": value.isoformat(), "name": label}, clock)
    return HolidayInfo(value, label)


def remove_holiday(day: str | dt.date, clock: Clock = SYSTEM_CLOCK) -> HolidayInfo:
    value = parse_day(day)
    with write_transaction():
        staffing_log.lock_log()
        row = Holiday.get_or_none(Holiday.day == value)
        if row is None:
            raise NotFound(f"{value} bukan hari libur", f"{value} is not a holiday")
        Holiday.delete().where(Holiday.day == value).execute()
        _log_change({"change": "holiday_removed", "day": value.isoformat()}, clock)
    return HolidayInfo(value, row.name)


def list_holidays(year: int | None = None) -> list[HolidayInfo]:
    query = Holiday.select().order_by(Holiday.day)
    if year is not None:
        year = check.positive_int(year, "Tahun", "Year", 2000, 9999)
        query = query.where(
            (Holiday.day >= dt.date(year, 1, 1)) & (Holiday.day <= dt.date(year, 12, 31))
        )
    return [HolidayInfo(staffing_log.stored_day(r.day), r.name) for r in query]


def set_ramadan(
    first: str | dt.date, last: str | dt.date, clock: Clock = SYSTEM_CLOCK
) -> tuple[dt.date, dt.date]:
    a, b = parse_day(first), parse_day(last)
    if b < a or (b - a).days > 31:
        raise InvalidInput(
            "Periode Ramadan harus 1–31 hari, tanggal akhir setelah tanggal awal",
            "A Ramadan period is 1–31 days, the last day after the first",
        )
    with write_transaction():
        staffing_log.lock_log()
        overlapping = RamadanPeriod.select().where(
            (RamadanPeriod.first_day <= b) & (RamadanPeriod.last_day >= a)
        )
        if overlapping.exists():
            raise InvalidInput(
                "Periode Ramadan ini bertumpang tindih dengan yang sudah ada",
                "This Ramadan period overlaps one already set",
            )
        RamadanPeriod.create(first_day=a, last_day=b)
        _log_change({"change": "ramadan", "first": a.isoformat(), "last": b.isoformat()}, clock)
    return a, b


def list_ramadan() -> list[tuple[dt.date, dt.date]]:
    return list(load_book().ramadan)


def group_of(front_desk: bool) -> str:
    return "front_desk" if front_desk else "other"
