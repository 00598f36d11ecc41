"""Signed document receipts: signing keys, receipts, their yearly numbering, the
hash-chained receipt history and the chain heads."""
from peewee import *

def up(migrator, db):
    class Staff(Model):
        class Meta:
            database = db
            table_name = 'staff'

    class ChainHead(Model):
        chain = CharField(primary_key=True, max_length=32)
        length = BigIntegerField(default=0)
        head_hash = CharField(max_length=64)
        class Meta:
            database = db
            table_name = 'chain_head'
    db.create_tables([ChainHead])

    class SigningKey(Model):
        kid = CharField(primary_key=True, max_length=8)
        public_key = BlobField()
        office_id = CharField(max_length=32)
        label = CharField(max_length=80, default='')
        created_at = BigIntegerField()
        retired_at = BigIntegerField(null=True)
        class Meta:
            database = db
            table_name = 'signing_key'
            indexes = ((('office_id', 'retired_at'), False),)
    db.create_tables([SigningKey])

    class Receipt(Model):
        office_id = CharField(max_length=32)
        year = IntegerField()
        sequence = IntegerField()
        number = CharField(max_length=24)
        sender_name = CharField(max_length=120)
        sender_organisation = CharField(null=True, max_length=120)
        sender_phone = CharField(null=True, max_length=20)
        sender_nik = CharField(null=True, max_length=16)
        recipient_unit = CharField(max_length=120)
        subject = TextField()
        subject_digest = CharField(max_length=64)
        pages = IntegerField()
        attachments = IntegerField(default=0)
        channel = CharField(max_length=8)
        officer = ForeignKeyField(Staff, null=True)
        expected_completion = DateField(null=True)
        status = CharField(max_length=12, default='received')
        check_code = CharField(max_length=12)
        qr_text = TextField()
        signing_key = ForeignKeyField(SigningKey, column_name='kid')
        issued_at = BigIntegerField()
        class Meta:
            database = db
            table_name = 'receipt'
            indexes = ((('office_id', 'year', 'sequence'), True), (('office_id', 'number'), True), (('status', 'issued_at'), False))
    db.create_tables([Receipt])

    class ReceiptEvent(Model):
        seq = BigIntegerField(unique=True)
        receipt = ForeignKeyField(Receipt)
        status = CharField(max_length=12)
        at = BigIntegerField()
        officer = ForeignKeyField(Staff, null=True)
        detail = TextField(default='')
        prev_hash = CharField(max_length=64)
        row_hash = CharField(max_length=64)
        class Meta:
            database = db
            table_name = 'receipt_event'
    db.create_tables([ReceiptEvent])

    class ReceiptSequence(Model):
        office_id = CharField(max_length=32)
        year = IntegerField()
        last_number = IntegerField(default=0)
        class Meta:
            database = db
            table_name = 'receipt_sequence'
            primary_key = False
            indexes = ((('office_id', 'year'), True),)
    db.create_tables([ReceiptSequence])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('receipt_sequence'))
    migrator.migrate(migrator.drop_table('receipt_event'))
    migrator.migrate(migrator.drop_table('receipt'))
    migrator.migrate(migrator.drop_table('signing_key'))
    migrator.migrate(migrator.drop_table('chain_head'))
