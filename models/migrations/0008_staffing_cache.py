"""A cache of finished days' staffing summaries (see models/tables/staffing_cache.py)."""
from peewee import *

def up(migrator, db):
    class StaffingDayCache(Model):
        day = DateField(primary_key=True)
        cache_key = CharField(max_length=64)
        summary = TextField()
        class Meta:
            database = db
            table_name = 'staffing_day_cache'
    db.create_tables([StaffingDayCache])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('staffing_day_cache'))
