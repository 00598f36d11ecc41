"""The office's printers as their PCs last reported them: one row per (station, printer URI).

A row is overwritten, never appended: it says how the printer was at ``updated_at``.
``active`` is True while the station's app runs and reports on its own (kiosk, counter
app); a row that app has not refreshed for minutes means the app or its PC is gone.
"""

from __future__ import annotations

from peewee import BooleanField, CharField, IntegerField, TextField

from loket.models.fields import UtcTimestampField
from loket.models.tables.base import BaseTable


class PrinterReport(BaseTable):
    station = CharField(max_length=80)  # the PC: its host name, or --station / $LOKET_STATION
    role = CharField(max_length=8)  # kiosk | counter | admin | cli
    uri = CharField(max_length=255)
    ok = BooleanField()
    known = BooleanField()
    problems = CharField(max_length=255, default="")  # comma list of Problem values
    message_id = TextField(default="")
    message_en = TextField(default="")
    pending = IntegerField(default=0)  # jobs for this printer waiting in the station's spool
    active = BooleanField(default=False)
    updated_at = UtcTimestampField()

    class Meta:
        indexes = ((("station", "uri"), True),)
