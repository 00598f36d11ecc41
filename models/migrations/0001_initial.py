"""Initial schema: settings, services, counters, staff, tickets, change marks."""
from peewee import *

def up(migrator, db):
    class ChangeMark(Model):
        topic = CharField(primary_key=True, max_length=32)
        version = BigIntegerField(default=0)
        class Meta:
            database = db
            table_name = 'change_mark'
    db.create_tables([ChangeMark])

    class Counter(Model):
        number = IntegerField(unique=True)
        name = CharField(max_length=80, default='')
        front_desk = BooleanField(default=False)
        active = BooleanField(default=True)
        normal_streak = IntegerField(default=0)
        class Meta:
            database = db
            table_name = 'counter'
    db.create_tables([Counter])

    class Service(Model):
        code = CharField(unique=True, max_length=2)
        name_id = CharField(max_length=80)
        name_en = CharField(max_length=80)
        daily_quota = IntegerField(null=True)
        open_minute = IntegerField(default=450)
        close_minute = IntegerField(default=960)
        open_days = CharField(max_length=7, default='12345')
        default_service_minutes = IntegerField(default=5)
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'service'
    db.create_tables([Service])

    class CounterService(Model):
        counter = ForeignKeyField(Counter, on_delete='CASCADE')
        service = ForeignKeyField(Service, on_delete='CASCADE')
        weight = IntegerField(default=1)
        class Meta:
            database = db
            table_name = 'counter_service'
            indexes = ((('counter', 'service'), True),)
    db.create_tables([CounterService])

    class Setting(Model):
        key = CharField(primary_key=True, max_length=64)
        value = TextField()
        class Meta:
            database = db
            table_name = 'setting'
    db.create_tables([Setting])

    class Staff(Model):
        username = CharField(unique=True, max_length=40)
        full_name = CharField(max_length=120)
        nip = CharField(max_length=18, default='')
        role = CharField(max_length=8, default='staff')
        pin_hash = CharField(max_length=200)
        password_hash = CharField(null=True, max_length=200)
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'staff'
    db.create_tables([Staff])

    class Ticket(Model):
        issued_service = ForeignKeyField(Service, backref='+')
        service = ForeignKeyField(Service, backref='+')
        day = DateField()
        sequence = IntegerField()
        label = CharField(max_length=8)
        priority = CharField(null=True, max_length=16)
        status = CharField(max_length=10, default='waiting')
        issued_at = BigIntegerField()
        queue_at = BigIntegerField()
        called_at = BigIntegerField(null=True)
        started_at = BigIntegerField(null=True)
        finished_at = BigIntegerField(null=True)
        counter = ForeignKeyField(Counter, null=True, backref='+')
        officer = ForeignKeyField(Staff, null=True)
        target_counter = ForeignKeyField(Counter, null=True, backref='+')
        recall_count = IntegerField(default=0)
        transfer_count = IntegerField(default=0)
        transferred_from_service = ForeignKeyField(Service, null=True, backref='+')
        transferred_from_counter = ForeignKeyField(Counter, null=True, backref='+')
        phone = CharField(null=True, max_length=20)
        class Meta:
            database = db
            table_name = 'ticket'
            indexes = ((('issued_service', 'day', 'sequence'), True), (('status', 'service', 'queue_at'), False), (('counter', 'status'), False), (('service', 'day', 'status'), False))
    db.create_tables([Ticket])

    class TicketEvent(Model):
        ticket = ForeignKeyField(Ticket, on_delete='CASCADE')
        kind = CharField(max_length=16)
        at = BigIntegerField()
        counter = ForeignKeyField(Counter, null=True, backref='+')
        officer = ForeignKeyField(Staff, null=True)
        detail = TextField(default='')
        class Meta:
            database = db
            table_name = 'ticket_event'
    db.create_tables([TicketEvent])

    class TicketSequence(Model):
        service = ForeignKeyField(Service, on_delete='CASCADE')
        day = DateField()
        last_number = IntegerField(default=0)
        class Meta:
            database = db
            table_name = 'ticket_sequence'
            primary_key = False
            indexes = ((('service', 'day'), True),)
    db.create_tables([TicketSequence])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('ticket_sequence'))
    migrator.migrate(migrator.drop_table('ticket_event'))
    migrator.migrate(migrator.drop_table('ticket'))
    migrator.migrate(migrator.drop_table('staff'))
    migrator.migrate(migrator.drop_table('setting'))
    migrator.migrate(migrator.drop_table('counter_service'))
    migrator.migrate(migrator.drop_table('service'))
    migrator.migrate(migrator.drop_table('counter'))
    migrator.migrate(migrator.drop_table('change_mark'))
