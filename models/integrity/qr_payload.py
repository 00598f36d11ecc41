"""The ``LKT1:`` QR payload: ``LKT1:`` + base45(CBOR claims ‖ 64-byte Ed25519 signature).

The signature covers the exact claims bytes. Claims are a canonical CBOR map (RFC 8949
§4.2.1 "core deterministic": shortest forms, keys sorted) with one-letter text keys:

====  =================  ======================================  =========
key   claim              type                                    kinds
====  =================  ======================================  =========
k     kind               text: "receipt" or "ticket"             both
n     number             text: "TT-2026-000123" / "A-012"        both
o     office id          text (the office's ``office_id``)       both
i     key id (kid)       4 bytes: SHA-256(raw public key)[:4]    both
t     issued at          unsigned int: Unix seconds (UTC)        both
s     sender             text: the sender's name                 receipt
u     recipient unit     text                                    receipt
d     subject digest     16 bytes: SHA-256(subject)[:16]         receipt
p     pages              unsigned int                            receipt
a     attachments        unsigned int                            receipt
c     channel            text: "kiosk" or "counter"              receipt
f     officer            text: NIP, else username (optional)     receipt
v     service code       text: "A"                               ticket
y     day                text: ISO date "2026-11-23"             ticket
====  =================  ======================================  =========

No phone number, NIK or subject text ever goes into a QR (anyone can read it).
Decoding is strict: a claims map that is not canonical CBOR, has unknown or missing
keys, or wrong types is malformed. ``cbor2`` and ``base45`` are imported only when
used, so importing this module costs nothing on the CLI's fast paths.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import unicodedata
from dataclasses import dataclass
from typing import Any

from loket.models.errors import InvalidInput

PREFIX = "LKT1:"
SIGNATURE_BYTES = 64
KID_BYTES = 4
DIGEST_BYTES = 16
MAX_TEXT_CHARS = 3000  # a version-40 QR holds 4296 alphanumerics; ours are ~350
KINDS = ("receipt", "ticket")
CHANNELS = ("kiosk", "counter")

_TEXT_LIMITS = {"n": 24, "o": 32, "s": 120, "u": 120, "c": 8, "f": 40, "v": 2, "y": 10, "k": 8}
_COMMON = {"k", "n", "o", "i", "t"}
_RECEIPT_REQUIRED = _COMMON | {"s", "u", "d", "p", "a", "c"}
_RECEIPT_OPTIONAL = {"f"}
_TICKET_REQUIRED = _COMMON | {"v", "y"}
_MAX_UINT = 2**32 - 1


class MalformedPayload(InvalidInput):
    """The text is not a well-formed ``LKT1:`` payload; the message says what is wrong."""

    code = "malformed"


def _malformed(why_id: str, why_en: str) -> MalformedPayload:
    return MalformedPayload(f"Kode QR tidak sah: {why_id}", f"Malformed QR payload: {why_en}")


def normalise_subject(subject: str) -> str:
    """NFC, whitespace runs collapsed to one space: what the subject digest covers."""
    return " ".join(unicodedata.normalize("NFC", subject).split())


def subject_digest(subject: str) -> bytes:
    return hashlib.sha256(normalise_subject(subject).encode("utf-8")).digest()[:DIGEST_BYTES]


def check_code(signature: bytes) -> str:
    """A short code people can read out over the phone: 8 base32 characters, ``ABCD-EFGH``.

    Derived from the signature (40 bits of its SHA-256), so it cannot be guessed
    without the office's private key, and the receipt number plus check code is
    enough to find and confirm a receipt by hand.
    """
    code = base64.b32encode(hashlib.sha256(signature).digest()[:5]).decode("ascii")
    return f"{code[:4]}-{code[4:]}"


@dataclass(frozen=True)
class Claims:
    """What a ticket or receipt QR asserts, in readable form."""

    kind: str
    number: str
    office: str
    kid: str  # 8 hex digits
    issued_at: dt.datetime  # UTC, whole seconds
    sender: str | None = None
    recipient_unit: str | None = None
    subject_digest: str | None = None  # 32 hex digits
    pages: int | None = None
    attachments: int | None = None
    channel: str | None = None
    officer: str | None = None
    service: str | None = None
    day: dt.date | None = None

    def to_cbor_map(self) -> dict[str, Any]:
        m: dict[str, Any] = {
            "k": self.kind,
            "n": self.number,
            "o": self.office,
            "i": bytes.fromhex(self.kid),
            "t": int(self.issued_at.timestamp()),
        }
        if self.kind == "receipt":
            m.update(
                s=self.sender,
                u=self.recipient_unit,
                d=bytes.fromhex(self.subject_digest or ""),
                p=self.pages,
                a=self.attachments,
                c=self.channel,
            )
            if self.officer:
                m["f"] = self.officer
        else:
            m.update(v=self.service, y=self.day.isoformat() if self.day else None)
        return m

    @classmethod
    def from_cbor_map(cls, m: Any) -> Claims:
        """Validate a decoded claims map; raises :class:`MalformedPayload`."""
        if not isinstance(m, dict):
            raise _malformed("klaim bukan peta CBOR", "claims are not a CBOR map")
        if not all(isinstance(k, str) for k in m):
            raise _malformed("kunci klaim bukan teks", "claim keys are not text")
        kind = m.get("k")
        if kind not in KINDS:
            raise _malformed(f"jenis tidak dikenal: {kind!r}", f"unknown kind {kind!r}")
        required = _RECEIPT_REQUIRED if kind == "receipt" else _TICKET_REQUIRED
        optional = _RECEIPT_OPTIONAL if kind == "receipt" else set()
        missing = sorted(required - m.keys())
        if missing:
            raise _malformed(
                f"klaim hilang: {', '.join(missing)}", f"missing claims: {', '.join(missing)}"
            )
        unknown = sorted(m.keys() - required - optional)
        if unknown:
            raise _malformed(
                f"klaim tidak dikenal: {', '.join(unknown)}",
                f"unknown claims: {', '.join(unknown)}",
            )
        for key, limit in _TEXT_LIMITS.items():
            if key in m:
                value = m[key]
                if not isinstance(value, str) or not value or len(value) > limit:
                    raise _malformed(
                        f"klaim '{key}' harus teks 1–{limit} karakter",
                        f"claim '{key}' must be text of 1–{limit} characters",
                    )
        for key in ("t", "p", "a"):
            if key in m:
                value = m[key]
                if type(value) is not int or not 0 <= value <= _MAX_UINT:
                    raise _malformed(
                        f"klaim '{key}' harus bilangan bulat tak negatif",
                        f"claim '{key}' must be a non-negative integer",
                    )
        for key, size in (("i", KID_BYTES), ("d", DIGEST_BYTES)):
            if key in m and (not isinstance(m[key], bytes) or len(m[key]) != size):
                raise _malformed(
                    f"klaim '{key}' harus {size} bita", f"claim '{key}' must be {size} bytes"
                )
        issued = dt.datetime.fromtimestamp(m["t"], dt.UTC)
        if kind == "receipt":
            if m["c"] not in CHANNELS:
                raise _malformed(f"kanal tidak dikenal: {m['c']!r}", f"unknown channel {m['c']!r}")
            return cls(
                kind=kind,
                number=m["n"],
                office=m["o"],
                kid=m["i"].hex(),
                issued_at=issued,
                sender=m["s"],
                recipient_unit=m["u"],
                subject_digest=m["d"].hex(),
                pages=m["p"],
                attachments=m["a"],
                channel=m["c"],
                officer=m.get("f"),
            )
        try:
            day = dt.date.fromisoformat(m["y"])
        except ValueError:
            raise _malformed("tanggal tidak sah", "invalid day") from None
        if day.isoformat() != m["y"]:
            raise _malformed("tanggal tidak sah", "invalid day")
        return cls(
            kind=kind,
            number=m["n"],
            office=m["o"],
            kid=m["i"].hex(),
            issued_at=issued,
            service=m["v"],
            day=day,
        )

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "number": self.number,
            "office": self.office,
            "kid": self.kid,
            "issued_at": self.issued_at.isoformat(),
        }
        if self.kind == "receipt":
            data.update(
                sender=self.sender,
                recipient_unit=self.recipient_unit,
                subject_digest=self.subject_digest,
                pages=self.pages,
                attachments=self.attachments,
                channel=self.channel,
                officer=self.officer,
            )
        else:
            data.update(service=self.service, day=self.day.isoformat() if self.day else None)
        return data


def encode_claims(claims: Claims) -> bytes:
    """Canonical CBOR bytes of ``claims`` (validated: what is signed always decodes)."""
    import cbor2

    cbor_map = claims.to_cbor_map()
    Claims.from_cbor_map(cbor_map)
    data: bytes = cbor2.dumps(cbor_map, canonical=True)
    return data


def pack(claims_bytes: bytes, signature: bytes) -> str:
    import base45

    if len(signature) != SIGNATURE_BYTES:
        raise ValueError("an Ed25519 signature is 64 bytes")
    encoded: bytes = base45.b45encode(claims_bytes + signature)
    return PREFIX + encoded.decode("ascii")


@dataclass(frozen=True)
class Unpacked:
    claims_bytes: bytes
    signature: bytes
    claims: Claims


def _decode_cbor(data: bytes) -> Any:
    import cbor2

    stream = io.BytesIO(data)
    try:
        value = cbor2.CBORDecoder(stream).decode()
    except Exception as exc:  # cbor2 raises many types on hostile input
        raise _malformed(
            "klaim bukan CBOR yang sah", f"claims are not valid CBOR ({exc})"
        ) from None
    if stream.tell() != len(data):
        raise _malformed("ada bita sisa setelah klaim", "trailing bytes after the claims")
    try:
        canonical = cbor2.dumps(value, canonical=True)
    except Exception:
        canonical = b""
    if canonical != data:
        raise _malformed("klaim bukan CBOR kanonik", "claims are not canonical CBOR")
    return value


def unpack(text: str) -> Unpacked:
    """Split and decode a QR text; raises :class:`MalformedPayload` with the reason."""
    import base45

    if not isinstance(text, str):
        raise _malformed("bukan teks", "not text")
    # Base45 uses the space character, so only line ends are trimmed on the right.
    text = text.lstrip().rstrip("\r\n\t\x00")
    if len(text) > MAX_TEXT_CHARS:
        raise _malformed("terlalu panjang", "too long")
    if not text.startswith(PREFIX):
        if text[:3].upper() == "LKT":
            raise _malformed("versi format tidak didukung", "unsupported format version")
        raise _malformed("tidak diawali LKT1:", "does not start with LKT1:")
    try:
        raw = base45.b45decode(text[len(PREFIX) :])
    except (ValueError, TypeError, KeyError, IndexError):
        raise _malformed("bukan base45 yang sah", "not valid base45") from None
    if len(raw) <= SIGNATURE_BYTES:
        raise _malformed(
            "terlalu pendek untuk berisi tanda tangan", "too short to hold a signature"
        )
    claims_bytes, signature = raw[:-SIGNATURE_BYTES], raw[-SIGNATURE_BYTES:]
    claims = Claims.from_cbor_map(_decode_cbor(claims_bytes))
    return Unpacked(claims_bytes=claims_bytes, signature=signature, claims=claims)
