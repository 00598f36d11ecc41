"""Services visitors queue for (A = Administrasi Kependudukan, …)."""

from __future__ import annotations

from peewee import BooleanField, CharField, IntegerField

from loket.models.tables.base import BaseTable


class Service(BaseTable):
    code = CharField(max_length=2, unique=True)
    name_id = CharField(max_length=80)
    name_en = CharField(max_length=80)
    daily_quota = IntegerField(null=True)
    # Opening hours in office-local minutes after midnight (0..1440); days as ISO
    # weekday digits, "12345" = Monday to Friday.
    open_minute = IntegerField(default=7 * 60 + 30)
    close_minute = IntegerField(default=16 * 60)
    open_days = CharField(max_length=7, default="12345")
    # Used for the wait estimate until there is a day's history.
    default_service_minutes = IntegerField(default=5)
    active = BooleanField(default=True)
