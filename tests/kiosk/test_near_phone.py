""" "Your number is near": when the office switched it on, the kiosk asks for a number
after the service (and priority) — skippable in one tap, a wrong number refused on the
spot with no ticket issued — and when it is off the visitor sees no extra screen."""

from __future__ import annotations

import pytest

from loket.kiosk.shell.theme import PRIMARY_MM, touch_px


def _issued(clock, code: str) -> int:
    from loket.models.queue.waiting import snapshot

    return {s.code: s for s in snapshot(clock).services}[code].issued_today


def _phone_of(clock, number: str) -> str | None:
    from loket.models.queue.tickets import describe_ticket, find_ticket_id

    return describe_ticket(find_ticket_id(number, clock), clock).phone


@pytest.fixture
def near_on(office):
    from loket.models.settings import update_settings

    update_settings(notify_channel="sms", notify_near_ahead="3")
    return office


def test_switched_off_the_ticket_comes_without_an_extra_screen(qtbot, make_kiosk, clock, tap):
    from loket.models.settings import update_settings

    # A channel alone is not enough: "near" is off until the office sets how many ahead.
    update_settings(notify_channel="sms", notify_near_ahead="0")
    kiosk = make_kiosk()
    tap(kiosk.home.service_buttons["A"])
    tap(kiosk.priority.normal_button)
    assert kiosk.current_screen() is kiosk.ticket
    assert kiosk.ticket.number.text() == "A-001"
    qtbot.waitUntil(lambda: kiosk.ticket.outcome is not None, timeout=10_000)
    assert kiosk.ticket.outcome.printed
    assert _phone_of(clock, "A-001") is None


def test_with_notifications_off_a_near_setting_asks_nothing(qtbot, make_kiosk, clock, tap):
    from loket.models.settings import update_settings

    update_settings(notify_channel="off", notify_near_ahead="3")
    kiosk = make_kiosk(ask_priority=False)
    tap(kiosk.home.service_buttons["B"])
    assert kiosk.current_screen() is kiosk.ticket
    assert kiosk.ticket.number.text() == "B-001"
    qtbot.waitUntil(lambda: kiosk.ticket.outcome is not None, timeout=10_000)


def test_switched_on_skip_takes_the_ticket_without_a_number(qtbot, near_on, make_kiosk, clock, tap):
    kiosk = make_kiosk()
    tap(kiosk.home.service_buttons["A"])
    tap(kiosk.priority.category_buttons["lansia"])
    near = kiosk.near_phone
    assert kiosk.current_screen() is near
    assert near.title.text() == "Kirim SMS saat nomor Anda hampir dipanggil?"
    assert "Administrasi Kependudukan" in near.hint.text() and "3 orang" in near.hint.text()
    assert near.consent.isVisible()
    assert near.consent.text() == (
        "Nomor HP hanya dipakai untuk memberi tahu Anda saat nomor Anda hampir dipanggil, "
        "lalu dihapus."
    )
    assert _issued(clock, "A") == 0  # nothing issued while the visitor decides
    tap(near.skip_button)  # one tap
    assert kiosk.current_screen() is kiosk.ticket
    assert kiosk.ticket.number.text() == "A-001"
    assert "Prioritas: Lanjut usia" in kiosk.ticket.priority.text()  # the choice was kept
    assert _phone_of(clock, "A-001") is None
    qtbot.waitUntil(lambda: kiosk.ticket.outcome is not None, timeout=10_000)
    assert kiosk.ticket.outcome.printed


def test_a_number_typed_on_the_pad_is_stored_in_the_plus_62_form(
    qtbot, near_on, make_kiosk, clock, tap, type_in
):
    kiosk = make_kiosk(ask_priority=False)
    tap(kiosk.home.service_buttons["B"])
    near = kiosk.near_phone
    assert kiosk.current_screen() is near
    assert kiosk.focusWidget() is near.phone  # the pad types there
    type_in(near.keyboard, "081234567890")
    assert near.phone.text() == "081234567890"
    tap(near.take_button)
    assert kiosk.current_screen() is kiosk.ticket
    assert kiosk.ticket.number.text() == "B-001"
    assert _phone_of(clock, "B-001") == "+6281234567890"
    assert near.phone.text() == ""  # not left for the next visitor
    qtbot.waitUntil(lambda: kiosk.ticket.outcome is not None, timeout=10_000)


def test_a_wrong_number_is_refused_on_the_screen_and_no_ticket_is_issued(
    qtbot, near_on, make_kiosk, clock, tap, type_in, qapp
):
    from loket.kiosk.shell import i18n

    kiosk = make_kiosk(ask_priority=False)
    tap(kiosk.home.service_buttons["A"])
    near = kiosk.near_phone
    type_in(near.keyboard, "0812")
    tap(near.take_button)
    assert kiosk.current_screen() is near
    assert near.error.text().startswith("Nomor telepon tidak sah: '0812'")
    assert "\n" not in near.error.text()
    assert kiosk.focusWidget() is near.phone  # the pad types there
    assert _issued(clock, "A") == 0
    i18n.set_language(qapp, "en")  # the refusal follows the language switch
    assert near.error.text().startswith("Invalid phone number: '0812'")
    i18n.set_language(qapp, "id")
    # Corrected where it is: the rest of the number, then the ticket.
    type_in(near.keyboard, "34567890")
    tap(near.take_button)
    assert kiosk.current_screen() is kiosk.ticket
    assert _issued(clock, "A") == 1
    assert _phone_of(clock, kiosk.ticket.number.text()) == "+6281234567890"
    qtbot.waitUntil(lambda: kiosk.ticket.outcome is not None, timeout=10_000)


def test_after_a_refusal_the_visitor_can_still_skip(
    qtbot, near_on, make_kiosk, clock, tap, type_in
):
    kiosk = make_kiosk(ask_priority=False)
    tap(kiosk.home.service_buttons["A"])
    near = kiosk.near_phone
    tap(near.take_button)  # nothing typed
    assert kiosk.current_screen() is near
    assert near.error.text() == "Ketik nomor HP Anda, atau sentuh Lewati."
    type_in(near.keyboard, "99999")
    tap(near.take_button)
    assert near.error.text().startswith("Nomor telepon tidak sah")
    tap(near.skip_button)
    assert kiosk.current_screen() is kiosk.ticket
    assert _phone_of(clock, kiosk.ticket.number.text()) is None
    qtbot.waitUntil(lambda: kiosk.ticket.outcome is not None, timeout=10_000)


def test_a_webhook_office_asks_for_a_message_not_an_sms(make_kiosk, tap, qapp):
    from loket.kiosk.shell import i18n
    from loket.models.settings import update_settings

    update_settings(
        notify_channel="webhook", notify_webhook_url="http://127.0.0.1:9/", notify_near_ahead="2"
    )
    kiosk = make_kiosk(ask_priority=False)
    tap(kiosk.language_button)
    tap(kiosk.home.service_buttons["A"])
    near = kiosk.near_phone
    assert near.title.text() == "Send me a message when my number is nearly called?"
    assert "2 or fewer people are ahead of you" in near.hint.text()
    assert near.consent.text() == (
        "Your number is only used to tell you when your number is nearly called, then deleted."
    )
    assert (near.skip_button.text(), near.take_button.text()) == ("Skip", "Take my number")
    assert i18n.current_language() == "en"


def test_back_and_idle_both_leave_the_question_and_forget_the_number(
    qtbot, near_on, make_kiosk, clock, tap, type_in
):
    kiosk = make_kiosk(ask_priority=False, idle_seconds=60)
    tap(kiosk.home.service_buttons["A"])
    tap(kiosk.near_phone.back_button)
    assert kiosk.current_screen() is kiosk.home
    tap(kiosk.home.service_buttons["A"])
    type_in(kiosk.near_phone.keyboard, "0812")
    assert kiosk.idle.seconds == 60  # a question, not a result: the full time to answer
    kiosk.idle.set_seconds(0.3)
    qtbot.waitUntil(lambda: kiosk.current_screen() is kiosk.home, timeout=10_000)
    assert kiosk.near_phone.phone.text() == ""
    assert _issued(clock, "A") == 0


def test_the_questions_buttons_are_touch_sized(near_on, make_kiosk, tap):
    kiosk = make_kiosk(ask_priority=False)
    tap(kiosk.home.service_buttons["A"])
    near = kiosk.near_phone
    primary = touch_px(PRIMARY_MM, kiosk)
    for button in (near.skip_button, near.take_button):
        assert button.width() >= primary and button.height() >= primary
    smallest = touch_px(0, kiosk)
    for key in near.keyboard.keys.values():
        assert key.width() >= smallest and key.height() >= smallest
    assert near.back_button.height() >= smallest


def test_a_landline_on_a_ticket_is_refused_in_one_line(db, clock):
    """A ticket's number is only for the text message: a landline would never get it."""
    import pytest

    from loket.models.errors import InvalidInput
    from loket.models.office import catalog
    from loket.models.queue.tickets import issue_ticket

    catalog.add_service("A", "Administrasi", "Administration", hours="00:00-24:00", days="1234567")
    with pytest.raises(InvalidInput) as refused:
        issue_ticket("A", phone="021-5551234", clock=clock)
    assert "bukan nomor ponsel" in refused.value.message_id
    assert "\n" not in refused.value.message_en
