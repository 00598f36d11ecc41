"""Office staff: officers at the counters, admins and the head of office."""

from __future__ import annotations

from peewee import BooleanField, CharField

from loket.models.tables.base import BaseTable


class Staff(BaseTable):
    username = CharField(max_length=40, unique=True)
    full_name = CharField(max_length=120)
    nip = CharField(max_length=18, default="")
    role = CharField(max_length=8, default="staff")  # staff | admin | head
    pin_hash = CharField(max_length=200)
    password_hash = CharField(max_length=200, null=True)
    active = BooleanField(default=True)
