"""The base every table derives from."""

from __future__ import annotations

from peewee import Model

from loket.models.db import database


class BaseTable(Model):
    class Meta:
        database = database
        legacy_table_names = False
