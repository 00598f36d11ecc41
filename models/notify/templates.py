"""The message texts live in :mod:`loket.models.message_templates` (settings validates
an office's own text with them); notify code and the screens use them from here."""

from loket.models.message_templates import (
    DEFAULTS,
    KINDS,
    LANGUAGES,
    MAX_TEMPLATE,
    PLACEHOLDERS,
    SmsParts,
    check_template,
    render,
    sms_parts,
    template_for,
)

__all__ = [
    "DEFAULTS",
    "KINDS",
    "LANGUAGES",
    "MAX_TEMPLATE",
    "PLACEHOLDERS",
    "SmsParts",
    "check_template",
    "render",
    "sms_parts",
    "template_for",
]
