"""Seals over the hash chains, signed at each daily sign-off (see models/tables/seals.py)."""
from peewee import *

def up(migrator, db):
    class ChainSeal(Model):
        day = DateField(index=True)
        sign_off_seq = BigIntegerField(unique=True)
        office_id = CharField(max_length=32)
        sealed_by = CharField(max_length=40)
        sealed_at = BigIntegerField()
        staffing_seq = BigIntegerField()
        staffing_hash = CharField(max_length=64)
        receipts_seq = BigIntegerField()
        receipts_hash = CharField(max_length=64)
        audit_seq = BigIntegerField()
        audit_hash = CharField(max_length=64)
        kid = CharField(max_length=8)
        signature = BlobField()
        class Meta:
            database = db
            table_name = 'chain_seal'
    db.create_tables([ChainSeal])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('chain_seal'))
