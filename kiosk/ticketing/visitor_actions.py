"""What the kiosk's taps do on the database, run on its action worker thread, and the
words for a print job that failed outright."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from loket.kiosk.ticketing.service_tiles import ServiceTile, front_desk_unstaffed, service_tiles
from loket.models.clock import Clock
from loket.models.errors import LoketError

if TYPE_CHECKING:
    from loket.models.documents.receipt_info import ReceiptInfo


def failure_text(error: object) -> tuple[str, str]:
    if isinstance(error, LoketError):
        return error.message_id, error.message_en
    return (
        "Pencetakan gagal karena gangguan sistem. Nomor Anda tetap tercatat; "
        "silakan hubungi petugas.",
        "Printing failed because of a system fault. Your number is recorded; "
        "please ask a member of staff.",
    )


class HomeData(NamedTuple):
    office_name: str
    tiles: list[ServiceTile]
    unstaffed: bool
    near_ahead: int  # "your number is near" is offered after a service: 0 when it is off
    near_channel: str  # how the office sends it ("sms" or "webhook"), for the question's words


def read_home(clock: Clock) -> HomeData | LoketError:
    """What the home screen shows (on the worker); a refusal is shown, not raised."""
    from loket.models.settings import load_settings

    try:
        settings = load_settings()
        channel = settings.notify_channel
        near = settings.notify_near_ahead if channel != "off" else 0
        return HomeData(
            settings.office_name,
            service_tiles(clock),
            front_desk_unstaffed(clock),
            max(0, near),
            channel,
        )
    except LoketError as exc:
        return exc


def receive_document(
    values: dict[str, str], clock: Clock, key: str, language: str | None = None
) -> tuple[ReceiptInfo, str]:
    """A document handed in at the kiosk, and when (on the worker); ``key`` makes a retry
    after a lost connection return the same receipt; ``language`` (the kiosk's when the
    visitor handed it in) is the one later messages are written in."""
    from loket.models.documents.receipt_actions import new_receipt
    from loket.models.settings import load_settings

    info = new_receipt(
        values["sender_name"],
        values["subject"],
        values["recipient_unit"],
        values["pages"],
        sender_organisation=values.get("sender_organisation") or None,
        sender_phone=values.get("sender_phone") or None,
        channel="kiosk",
        clock=clock,
        request_key=key,
        language=language,
    )
    received = load_settings().local(info.issued_at).strftime("%d-%m-%Y %H:%M")
    return info, received
