"""Counters (loket) and the services each one serves, with a weight."""

from __future__ import annotations

from peewee import BooleanField, CharField, ForeignKeyField, IntegerField

from loket.models.tables.base import BaseTable
from loket.models.tables.services import Service


class Counter(BaseTable):
    number = IntegerField(unique=True)
    name = CharField(max_length=80, default="")
    front_desk = BooleanField(default=False)
    active = BooleanField(default=True)
    # Normal calls since this counter last called a priority visitor (interleave rule).
    normal_streak = IntegerField(default=0)


class CounterService(BaseTable):
    counter = ForeignKeyField(Counter, backref="service_links", on_delete="CASCADE")
    service = ForeignKeyField(Service, backref="counter_links", on_delete="CASCADE")
    weight = IntegerField(default=1)

    class Meta:
        indexes = ((("counter", "service"), True),)
