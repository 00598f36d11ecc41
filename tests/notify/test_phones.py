"""Phone numbers as people type them: one stored form (+62…), refused clearly when wrong,
masked for staff; and every entry point (receipt, complaint, ticket) stores that form."""

from __future__ import annotations

import pytest

from loket.models.documents.receipt_actions import new_receipt
from loket.models.errors import InvalidInput
from loket.models.feedback.complaint_actions import file_complaint
from loket.models.notify.phones import format_phone, is_mobile, mask_phone, normalise_phone
from loket.models.office import catalog
from loket.models.queue.tickets import describe_ticket, issue_ticket
from loket.models.tables import Ticket


@pytest.mark.parametrize(
    "typed",
    [
        "0812-3456-7890",
        "0812 3456 7890",
        "081234567890",
        "+62 812 3456 7890",
        "6281234567890",
        "+62 (812) 3456-7890",
        " 0812.3456.7890 ",
    ],
)
def test_the_usual_ways_of_writing_a_number_give_one_form(typed):
    assert normalise_phone(typed) == "+6281234567890"


def test_blank_is_no_number():
    assert normalise_phone(None) is None
    assert normalise_phone("") is None
    assert normalise_phone("   ") is None


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("12345", "wrong length or prefix"),
        ("0812", "wrong length or prefix"),
        ("0812 3456 78901 23", "wrong length or prefix"),
        ("+1 415 555 0100", "Indonesian numbers (+62) only"),
        ("+44 20 7946 0958", "Indonesian numbers (+62) only"),
        ("0812-3456-ABCD", "digits, spaces and dashes only"),
        ("call me", "digits, spaces and dashes only"),
        ("0812\n3456", "digits, spaces and dashes only"),
    ],
)
def test_wrong_numbers_are_refused_in_one_line_in_both_languages(typed, why):
    with pytest.raises(InvalidInput) as refused:
        normalise_phone(typed)
    assert why in refused.value.message_en
    assert refused.value.message_id.startswith("Nomor telepon tidak sah")
    assert "0812-3456-7890" in refused.value.message_en  # an example of a right one
    assert "\n" not in str(refused.value)


def test_a_landline_is_a_number_but_takes_no_sms():
    landline = normalise_phone("(021) 555-1234")
    assert landline == "+62215551234"
    assert not is_mobile(landline)
    assert is_mobile("+6281234567890")


def test_staff_lists_show_a_masked_number():
    assert mask_phone("+6281234567890") == "+62 812-****-890"
    assert mask_phone("+628123456789") == "+62 812-****-789"
    assert "3456" not in mask_phone("+6281234567890")
    assert mask_phone(None) == "" and mask_phone("") == ""
    assert format_phone("+6281234567890") == "0812-3456-7890"


@pytest.fixture
def office(db, clock):
    catalog.add_service("A", "Administrasi", "Administration", hours="00:00-24:00", days="1234567")
    return clock


def test_every_entry_point_stores_the_one_form(office):
    clock = office
    receipt = new_receipt(
        "Siti Aminah",
        "Permohonan KTP",
        "Seksi Pemerintahan",
        2,
        sender_phone="0812-3456-7890",
        clock=clock,
    )
    assert receipt.sender_phone == "+6281234567890"
    complaint = file_complaint("Antrean lama sekali", "Budi", "62 857 1234 5678", clock=clock)
    assert complaint.contact_phone == "+6285712345678"
    ticket = issue_ticket("A", phone="+62 813-1111-2222", clock=clock)
    stored = Ticket.get(Ticket.label == ticket.number)
    assert stored.phone == "+6281311112222"
    assert describe_ticket(stored.id, clock).number == ticket.number


@pytest.mark.parametrize("wrong", ["12345", "+1 415 555 0100", "0812-abcd-7890"])
def test_every_entry_point_refuses_a_wrong_number(office, wrong):
    clock = office
    with pytest.raises(InvalidInput, match="Invalid phone number"):
        new_receipt("Siti", "KTP", "Seksi", 1, sender_phone=wrong, clock=clock)
    with pytest.raises(InvalidInput, match="Invalid phone number"):
        file_complaint("Antrean lama", "Budi", wrong, clock=clock)
    with pytest.raises(InvalidInput, match="Invalid phone number"):
        issue_ticket("A", phone=wrong, clock=clock)
    assert Ticket.select().count() == 0
