"""Ed25519 signing keys and the signing and verification of ``LKT1:`` QR payloads.

Private keys live only on the PC that made them, as unencrypted PKCS#8 PEM files in
``data_dir()/keys/<kid>.pem`` created with mode 0600 (in a 0700 folder). Public keys
live in the ``signing_key`` table, so every PC of the office verifies what any of its
PCs signed. ``ensure_key()`` gives this PC a key for the office if it has none: one key
per signing PC (kiosk or counter), which is what the design means by "per kiosk".
The table is not trusted by itself: a key verifies only with a certificate from the
office root this PC pinned (:mod:`certs`, :mod:`root`).

``cryptography`` is imported only inside the functions that need it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import socket
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.config import data_dir
from loket.models.db import write_transaction
from loket.models.errors import ConfigurationError, InvalidInput, NotFound
from loket.models.integrity import certs, qr_payload, root
from loket.models.integrity.qr_payload import Claims, MalformedPayload
from loket.models.tables import SigningKey
from loket.models.validation import visible

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

KEYS_FOLDER = "keys"
REASONS = (
    "malformed",
    "unknown_key",
    "retired_key",
    "bad_signature",
    "wrong_office",
    "uncertified_key",
)
_LABEL = ("Label kunci", "Key label")


def keys_dir() -> Path:
    return data_dir() / KEYS_FOLDER


def kid_for(public_raw: bytes) -> str:
    """Key id: the first 4 bytes of SHA-256 over the raw 32-byte public key, in hex."""
    return hashlib.sha256(public_raw).digest()[:4].hex()


def public_pem(public_raw: bytes) -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    key = Ed25519PublicKey.from_public_bytes(public_raw)
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


@dataclass(frozen=True)
class KeyInfo:
    kid: str
    office_id: str
    label: str
    created_at: dt.datetime
    retired_at: dt.datetime | None
    public_key_pem: str
    private_key_here: bool  # this PC holds the private half
    created: bool = False  # made by the call that returned it
    certificate: str = certs.UNCERTIFIED  # certified | uncertified | foreign
    signing_now: bool = False  # the key this PC signs with now

    def as_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["created_at"] = self.created_at.isoformat()
        data["retired_at"] = self.retired_at.isoformat() if self.retired_at else None
        return data


@dataclass(frozen=True)
class Rotation:
    new: KeyInfo
    retired: tuple[KeyInfo, ...]


@dataclass(frozen=True)
class SignedPayload:
    text: str  # what goes into the QR
    claims: Claims
    claims_bytes: bytes
    signature: bytes
    check_code: str

    @property
    def kid(self) -> str:
        return self.claims.kid


@dataclass(frozen=True)
class VerifyResult:
    """The verdict on a QR text. ``reason`` is ``None`` when valid, else one of
    :data:`REASONS`; the messages explain it in Indonesian and English."""

    valid: bool
    kind: str | None
    number: str | None
    reason: str | None
    claims: Claims | None
    message_id: str
    message_en: str
    check_code: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "kind": self.kind,
            "number": self.number,
            "reason": self.reason,
            "message": self.message_id,
            "message_en": self.message_en,
            "check_code": self.check_code,
            "claims": self.claims.as_json() if self.claims else None,
        }


def _key_path(kid: str) -> Path:
    return keys_dir() / f"{kid}.pem"


def _info(
    row: SigningKey,
    created: bool = False,
    trusted: root.RootInfo | None = None,
    signing_now: bool = False,
) -> KeyInfo:
    return KeyInfo(
        kid=row.kid,
        office_id=row.office_id,
        label=row.label,
        created_at=row.created_at,
        retired_at=row.retired_at,
        public_key_pem=public_pem(bytes(row.public_key)),
        private_key_here=_key_path(row.kid).is_file(),
        created=created,
        certificate=certs.state(row, trusted),
        signing_now=signing_now,
    )


def _office_id(office_id: str | None) -> str:
    if office_id:
        return office_id
    from loket.models.settings import load_settings

    return load_settings().office_id


def _write_private_key(path: Path, pem: bytes) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Created with its final mode in one step: the key is never readable by others,
    # not even for the moment between creating and chmod-ing the file.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())


@lru_cache(maxsize=16)
def _load_private_key(path: str) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    with open(path, "rb") as handle:
        key = serialization.load_pem_private_key(handle.read(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigurationError(
            f"Berkas kunci {path} bukan kunci Ed25519", f"Key file {path} is not an Ed25519 key"
        )
    return key


def new_key(
    office_id: str | None = None, label: str | None = None, clock: Clock = SYSTEM_CLOCK
) -> KeyInfo:
    """Make a new key for this PC: private half to a 0600 file, public half to the table."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    office = _office_id(office_id)
    root.ensure_root(office, clock)
    name = visible(label if label is not None else socket.gethostname(), *_LABEL)[:80]
    while True:
        private = Ed25519PrivateKey.generate()
        public_raw = private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        kid = kid_for(public_raw)
        # A 4-byte id collides about once in 4 billion keys; then simply make another.
        if not _key_path(kid).exists() and SigningKey.get_or_none(SigningKey.kid == kid) is None:
            break
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path = _key_path(kid)
    try:
        _write_private_key(path, pem)
    except OSError as exc:
        raise ConfigurationError(
            f"Kunci tanda tangan tidak dapat disimpan di {path.parent} ({exc.strerror})",
            f"Cannot store the signing key in {path.parent} ({exc.strerror})",
        ) from exc
    try:
        with write_transaction():
            row = SigningKey(
                kid=kid,
                public_key=public_raw,
                office_id=office,
                label=name,
                created_at=clock.now(),
                retired_at=None,
            )
            certs.certify_if_root_here(row)  # else it waits for 'loket keys certify'
            row.save(force_insert=True)
            publish("receipts")
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return _info(row, created=True)


def _usable_keys(office: str | None) -> list[SigningKey]:
    """This office's (every office's: ``None``) unretired keys whose private half is on
    this PC, newest first."""
    where = SigningKey.retired_at.is_null() & (SigningKey.foreign == False)  # noqa: E712
    if office is not None:
        where &= SigningKey.office_id == office
    rows = SigningKey.select().where(where).order_by(SigningKey.created_at.desc(), SigningKey.kid)
    return [row for row in rows if _key_path(row.kid).is_file()]


def ensure_key(
    office_id: str | None = None, label: str | None = None, clock: Clock = SYSTEM_CLOCK
) -> KeyInfo:
    """This PC's signing key for the office, made now if there is none yet.

    After the office id changed, this PC's key of the old id is retired and the new key
    (certified for the new id when the root is here) is the only active one: old
    receipts keep verifying under the old id, new ones are signed for the new id.
    """
    office = _office_id(office_id)
    root.ensure_root(office, clock)
    usable = _usable_keys(office)
    if usable:
        row = usable[0]
        if row.certificate is None and certs.certify_if_root_here(row):
            with write_transaction():  # made before the root was here (restored, new)
                row.save()
                publish("receipts")
        return _info(row)
    return rotate_key(office, label, clock, every_office=True).new


def rotate_key(
    office_id: str | None = None,
    label: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
    every_office: bool = False,
) -> Rotation:
    """Retire this PC's keys for the office and make a new one.

    Retired keys stay in the table: what they signed before ``retired_at`` still
    verifies; anything they sign afterwards does not.
    """
    office = _office_id(office_id)
    old = _usable_keys(None if every_office else office)
    fresh = new_key(office, label, clock)
    now = clock.now()
    with write_transaction():
        if old:
            SigningKey.update(retired_at=now).where(
                SigningKey.kid.in_([row.kid for row in old]) & SigningKey.retired_at.is_null()
            ).execute()
        publish("receipts")
    retired = tuple(_info(SigningKey.get_by_id(row.kid)) for row in old)
    return Rotation(new=fresh, retired=retired)


def list_keys(office_id: str | None = None) -> list[KeyInfo]:
    """Every known key (all offices unless ``office_id``), oldest first."""
    query = SigningKey.select().order_by(SigningKey.created_at, SigningKey.kid)
    if office_id:
        query = query.where(SigningKey.office_id == office_id)
    trusted = root.trusted_root()
    mine = _usable_keys(_office_id(None))
    now = mine[0].kid if mine else None
    return [_info(row, trusted=trusted, signing_now=row.kid == now) for row in query]


def public_keys_pem(office_id: str | None = None, include_retired: bool = True) -> str:
    """The public keys as PEM blocks, each preceded by a comment line naming it.

    OpenSSL skips the text before ``-----BEGIN``, so a single block saved to a file
    is directly usable with ``openssl pkeyutl -pubin -inkey``.
    """
    blocks = []
    for key in list_keys(office_id):
        if key.retired_at and not include_retired:
            continue
        state = f"retired {key.retired_at.isoformat()}" if key.retired_at else "active"
        now = "; menandatangani sekarang / signing now" if key.signing_now else ""
        blocks.append(
            f"# kunci/key {key.kid}: {certs.STATE_TEXT[key.certificate]}{now}\n"
            f"# kid {key.kid} office {key.office_id} ({key.label}) "
            f"created {key.created_at.isoformat()} {state}\n{key.public_key_pem}"
        )
    return "".join(blocks)


def import_public_key(
    pem: str, office_id: str, label: str = "", clock: Clock = SYSTEM_CLOCK
) -> KeyInfo:
    """Register another office's public key (labelled foreign) so this office can check
    that office's receipts. This office's own keys are never imported: each PC makes its
    key and the root certifies it (``loket keys certify``)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = serialization.load_pem_public_key(pem.encode("ascii"))
    except ValueError as exc:
        raise InvalidInput("Kunci publik PEM tidak sah", "Invalid PEM public key") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise InvalidInput("Kunci publik bukan Ed25519", "The public key is not Ed25519")
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    kid = kid_for(raw)
    office_id = visible(office_id, "Kantor", "Office")[:32]
    if office_id == _office_id(None):
        raise InvalidInput(
            f"Kunci kantor ini ({office_id}) tidak diimpor: kunci PC kantor ini dibuat di PC-nya "
            "('loket keys new') lalu disahkan ('loket keys certify KID')",
            f"This office's ({office_id}) keys are not imported: a PC of this office makes its "
            "key ('loket keys new') and the root certifies it ('loket keys certify KID')",
        )
    with write_transaction():
        row = SigningKey.get_or_none(SigningKey.kid == kid)
        created = row is None
        if row is None:
            row = SigningKey.create(
                kid=kid,
                public_key=raw,
                office_id=office_id,
                label=visible(label or "", *_LABEL)[:80],
                created_at=clock.now(),
                foreign=True,
            )
            publish("receipts")
    return _info(row, created=created)


def _signing_key(office: str, kid: str | None) -> tuple[str, Ed25519PrivateKey]:
    if kid is not None:
        path = _key_path(kid)
        if not path.is_file():
            raise NotFound(
                f"Kunci privat {kid} tidak ada di PC ini", f"Private key {kid} is not on this PC"
            )
        return kid, _load_private_key(str(path))
    usable = _usable_keys(office)
    if not usable:
        raise ConfigurationError(
            f"PC ini belum punya kunci tanda tangan untuk kantor {office}: jalankan 'loket init' "
            "atau 'loket keys new'",
            f"This PC has no signing key for office {office}: run 'loket init' or 'loket keys new'",
        )
    return usable[0].kid, _load_private_key(str(_key_path(usable[0].kid)))


def sign_claims(claims: Claims, kid: str | None = None) -> SignedPayload:
    """Sign ``claims`` with this PC's active key for ``claims.office`` (or key ``kid``).

    The claims' ``kid`` is set to the signing key's id; the returned payload carries
    the final claims, the exact signed bytes, the QR text and the human check code.
    """
    key_id, private = _signing_key(claims.office, kid)
    final = dataclasses.replace(claims, kid=key_id)
    claims_bytes = qr_payload.encode_claims(final)
    signature = private.sign(claims_bytes)
    return SignedPayload(
        text=qr_payload.pack(claims_bytes, signature),
        claims=final,
        claims_bytes=claims_bytes,
        signature=signature,
        check_code=qr_payload.check_code(signature),
    )


_MESSAGES = {
    "unknown_key": (
        "kunci penanda tangan tidak dikenal kantor ini",
        "signed with a key this office does not know",
    ),
    "bad_signature": (
        "tanda tangan tidak cocok — isi kode QR telah diubah atau dipalsukan",
        "the signature does not match — the QR content was altered or forged",
    ),
    "wrong_office": ("diterbitkan untuk kantor lain", "issued for another office"),
    "retired_key": (
        "ditandatangani dengan kunci yang sudah dipensiunkan sebelum tanggal terbit",
        "signed with a key that was retired before the stated issue time",
    ),
    "uncertified_key": certs.NOT_CERTIFIED,
}


def _invalid(
    reason: str, claims: Claims | None, detail_id: str = "", detail_en: str = ""
) -> VerifyResult:
    why_id, why_en = _MESSAGES.get(reason, ("", ""))
    return VerifyResult(
        valid=False,
        kind=claims.kind if claims else None,
        number=claims.number if claims else None,
        reason=reason,
        claims=claims,
        message_id=f"TIDAK SAH: {detail_id or why_id}",
        message_en=f"INVALID: {detail_en or why_en}",
    )


def verify_text(text: str, office_id: str | None = None) -> VerifyResult:
    """Check a scanned QR text against the public keys in the database.

    With ``office_id`` the payload must also name that office. Never raises for bad
    input: every problem is a result with a reason.
    """
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        unpacked = qr_payload.unpack(text)
    except MalformedPayload as exc:
        return _invalid("malformed", None, exc.message_id, exc.message_en)
    claims = unpacked.claims
    row = SigningKey.get_or_none(SigningKey.kid == claims.kid)
    if row is None:
        return _invalid("unknown_key", claims)
    public = Ed25519PublicKey.from_public_bytes(bytes(row.public_key))
    try:
        public.verify(unpacked.signature, unpacked.claims_bytes)
    except InvalidSignature:
        return _invalid("bad_signature", claims)
    if row.office_id != claims.office or (office_id and claims.office != office_id):
        return _invalid(
            "wrong_office",
            claims,
            f"diterbitkan untuk kantor {claims.office}, bukan {office_id or row.office_id}",
            f"issued for office {claims.office}, not {office_id or row.office_id}",
        )
    untrusted = certs.problem(row, claims.issued_at)
    if untrusted is not None:
        return _invalid("uncertified_key", claims, *untrusted)
    if row.retired_at is not None and claims.issued_at > row.retired_at:
        return _invalid("retired_key", claims)
    asing, foreign = (" (kunci asing)", " (foreign key)") if row.foreign else ("", "")
    return VerifyResult(
        valid=True,
        kind=claims.kind,
        number=claims.number,
        reason=None,
        claims=claims,
        message_id=f"SAH: {_KIND_ID[claims.kind]} {claims.number} dari kantor {claims.office}{asing}",
        message_en=f"VALID: {claims.kind} {claims.number} from office {claims.office}{foreign}",
        check_code=qr_payload.check_code(unpacked.signature),
    )


_KIND_ID = {"receipt": "tanda terima", "ticket": "nomor antrian"}


def clear_key_cache() -> None:
    _load_private_key.cache_clear()
    root.clear_caches()
