"""Per-day ticket aggregates for the reports: a cache of days that are over."""

from __future__ import annotations

from peewee import DateField, ForeignKeyField, IntegerField, TextField

from loket.models.fields import UtcTimestampField
from loket.models.tables.base import BaseTable
from loket.models.tables.services import Service


class TicketDayRollup(BaseTable):
    """What the ticket report needs of one office-local day and one issued service.

    Filled by ``loket.models.reports.rollup_store``; every row may be deleted and
    rebuilt from the tickets at any time. The guard columns describe the whole day (all
    services) when the row was built: a different ticket count, highest ticket id,
    count of unfinished tickets or UTC offset means the day changed and is rebuilt.
    Durations are JSON lists of whole seconds, one entry per ticket, sorted
    ([35, 35, 61]): the report counts them in C, several times faster than it could
    add up {seconds: tickets} objects, and with few repeats they are no longer.
    """

    day = DateField()
    issued_service = ForeignKeyField(Service, on_delete="CASCADE")
    day_tickets = IntegerField()
    day_max_ticket_id = IntegerField()
    day_open = IntegerField()
    utc_offset = IntegerField()  # seconds east of UTC used for the hours
    built_at = UtcTimestampField()
    issued = IntegerField()
    served = IntegerField()
    no_show = IntegerField()
    transferred = IntegerField()
    per_hour = TextField()  # {office-local hour: tickets issued}
    waiting = TextField()  # [seconds issued → called, per called ticket]
    service_time = TextField()  # [seconds called → finished, per ticket done]
    officer_time = TextField()  # {staff id: [seconds, per ticket done]}
    officer_no_show = TextField()  # {staff id: no-shows}

    class Meta:
        table_name = "ticket_day_rollup"
        indexes = ((("day", "issued_service"), True),)
