"""The office-wide printer list (see models/tables/printers.py)."""
from peewee import *

def up(migrator, db):
    class PrinterReport(Model):
        station = CharField(max_length=80)
        role = CharField(max_length=8)
        uri = CharField(max_length=255)
        ok = BooleanField()
        known = BooleanField()
        problems = CharField(max_length=255, default='')
        message_id = TextField(default='')
        message_en = TextField(default='')
        pending = IntegerField(default=0)
        active = BooleanField(default=False)
        updated_at = BigIntegerField()
        class Meta:
            database = db
            table_name = 'printer_report'
            indexes = ((('station', 'uri'), True),)
    db.create_tables([PrinterReport])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('printer_report'))
