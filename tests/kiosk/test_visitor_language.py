"""A visitor who switched the kiosk to English is told in English later — about a receipt,
a complaint or a number that is near — and one who stayed in Indonesian in Indonesian."""

from __future__ import annotations

import pytest

from loket.kiosk.shell import i18n


@pytest.fixture
def notifying(office):
    from loket.models.settings import update_settings

    update_settings(notify_channel="sms")
    return office


def _hand_in(kiosk, tap, type_in) -> str:
    form = kiosk.document
    tap(kiosk.home.document_button)
    for name, text in (
        ("sender_name", "Siti Rahma"),
        ("sender_phone", "0812-3456-7890"),
        ("recipient_unit", "Perizinan"),
        ("subject", "Izin usaha"),
        ("pages", "2"),
    ):
        tap(form.fields[name])
        type_in(form.keyboard, text)
    tap(form.submit_button)
    assert kiosk.current_screen() is kiosk.receipt
    return kiosk.receipt.number.text()


def _ready(number: str, clock) -> None:
    from loket.models.documents.receipt_actions import set_status

    set_status(number, "confirmed", officer="admin", clock=clock)
    set_status(number, "ready", officer="admin", clock=clock)


@pytest.mark.parametrize(
    ("english", "language", "said", "not_said"),
    [(True, "en", "ready", "siap"), (False, "id", "siap diambil", "ready")],
    ids=["english", "indonesian"],
)
def test_a_receipt_is_told_in_the_language_the_visitor_used(
    qtbot, qapp, notifying, make_kiosk, clock, tap, type_in, english, language, said, not_said
):
    from loket.models.notify.status import list_messages

    kiosk = make_kiosk()
    if english:
        tap(kiosk.language_button)
    number = _hand_in(kiosk, tap, type_in)
    qtbot.waitUntil(lambda: kiosk.receipt.outcome is not None, timeout=10_000)
    tap(kiosk.receipt.done_button)
    i18n.set_language(qapp, "id")  # what the kiosk shows later changes nothing
    assert list_messages() == []
    _ready(number, clock)
    (message,) = list_messages()
    assert message.kind == "receipt_ready" and message.to_number == "+6281234567890"
    assert message.language == language and number in message.text
    assert said in message.text and not_said not in message.text


def test_a_complaint_filed_in_english_is_answered_in_english(
    qtbot, notifying, make_kiosk, clock, tap, type_in
):
    from loket.models.feedback.complaint_actions import add_follow_up
    from loket.models.notify.status import list_messages

    kiosk = make_kiosk()
    tap(kiosk.language_button)
    tap(kiosk.home.complaint_button)
    screen = kiosk.complaint
    tap(screen.text)
    type_in(screen.keyboard, "The queue was very long")
    tap(screen.phone)
    type_in(screen.keyboard, "081311112222")
    tap(screen.send_button)
    assert screen.complaint is not None
    add_follow_up(screen.complaint.number, "We added a counter", "answered", clock=clock)
    (message,) = list_messages()
    assert message.kind == "complaint_answered" and message.language == "en"
    assert screen.complaint.number in message.text
    qtbot.waitUntil(lambda: screen.outcome is not None or screen.failure, timeout=10_000)


def test_a_near_number_taken_in_english_is_announced_in_english(
    qtbot, notifying, make_kiosk, clock, tap, type_in
):
    from loket.models.notify.status import list_messages
    from loket.models.office.catalog import add_counter
    from loket.models.queue.calling import call_next
    from loket.models.queue.tickets import issue_ticket
    from loket.models.settings import update_settings

    add_counter(1, "A,B")
    update_settings(notify_near_ahead="1")
    issue_ticket("A", clock=clock)  # someone before the visitor
    kiosk = make_kiosk(ask_priority=False)
    tap(kiosk.language_button)
    tap(kiosk.home.service_buttons["A"])
    type_in(kiosk.near_phone.keyboard, "081211110002")
    tap(kiosk.near_phone.take_button)
    number = kiosk.ticket.number.text()
    assert number == "A-002"
    qtbot.waitUntil(lambda: kiosk.ticket.outcome is not None, timeout=10_000)
    call_next(1, clock=clock)  # A-001 is called: nobody is ahead of A-002 now
    (message,) = list_messages()
    assert message.kind == "ticket_near" and message.language == "en"
    assert number in message.text and message.to_number == "+6281211110002"
