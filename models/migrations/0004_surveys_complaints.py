"""Survey responses (SKM), complaints and suggestions with their numbering and follow-ups."""
from peewee import *

def up(migrator, db):
    class Service(Model):
        class Meta:
            database = db
            table_name = 'service'

    class Ticket(Model):
        class Meta:
            database = db
            table_name = 'ticket'

    class Staff(Model):
        class Meta:
            database = db
            table_name = 'staff'

    class SurveyResponse(Model):
        service = ForeignKeyField(Service, null=True)
        ticket = ForeignKeyField(Ticket, null=True, unique=True)
        day = DateField()
        session = CharField(max_length=5)
        answered_at = BigIntegerField()
        persyaratan = IntegerField()
        prosedur = IntegerField()
        waktu = IntegerField()
        biaya = IntegerField()
        produk = IntegerField()
        kompetensi = IntegerField()
        perilaku = IntegerField()
        sarana = IntegerField()
        pengaduan = IntegerField()
        sex = CharField(max_length=1, null=True)
        age = IntegerField(null=True)
        education = CharField(max_length=3, null=True)
        occupation = CharField(max_length=10, null=True)
        class Meta:
            database = db
            table_name = 'survey_response'
            indexes = ((('day', 'service'), False),)
    db.create_tables([SurveyResponse])

    class ComplaintSequence(Model):
        office_id = CharField(max_length=32)
        year = IntegerField()
        last_number = IntegerField(default=0)
        class Meta:
            database = db
            table_name = 'complaint_sequence'
            primary_key = False
            indexes = ((('office_id', 'year'), True),)
    db.create_tables([ComplaintSequence])

    class Complaint(Model):
        office_id = CharField(max_length=32)
        year = IntegerField()
        sequence = IntegerField()
        number = CharField(max_length=24)
        category = CharField(max_length=12)
        text = TextField()
        contact_name = CharField(max_length=120, null=True)
        contact_phone = CharField(max_length=20, null=True)
        service = ForeignKeyField(Service, null=True)
        ticket = ForeignKeyField(Ticket, null=True)
        channel = CharField(max_length=12)
        status = CharField(max_length=12, default='open')
        received_at = BigIntegerField()
        due_date = DateField()
        answered_at = BigIntegerField(null=True)
        closed_at = BigIntegerField(null=True)
        class Meta:
            database = db
            table_name = 'complaint'
            indexes = ((('office_id', 'year', 'sequence'), True), (('office_id', 'number'), True), (('status', 'due_date'), False))
    db.create_tables([Complaint])

    class ComplaintNote(Model):
        complaint = ForeignKeyField(Complaint)
        at = BigIntegerField()
        officer = ForeignKeyField(Staff, null=True)
        status = CharField(max_length=12)
        note = TextField()
        class Meta:
            database = db
            table_name = 'complaint_note'
    db.create_tables([ComplaintNote])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('complaint_note'))
    migrator.migrate(migrator.drop_table('complaint'))
    migrator.migrate(migrator.drop_table('complaint_sequence'))
    migrator.migrate(migrator.drop_table('survey_response'))
