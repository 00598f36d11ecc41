"""Indonesian and English date texts ("Senin, 23 November 2026 08:12 WIB")."""

from __future__ import annotations

from datetime import date, datetime, timedelta

HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Indonesia's three civil time zones, by UTC offset.
_ZONES = {timedelta(hours=7): "WIB", timedelta(hours=8): "WITA", timedelta(hours=9): "WIT"}


def zone_label(moment: datetime) -> str:
    """ "WIB"/"WITA"/"WIT" for Indonesian offsets, else the zone's own name ("" if naive)."""
    offset = moment.utcoffset()
    if offset is None:
        return ""
    return _ZONES.get(offset) or moment.tzname() or ""


def date_id(day: date) -> str:
    """ "Senin, 23 November 2026"."""
    return f"{HARI[day.weekday()]}, {day.day} {BULAN[day.month - 1]} {day.year}"


def date_en(day: date) -> str:
    """ "Monday, 23 November 2026"."""
    return f"{DAYS_EN[day.weekday()]}, {day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def time_id(moment: datetime) -> str:
    """ "08:12 WIB" — the time as given (already office time), with its zone if it has one."""
    zone = zone_label(moment)
    return f"{moment:%H:%M} {zone}" if zone else f"{moment:%H:%M}"


def datetime_id(moment: datetime, *, with_zone: bool = True) -> str:
    """ "Senin, 23 November 2026 08:12 WIB" — the time is shown as given (already office time)."""
    text = f"{date_id(moment.date())} {moment:%H:%M}"
    zone = zone_label(moment) if with_zone else ""
    return f"{text} {zone}" if zone else text
