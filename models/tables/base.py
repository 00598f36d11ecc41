"""The base every table derives from."""

from __future__ import annotations

from loket.models.db import database
from peewee import Model


class BaseTable(Model):
    class Meta:
        database = database
        legacy_table_names = False
