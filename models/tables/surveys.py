"""Survey responses (Survei Kepuasan Masyarakat): nine answers by element key and a profile."""

from __future__ import annotations

from peewee import AutoField, CharField, DateField, ForeignKeyField, IntegerField

from loket.models.fields import UtcTimestampField
from loket.models.tables.base import BaseTable
from loket.models.tables.services import Service
from loket.models.tables.tickets import Ticket


class SurveyResponse(BaseTable):
    """One respondent's answers (1–4), one column per element so reports sum in SQL."""

    id = AutoField()
    service = ForeignKeyField(Service, null=True, backref="survey_responses")
    # A ticket may be rated once; most responses have none (NULLs never collide).
    ticket = ForeignKeyField(Ticket, null=True, unique=True)
    day = DateField()  # office-local
    session = CharField(max_length=5)  # "08-12" | "13-17"
    answered_at = UtcTimestampField()
    persyaratan = IntegerField()
    prosedur = IntegerField()
    waktu = IntegerField()
    biaya = IntegerField()
    produk = IntegerField()
    kompetensi = IntegerField()
    perilaku = IntegerField()
    sarana = IntegerField()
    pengaduan = IntegerField()
    sex = CharField(max_length=1, null=True)  # L | P
    age = IntegerField(null=True)  # years
    education = CharField(max_length=3, null=True)
    occupation = CharField(max_length=10, null=True)

    class Meta:
        indexes = ((("day", "service"), False),)
