"""Idempotency keys: a ticket or receipt carries the key of the request that made it.

After a dropped connection the action is retried; the key (unique) tells whether the
first attempt's COMMIT reached the server, so a retry never issues a second one.
Rows made before this migration have none (NULLs do not collide in a unique index).
"""
from peewee import CharField
from playhouse.migrate import SchemaMigrator


def up(migrator: SchemaMigrator, db):
    migrator.migrate(
        migrator.add_column("ticket", "request_key", CharField(max_length=36, null=True)),
        migrator.add_index("ticket", ("request_key",), True),
        migrator.add_column("receipt", "request_key", CharField(max_length=36, null=True)),
        migrator.add_index("receipt", ("request_key",), True),
    )


def down(migrator: SchemaMigrator, db):
    migrator.migrate(
        migrator.drop_index("receipt", "receipt_request_key"),
        migrator.drop_column("receipt", "request_key"),
        migrator.drop_index("ticket", "ticket_request_key"),
        migrator.drop_column("ticket", "request_key"),
    )
