"""The counter's documents list says whether each applicant was told their document is
ready (when, by which channel, or why not), and asks the officer to phone — showing the
whole number — only when no message reached the applicant; the consent line is read out
where the number is asked, and a wrong number is refused where it was typed."""

from __future__ import annotations

from helpers.settle import settle
from PySide6.QtCore import Qt

from loket.models import settings
from loket.models.documents.receipt_actions import new_receipt
from loket.models.documents.receipt_lookup import show_receipt
from loket.models.tables import Notification


def _kiosk_receipt(clock, name: str, phone: str | None):
    return new_receipt(
        name, "Legalisir ijazah", "Sekretariat", 2, sender_phone=phone, channel="kiosk", clock=clock
    )


def _item_text(panel, number: str) -> str:
    for row in range(panel.list.count()):
        item = panel.list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == number:
            return str(item.text())
    raise AssertionError(f"{number} not in the list")


def _make_ready(window, tap, number: str) -> None:
    panel = window.documents.receipts
    for status in ("confirmed", "ready"):
        panel.select(number)
        tap(panel.buttons[status])


def test_a_message_on_its_way_means_no_phone_call(signed_in, tap, clock, qtbot):
    settings.update_settings(notify_channel="webhook", notify_webhook_url="http://127.0.0.1:9/")
    info = _kiosk_receipt(clock, "Andi Wijaya", "0812-1111-2222")
    window = signed_in()
    tap(window.desk.buttons["documents"])
    panel = window.documents.receipts
    _make_ready(window, tap, info.number)
    assert show_receipt(info.number).notice is not None  # queued with the status change
    assert "Diberi tahu: Menunggu dikirim" in _item_text(panel, info.number)
    assert not panel.phone.isVisible()  # nobody dials while the message is on its way
    assert "+6281211112222" not in panel.detail.text()
    assert "tidak perlu menelepon" in window.documents.notice.text()

    # Sent: the list says when and how.
    sent_at = clock.now()
    Notification.update(status="sent", attempts=1, channel="sms", sent_at=sent_at).execute()
    window.refresh()  # as the change feed makes it
    settle(qtbot, window)
    local = sent_at.astimezone(settings.load_settings().zone)
    told = f"Diberi tahu: Terkirim {local:%d/%m %H:%M} lewat SMS"
    assert told in _item_text(panel, info.number)
    panel.select(info.number)
    assert told in panel.detail.text()
    assert not panel.phone.isVisible()


def test_a_failed_message_asks_for_a_call_with_the_whole_number(signed_in, tap, key, clock):
    settings.update_settings(notify_channel="webhook", notify_webhook_url="http://127.0.0.1:9/")
    info = _kiosk_receipt(clock, "Andi Wijaya", "0812-1111-2222")
    _kiosk_receipt(clock, "Pak Harun", None)
    window = signed_in()
    tap(window.desk.buttons["documents"])
    _make_ready(window, tap, info.number)
    Notification.update(
        status="failed",
        attempts=5,
        channel="webhook",
        last_error="Gateway tidak menjawab / The gateway did not answer",
    ).execute()
    key(window, Qt.Key.Key_Escape)
    tap(window.desk.buttons["documents"])  # read again on the way in
    panel = window.documents.receipts
    assert "Diberi tahu: Gagal terkirim: Gateway tidak menjawab" in _item_text(panel, info.number)
    panel.select(info.number)
    assert panel.phone.isVisible()
    assert "Pesan tidak sampai (Gateway tidak menjawab)" in panel.phone.text()
    assert "+6281211112222" in panel.phone.text()  # the whole number: the officer dials
    harun = next(n for n, r in panel.receipts.items() if r.sender_name == "Pak Harun")
    assert "Diberi tahu" not in _item_text(panel, harun)  # no number, no message


def test_notifications_off_keeps_the_phone_list_as_before(signed_in, tap, clock):
    info = _kiosk_receipt(clock, "Andi Wijaya", "0812-1111-2222")
    window = signed_in()
    tap(window.desk.buttons["documents"])
    _make_ready(window, tap, info.number)
    panel = window.documents.receipts
    assert show_receipt(info.number).notice is None
    assert "Diberi tahu" not in _item_text(panel, info.number)
    assert panel.phone.isVisible()
    assert "Hubungi Andi Wijaya: +6281211112222" in panel.phone.text()


def test_the_receive_form_says_what_the_number_is_for_and_refuses_a_wrong_one(
    signed_in, tap, qtbot
):
    window = signed_in()
    tap(window.desk.buttons["documents"])
    panel = window.documents.receive
    assert "hanya dipakai untuk memberi tahu" in panel.consent.text()
    assert panel.consent.isVisible()
    values = {
        "sender_name": "Siti",
        "sender_phone": "0812-34",
        "recipient_unit": "Umum",
        "subject": "Surat",
        "pages": "1",
    }
    for name, text in values.items():
        qtbot.keyClicks(panel.fields[name], text)
    tap(panel.submit_button)
    settle(qtbot, window)
    assert panel.error.text().startswith("Nomor telepon tidak sah: '0812-34'")
    assert panel.fields["sender_phone"].hasFocus()
    assert panel.receipt is None


def test_ready_at_the_counter_reaches_the_gateway_through_the_app_sender(
    signed_in, tap, clock, qtbot, office: str
):
    from helpers.webhook_server import WebhookServer

    from loket.admin.counter.main import start_sender

    info = _kiosk_receipt(clock, "Andi Wijaya", "0812-1111-2222")
    with WebhookServer() as gateway:
        settings.update_settings(
            notify_channel="webhook",
            notify_webhook_url=gateway.url,
            notify_webhook_secret="rahasia",
        )
        # The list follows the change feed, as in the app.
        window = signed_in(use_feed=True, feed_url=office)
        sender = start_sender(window, office)  # as loket-counter starts it
        sender.clock, sender.every = clock, 0.5
        try:
            tap(window.desk.buttons["documents"])
            _make_ready(window, tap, info.number)  # through the real F7 button
            assert gateway.wait_for(1, timeout=5.0), "the gateway heard nothing"
            body = gateway.requests[0].json()
            assert (body["to"], body["reference"], body["kind"]) == (
                "+6281211112222",
                info.number,
                "receipt_ready",
            )
            assert "sudah siap diambil" in body["text"]
            panel = window.documents.receipts
            qtbot.waitUntil(lambda: "Terkirim" in _item_text(panel, info.number), timeout=5_000)
            local = clock.now().astimezone(settings.load_settings().zone)
            assert (
                f"Diberi tahu: Terkirim {local:%d/%m %H:%M} lewat WhatsApp/gateway"
                in _item_text(panel, info.number)
            )
            assert len(gateway.requests) == 1  # told once
        finally:
            sender.stop()
            assert not sender.running
