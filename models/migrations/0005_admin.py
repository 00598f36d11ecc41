"""The admin app: login attempts, account locks, the hash-chained admin audit log, and
ticket indexes for the reports."""
from peewee import *

def up(migrator, db):
    class LoginAttempt(Model):
        username = CharField(max_length=40)
        at = BigIntegerField()
        success = BooleanField()
        class Meta:
            database = db
            table_name = 'login_attempt'
            indexes = ((('username', 'at'), False),)
    db.create_tables([LoginAttempt])

    class AccountLock(Model):
        username = CharField(primary_key=True, max_length=40)
        locked_at = BigIntegerField()
        locked_until = BigIntegerField()
        failures = BigIntegerField()
        class Meta:
            database = db
            table_name = 'account_lock'
    db.create_tables([AccountLock])

    class AuditEntry(Model):
        seq = BigIntegerField(unique=True)
        at = BigIntegerField()
        actor = CharField(max_length=40)
        role = CharField(max_length=8)
        action = CharField(max_length=40)
        target = CharField(max_length=160)
        detail = TextField(default='')
        prev_hash = CharField(max_length=64)
        row_hash = CharField(max_length=64)
        class Meta:
            database = db
            table_name = 'audit_entry'
            indexes = ((('at',), False),)
    db.create_tables([AuditEntry])

    migrator.migrate(
        migrator.add_index('ticket', ('day', 'issued_service_id'), False),
        migrator.add_index('ticket', ('status', 'day'), False),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index('ticket', 'ticket_status_day'),
        migrator.drop_index('ticket', 'ticket_day_issued_service_id'),
    )
    migrator.migrate(migrator.drop_table('audit_entry'))
    migrator.migrate(migrator.drop_table('account_lock'))
    migrator.migrate(migrator.drop_table('login_attempt'))
