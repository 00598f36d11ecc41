"""The webhook channel against a real HTTP gateway on 127.0.0.1: what it receives, how it
is signed, and what happens when the gateway fails, refuses, hangs or is not there."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

import pytest
from helpers.webhook_server import WebhookServer, closed_port_url, ready_receipt, use_webhook

from loket.models.errors import ConfigurationError
from loket.models.notify.sender import send_pending
from loket.models.notify.status import list_messages, receipt_notices
from loket.models.notify.webhook import WebhookChannel
from loket.models.settings import update_settings
from loket.models.tables import Notification, Receipt, Setting

SECRET = "rahasia-kantor"


@pytest.fixture
def gateway():
    with WebhookServer() as server:
        yield server


def _only_message() -> Notification:
    (row,) = Notification.select()
    return row


def test_the_gateway_gets_one_signed_json_message_with_the_number_in_plus62_form(office, gateway):
    clock = office
    use_webhook(gateway.url, SECRET)
    receipt = ready_receipt(clock, phone="0812 3456 7890")
    result = send_pending(clock)
    assert (result.sent, result.failed, result.retry_later) == (1, 0, 0)
    (request,) = gateway.requests
    # The receiver's check: the HMAC of the bytes it got, with the shared secret.
    expected = hmac.new(SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    assert request.headers["X-Loket-Signature"] == f"sha256={expected}"
    assert request.headers["Content-Type"].startswith("application/json")
    body = request.json()
    row = _only_message()
    assert body == {
        "id": row.id,
        "to": "+6281234567890",
        "text": row.text,
        "kind": "receipt_ready",
        "reference": receipt.number,
        "language": "id",
    }
    assert receipt.number in body["text"] and "siap diambil" in body["text"]
    assert (row.status, row.channel, row.attempts, row.last_error) == ("sent", "webhook", 1, None)
    assert row.sent_at == clock.now()
    notice = receipt_notices([Receipt.get(Receipt.number == receipt.number).id])
    assert next(iter(notice.values())).told
    # A second round finds nothing to send.
    assert send_pending(clock).sent == 0 and len(gateway.requests) == 1


def test_a_signature_made_with_another_secret_does_not_match(office, gateway):
    use_webhook(gateway.url, SECRET)
    ready_receipt(office)
    send_pending(office)
    (request,) = gateway.requests
    forged = hmac.new(b"other", request.body, hashlib.sha256).hexdigest()
    assert request.headers["X-Loket-Signature"] != f"sha256={forged}"


def test_a_gateway_answering_500_is_retried_with_backoff_and_then_succeeds(office, gateway):
    clock = office
    use_webhook(gateway.url, SECRET)
    ready_receipt(clock)
    gateway.plan(500, 503)
    first = send_pending(clock)
    assert (first.sent, first.retry_later) == (0, 1)
    row = _only_message()
    assert row.status == "pending" and row.attempts == 1
    assert row.next_try_at == clock.now() + dt.timedelta(minutes=1)
    assert "HTTP 500" in row.last_error and " / " in row.last_error
    assert "\n" not in row.last_error and "Traceback" not in row.last_error
    assert send_pending(clock).retry_later == 0  # not due yet: the gateway is left alone
    assert len(gateway.requests) == 1
    clock.advance(minutes=1)
    assert send_pending(clock).retry_later == 1
    row = _only_message()
    assert row.next_try_at == clock.now() + dt.timedelta(minutes=5) and "HTTP 503" in row.last_error
    clock.advance(minutes=5)
    assert send_pending(clock).sent == 1
    row = _only_message()
    assert (row.status, row.attempts, row.last_error) == ("sent", 3, None)
    assert [r.answered for r in gateway.requests] == [500, 503, 200]
    assert len({r.body for r in gateway.requests}) == 1  # the same message, the same id
    assert gateway.ids() == [row.id]


def test_a_dead_gateway_ends_in_failed_after_the_last_try_and_staff_see_why(office, loket):
    clock = office
    use_webhook(closed_port_url(), SECRET)
    update_settings(notify_max_attempts="3")
    receipt = ready_receipt(clock)
    for wait_minutes in (1, 5):
        assert send_pending(clock).retry_later == 1
        clock.advance(minutes=wait_minutes)
    last = send_pending(clock)
    assert (last.failed, last.ok) == (1, False)
    row = _only_message()
    assert (row.status, row.attempts) == ("failed", 3)
    assert row.last_error == (
        "Gateway tidak terjangkau: sambungan ditolak / Gateway unreachable: connection refused"
    )
    clock.advance(hours=3)
    assert send_pending(clock).failed == 0  # given up on: never tried again
    notice = receipt_notices([Receipt.get(Receipt.number == receipt.number).id])
    assert next(iter(notice.values())).gave_up
    listed = loket("notify", "list", "--status", "failed", "--json")
    assert listed.code == 0, listed.err
    (shown,) = listed.json()
    assert shown["id"] == row.id and shown["status"] == "failed" and shown["attempts"] == 3
    assert shown["last_error"] == row.last_error and shown["to"] == "+62 812-****-890"
    assert loket("notify", "list", "--status", "sent", "--json").json() == []


def test_a_gateway_refusing_the_message_fails_it_at_once(office, gateway):
    use_webhook(gateway.url, SECRET)
    ready_receipt(office)
    gateway.plan(400)
    assert send_pending(office).failed == 1
    row = _only_message()
    assert (row.status, row.attempts) == ("failed", 1)
    assert row.last_error.startswith("Gateway menolak pesan ini (HTTP 400: ")
    assert "planned failure" in row.last_error


def test_too_many_requests_is_only_a_reason_to_wait(office, gateway):
    use_webhook(gateway.url, SECRET)
    ready_receipt(office)
    gateway.plan(429)
    assert send_pending(office).retry_later == 1
    assert _only_message().status == "pending"


def test_a_redirect_is_not_followed_and_names_the_setting_to_fix(office, gateway):
    use_webhook(gateway.url, SECRET)
    ready_receipt(office)
    gateway.plan(302)
    assert send_pending(office).failed == 1
    row = _only_message()
    assert "HTTP 302" in row.last_error and "notify_webhook_url" in row.last_error
    assert len(gateway.requests) == 1  # nothing went to the other address


def test_a_gateway_that_hangs_times_out_and_the_round_stops_there(office, gateway):
    clock = office
    use_webhook(gateway.url, SECRET)
    ready_receipt(clock)
    ready_receipt(clock, phone="0813-1111-2222")
    gateway.plan(("hang", 1.5))
    channel = WebhookChannel(gateway.url, SECRET, timeout=0.3)
    result = send_pending(clock, channel=channel)
    assert (result.sent, result.retry_later) == (0, 1)
    tried, untouched = sorted(Notification.select(), key=lambda r: -r.attempts)
    assert tried.status == "pending" and "0.3" in tried.last_error
    assert "did not answer" in tried.last_error
    assert (untouched.status, untouched.attempts) == ("pending", 0)  # not tried this round
    clock.advance(minutes=1)
    assert send_pending(clock, channel=channel).sent == 2


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("notify_webhook_url", "ftp://gateway.example/hook", "http:// or https://"),
        ("notify_webhook_url", "", "http:// or https://"),
        ("notify_webhook_secret", "", "notify_webhook_secret is empty"),
    ],
)
def test_bad_webhook_settings_are_refused_before_any_message_is_touched(
    office, gateway, key, value, words
):
    use_webhook(gateway.url, SECRET)
    ready_receipt(office)
    # Written past the settings check, as an older version or a hand edit could have.
    Setting.update(value=value).where(Setting.key == key).execute()
    with pytest.raises(ConfigurationError) as refused:
        send_pending(office)
    assert words in str(refused.value) and "\n" not in str(refused.value)
    (message,) = list_messages()
    assert (message.status, message.attempts, message.last_error) == ("pending", 0, None)
    assert gateway.requests == []


def test_nothing_is_sent_while_notifications_are_off(office, gateway):
    use_webhook(gateway.url, SECRET)
    ready_receipt(office)
    update_settings(notify_channel="off")
    result = send_pending(office)
    assert result.off and result.sent == 0 and "notify_channel=off" in result.message("en")
    assert gateway.requests == [] and _only_message().status == "pending"
