"""The notification outbox (SMS / webhook messages to visitors; models/tables/notify.py)."""
from peewee import *

def up(migrator, db):
    class Receipt(Model):
        class Meta:
            database = db
            table_name = 'receipt'

    class Complaint(Model):
        class Meta:
            database = db
            table_name = 'complaint'

    class Ticket(Model):
        class Meta:
            database = db
            table_name = 'ticket'

    class Notification(Model):
        event_key = CharField(max_length=80, unique=True)
        kind = CharField(max_length=24)
        reference = CharField(max_length=40)
        to_number = CharField(max_length=20)
        language = CharField(max_length=2)
        text = TextField()
        status = CharField(max_length=10, default='pending')
        attempts = IntegerField(default=0)
        next_try_at = BigIntegerField()
        claimed_by = CharField(max_length=80, null=True)
        claimed_at = BigIntegerField(null=True)
        channel = CharField(max_length=10, null=True)
        sent_at = BigIntegerField(null=True)
        last_error = TextField(null=True)
        created_at = BigIntegerField()
        receipt = ForeignKeyField(Receipt, null=True)
        complaint = ForeignKeyField(Complaint, null=True)
        ticket = ForeignKeyField(Ticket, null=True)
        class Meta:
            database = db
            table_name = 'notification'
            indexes = ((('status', 'next_try_at'), False),)
    db.create_tables([Notification])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('notification'))
