"""A visitor who chose English at the kiosk is told in English later; everyone else in
Indonesian (the office's language, and every record made before languages were kept)."""

from __future__ import annotations

import pytest

from loket.models.documents.receipt_actions import new_receipt, set_status
from loket.models.errors import InvalidInput
from loket.models.feedback.complaint_actions import add_follow_up, file_complaint
from loket.models.notify.status import list_messages
from loket.models.queue import calling
from loket.models.queue.tickets import issue_ticket
from loket.models.settings import update_settings


def _ready(clock, language):
    receipt = new_receipt(
        "Siti Aminah", "Surat domisili", "Seksi Pemerintahan", 2,
        sender_phone="0812-3456-7890", officer="budi", language=language, clock=clock,
    )  # fmt: skip
    set_status(receipt.number, "ready", officer="budi", clock=clock)
    return receipt


def test_a_receipt_made_in_english_is_told_in_english(office):
    receipt = _ready(office, "en")
    (message,) = list_messages()
    assert message.language == "en" and receipt.number in message.text
    assert "ready" in message.text and "siap" not in message.text


def test_without_a_language_the_message_is_indonesian(office):
    _ready(office, None)
    (message,) = list_messages()
    assert message.language == "id" and "siap diambil" in message.text


def test_a_complaint_and_a_near_ticket_keep_the_visitors_language(office):
    complaint = file_complaint(
        "Antrean terlalu lama", contact_phone="081298765432", language="en", clock=office
    )
    add_follow_up(complaint.number, "We added a counter", "answered", officer="budi", clock=office)
    update_settings(notify_near_ahead="1")
    issue_ticket("A", clock=office)
    near = issue_ticket("A", phone="0812 1111 0002", language="en", clock=office)
    calling.call_next(1, "budi", clock=office)
    by_kind = {m.kind: m for m in list_messages()}
    assert by_kind["complaint_answered"].language == "en"
    assert by_kind["ticket_near"].language == "en" and near.number in by_kind["ticket_near"].text
    assert "Civil registry" in by_kind["ticket_near"].text or "near" in by_kind["ticket_near"].text


def test_a_language_other_than_id_or_en_is_refused_in_one_line(office):
    with pytest.raises(InvalidInput) as refused:
        issue_ticket("A", language="jv", clock=office)
    assert "id atau en" in refused.value.message_id and "\n" not in refused.value.message_en
