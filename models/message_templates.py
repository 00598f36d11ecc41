"""Message texts: the office's templates (settings ``notify_template_<kind>_<id|en>``) or the
built-in ones, rendered with {office} {reference} {service} {date}, and their SMS length."""

from __future__ import annotations

import datetime as dt
import math
import string
from dataclasses import dataclass

from loket.models.errors import InvalidInput
from loket.models.settings import OfficeSettings

KINDS = ("receipt_ready", "complaint_answered", "complaint_closed", "ticket_near")
LANGUAGES = ("id", "en")
PLACEHOLDERS = ("office", "reference", "service", "date")
MAX_TEMPLATE = 480  # three SMS; longer texts cost the office more than they tell

# Each fits one SMS (160 GSM-7 characters) with a reference like "TT-2026-000123"; a long
# office or service name is shortened to keep it so (see :func:`render`).
DEFAULTS: dict[tuple[str, str], str] = {
    ("receipt_ready", "id"): (
        "{office}: Dokumen dengan tanda terima {reference} sudah siap diambil. "
        "Bawa tanda terima Anda."
    ),
    ("receipt_ready", "en"): (
        "{office}: The document for receipt {reference} is ready for collection. "
        "Please bring your receipt."
    ),
    ("complaint_answered", "id"): (
        "{office}: Pengaduan {reference} sudah dijawab. Tanyakan jawabannya dengan nomor ini."
    ),
    ("complaint_answered", "en"): (
        "{office}: Complaint {reference} has been answered. Ask for the answer with this number."
    ),
    ("complaint_closed", "id"): (
        "{office}: Pengaduan {reference} sudah selesai ditangani. Terima kasih atas masukan Anda."
    ),
    ("complaint_closed", "en"): (
        "{office}: Complaint {reference} has been resolved. Thank you for your feedback."
    ),
    ("ticket_near", "id"): (
        "{office}: Antrean {reference} ({service}) segera dipanggil. Mohon kembali ke ruang tunggu."
    ),
    ("ticket_near", "en"): (
        "{office}: Ticket {reference} ({service}) will be called soon. "
        "Please return to the waiting room."
    ),
}

_GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")  # two characters each (escape + code)


@dataclass(frozen=True)
class SmsParts:
    gsm7: bool  # False: the text needs Unicode (UCS-2), 70 characters per SMS
    length: int  # GSM-7 septets, or UTF-16 units for Unicode
    parts: int  # how many SMS it takes (0 for an empty text)

    @property
    def single(self) -> bool:
        return self.parts <= 1


def sms_parts(text: str) -> SmsParts:
    """How long ``text`` is as an SMS and how many SMS it takes (153 GSM-7 or 67 Unicode
    characters per part once it is split)."""
    if all(ch in _GSM7_BASIC or ch in _GSM7_EXTENSION for ch in text):
        length = sum(2 if ch in _GSM7_EXTENSION else 1 for ch in text)
        single, per_part, gsm7 = 160, 153, True
    else:
        length = len(text.encode("utf-16-le")) // 2
        single, per_part, gsm7 = 70, 67, False
    if length == 0:
        return SmsParts(gsm7, 0, 0)
    parts = 1 if length <= single else math.ceil(length / per_part)
    return SmsParts(gsm7, length, parts)


def _fields(key: str, template: str) -> list[str]:
    """The placeholders of ``template`` as written ("office", "reference!r", "0", …)."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        raise InvalidInput(
            f"{key}: kurung kurawal tidak berpasangan (tulis {{{{ atau }}}} untuk kurung kurawal)",
            f"{key}: unpaired brace (write {{{{ or }}}} for a brace)",
        ) from None
    names = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        names.append(name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else ""))
    return names


def check_template(key: str, value: str) -> str:
    """``value`` for setting ``key`` (empty: the built-in text), or InvalidInput in one
    line naming the first unknown placeholder."""
    allowed = " ".join("{" + p + "}" for p in PLACEHOLDERS)
    if len(value) > MAX_TEMPLATE:
        raise InvalidInput(
            f"{key}: teks terlalu panjang (maks. {MAX_TEMPLATE} karakter)",
            f"{key}: text too long (max. {MAX_TEMPLATE} characters)",
        )
    for name in _fields(key, value):
        if name not in PLACEHOLDERS:
            shown = "{" + name + "}" if name else "{ }"
            raise InvalidInput(
                f"{key}: isian {shown} tidak dikenal (pilihan: {allowed}; "
                "tulis {{ atau }} untuk kurung kurawal)",
                f"{key}: unknown placeholder {shown} (choices: {allowed}; "
                "write {{ or }} for a brace)",
            )
    return value


def template_for(kind: str, language: str, settings: OfficeSettings) -> str:
    language = language if language in LANGUAGES else "id"
    own = getattr(settings, f"notify_template_{kind}_{language}", "")
    return own or DEFAULTS[(kind, language)]


def _shorten(value: str, by: int, keep: int) -> str:
    """``value`` less at least ``by`` characters, cut at a word where one is near."""
    if by <= 0 or len(value) <= keep:
        return value
    cut = value[: max(keep, len(value) - by)]
    space = cut.rfind(" ")
    if space >= max(keep, len(cut) - 12):
        cut = cut[:space]
    return cut.rstrip(" ,.-")


def render(
    kind: str,
    language: str,
    settings: OfficeSettings,
    *,
    reference: str,
    service: str = "",
    date: dt.date | None = None,
) -> str:
    """The message text. When it would take more than one SMS and the template alone would
    not, the office name and then the service name are shortened (to no less than 20
    characters) so the visitor gets one SMS with the number still whole."""
    template = template_for(kind, language, settings)
    try:
        check_template("", template)
    except InvalidInput:  # written to the database by hand: never let it stop the event
        template = DEFAULTS[(kind, language if language in LANGUAGES else "id")]
    values = {
        "office": " ".join(settings.office_name.split()),
        "reference": reference,
        "service": " ".join(service.split()),
        "date": date.strftime("%d-%m-%Y") if date else "",
    }
    text = template.format(**values)
    for name in ("office", "service"):
        over = sms_parts(text).length - (160 if sms_parts(text).gsm7 else 70)
        if over <= 0:
            break
        values[name] = _shorten(values[name], over, keep=20)
        text = template.format(**values)
    return text
