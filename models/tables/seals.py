"""Seals over the hash chains: at each daily sign-off, the head of every chain, signed."""

from __future__ import annotations

from peewee import BigIntegerField, BlobField, CharField, DateField

from loket.models.fields import UtcTimestampField
from loket.models.tables.base import BaseTable


class ChainSeal(BaseTable):
    """The (position, hash) of the staffing, receipt and audit chains when a day was
    signed off, signed with the Ed25519 key of the PC that signed it off.

    Only public keys are in the database, so someone who can write to it but not to the
    PC's disk cannot make a seal that verifies. ``kid`` is deliberately not a foreign
    key: a seal under a key the office does not know must still be storable, and found.
    """

    day = DateField(index=True)
    sign_off_seq = BigIntegerField(unique=True)  # the staffing log's sign_off entry
    office_id = CharField(max_length=32)
    sealed_by = CharField(max_length=40)
    sealed_at = UtcTimestampField()
    staffing_seq = BigIntegerField()
    staffing_hash = CharField(max_length=64)
    receipts_seq = BigIntegerField()
    receipts_hash = CharField(max_length=64)
    audit_seq = BigIntegerField()
    audit_hash = CharField(max_length=64)
    kid = CharField(max_length=8)
    signature = BlobField()  # raw 64 bytes
