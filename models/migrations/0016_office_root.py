"""The office root key (the trust anchor each PC pins outside the database) and the
root's certificate on every signing key (see models/integrity/root.py and certs.py)."""

from peewee import BigIntegerField, BlobField, BooleanField, CharField, Model, TextField


def up(migrator, db):
    class OfficeRoot(Model):
        fingerprint = CharField(primary_key=True, max_length=64)
        public_key = BlobField()
        office_id = CharField(max_length=32)
        created_at = BigIntegerField()
        superseded_by = CharField(max_length=64, null=True)
        rotation_signature = TextField(null=True)

        class Meta:
            database = db
            table_name = "office_root"

    db.create_tables([OfficeRoot])
    migrator.migrate(
        migrator.add_column("signing_key", "certificate", TextField(null=True)),
        migrator.add_column("signing_key", "cert_pc", CharField(max_length=80, null=True)),
        migrator.add_column("signing_key", "cert_not_before", CharField(max_length=10, null=True)),
        migrator.add_column("signing_key", "cert_not_after", CharField(max_length=10, null=True)),
        migrator.add_column("signing_key", "cert_root", CharField(max_length=64, null=True)),
        migrator.add_column("signing_key", "is_foreign", BooleanField(default=False)),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_column("signing_key", "is_foreign"),
        migrator.drop_column("signing_key", "cert_root"),
        migrator.drop_column("signing_key", "cert_not_after"),
        migrator.drop_column("signing_key", "cert_not_before"),
        migrator.drop_column("signing_key", "cert_pc"),
        migrator.drop_column("signing_key", "certificate"),
        migrator.drop_table("office_root"),
    )
