"""Per-day ticket aggregates, so a year's ticket report sums ~250 days of small rows
instead of grouping 500,000 tickets (models/services/ticket_rollups.py)."""
from peewee import *


def up(migrator, db):
    class Service(Model):
        class Meta:
            database = db
            table_name = 'service'

    class TicketDayRollup(Model):
        day = DateField()
        issued_service = ForeignKeyField(Service, on_delete='CASCADE')
        day_tickets = IntegerField()
        day_max_ticket_id = IntegerField()
        day_open = IntegerField()
        utc_offset = IntegerField()
        built_at = BigIntegerField()
        issued = IntegerField()
        served = IntegerField()
        no_show = IntegerField()
        transferred = IntegerField()
        per_hour = TextField()
        waiting = TextField()
        service_time = TextField()
        officer_time = TextField()
        officer_no_show = TextField()
        class Meta:
            database = db
            table_name = 'ticket_day_rollup'
            indexes = ((('day', 'issued_service'), True),)
    db.create_tables([TicketDayRollup])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('ticket_day_rollup'))
