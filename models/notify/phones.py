"""The phone-number rules live in :mod:`loket.models.phone_numbers` (below every area:
validation uses them too); notify code and the screens use them from here."""

from loket.models.phone_numbers import format_phone, is_mobile, mask_phone, normalise_phone

__all__ = ["format_phone", "is_mobile", "mask_phone", "normalise_phone"]
