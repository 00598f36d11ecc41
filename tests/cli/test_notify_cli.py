"""`loket notify …` as cron and an administrator use it: the real command in a subprocess
against the test database and a gateway on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys

import pytest
from helpers.webhook_server import WebhookServer, closed_port_url, ready_receipt, use_webhook

from loket.models.office import catalog
from loket.models.office.staff import add_staff
from loket.models.settings import update_settings
from loket.models.tables import Notification, Setting


@pytest.fixture
def office(db, clock):
    catalog.add_service("A", "Administrasi", "Administration", hours="00:00-24:00", days="1234567")
    add_staff("budi", "Budi Santoso", "staff", "1234", nip="198001012005011001")
    update_settings(office_name="Kecamatan Bogor Tengah", notify_channel="webhook")
    return clock


@pytest.fixture
def gateway():
    with WebhookServer() as server:
        yield server


def _one_line_refusal(result, *words: str) -> None:
    assert result.code == 1 and result.out == ""
    assert result.err.startswith("loket: ") and result.err.count("\n") == 1
    assert "Traceback" not in result.err and " / " in result.err
    for word in words:
        assert word in result.err


def test_send_pending_delivers_what_is_due_and_says_so(office, gateway, loket):
    use_webhook(gateway.url)
    receipt = ready_receipt(office)
    done = loket("notify", "send-pending", "--json")
    assert done.code == 0, done.err
    report = done.json()
    assert (report["sent"], report["failed"], report["channel"]) == (1, 0, "webhook")
    (request,) = gateway.requests
    assert request.json()["reference"] == receipt.number
    again = loket("notify", "send-pending")
    assert again.code == 0
    assert (
        again.out.strip()
        == "Terkirim 0, gagal 0, dicoba lagi nanti 0 / Sent 0, failed 0, to retry later 0"
    )


def test_send_pending_exits_non_zero_when_a_message_failed_for_good(office, loket):
    use_webhook(closed_port_url())
    update_settings(notify_max_attempts="1")
    ready_receipt(office)
    done = loket("notify", "send-pending")
    assert done.code == 1 and "Traceback" not in done.err
    assert "gagal 1" in done.out and "connection refused" in done.out
    listed = loket("notify", "list", "--status", "failed")
    assert listed.code == 0
    assert "failed" in listed.out and "+62 812-****-890" in listed.out
    assert "Gateway unreachable: connection refused" in listed.out


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("notify_webhook_url", "ftp://gateway/hook", ("http:// or https://",)),
        ("notify_webhook_url", "gateway.example/hook", ("http:// or https://",)),
        ("notify_webhook_secret", "", ("notify_webhook_secret",)),
    ],
)
def test_bad_webhook_settings_are_one_line_and_exit_1(office, gateway, loket, key, value, words):
    use_webhook(gateway.url)
    ready_receipt(office)
    Setting.update(value=value).where(Setting.key == key).execute()
    _one_line_refusal(loket("notify", "send-pending"), *words)
    _one_line_refusal(loket("notify", "test", "--to", "0812-3456-7890"), *words)
    assert gateway.requests == [] and Notification.get().attempts == 0


def test_a_missing_gammurc_is_one_line_and_exit_1(office, loket, tmp_path):
    missing = tmp_path / "gammurc"
    update_settings(notify_channel="sms", notify_gammu_config=str(missing))
    ready_receipt(office)
    _one_line_refusal(loket("notify", "send-pending"), "gammurc", str(missing))


def test_send_pending_with_notifications_off_sends_nothing_and_succeeds(office, gateway, loket):
    use_webhook(gateway.url)
    ready_receipt(office)
    update_settings(notify_channel="off")
    done = loket("notify", "send-pending", "--json")
    assert done.code == 0 and done.json()["off"] is True and gateway.requests == []


def test_the_list_masks_numbers_unless_full_is_asked(office, gateway, loket):
    use_webhook(gateway.url)
    receipt = ready_receipt(office)
    masked = loket("notify", "list", "--json").json()
    assert [m["to"] for m in masked] == ["+62 812-****-890"]
    assert masked[0]["status"] == "pending" and masked[0]["reference"] == receipt.number
    full = loket("notify", "list", "--full", "--json").json()
    assert [m["to"] for m in full] == ["+6281234567890"]
    text = loket("notify", "list").out
    assert receipt.number in text and "+62 812-****-890" in text and "pending" in text
    refused = loket("notify", "list", "--status", "lost")
    _one_line_refusal(refused, "Unknown message status: 'lost'")


def test_a_test_message_reaches_the_gateway_and_is_reported_in_one_line(office, gateway, loket):
    use_webhook(gateway.url)
    done = loket("notify", "test", "--to", "0812-3456-7890")
    assert done.code == 0, done.err
    assert done.out.strip() == (
        "Pesan uji terkirim lewat webhook ke +62 812-****-890 / "
        "Test message sent via webhook to +62 812-****-890"
    )
    (request,) = gateway.requests
    body = request.json()
    assert (body["to"], body["kind"]) == ("+6281234567890", "test")
    assert body["text"].startswith("Kecamatan Bogor Tengah: ")
    assert Notification.select().count() == 0  # a test is not an outbox message


def test_a_test_message_to_a_dead_gateway_or_a_wrong_number_fails_in_one_line(office, loket):
    use_webhook(closed_port_url())
    dead = loket("notify", "test", "--to", "0812-3456-7890")
    assert dead.code == 1 and dead.out.count("\n") == 1
    assert "Gateway unreachable: connection refused" in dead.out
    _one_line_refusal(loket("notify", "test", "--to", "0812-ABC"), "Invalid phone number")
    _one_line_refusal(loket("notify", "test", "--to", "021-5550-1234"), "not a mobile number")


def test_purge_reports_what_it_deleted(office, loket):
    done = loket("notify", "purge", "--json")
    assert done.code == 0, done.err
    assert done.json()["messages"] == 0 and "message_en" in done.json()


def test_the_notify_commands_never_import_qt(office, db):
    probe = (
        "import sys\n"
        "from loket.models.cli import main\n"
        f"code = main(['--db', {db!r}, 'notify', 'list', '--json'])\n"
        "assert code == 0, code\n"
        "from loket.models.notify import sender, sms_gammu, webhook\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))]\n"
        "assert not qt, qt\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
