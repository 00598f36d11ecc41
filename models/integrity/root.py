"""The office root key: the trust anchor that lives outside the database.

Someone who can write to the database can add or replace rows in ``signing_key``, so
the keys there are trusted only with a certificate (:mod:`certs`) signed by the office
root. The root is an Ed25519 key made by the first ``loket init``; its private half is
``data_dir()/keys/root.pem`` (0600) on that PC, its public half is a row of
``office_root``, and every PC pins the root's fingerprint (SHA-256 of the raw 32-byte
public key, in hex) in ``data_dir()/trust/root``. A root row whose fingerprint is not
the pinned one is ignored, whatever the database says.

A rotated root names its successor and signs the rotation record with the old private
key; a PC pinned to the old root follows that signed chain and re-pins to the newest.
A PC set up before roots existed has no pin: it pins the database's root on first use
when there is exactly one, and says so (trust on first use, logged).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import logging
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from loket.models import rawsql
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.config import data_dir
from loket.models.db import database, is_sqlite, write_transaction
from loket.models.errors import ConfigurationError, InvalidInput
from loket.models.fields import from_micros
from loket.models.tables import OfficeRoot

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ROOT_FILE = "root.pem"
TRUST_FOLDER = "trust"
_ROTATION_MAGIC = "LOKET-ROOTROTATE-1"
_PG_ROOT_LOCK = 0x4C4B5452  # "LKTR": two PCs making the first root at once
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RootInfo:
    fingerprint: str  # full SHA-256 hex
    public_raw: bytes
    office_id: str
    created_at: dt.datetime
    superseded_by: str | None
    private_here: bool

    @property
    def display(self) -> str:
        return show(self.fingerprint)


def fingerprint(public_raw: bytes) -> str:
    return hashlib.sha256(public_raw).hexdigest()


def show(fp: str) -> str:
    """What a person compares and keeps on paper: 8 groups of 4 hex digits of the digest."""
    head = fp[:32].upper()
    return " ".join(head[i : i + 4] for i in range(0, 32, 4))


def parse_fingerprint(text: str) -> str:
    """A typed fingerprint: the 32 shown digits or the full 64, spaces and dashes allowed."""
    cleaned = re.sub(r"[\s:\-]", "", text or "").lower()
    if not re.fullmatch(r"[0-9a-f]{32}|[0-9a-f]{64}", cleaned):
        raise InvalidInput(
            "Sidik kunci akar harus 32 digit heksadesimal (8 kelompok 4), mis. '3F2A 9C01 …'",
            "The root fingerprint must be 32 hex digits (8 groups of 4), e.g. '3F2A 9C01 …'",
        )
    return cleaned


def same_fingerprint(typed: str, fp: str) -> bool:
    return fp.startswith(parse_fingerprint(typed))


def root_key_path() -> Path:
    return data_dir() / "keys" / ROOT_FILE


def trust_path() -> Path:
    return data_dir() / TRUST_FOLDER / "root"


def pinned() -> str | None:
    """The root fingerprint this PC trusts, or ``None`` before it pinned one."""
    try:
        text = trust_path().read_text(encoding="ascii").strip().lower()
    except (OSError, UnicodeDecodeError):
        return None
    return text if re.fullmatch(r"[0-9a-f]{64}", text) else None


def pin(fp: str) -> None:
    """Pin ``fp`` in this PC's data folder (0600 in a 0700 folder, replaced atomically)."""
    path = trust_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name("root.new")
    temporary.unlink(missing_ok=True)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(fp + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def private_root() -> Ed25519PrivateKey | None:
    """The root's private key when this PC holds it."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = root_key_path()
    if not path.is_file():
        return None
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigurationError(
            f"Berkas {path} bukan kunci Ed25519", f"File {path} is not an Ed25519 key"
        )
    return key


def raw_public(private: Ed25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def private_pem(private: Ed25519PrivateKey, passphrase: bytes | None = None) -> bytes:
    from cryptography.hazmat.primitives import serialization

    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    return private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )


def write_root_file(private: Ed25519PrivateKey, path: Path | None = None) -> Path:
    """Write the root's private key with mode 0600 from the start; replaces atomically."""
    target = path or root_key_path()
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".new")
    temporary.unlink(missing_ok=True)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(private_pem(private))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, target)
    return target


def private_fingerprint() -> str | None:
    """The fingerprint of the root private key on this PC (``None``: none here)."""
    path = root_key_path()
    try:
        stat = path.stat()
    except OSError:
        return None
    return _file_fingerprint(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _file_fingerprint(path: str, _mtime: int, _size: int) -> str | None:
    try:
        key = private_root()
    except (ValueError, ConfigurationError):
        return None
    return fingerprint(raw_public(key)) if key is not None else None


def _info(row: _Row) -> RootInfo:
    return RootInfo(
        row.fingerprint,
        bytes(row.public_key),
        row.office_id,
        row.created_at,
        row.superseded_by,
        private_fingerprint() == row.fingerprint,
    )


class _Row(NamedTuple):
    fingerprint: str
    public_key: bytes
    office_id: str
    created_at: dt.datetime
    superseded_by: str | None
    rotation_signature: str | None


def roots() -> list[_Row]:
    """Every root row whose public key really has its stated fingerprint, oldest first
    (read on every verification: plain SQL, no model objects)."""
    rows = rawsql.fetch_all(
        "SELECT fingerprint, public_key, office_id, created_at, superseded_by, "
        "rotation_signature FROM office_root ORDER BY created_at, fingerprint"
    )
    return [
        _Row(str(fp), bytes(raw), str(office), from_micros(int(at)), nxt, signature)
        for fp, raw, office, at, nxt, signature in rows
        if fingerprint(bytes(raw)) == fp
    ]


def rotation_body(old_fp: str, new_fp: str, new_public: bytes) -> bytes:
    return (
        f"{_ROTATION_MAGIC}\nold={old_fp}\nnew={new_fp}\nnew_public={new_public.hex()}\n".encode()
    )


@lru_cache(maxsize=256)
def signature_ok(public_raw: bytes, body: bytes, signature_b64: str) -> bool:
    """Ed25519 check, remembered per process (the same certificate is checked often)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        signature = base64.b64decode(signature_b64, validate=True)
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, body)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def _follow(start: _Row, by_fp: dict[str, _Row]) -> _Row:
    """From ``start``, each successor whose rotation record the previous root signed."""
    row, seen = start, {start.fingerprint}
    while row.superseded_by and row.superseded_by not in seen:
        successor = by_fp.get(row.superseded_by)
        if successor is None or not signature_ok(
            bytes(row.public_key),
            rotation_body(row.fingerprint, successor.fingerprint, bytes(successor.public_key)),
            row.rotation_signature or "",
        ):
            break
        row = successor
        seen.add(row.fingerprint)
    return row


def trusted_root() -> RootInfo | None:
    """The root this PC trusts now: its pinned root, or that root's signed successor
    (then re-pinned). ``None`` when nothing trustworthy is pinned."""
    mine = pinned()
    rows = roots()
    if mine is None:
        if len(rows) != 1:
            return None
        mine = rows[0].fingerprint
        pin(mine)
        _log.warning(
            "PC ini kini mempercayai kunci akar kantor %s dari basis data (pertama kali dipakai: "
            "cocokkan dengan kertas) / This PC now trusts the office root %s found in the "
            "database (first use: check it against the paper)",
            show(mine),
            show(mine),
        )
    by_fp = {r.fingerprint: r for r in rows}
    start = by_fp.get(mine)
    if start is None:
        return None
    newest = _follow(start, by_fp)
    if newest.fingerprint != mine:
        pin(newest.fingerprint)
        _log.warning(
            "Kunci akar kantor diganti dengan rekaman yang ditandatangani kunci lama: kini %s "
            "/ The office root was rotated by a record the old root signed: now %s",
            show(newest.fingerprint),
            show(newest.fingerprint),
        )
    return _info(newest)


def current_root() -> RootInfo | None:
    """The database's newest root (the one an installer is asked to confirm)."""
    rows = roots()
    current = [r for r in rows if r.superseded_by is None]
    return _info(current[-1]) if current else None


def create_root(office_id: str, clock: Clock = SYSTEM_CLOCK) -> RootInfo | None:
    """Make the office root on a database that has none; ``None`` when another PC was
    quicker (then nothing here changed). Keys already in the database for this office
    are certified at once: they were trusted before roots existed."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from loket.models.integrity import certs

    existing = private_root()
    private = existing or Ed25519PrivateKey.generate()
    public = raw_public(private)
    fp = fingerprint(public)
    if existing is None:
        write_root_file(private)
    made = False
    with write_transaction():
        if not is_sqlite(database.obj):
            database.obj.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_PG_ROOT_LOCK,))
        if OfficeRoot.select().count() == 0:
            OfficeRoot.create(
                fingerprint=fp, public_key=public, office_id=office_id, created_at=clock.now()
            )
            certs.certify_existing(office_id, private, fp)
            made = True
    if not made:
        if existing is None:
            root_key_path().unlink(missing_ok=True)
        return None
    pin(fp)
    _log.info("office root %s made", show(fp))
    return trusted_root()


def ensure_root(office_id: str, clock: Clock = SYSTEM_CLOCK) -> None:
    """On a fresh database make the root here; on a PC without a pin, pin the only root
    (see :func:`trusted_root`). Costs one file read once pinned."""
    if pinned() is not None:
        return
    if OfficeRoot.select().count() == 0:
        create_root(office_id, clock)
    else:
        trusted_root()


def clear_caches() -> None:
    signature_ok.cache_clear()
    _file_fingerprint.cache_clear()
