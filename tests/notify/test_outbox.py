"""The outbox: one message per event, written in the event's own transaction."""

from __future__ import annotations

import datetime as dt

import pytest

from loket.models.documents import receipt_actions, receipt_lookup
from loket.models.documents.receipt_actions import new_receipt, set_status
from loket.models.errors import IllegalTransition
from loket.models.feedback.complaint_actions import add_follow_up, close_complaint, file_complaint
from loket.models.notify.outbox import event_key, queue_message
from loket.models.notify.status import list_messages, message_counts
from loket.models.queue import calling
from loket.models.queue.tickets import issue_ticket
from loket.models.settings import update_settings
from loket.models.tables import Notification, Receipt

WIB = dt.timezone(dt.timedelta(hours=7))


def _receipt(clock, phone="0812-3456-7890"):
    return new_receipt(
        "Siti Aminah",
        "Permohonan surat keterangan domisili",
        "Seksi Pemerintahan",
        3,
        sender_phone=phone,
        officer="budi",
        clock=clock,
    )


def test_a_receipt_becoming_ready_queues_exactly_one_message(office):
    clock = office
    receipt = _receipt(clock)
    assert Notification.select().count() == 0  # received and confirmed tell nobody
    clock.advance(hours=2)
    set_status(receipt.number, "ready", officer="budi", clock=clock)
    (message,) = list_messages()
    assert message.kind == "receipt_ready" and message.reference == receipt.number
    assert message.to_number == "+6281234567890" and message.language == "id"
    assert message.status == "pending" and message.attempts == 0
    assert message.next_try_at == clock.now() and message.created_at == clock.now()
    assert message.text == (
        f"Kecamatan Bogor Tengah: Dokumen dengan tanda terima {receipt.number} sudah siap "
        "diambil. Bawa tanda terima Anda."
    )
    assert message.event_key == f"receipt_ready:{Receipt.get(Receipt.number == receipt.number).id}"
    # Setting it ready again is refused by the receipt's own rules; still one message.
    with pytest.raises(IllegalTransition):
        set_status(receipt.number, "ready", officer="budi", clock=clock)
    set_status(receipt.number, "collected", officer="budi", clock=clock)
    assert Notification.select().count() == 1


def test_a_failure_after_queueing_rolls_back_the_status_and_the_message(office, monkeypatch):
    clock = office
    receipt = _receipt(clock)

    def broken(topic):
        raise RuntimeError("the server went away mid-transaction")

    monkeypatch.setattr(receipt_actions, "publish", broken)
    with pytest.raises(RuntimeError):
        set_status(receipt.number, "ready", officer="budi", clock=clock)
    assert receipt_lookup.show_receipt(receipt.number).status == "confirmed"
    assert Notification.select().count() == 0
    monkeypatch.undo()
    set_status(receipt.number, "ready", officer="budi", clock=clock)
    assert [m.status for m in list_messages()] == ["pending"]


def test_the_same_event_queued_twice_makes_one_message(office):
    """As after a dropped connection, when the action is run once more."""
    clock = office
    receipt = _receipt(clock)
    row_id = Receipt.get(Receipt.number == receipt.number).id
    key = event_key("receipt_ready", row_id)
    first = queue_message(
        "receipt_ready", key, receipt.number, "081234567890", "id", receipt=row_id, clock=clock
    )
    again = queue_message(
        "receipt_ready", key, receipt.number, "081234567890", "id", receipt=row_id, clock=clock
    )
    assert first is not None and first.event_key == key
    assert again is None
    assert Notification.select().count() == 1


def test_nothing_is_queued_when_switched_off_or_without_a_mobile_number(office):
    clock = office
    no_phone = _receipt(clock, phone=None)
    landline = _receipt(clock, phone="(0251) 832-1234")
    set_status(no_phone.number, "ready", officer="budi", clock=clock)
    set_status(landline.number, "ready", officer="budi", clock=clock)
    update_settings(notify_channel="off")
    off = _receipt(clock)
    set_status(off.number, "ready", officer="budi", clock=clock)
    assert Notification.select().count() == 0
    # The documents list says nobody was told: the officer phones them.
    listed = {r.number: r for r in receipt_lookup.list_receipts(status="ready")}
    assert all(r.notice is None and not r.told for r in listed.values())


def test_a_number_stored_before_numbers_were_checked_does_not_block_the_event(office):
    clock = office
    receipt = _receipt(clock)
    Receipt.update(sender_phone="telp kantor").where(Receipt.number == receipt.number).execute()
    assert set_status(receipt.number, "ready", officer="budi", clock=clock).status == "ready"
    assert Notification.select().count() == 0


def test_the_documents_list_shows_whether_and_how_the_applicant_was_told(office):
    clock = office
    receipt = _receipt(clock)
    set_status(receipt.number, "ready", officer="budi", clock=clock)
    (listed,) = receipt_lookup.list_receipts(status="ready")
    assert listed.notice is not None and listed.notice.status == "pending" and not listed.told
    assert listed.notice.summary(WIB, "en") == "Waiting to be sent"
    sent_at = clock.advance(minutes=1)
    Notification.update(status="sent", channel="sms", sent_at=sent_at, attempts=1).execute()
    shown = receipt_lookup.show_receipt(receipt.number)
    assert shown.told and shown.notice.channel == "sms"
    assert shown.notice.summary(WIB, "id") == "Terkirim 23/11 08:01 lewat SMS"
    assert shown.notice.summary(WIB, "en") == "Sent 23/11 08:01 via SMS"
    assert shown.as_json(WIB)["notification"]["sent_at"] == "2026-11-23T08:01:00+07:00"
    Notification.update(
        status="failed", last_error="Gateway menolak / The gateway refused"
    ).execute()
    (failed,) = receipt_lookup.list_receipts(status="ready")
    assert failed.notice.gave_up and not failed.told
    assert failed.notice.summary(WIB, "en") == "Could not be sent: The gateway refused"


def test_a_complaint_answered_then_closed_tells_the_contact_each_time(office):
    clock = office
    complaint = file_complaint("Antrean tidak bergerak", "Budi", "0857-1234-5678", clock=clock)
    add_follow_up(complaint.number, "Sedang dicek", officer="budi", clock=clock)
    assert Notification.select().count() == 0
    add_follow_up(
        complaint.number, "Petugas sudah ditegur", status="answered", officer="budi", clock=clock
    )
    add_follow_up(complaint.number, "Dicek lagi", status="in_progress", officer="budi", clock=clock)
    add_follow_up(complaint.number, "Jawaban kedua", status="answered", officer="budi", clock=clock)
    close_complaint(complaint.number, "Selesai", officer="budi", clock=clock)
    messages = sorted(list_messages(), key=lambda m: m.id)
    assert [m.kind for m in messages] == ["complaint_answered", "complaint_closed"]
    assert {m.to_number for m in messages} == {"+6285712345678"}
    assert all(complaint.number in m.text for m in messages)
    assert "sudah dijawab" in messages[0].text and "selesai ditangani" in messages[1].text


def test_an_anonymous_complaint_tells_nobody(office):
    clock = office
    complaint = file_complaint("Toilet kotor", clock=clock)
    close_complaint(complaint.number, "Sudah dibersihkan", officer="budi", clock=clock)
    assert Notification.select().count() == 0


def _issue(clock, phone=None):
    clock.advance(seconds=10)
    return issue_ticket("A", phone=phone, clock=clock).number


def test_your_number_is_near_goes_to_waiting_tickets_with_a_phone_once(office):
    clock = office
    update_settings(notify_near_ahead="2")
    first = _issue(clock, "0812-1111-0001")
    second = _issue(clock)
    third = _issue(clock, "0812-1111-0003")
    fourth = _issue(clock, "0812-1111-0004")
    fifth = _issue(clock, "0812-1111-0005")
    clock.advance(seconds=5)
    assert calling.call_next(1, clock=clock).number == first
    # Waiting now: second (0 ahead), third (1), fourth (2), fifth (3).
    near = sorted(list_messages(), key=lambda m: m.id)
    assert [m.reference for m in near] == [third, fourth]
    assert near[0].to_number == "+6281211110003"
    assert near[0].text.startswith(f"Kecamatan Bogor Tengah: Antrean {third} (Administrasi")
    calling.finish(1, clock=clock)
    assert calling.call_next(1, clock=clock).number == second
    calling.finish(1, clock=clock)
    # fifth now has 2 ahead: told; third and fourth are not told twice.
    assert sorted(m.reference for m in list_messages()) == sorted([third, fourth, fifth])
    assert message_counts() == {"pending": 3, "sending": 0, "sent": 0, "failed": 0}


def test_your_number_is_near_is_off_by_default(office):
    clock = office
    _issue(clock, "0812-1111-0001")
    _issue(clock, "0812-1111-0002")
    calling.call_next(1, clock=clock)
    assert Notification.select().count() == 0


def test_the_message_list_masks_numbers_unless_asked_in_full(office):
    clock = office
    receipt = _receipt(clock)
    set_status(receipt.number, "ready", officer="budi", clock=clock)
    (message,) = list_messages(status="pending")
    assert message.as_json(WIB)["to"] == "+62 812-****-890"
    assert message.as_json(WIB, full=True)["to"] == "+6281234567890"
    assert list_messages(status="sent") == []
