"""Office-wide settings as key/value rows (office name, time zone, queue rules)."""

from __future__ import annotations

from peewee import CharField, TextField

from loket.models.tables.base import BaseTable


class Setting(BaseTable):
    key = CharField(primary_key=True, max_length=64)
    value = TextField()
