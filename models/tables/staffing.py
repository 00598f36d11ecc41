"""The staffing guard: service hours, holidays, Ramadan periods, who sits at which
counter now, and the hash-chained staffing log."""

from __future__ import annotations

from peewee import (
    AutoField,
    BigIntegerField,
    BooleanField,
    CharField,
    DateField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from loket.models.fields import UtcTimestampField
from loket.models.tables.base import BaseTable
from loket.models.tables.counters import Counter
from loket.models.tables.staff import Staff


class ServiceHours(BaseTable):
    """One weekday of one counter group's schedule (normal or Ramadan).

    Minutes are office-local minutes after midnight. A group/schedule without rows
    uses the defaults of DOMAIN.md; ``open_minute == close_minute`` is a closed day.
    """

    counter_group = CharField(max_length=16)  # front_desk | other
    schedule = CharField(max_length=8)  # normal | ramadan
    weekday = IntegerField()  # ISO: 1 = Monday … 7 = Sunday
    open_minute = IntegerField()
    close_minute = IntegerField()
    break_start = IntegerField(null=True)
    break_end = IntegerField(null=True)
    # Front desks serve through the break window (breaks are staggered); other
    # counters close for it.
    open_through_break = BooleanField(default=False)

    class Meta:
        indexes = ((("counter_group", "schedule", "weekday"), True),)


class Holiday(BaseTable):
    """A day without service hours (libur nasional, cuti bersama, local holidays)."""

    day = DateField(unique=True)
    name = CharField(max_length=120)


class RamadanPeriod(BaseTable):
    """Days on which the Ramadan schedule applies (inclusive)."""

    first_day = DateField(unique=True)
    last_day = DateField()


class StaffingEvent(BaseTable):
    """The staffing log: append-only and hash-chained (chain ``staffing``).

    ``at`` is when the thing happened (a lost heartbeat happened 60 s after the last
    beat, even if it was noticed later); ``recorded_at`` is when it was written;
    ``day`` is the office-local day the entry is about.
    """

    id = AutoField()
    seq = BigIntegerField(unique=True)
    at = UtcTimestampField()
    recorded_at = UtcTimestampField()
    day = DateField()
    kind = CharField(max_length=20)
    counter = ForeignKeyField(Counter, null=True)
    officer = ForeignKeyField(Staff, null=True)
    reason = CharField(max_length=24, null=True)
    reference = CharField(max_length=80, null=True)
    approved_by = ForeignKeyField(Staff, null=True, backref="approved_staffing")
    detail = TextField(default="")
    prev_hash = CharField(max_length=64)
    row_hash = CharField(max_length=64)

    class Meta:
        indexes = (
            (("day", "kind"), False),
            (("counter", "at"), False),
        )


class CounterPresence(BaseTable):
    """Who is at each counter now, and the last heartbeat of its counter app.

    Derived from the log (``event_seq`` is the entry that set the state; verify checks
    the two agree) except for ``last_heartbeat``, which is too frequent to log.
    """

    counter = ForeignKeyField(Counter, primary_key=True, on_delete="CASCADE")
    officer = ForeignKeyField(Staff, null=True)
    status = CharField(max_length=8)  # out | staffed | break | lost
    since = UtcTimestampField()
    last_heartbeat = UtcTimestampField()
    event_seq = BigIntegerField()
