"""Retention: numbers of matters closed longer than ``notify_retention_days`` are deleted,
without breaking the receipts' signed history."""

from __future__ import annotations

import pytest

from loket.models.documents import receipt_log, receipt_lookup
from loket.models.documents.receipt_actions import new_receipt, set_status
from loket.models.documents.retention import purge_numbers
from loket.models.feedback.complaint_actions import close_complaint, file_complaint
from loket.models.notify.outbox import event_key, queue_message
from loket.models.queue.tickets import issue_ticket
from loket.models.settings import update_settings
from loket.models.tables import Complaint, Notification, Receipt, Ticket


def _collected_receipt(clock, phone):
    info = new_receipt(
        "Siti Aminah",
        "Permohonan KTP",
        "Seksi Pemerintahan",
        2,
        sender_phone=phone,
        officer="budi",
        clock=clock,
    )
    set_status(info.number, "ready", officer="budi", clock=clock)
    set_status(info.number, "collected", officer="budi", clock=clock)
    return info.number


def _ticket(clock, phone):
    number = issue_ticket("A", phone=phone, clock=clock).number
    return Ticket.select().order_by(Ticket.id.desc()).get().id, number


def _all_sent():
    Notification.update(status="sent", channel="sms", attempts=1).where(
        Notification.status == "pending"
    ).execute()


@pytest.fixture
def old_and_new(office):
    """Matters closed 31 days ago and matters of today, each with a number and messages."""
    clock = office
    old_receipt = _collected_receipt(clock, "0812-0000-0001")
    old_complaint = file_complaint("Antrean lama", "Budi", "0812-0000-0002", clock=clock).number
    close_complaint(old_complaint, "Sudah ditangani", officer="budi", clock=clock)
    old_ticket, label = _ticket(clock, "0812-0000-0003")
    queue_message(
        "ticket_near",
        event_key("ticket_near", old_ticket),
        label,
        "081200000003",
        "id",
        ticket=old_ticket,
        clock=clock,
    )
    _all_sent()
    Notification.update(status="failed").where(Notification.kind == "ticket_near").execute()
    clock.advance(days=31)
    new_receipt_number = _collected_receipt(clock, "0812-0000-0004")  # its message stays pending
    open_complaint = file_complaint("AC mati", "Ani", "0812-0000-0005", clock=clock).number
    new_ticket, _ = _ticket(clock, "0812-0000-0006")
    return {
        "old_receipt": old_receipt,
        "old_complaint": old_complaint,
        "old_ticket": old_ticket,
        "new_receipt": new_receipt_number,
        "open_complaint": open_complaint,
        "new_ticket": new_ticket,
    }


def test_numbers_of_matters_closed_long_ago_are_deleted(office, old_and_new):
    clock = office
    result = purge_numbers(clock)
    assert (result.complaints, result.tickets, result.messages) == (1, 1, 3)
    assert Complaint.get(Complaint.number == old_and_new["old_complaint"]).contact_phone is None
    assert Ticket.get_by_id(old_and_new["old_ticket"]).phone is None
    old_messages = Notification.select().where(Notification.status.in_(("sent", "failed")))
    assert {m.to_number for m in old_messages} == {""}
    # What is still open, or of today, keeps its number; so do messages not yet sent.
    assert Complaint.get(Complaint.number == old_and_new["open_complaint"]).contact_phone == (
        "+6281200000005"
    )
    assert Ticket.get_by_id(old_and_new["new_ticket"]).phone == "+6281200000006"
    (pending,) = Notification.select().where(Notification.status == "pending")
    assert pending.to_number == "+6281200000004"
    assert "3 messages" in result.message("en") and "3 pesan" in result.message("id")


def test_a_closed_receipts_number_is_deleted_and_the_log_stays_intact(office, old_and_new):
    clock = office
    result = purge_numbers(clock)
    assert result.receipts == 1
    assert "1 receipts" in result.message("en") and "1 tanda terima" in result.message("id")
    old = Receipt.get(Receipt.number == old_and_new["old_receipt"])
    assert old.sender_phone is None
    report = receipt_log.verify_log()
    assert report.ok, report.message_en
    shown = receipt_lookup.show_receipt(old.number)
    assert shown.status == old.status and shown.sender_phone is None
    assert "dihapus" in shown.history[-1].note
    # Putting a number back behind the application's back is an edit the log names.
    Receipt.update(sender_phone="+6281299999999").where(Receipt.id == old.id).execute()
    edited = receipt_log.verify_log()
    assert not edited.ok and old.number in edited.message_en


def test_purging_twice_deletes_nothing_more(office, old_and_new):
    clock = office
    purge_numbers(clock)
    again = purge_numbers(clock)
    assert (again.complaints, again.tickets, again.messages, again.receipts) == (0, 0, 0, 0)


def test_a_longer_retention_keeps_them(office, old_and_new):
    clock = office
    update_settings(notify_retention_days="90")
    result = purge_numbers(clock)
    assert (result.complaints, result.tickets, result.messages) == (0, 0, 0)
    assert Ticket.get_by_id(old_and_new["old_ticket"]).phone == "+6281200000003"
    clock.advance(days=60)  # the old matters are 91 days old now, the new ones 60
    assert (purge_numbers(clock).complaints, Ticket.get_by_id(old_and_new["new_ticket"]).phone) == (
        1,
        "+6281200000006",
    )
    clock.advance(days=31)
    assert purge_numbers(clock).tickets == 1
