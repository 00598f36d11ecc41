"""Finished days' staffing summaries, kept so a year's report need not replay the log.

A row is only a cache: ``cache_key`` hashes everything the day's summary depends on
(the day's log entries, the counters' states carried in from the day before, the
day's hours, the counters, the escalation delay, the front-desk minimum), and a row
whose key no longer matches is rebuilt. Deleting every row loses nothing.
"""

from __future__ import annotations

from peewee import CharField, DateField, TextField

from loket.models.tables.base import BaseTable


class StaffingDayCache(BaseTable):
    day = DateField(primary_key=True)
    cache_key = CharField(max_length=64)
    summary = TextField()  # JSON: the summary without its sign-off, end states, staff names
