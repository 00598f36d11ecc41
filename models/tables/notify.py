"""The notification outbox: one row per event that tells a visitor something by SMS or
a WhatsApp/webhook gateway, queued in the event's own transaction (see models/notify)."""

from __future__ import annotations

from peewee import AutoField, CharField, ForeignKeyField, IntegerField, TextField

from loket.models.fields import UtcTimestampField
from loket.models.tables.base import BaseTable
from loket.models.tables.complaints import Complaint
from loket.models.tables.receipts import Receipt
from loket.models.tables.tickets import Ticket


class Notification(BaseTable):
    id = AutoField()
    # "receipt_ready:<receipt id>", "ticket_near:<ticket id>", …: unique, so an event
    # (or a retry of it after a dropped connection) queues at most one message.
    event_key = CharField(max_length=80, unique=True)
    # receipt_ready | complaint_answered | complaint_closed | ticket_near
    kind = CharField(max_length=24)
    reference = CharField(max_length=40)  # the number the visitor holds
    to_number = CharField(max_length=20)  # E.164 "+62…"; "" once retention blanked it
    language = CharField(max_length=2)  # id | en
    text = TextField()  # rendered when queued
    status = CharField(max_length=10, default="pending")  # pending | sending | sent | failed
    attempts = IntegerField(default=0)
    next_try_at = UtcTimestampField()
    claimed_by = CharField(max_length=80, null=True)
    claimed_at = UtcTimestampField(null=True)
    channel = CharField(max_length=10, null=True)  # sms | webhook
    sent_at = UtcTimestampField(null=True)
    last_error = TextField(null=True)  # one line "id / en"
    created_at = UtcTimestampField()
    receipt = ForeignKeyField(Receipt, null=True)
    complaint = ForeignKeyField(Complaint, null=True)
    ticket = ForeignKeyField(Ticket, null=True)

    class Meta:
        indexes = ((("status", "next_try_at"), False),)
