"""What the notifications page does: save the settings (every value checked first, then
the change and its audit entry in one transaction, refused for a staff account, as
:mod:`loket.models.office.admin_actions` does for the other office settings), and send
one test message through the configured channel."""

from __future__ import annotations

from typing import Any

from loket.models import settings as office
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import InvalidInput, LoketError
from loket.models.notify.channels import DeliveryFailed, Outgoing, deliver
from loket.models.notify.phones import is_mobile, mask_phone, normalise_phone
from loket.models.office import auth
from loket.models.office.audited_change import SECRET, act, check_role
from loket.models.office.auth import ADMIN_ROLES, Session

ACTION = "notify_settings"
SECRET_KEYS = ("notify_webhook_secret",)


def save_notify_settings(
    session: Session, changes: dict[str, str], clock: Clock = SYSTEM_CLOCK
) -> office.OfficeSettings:
    """``changes``: notify_* settings (channel, webhook, Gammu, near-ahead, retention,
    templates) as typed; the secret is audited as changed, never as its value."""
    unknown = [key for key in changes if not key.startswith("notify_")]
    if unknown or not changes:
        raise InvalidInput("Tidak ada yang diubah", "Nothing to change")
    # Refuse a staff account before judging its values; audit the values as stored.
    check_role(session, ACTION, "office", ADMIN_ROLES, clock)
    cleaned = {key: office.validate_setting(key, str(value)) for key, value in changes.items()}
    detail: dict[str, Any] = {
        key: (SECRET if key in SECRET_KEYS else value) for key, value in cleaned.items()
    }
    return act(
        session,
        ACTION,
        "office",
        detail,
        lambda: office.update_settings(**cleaned),
        clock=clock,
    )


class TestNotSent(LoketError):
    """The channel did not take the test message (its one-line reason)."""

    code = "notify_test_failed"


def send_test_message(session: Session, to: str, clock: Clock = SYSTEM_CLOCK) -> tuple[str, str]:
    """One test message to ``to`` through the configured channel, as ``loket notify test``
    sends it; the result in one line (id, en), or TestNotSent / InvalidInput /
    ConfigurationError with the reason. Not queued: nothing is retried or listed."""
    auth.require_role(session, *ADMIN_ROLES, clock=clock)
    number = normalise_phone(to)
    if number is None or not is_mobile(number):
        raise InvalidInput(
            f"Nomor '{to}' bukan nomor ponsel; SMS/WhatsApp tidak sampai ke sana",
            f"'{to}' is not a mobile number; SMS/WhatsApp cannot reach it",
        )
    settings = office.load_settings()
    message = Outgoing(
        id=0,
        to=number,
        text=f"{settings.office_name}: pesan uji Loket / Loket test message",
        kind="test",
        reference="TEST",
    )
    try:
        channel = deliver(message, settings)
    except DeliveryFailed as exc:
        raise TestNotSent(
            f"Pesan uji tidak terkirim: {exc.message_id}",
            f"Test message not sent: {exc.message_en}",
        ) from None
    shown = mask_phone(number)
    return (
        f"Pesan uji terkirim lewat {channel} ke {shown}",
        f"Test message sent via {channel} to {shown}",
    )
