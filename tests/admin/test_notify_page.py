"""Notifications page: the channel settings saved through a role-checked, audited action
(the secret never shown nor audited), the message texts with their SMS length counted
while typed, and the message list with the failed ones standing out."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from loket.kiosk.shell import i18n
from loket.models import settings as office
from loket.models.documents.receipt_actions import new_receipt, set_status
from loket.models.office import admin_actions, audit, auth
from loket.models.tables import Notification


def _choose(combo, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def _ready(clock, name: str, phone: str | None) -> str:
    info = new_receipt(name, "Surat izin usaha", "Perizinan", 3, sender_phone=phone, clock=clock)
    for status in ("confirmed", "ready"):
        set_status(info.number, status, officer="budi", clock=clock)
    return info.number


def test_saving_the_channel_is_audited_and_keeps_the_secret_hidden(log_in, open_page, tap, qtbot):
    page = open_page(log_in("admin"), "notify")
    assert page.channel.currentData() == "off"
    assert not page.webhook_url.isEnabled()  # nothing to set up while it is off
    _choose(page.channel, "webhook")
    assert page.webhook_url.isEnabled() and not page.gammu_config.isEnabled()
    page.webhook_url.setText("https://wa-gateway.example/send")
    qtbot.keyClicks(page.secret, "rahasia-gateway")
    page.near_ahead.setValue(3)
    page.retention.setValue(60)
    tap(page.save_button)
    assert page.notice.text() == "Pengaturan notifikasi disimpan"
    settings = office.load_settings()
    assert settings.notify_channel == "webhook"
    assert settings.notify_webhook_url == "https://wa-gateway.example/send"
    assert settings.notify_webhook_secret == "rahasia-gateway"
    assert (settings.notify_near_ahead, settings.notify_retention_days) == (3, 60)
    entry = audit.list_audit(action="notify_settings")[0]
    assert entry.actor == "admin"
    assert entry.detail["notify_channel"] == "webhook"
    assert "rahasia-gateway" not in str(entry.detail)  # the secret is audited as changed
    # Shown again: the field is empty and says a secret is stored; saving keeps it.
    assert page.secret.text() == "" and "tersimpan" in page.secret.placeholderText()
    tap(page.save_button)
    assert office.load_settings().notify_webhook_secret == "rahasia-gateway"


def test_a_wrong_address_and_a_staff_account_are_refused(log_in, open_page, tap, clock):
    window = log_in("admin")
    page = open_page(window, "notify")
    _choose(page.channel, "webhook")
    page.webhook_url.setText("wa-gateway.example")
    tap(page.save_button)
    assert page.notice.property("role") == "error"
    assert "http://" in page.notice.text()
    assert office.load_settings().notify_channel == "off"
    head = auth.login("kepala", "kepala-rahasia", clock)
    admin_actions.edit_staff(head, "admin", role="staff", clock=clock)
    page.webhook_url.setText("https://wa-gateway.example/send")
    tap(page.save_button)
    assert page.notice.property("role") == "error"
    assert office.load_settings().notify_channel == "off"
    assert [e.actor for e in audit.list_audit(action="denied")] == ["admin"]


def test_the_template_counter_follows_the_typing(log_in, open_page, tap, qtbot):
    page = open_page(log_in("kepala"), "notify")
    editor = page.templates
    assert editor.chosen() == ("receipt_ready", "id")
    assert "sudah siap diambil" in editor.text.toPlainText()  # the built-in text
    assert "1 SMS" in editor.length.text()
    assert "Kantor Kelurahan Menteng" in editor.sample.text()
    assert "TT-2026-000123" in editor.sample.text()
    editor.text.setPlainText("{office}: " + "Dokumen Anda sudah siap. " * 8 + "{reference}")
    assert "2 SMS" in editor.length.text() or "3 SMS" in editor.length.text()
    assert editor.length.property("role") == "error"  # more than one SMS stands out
    editor.text.setPlainText("{office}: dokumen {reference} siap 😀")
    assert "Unicode" in editor.length.text()
    editor.text.setPlainText("{kantor}: dokumen {reference} siap")
    assert "{kantor}" in editor.length.text()  # the unknown placeholder is named
    editor.text.setPlainText("{office}: dokumen {reference} siap, bawa KTP.")
    tap(editor.save_button)
    assert page.notice.text() == "Teks pesan disimpan"
    stored = office.load_settings().notify_template_receipt_ready_id
    assert stored == "{office}: dokumen {reference} siap, bawa KTP."
    assert audit.list_audit(action="notify_settings")[0].detail == {
        "notify_template_receipt_ready_id": stored
    }
    tap(editor.default_button)
    assert office.load_settings().notify_template_receipt_ready_id == ""
    assert "sudah siap diambil" in editor.text.toPlainText()


def test_messages_are_listed_masked_and_failed_ones_stand_out(
    log_in, open_page, tap, clock, qapp: QApplication
):
    office.update_settings(notify_channel="webhook", notify_webhook_url="http://127.0.0.1:9/")
    failed = _ready(clock, "Ani", "0812-3456-7890")
    waiting = _ready(clock, "Bayu", "+62 813 1111 2222")
    _ready(clock, "Citra", None)  # no number: no message
    Notification.update(
        status="failed",
        attempts=5,
        channel="webhook",
        last_error="Gateway menolak (HTTP 500) / Gateway refused (HTTP 500)",
    ).where(Notification.reference == failed).execute()
    page = open_page(log_in("kepala"), "notify")
    table = page.list
    assert table.rowCount() == 2
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert set(rows) == {failed, waiting}
    numbers = {table.item(r, 2).text() for r in range(table.rowCount())}
    assert numbers == {"+62 812-****-890", "+62 813-****-222"}
    bad = rows[failed]
    assert table.item(bad, 3).text() == "Gagal terkirim"
    assert table.item(bad, 4).text() == "5"
    assert table.item(bad, 5).text() == "Gateway menolak (HTTP 500)"
    good = rows[waiting]
    assert table.item(bad, 0).background().color() != table.item(good, 0).background().color()
    assert "Gagal terkirim: 1" in page.counts.text()
    assert "Menunggu dikirim: 1" in page.counts.text()
    _choose(page.status, "failed")
    page.refresh()
    assert table.rowCount() == 1
    try:
        i18n.set_language(qapp, "en")
        assert page.list.item(0, 5).text() == "Gateway refused (HTTP 500)"
        assert page.list.item(0, 3).text() == "Could not be sent"
    finally:
        i18n.set_language(qapp, "id")


def test_send_test_goes_through_the_gateway_and_a_dead_one_is_told(log_in, open_page, tap, qtbot):
    from helpers.webhook_server import WebhookServer, closed_port_url

    with WebhookServer() as gateway:
        office.update_settings(
            notify_channel="webhook", notify_webhook_url=gateway.url, notify_webhook_secret="s"
        )
        page = open_page(log_in("admin"), "notify")
        qtbot.keyClicks(page.test_to, "0812 555")
        tap(page.test_button)
        assert page.notice.property("role") == "error"
        assert "Nomor telepon tidak sah" in page.notice.text()
        assert gateway.requests == []
        page.test_to.clear()
        qtbot.keyClicks(page.test_to, "0812-3456-7890")
        tap(page.test_button)
        assert page.notice.text() == "Pesan uji terkirim lewat webhook ke +62 812-****-890"
        assert [r.json()["to"] for r in gateway.requests] == ["+6281234567890"]
    office.update_settings(notify_webhook_url=closed_port_url())
    tap(page.test_button)
    assert page.notice.property("role") == "error"
    assert page.notice.text().startswith("Pesan uji tidak terkirim:")
    assert page.list.rowCount() == 0  # a test is not a queued message
