"""The language the visitor chose at the kiosk (id | en) on tickets, receipts and
complaints, so the messages that tell them something later speak it. NULL: Indonesian
(every row made before this migration, and the counter's default)."""
from peewee import CharField
from playhouse.migrate import SchemaMigrator


def up(migrator: SchemaMigrator, db):
    migrator.migrate(
        migrator.add_column("ticket", "language", CharField(max_length=2, null=True)),
        migrator.add_column("receipt", "language", CharField(max_length=2, null=True)),
        migrator.add_column("complaint", "language", CharField(max_length=2, null=True)),
    )


def down(migrator: SchemaMigrator, db):
    migrator.migrate(
        migrator.drop_column("complaint", "language"),
        migrator.drop_column("receipt", "language"),
        migrator.drop_column("ticket", "language"),
    )
