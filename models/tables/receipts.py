"""Document receipts (tanda terima), their yearly numbering and the hash-chained history."""

from __future__ import annotations

from peewee import (
    AutoField,
    BigIntegerField,
    CharField,
    DateField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from loket.models.fields import UtcTimestampField
from loket.models.tables.base import BaseTable
from loket.models.tables.keys import SigningKey
from loket.models.tables.staff import Staff


class ReceiptSequence(BaseTable):
    """The last receipt number handed out per office per (office-local) year.

    Like :class:`TicketSequence`: bumped inside the receipt's transaction, so numbers
    never repeat and a rollback hands the number back.
    """

    office_id = CharField(max_length=32)
    year = IntegerField()
    last_number = IntegerField(default=0)

    class Meta:
        primary_key = False
        indexes = ((("office_id", "year"), True),)


class Receipt(BaseTable):
    id = AutoField()
    office_id = CharField(max_length=32)
    year = IntegerField()
    sequence = IntegerField()
    number = CharField(max_length=24)  # "TT-2026-000123"
    sender_name = CharField(max_length=120)
    sender_organisation = CharField(max_length=120, null=True)
    sender_phone = CharField(max_length=20, null=True)
    language = CharField(max_length=2, null=True)  # the visitor's language; NULL: id (0015)
    sender_nik = CharField(max_length=16, null=True)
    recipient_unit = CharField(max_length=120)
    subject = TextField()
    subject_digest = CharField(max_length=64)  # hex, exactly as signed in the QR claims
    pages = IntegerField()
    attachments = IntegerField(default=0)
    channel = CharField(max_length=8)  # kiosk | counter
    officer = ForeignKeyField(Staff, null=True)
    expected_completion = DateField(null=True)
    status = CharField(max_length=12, default="received")
    check_code = CharField(max_length=12)
    qr_text = TextField()
    # ``receipt.kid`` is the key id itself; ``receipt.signing_key`` the SigningKey row.
    signing_key = ForeignKeyField(SigningKey, column_name="kid", object_id_name="kid")
    issued_at = UtcTimestampField()
    # The idempotency key of the request that made it (see Ticket.request_key, 0011).
    request_key = CharField(max_length=36, null=True, unique=True)

    class Meta:
        indexes = (
            (("office_id", "year", "sequence"), True),
            (("office_id", "number"), True),
            (("status", "issued_at"), False),
        )


class ReceiptEvent(BaseTable):
    """One row per status change; append-only and hash-chained (see services/hashchain)."""

    id = AutoField()
    # Position in the chain: 1, 2, 3 … with no gaps.
    seq = BigIntegerField(unique=True)
    receipt = ForeignKeyField(Receipt, backref="events")
    status = CharField(max_length=12)
    at = UtcTimestampField()
    officer = ForeignKeyField(Staff, null=True)
    detail = TextField(default="")
    prev_hash = CharField(max_length=64)
    row_hash = CharField(max_length=64)


class ChainHead(BaseTable):
    """The length and last hash of each hash-chained log.

    Kept apart from the log rows so that deleting the newest rows is detected, and
    locked by every append so that appends serialise. Shared by every chained log
    (``chain`` names the log); it lives here because receipts are its first user.
    """

    chain = CharField(primary_key=True, max_length=32)
    length = BigIntegerField(default=0)
    head_hash = CharField(max_length=64)
