"""Every secret check counts: a login attempt says where (the path, e.g. "counter
sign-in") and from which PC, so the per-PC slowdown and the audit can tell them apart.
Rows made before this migration have neither (the admin login was the only path)."""

from peewee import CharField
from playhouse.migrate import SchemaMigrator


def up(migrator: SchemaMigrator, db):
    migrator.migrate(
        migrator.add_column("login_attempt", "path", CharField(max_length=40, null=True)),
        migrator.add_column("login_attempt", "pc", CharField(max_length=80, null=True)),
        migrator.add_index("login_attempt", ("pc", "at"), False),
    )


def down(migrator: SchemaMigrator, db):
    migrator.migrate(
        migrator.drop_index("login_attempt", "login_attempt_pc_at"),
        migrator.drop_column("login_attempt", "pc"),
        migrator.drop_column("login_attempt", "path"),
    )
