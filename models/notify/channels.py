"""Handing one message to the office's channel: SMS through Gammu, or a webhook gateway.

``open_channel(settings)`` checks the settings (a refusal is a :class:`ConfigurationError`
in one line, before anything is claimed) and returns a :class:`Channel` that sends one
:class:`Outgoing` message at a time and is closed after the round, so a modem is opened
once per round, not once per message. ``deliver(message, settings)`` does the three
steps for one message. A failed hand-over raises :class:`DeliveryFailed`: its text is
the message's ``last_error``, ``permanent`` says retrying cannot help (the gateway
refused this message), ``channel_down`` that nothing else will get through this round
either (connection refused, timeout, modem missing).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from loket.models.errors import ConfigurationError, one_line
from loket.models.settings import OfficeSettings


class DeliveryFailed(Exception):
    """The channel did not take the message; ``str()`` is one line "id / en"."""

    def __init__(
        self,
        message_id: str,
        message_en: str,
        permanent: bool = False,
        channel_down: bool = False,
    ) -> None:
        self.message_id = one_line(message_id)
        self.message_en = one_line(message_en)
        self.permanent = permanent
        self.channel_down = channel_down
        super().__init__(f"{self.message_id} / {self.message_en}")


@dataclass(frozen=True)
class Outgoing:
    """What a channel needs of a message (a ``Notification`` row carries the same)."""

    id: int
    to: str  # E.164 "+62…"
    text: str
    kind: str
    reference: str
    language: str = "id"


def outgoing(message: Any) -> Outgoing:
    """An :class:`Outgoing` from a ``Notification`` row, a ``MessageInfo`` or itself."""
    if isinstance(message, Outgoing):
        return message
    return Outgoing(
        id=int(message.id),
        to=str(getattr(message, "to_number", "") or getattr(message, "to", "")),
        text=str(message.text),
        kind=str(message.kind),
        reference=str(message.reference),
        language=str(message.language or "id"),
    )


class Channel(Protocol):
    name: str  # "sms" | "webhook": what Notification.channel records

    def send(self, message: Outgoing) -> None:
        """Hand over one message or raise :class:`DeliveryFailed`."""

    def close(self) -> None: ...


def notifications_on(settings: OfficeSettings) -> bool:
    return settings.notify_channel in ("sms", "webhook")


def open_channel(settings: OfficeSettings) -> Channel:
    """The configured channel, ready to send; ConfigurationError when the settings cannot
    work (notifications off, a webhook address that is not http(s), no gammurc…)."""
    chosen = settings.notify_channel
    if chosen == "webhook":
        from loket.models.notify.webhook import WebhookChannel

        return WebhookChannel.from_settings(settings)
    if chosen == "sms":
        from loket.models.notify.sms_gammu import sms_channel

        return sms_channel(settings)
    raise ConfigurationError(
        "Notifikasi mati (notify_channel=off); pilih sms atau webhook: "
        "loket settings notify_channel=webhook",
        "Notifications are off (notify_channel=off); choose sms or webhook: "
        "loket settings notify_channel=webhook",
    )


def deliver(message: Any, settings: OfficeSettings) -> str:
    """Send one message through the configured channel; returns the channel's name."""
    channel = open_channel(settings)
    try:
        channel.send(outgoing(message))
    finally:
        channel.close()
    return channel.name


__all__ = [
    "Channel",
    "DeliveryFailed",
    "Outgoing",
    "deliver",
    "notifications_on",
    "open_channel",
    "outgoing",
]
