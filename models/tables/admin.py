"""The admin app's own records: login attempts, account locks and the hash-chained
admin audit log."""

from __future__ import annotations

from peewee import AutoField, BigIntegerField, BooleanField, CharField, TextField

from loket.models.fields import UtcTimestampField
from loket.models.tables.base import BaseTable


class LoginAttempt(BaseTable):
    """One check of a PIN or password on any path, kept for the lockout rule and for review.

    ``username`` is what was typed (lower-cased), so guesses at names that do not exist
    are counted and locked out the same way as real ones.
    """

    id = AutoField()
    username = CharField(max_length=40)
    at = UtcTimestampField()
    success = BooleanField()
    # Where the secret was typed (e.g. "counter sign-in") and on which PC (migration 0013).
    path = CharField(max_length=40, null=True)
    pc = CharField(max_length=80, null=True)

    class Meta:
        indexes = ((("username", "at"), False), (("pc", "at"), False))


class AccountLock(BaseTable):
    """The latest lockout of a username; failures before ``locked_until`` no longer count."""

    username = CharField(primary_key=True, max_length=40)
    locked_at = UtcTimestampField()
    locked_until = UtcTimestampField()
    failures = BigIntegerField()


class AuditEntry(BaseTable):
    """The admin audit log: append-only and hash-chained (chain ``admin_audit``).

    ``actor`` and ``role`` are copied (not a foreign key) so an entry keeps saying who
    did it after the account is renamed or its role changes.
    """

    id = AutoField()
    seq = BigIntegerField(unique=True)
    at = UtcTimestampField()
    actor = CharField(max_length=40)
    role = CharField(max_length=8)
    action = CharField(max_length=40)
    target = CharField(max_length=160)
    detail = TextField(default="")
    prev_hash = CharField(max_length=64)
    row_hash = CharField(max_length=64)

    class Meta:
        indexes = ((("at",), False),)
