"""Office-wide settings as key/value rows (office name, time zone, queue rules)."""

from __future__ import annotations

from loket.models.tables.base import BaseTable
from peewee import CharField, TextField


class Setting(BaseTable):
    key = CharField(primary_key=True, max_length=64)
    value = TextField()
