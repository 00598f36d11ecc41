"""Public halves of the office's Ed25519 signing keys (the private halves stay in files)."""

from __future__ import annotations

from peewee import BlobField, CharField

from loket.models.fields import UtcTimestampField
from loket.models.tables.base import BaseTable


class SigningKey(BaseTable):
    """One Ed25519 key of an office (usually one per signing PC).

    Every PC of the office verifies with these rows; only the PC that made a key holds
    its private half. A retired key signs nothing new but still verifies what it
    signed before ``retired_at``.
    """

    # First 4 bytes of SHA-256 over the raw 32-byte public key, as 8 hex digits.
    kid = CharField(primary_key=True, max_length=8)
    public_key = BlobField()  # raw 32 bytes
    office_id = CharField(max_length=32)
    label = CharField(max_length=80, default="")
    created_at = UtcTimestampField()
    retired_at = UtcTimestampField(null=True)

    class Meta:
        indexes = ((("office_id", "retired_at"), False),)
