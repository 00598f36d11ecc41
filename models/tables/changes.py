"""Per-topic version marks: the SQLite side of the change feed."""

from __future__ import annotations

from peewee import BigIntegerField, CharField

from loket.models.tables.base import BaseTable


class ChangeMark(BaseTable):
    topic = CharField(primary_key=True, max_length=32)
    version = BigIntegerField(default=0)
