"""Complaints and suggestions (pengaduan dan saran), their yearly numbering and follow-ups."""

from __future__ import annotations

from peewee import AutoField, CharField, DateField, ForeignKeyField, IntegerField, TextField

from loket.models.fields import UtcTimestampField
from loket.models.tables.base import BaseTable
from loket.models.tables.services import Service
from loket.models.tables.staff import Staff
from loket.models.tables.tickets import Ticket


class ComplaintSequence(BaseTable):
    """The last tracking number per office per office-local year (as ``ReceiptSequence``)."""

    office_id = CharField(max_length=32)
    year = IntegerField()
    last_number = IntegerField(default=0)

    class Meta:
        primary_key = False
        indexes = ((("office_id", "year"), True),)


class Complaint(BaseTable):
    id = AutoField()
    office_id = CharField(max_length=32)
    year = IntegerField()
    sequence = IntegerField()
    number = CharField(max_length=24)  # "ADU-2026-000123"
    category = CharField(max_length=12)  # complaint | suggestion
    text = TextField()
    contact_name = CharField(max_length=120, null=True)
    contact_phone = CharField(max_length=20, null=True)
    language = CharField(max_length=2, null=True)  # the visitor's language; NULL: id (0015)
    service = ForeignKeyField(Service, null=True, backref="complaints")
    ticket = ForeignKeyField(Ticket, null=True)
    channel = CharField(max_length=12)
    status = CharField(max_length=12, default="open")
    received_at = UtcTimestampField()
    due_date = DateField()
    answered_at = UtcTimestampField(null=True)
    closed_at = UtcTimestampField(null=True)

    class Meta:
        indexes = (
            (("office_id", "year", "sequence"), True),
            (("office_id", "number"), True),
            (("status", "due_date"), False),
        )


class ComplaintNote(BaseTable):
    """A follow-up by staff, with the status it left the complaint in; never edited."""

    id = AutoField()
    complaint = ForeignKeyField(Complaint, backref="notes")
    at = UtcTimestampField()
    officer = ForeignKeyField(Staff, null=True)
    status = CharField(max_length=12)
    note = TextField()
