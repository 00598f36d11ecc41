"""Per-topic version marks: the SQLite side of the change feed."""

from __future__ import annotations

from loket.models.tables.base import BaseTable
from peewee import BigIntegerField, CharField


class ChangeMark(BaseTable):
    topic = CharField(primary_key=True, max_length=32)
    version = BigIntegerField(default=0)
