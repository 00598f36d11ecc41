"""Signed checkpoints of the chain heads, written by every running PC (see
:mod:`loket.models.integrity.checkpoints`)."""

from __future__ import annotations

from peewee import BigIntegerField, BlobField, CharField

from loket.models.fields import UtcTimestampField
from loket.models.tables.base import BaseTable


class ChainCheckpoint(BaseTable):
    """Where the staffing, receipt and audit chains stood at ``at``, signed by the PC
    ``pc`` with its Ed25519 key ``kid``. The checkpoints are themselves the hash chain
    ``checkpoint`` (``seq``, ``prev_hash``, ``row_hash``), so an edited, inserted or
    deleted checkpoint breaks it, and the newest signature covers all before it."""

    seq = BigIntegerField(unique=True)
    at = UtcTimestampField(index=True)
    office_id = CharField(max_length=32)
    kid = CharField(max_length=8)
    pc = CharField(max_length=80)
    reason = CharField(max_length=16)  # timer | sign_off | verify
    staffing_seq = BigIntegerField()
    staffing_hash = CharField(max_length=64)
    receipts_seq = BigIntegerField()
    receipts_hash = CharField(max_length=64)
    audit_seq = BigIntegerField()
    audit_hash = CharField(max_length=64)
    signature = BlobField()  # raw 64 bytes
    prev_hash = CharField(max_length=64)
    row_hash = CharField(max_length=64)
