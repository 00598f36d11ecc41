"""The admin Documents page tells, per receipt, whether the applicant was told the
document is ready (when and how, waiting, or failed and why), masks numbers in the
registry, and keeps in its "phone when ready" list only those no message reached."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from loket.kiosk.shell import i18n
from loket.models import settings as office
from loket.models.documents.receipt_actions import new_receipt, set_status
from loket.models.notify.sender import send_pending
from loket.models.tables import Notification


def _ready(clock, name: str, phone: str | None) -> str:
    info = new_receipt(name, "Izin usaha", "Perizinan", 1, sender_phone=phone, clock=clock)
    for status in ("confirmed", "ready"):
        set_status(info.number, status, officer="budi", clock=clock)
    return info.number


def _rows(table) -> dict[str, list[str]]:
    return {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    }


def test_told_failed_and_unreachable_applicants(log_in, open_page, clock, qapp: QApplication):
    from helpers.webhook_server import WebhookServer

    with WebhookServer() as gateway:
        office.update_settings(
            notify_channel="webhook", notify_webhook_url=gateway.url, notify_webhook_secret="s"
        )
        told = _ready(clock, "Ani", "0812-3456-7890")
        assert send_pending(clock=clock).sent == 1  # as the apps' sender does
    failed = _ready(clock, "Bayu", "0813-1111-2222")
    Notification.update(
        status="failed", attempts=5, channel="webhook", last_error="Gateway mati / Gateway down"
    ).where(Notification.reference == failed).execute()
    waiting = _ready(clock, "Citra", "0857-1234-5678")
    nobody = _ready(clock, "Dedi", None)
    zone = office.load_settings().zone
    at = clock.now().astimezone(zone)

    page = open_page(log_in("kepala"), "documents")
    registry = _rows(page.list)
    assert registry[told][3] == "+62 812-****-890"  # masked in the list
    assert registry[told][6] == f"Terkirim {at:%d/%m %H:%M} lewat WhatsApp/gateway"
    assert registry[failed][6] == "Gagal terkirim: Gateway mati"
    assert registry[waiting][6] == "Menunggu dikirim"
    assert registry[nobody][3] == "–" and registry[nobody][6] == "–"

    # Only those nobody reached: the failed one (phone them) and the one without a number.
    ready = _rows(page.ready)
    assert set(ready) == {failed, nobody}
    assert ready[failed][2] == "pesan gagal — telepon 0813-1111-2222"  # the head dials
    assert ready[nobody][2] == "tanpa nomor HP — tunggu datang"
    try:
        i18n.set_language(qapp, "en")
        assert _rows(page.list)[told][6] == f"Sent {at:%d/%m %H:%M} via WhatsApp/gateway"
        assert _rows(page.ready)[nobody][2] == "no phone number — wait for them"
    finally:
        i18n.set_language(qapp, "id")


def test_with_notifications_off_every_ready_applicant_is_to_be_phoned(log_in, open_page, clock):
    number = _ready(clock, "Eko", "0812-3456-7890")  # off (the default): nobody is told
    page = open_page(log_in("admin"), "documents")
    assert _rows(page.list)[number][6] == "–"
    assert _rows(page.ready)[number][2] == "telepon 0812-3456-7890"
