"""peewee tables, one aggregate per module."""

from __future__ import annotations

from loket.models.tables.changes import ChangeMark
from loket.models.tables.counters import Counter, CounterService
from loket.models.tables.services import Service
from loket.models.tables.settings import Setting
from loket.models.tables.staff import Staff
from loket.models.tables.tickets import Ticket, TicketEvent, TicketSequence

ALL_TABLES = [
    Setting,
    Service,
    Counter,
    CounterService,
    Staff,
    TicketSequence,
    Ticket,
    TicketEvent,
    ChangeMark,
]

__all__ = [
    "ALL_TABLES",
    "ChangeMark",
    "Counter",
    "CounterService",
    "Service",
    "Setting",
    "Staff",
    "Ticket",
    "TicketEvent",
    "TicketSequence",
]
