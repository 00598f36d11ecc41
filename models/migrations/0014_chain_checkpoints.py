"""Signed checkpoints of the chain heads (see models/tables/checkpoints.py)."""
from peewee import *

def up(migrator, db):
    class ChainCheckpoint(Model):
        seq = BigIntegerField(unique=True)
        at = BigIntegerField(index=True)
        office_id = CharField(max_length=32)
        kid = CharField(max_length=8)
        pc = CharField(max_length=80)
        reason = CharField(max_length=16)
        staffing_seq = BigIntegerField()
        staffing_hash = CharField(max_length=64)
        receipts_seq = BigIntegerField()
        receipts_hash = CharField(max_length=64)
        audit_seq = BigIntegerField()
        audit_hash = CharField(max_length=64)
        signature = BlobField()
        prev_hash = CharField(max_length=64)
        row_hash = CharField(max_length=64)
        class Meta:
            database = db
            table_name = 'chain_checkpoint'
    db.create_tables([ChainCheckpoint])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('chain_checkpoint'))
