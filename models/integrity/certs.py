"""Key certificates: the office root's signature over a signing key.

The signed text is rebuilt from the key's own row, so a certificate copied to another
key, or a key whose bytes were replaced, no longer matches::

    LOKET-KEYCERT-1
    kid=<8 hex>
    public=<64 hex: the raw public key>
    office=<office id>
    pc=<PC label>
    not_before=YYYY-MM-DD
    not_after=YYYY-MM-DD

(UTF-8, each line ending in ``\\n``). ``certificate`` holds the base64 of the root's
64-byte Ed25519 signature over those bytes; stock OpenSSL checks it (see
docs/receipt-format.md). A key is trusted only when that signature verifies under the
root this PC trusts (:func:`root.trusted_root`), never because the database says so.
"""

from __future__ import annotations

import base64
import datetime as dt
from typing import TYPE_CHECKING

from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import ConfigurationError, InvalidInput, NotFound
from loket.models.integrity import root
from loket.models.tables import SigningKey

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

MAGIC = "LOKET-KEYCERT-1"
VALID_YEARS = 10
CERTIFIED, UNCERTIFIED, FOREIGN = "certified", "uncertified", "foreign"
STATE_TEXT = {
    CERTIFIED: "disahkan / certified",
    UNCERTIFIED: "belum disahkan / uncertified",
    FOREIGN: "asing / foreign",
}
NOT_CERTIFIED = ("kunci tidak disahkan kantor ini", "key not certified by this office")


def body(
    kid: str, public_raw: bytes, office: str, pc: str, not_before: str, not_after: str
) -> bytes:
    return (
        f"{MAGIC}\nkid={kid}\npublic={public_raw.hex()}\noffice={office}\npc={pc}\n"
        f"not_before={not_before}\nnot_after={not_after}\n"
    ).encode()


def row_body(row: SigningKey) -> bytes:
    return body(
        row.kid,
        bytes(row.public_key),
        row.office_id,
        row.cert_pc or "",
        row.cert_not_before or "",
        row.cert_not_after or "",
    )


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def sign_row(row: SigningKey, private: Ed25519PrivateKey, root_fp: str) -> None:
    """Set ``row``'s certificate fields (the caller saves the row). A key keeps its
    validity when re-certified (a root rotation, a restored root)."""
    start = row.cert_not_before or row.created_at.astimezone(dt.UTC).date().isoformat()
    row.cert_not_before = start
    row.cert_not_after = (
        row.cert_not_after or _years_later(dt.date.fromisoformat(start), VALID_YEARS).isoformat()
    )
    row.cert_pc = (row.label or "")[:80]
    row.certificate = base64.b64encode(private.sign(row_body(row))).decode("ascii")
    row.cert_root = root_fp


def certify_existing(office_id: str, private: Ed25519PrivateKey, root_fp: str) -> int:
    """Certify every key of ``office_id`` already in the table (the root is new)."""
    count = 0
    for row in SigningKey.select().where(
        (SigningKey.office_id == office_id) & (SigningKey.foreign == False)  # noqa: E712
    ):
        sign_row(row, private, root_fp)
        row.save()
        count += 1
    return count


def problem(
    row: SigningKey, when: dt.datetime | None = None, trusted: root.RootInfo | None = None
) -> tuple[str, str] | None:
    """Why ``row`` cannot be trusted for its own office at ``when``; ``None`` if it can.

    A foreign key is another office's: it never vouches for this office, and is taken as
    the imported key of its own office otherwise (an admin imported it)."""
    if row.foreign:
        from loket.models.settings import load_settings

        if row.office_id == load_settings().office_id:
            return _why(row.kid, "kunci asing", "a foreign key")
        return None
    anchor = trusted or root.trusted_root()
    if anchor is None:
        return (
            f"{NOT_CERTIFIED[0]} (kunci {row.kid}): PC ini belum menyematkan kunci akar kantor "
            "— jalankan 'loket init --trust SIDIK-KUNCI-AKAR'",
            f"{NOT_CERTIFIED[1]} (key {row.kid}): this PC has not pinned the office root "
            "— run 'loket init --trust ROOT-FINGERPRINT'",
        )
    if not row.certificate or not root.signature_ok(
        anchor.public_raw, row_body(row), row.certificate
    ):
        return _why(row.kid, "", "")
    if when is not None:
        # Only the end is enforced: a key's own clock-stated issue times before it was
        # certified are what certifying later is for, and a retired key is cut off by
        # ``retired_at`` anyway.
        day = when.astimezone(dt.UTC).date().isoformat()
        if day > (row.cert_not_after or ""):
            return _why(
                row.kid, "di luar masa berlaku sertifikat", "outside its certificate's dates"
            )
    return None


def _why(kid: str, extra_id: str, extra_en: str) -> tuple[str, str]:
    more_id = f", {extra_id}" if extra_id else ""
    more_en = f", {extra_en}" if extra_en else ""
    return (
        f"{NOT_CERTIFIED[0]} (kunci {kid}{more_id})",
        f"{NOT_CERTIFIED[1]} (key {kid}{more_en})",
    )


def state(row: SigningKey, trusted: root.RootInfo | None = None) -> str:
    if row.foreign:
        return FOREIGN
    return CERTIFIED if problem(row, None, trusted) is None else UNCERTIFIED


def _holding_root() -> tuple[root.RootInfo, Ed25519PrivateKey]:
    anchor = root.trusted_root()
    if anchor is None or not anchor.private_here:
        raise ConfigurationError(
            "Kunci akar kantor tidak ada di PC ini: sahkan dari PC pemegang kunci akar "
            "(atau pulihkan dengan 'loket keys root-restore')",
            "The office root key is not on this PC: certify on the PC that holds it "
            "(or restore it with 'loket keys root-restore')",
        )
    private = root.private_root()
    assert private is not None
    return anchor, private


def root_here() -> bool:
    anchor = root.trusted_root()
    return anchor is not None and anchor.private_here


def certify(kid: str) -> SigningKey:
    """Certify key ``kid`` with the root on this PC (an admin checked the kid)."""
    from loket.models.changefeed import publish
    from loket.models.db import write_transaction

    anchor, private = _holding_root()
    with write_transaction():
        row = SigningKey.get_or_none(SigningKey.kid == kid.strip().lower())
        if row is None:
            raise NotFound(f"Kunci {kid} tidak ada", f"No key {kid}")
        if row.foreign:
            raise InvalidInput(
                f"Kunci {row.kid} milik kantor lain (asing): tidak disahkan kantor ini",
                f"Key {row.kid} belongs to another office (foreign): this office does not "
                "certify it",
            )
        sign_row(row, private, anchor.fingerprint)
        row.save()
        publish("receipts")
    return row


def certify_if_root_here(row: SigningKey) -> bool:
    """Certify a key of this PC right away when this PC holds the trusted root."""
    if not root.root_key_path().is_file():
        return False
    anchor = root.trusted_root()
    if anchor is None or not anchor.private_here:
        return False
    private = root.private_root()
    assert private is not None
    sign_row(row, private, anchor.fingerprint)
    return True


def retire(kid: str, clock: Clock = SYSTEM_CLOCK) -> SigningKey:
    """Retire key ``kid`` now (a PC's lost or stolen key): what it signed before stays
    valid, anything it signs later is refused."""
    from loket.models.changefeed import publish
    from loket.models.db import write_transaction

    with write_transaction():
        row = SigningKey.get_or_none(SigningKey.kid == kid.strip().lower())
        if row is None:
            raise NotFound(f"Kunci {kid} tidak ada", f"No key {kid}")
        if row.retired_at is None:
            row.retired_at = clock.now()
            row.save()
            publish("receipts")
    return row
