"""The staffing guard: service hours, holidays, Ramadan periods, counter presence and
the hash-chained staffing log."""
from peewee import *

def up(migrator, db):
    class Staff(Model):
        class Meta:
            database = db
            table_name = 'staff'

    class Counter(Model):
        class Meta:
            database = db
            table_name = 'counter'

    class ServiceHours(Model):
        counter_group = CharField(max_length=16)
        schedule = CharField(max_length=8)
        weekday = IntegerField()
        open_minute = IntegerField()
        close_minute = IntegerField()
        break_start = IntegerField(null=True)
        break_end = IntegerField(null=True)
        open_through_break = BooleanField(default=False)
        class Meta:
            database = db
            table_name = 'service_hours'
            indexes = ((('counter_group', 'schedule', 'weekday'), True),)
    db.create_tables([ServiceHours])

    class Holiday(Model):
        day = DateField(unique=True)
        name = CharField(max_length=120)
        class Meta:
            database = db
            table_name = 'holiday'
    db.create_tables([Holiday])

    class RamadanPeriod(Model):
        first_day = DateField(unique=True)
        last_day = DateField()
        class Meta:
            database = db
            table_name = 'ramadan_period'
    db.create_tables([RamadanPeriod])

    class StaffingEvent(Model):
        seq = BigIntegerField(unique=True)
        at = BigIntegerField()
        recorded_at = BigIntegerField()
        day = DateField()
        kind = CharField(max_length=20)
        counter = ForeignKeyField(Counter, null=True)
        officer = ForeignKeyField(Staff, null=True)
        reason = CharField(max_length=24, null=True)
        reference = CharField(max_length=80, null=True)
        approved_by = ForeignKeyField(Staff, null=True, backref='approved_staffing')
        detail = TextField(default='')
        prev_hash = CharField(max_length=64)
        row_hash = CharField(max_length=64)
        class Meta:
            database = db
            table_name = 'staffing_event'
            indexes = ((('day', 'kind'), False), (('counter', 'at'), False))
    db.create_tables([StaffingEvent])

    class CounterPresence(Model):
        counter = ForeignKeyField(Counter, primary_key=True, on_delete='CASCADE')
        officer = ForeignKeyField(Staff, null=True)
        status = CharField(max_length=8)
        since = BigIntegerField()
        last_heartbeat = BigIntegerField()
        event_seq = BigIntegerField()
        class Meta:
            database = db
            table_name = 'counter_presence'
    db.create_tables([CounterPresence])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('counter_presence'))
    migrator.migrate(migrator.drop_table('staffing_event'))
    migrator.migrate(migrator.drop_table('ramadan_period'))
    migrator.migrate(migrator.drop_table('holiday'))
    migrator.migrate(migrator.drop_table('service_hours'))
