"""Public halves of the office's Ed25519 signing keys (the private halves stay in files),
their certificates, and the office root key that signs those certificates."""

from __future__ import annotations

from peewee import BlobField, BooleanField, CharField, TextField

from loket.models.fields import UtcTimestampField
from loket.models.tables.base import BaseTable


class SigningKey(BaseTable):
    """One Ed25519 key of an office (usually one per signing PC).

    Every PC of the office verifies with these rows; only the PC that made a key holds
    its private half. A retired key signs nothing new but still verifies what it
    signed before ``retired_at``. A key is trusted only with ``certificate``: the office
    root's signature over the text rebuilt from this row (models/integrity/certs.py),
    checked against the root each PC pins in its own data folder. ``foreign`` keys are
    another office's, imported by an admin; they never vouch for this office.
    """

    # First 4 bytes of SHA-256 over the raw 32-byte public key, as 8 hex digits.
    kid = CharField(primary_key=True, max_length=8)
    public_key = BlobField()  # raw 32 bytes
    office_id = CharField(max_length=32)
    label = CharField(max_length=80, default="")
    created_at = UtcTimestampField()
    retired_at = UtcTimestampField(null=True)
    certificate = TextField(null=True)  # base64 of the root's 64-byte signature
    cert_pc = CharField(max_length=80, null=True)
    cert_not_before = CharField(max_length=10, null=True)  # YYYY-MM-DD
    cert_not_after = CharField(max_length=10, null=True)
    cert_root = CharField(max_length=64, null=True)  # the signing root's fingerprint
    foreign = BooleanField(default=False, column_name="is_foreign")  # FOREIGN is reserved in SQL

    class Meta:
        indexes = ((("office_id", "retired_at"), False),)


class OfficeRoot(BaseTable):
    """An office root public key. The database is not trusted for it: each PC pins the
    fingerprint (SHA-256 of the raw key, hex) in its data folder. A rotated root names
    its successor and carries its own signature over the rotation record."""

    fingerprint = CharField(primary_key=True, max_length=64)
    public_key = BlobField()  # raw 32 bytes
    office_id = CharField(max_length=32)
    created_at = UtcTimestampField()
    superseded_by = CharField(max_length=64, null=True)
    rotation_signature = TextField(null=True)  # base64, by this (the old) root
