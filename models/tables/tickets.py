"""Queue tickets, their per-service daily sequence, and the append-only event log."""

from __future__ import annotations

from peewee import (
    AutoField,
    CharField,
    DateField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from loket.models.fields import UtcTimestampField
from loket.models.tables.base import BaseTable
from loket.models.tables.counters import Counter
from loket.models.tables.services import Service
from loket.models.tables.staff import Staff


class TicketSequence(BaseTable):
    """The last number handed out per service per office-local day.

    Issuing increments this row inside the ticket's transaction: the row lock is what
    makes numbers never repeat, and the rollback on failure is what makes them never skip.
    """

    service = ForeignKeyField(Service, on_delete="CASCADE")
    day = DateField()
    last_number = IntegerField(default=0)

    class Meta:
        primary_key = False
        indexes = ((("service", "day"), True),)


class Ticket(BaseTable):
    id = AutoField()
    issued_service = ForeignKeyField(Service, backref="issued_tickets")
    service = ForeignKeyField(Service, backref="tickets")
    day = DateField()
    sequence = IntegerField()
    label = CharField(max_length=8)
    priority = CharField(max_length=16, null=True)
    status = CharField(max_length=10, default="waiting")
    issued_at = UtcTimestampField()
    # Place in the queue: the arrival time, kept across transfers.
    queue_at = UtcTimestampField()
    called_at = UtcTimestampField(null=True)
    started_at = UtcTimestampField(null=True)
    finished_at = UtcTimestampField(null=True)
    counter = ForeignKeyField(Counter, null=True, backref="tickets")
    officer = ForeignKeyField(Staff, null=True)
    # A ticket transferred to one counter waits for that counter only.
    target_counter = ForeignKeyField(Counter, null=True, backref="targeted_tickets")
    recall_count = IntegerField(default=0)
    transfer_count = IntegerField(default=0)
    transferred_from_service = ForeignKeyField(Service, null=True, backref="transfers_out")
    transferred_from_counter = ForeignKeyField(Counter, null=True, backref="transfers_out")
    phone = CharField(max_length=20, null=True)
    language = CharField(max_length=2, null=True)  # the visitor's kiosk language; NULL: id (0015)
    # The idempotency key of the request that issued it: a retry after a dropped
    # connection finds the ticket instead of issuing a second one (0011).
    request_key = CharField(max_length=36, null=True, unique=True)

    class Meta:
        indexes = (
            (("issued_service", "day", "sequence"), True),
            (("status", "service", "queue_at"), False),
            (("counter", "status"), False),
            # People ahead of a new ticket: a count that never reads the table (0006).
            (("service", "day", "status", "priority", "target_counter"), False),
            # Reports read by office-local day across every service (0005).
            (("day", "issued_service"), False),
            (("status", "day"), False),
        )


class TicketEvent(BaseTable):
    """One row per state change; never updated or deleted."""

    id = AutoField()
    ticket = ForeignKeyField(Ticket, backref="events", on_delete="CASCADE")
    kind = CharField(max_length=16)
    at = UtcTimestampField()
    counter = ForeignKeyField(Counter, null=True)
    officer = ForeignKeyField(Staff, null=True)
    detail = TextField(default="")
