"""One test message through the configured channel, not queued (nothing is retried or
listed): what ``loket notify test`` and the admin app's "Kirim uji / Send test" send."""

from __future__ import annotations

from dataclasses import dataclass

from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import InvalidInput, LoketError
from loket.models.notify.channels import DeliveryFailed, Outgoing, deliver
from loket.models.notify.phones import is_mobile, mask_phone, normalise_phone
from loket.models.office import auth
from loket.models.office.auth import ADMIN_ROLES, Session
from loket.models.settings import load_settings


class TestNotSent(LoketError):
    """The channel did not take the test message (its one-line reason)."""

    code = "notify_test_failed"


@dataclass(frozen=True)
class TestSent:
    channel: str
    to: str  # masked

    def message(self) -> tuple[str, str]:
        return (
            f"Pesan uji terkirim lewat {self.channel} ke {self.to}",
            f"Test message sent via {self.channel} to {self.to}",
        )


def mobile_number(raw: str) -> str:
    number = normalise_phone(raw)
    if number is None or not is_mobile(number):
        raise InvalidInput(
            f"Nomor '{raw}' bukan nomor ponsel; SMS/WhatsApp tidak sampai ke sana",
            f"'{raw}' is not a mobile number; SMS/WhatsApp cannot reach it",
        )
    return number


def send_test(to: str) -> TestSent:
    """Raises InvalidInput (not a mobile number), ConfigurationError (bad settings) or
    TestNotSent (the gateway or modem did not take it)."""
    number = mobile_number(to)
    settings = load_settings()
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
    return TestSent(channel, mask_phone(number))


def send_test_as(session: Session, to: str, clock: Clock = SYSTEM_CLOCK) -> tuple[str, str]:
    """The admin app's test: an admin or head only; the result in one line (id, en)."""
    auth.require_role(session, *ADMIN_ROLES, clock=clock)
    return send_test(to).message()
