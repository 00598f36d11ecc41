"""What an admin does with the office root: back it up, restore it, rotate it.

The backup is the root's private key as PKCS#8 PEM encrypted with a passphrase (the
``cryptography`` library's best available scheme), so a lost root PC does not mean
re-certifying every key under a new root. A rotation makes a new root, records it
signed by the old root (PCs that pinned the old root follow that record), and
re-certifies every key the old root had certified.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import write_transaction
from loket.models.errors import ConfigurationError, InvalidInput
from loket.models.integrity import certs, root
from loket.models.tables import OfficeRoot, SigningKey

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

MIN_PASSPHRASE = 12


@dataclass(frozen=True)
class RootRotation:
    old: root.RootInfo
    new: root.RootInfo
    recertified: tuple[str, ...]


def check_passphrase(passphrase: str) -> bytes:
    """Refuse an empty or weak passphrase (short, or few different characters)."""
    text = passphrase or ""
    if len(text) < MIN_PASSPHRASE or len(set(text)) < 6:
        raise InvalidInput(
            f"Frasa sandi terlalu lemah: minimal {MIN_PASSPHRASE} karakter dengan minimal 6 "
            "karakter berbeda",
            f"The passphrase is too weak: at least {MIN_PASSPHRASE} characters with at least 6 "
            "different ones",
        )
    return text.encode("utf-8")


def _held_root() -> tuple[root.RootInfo, Ed25519PrivateKey]:
    anchor = root.trusted_root()
    private = root.private_root() if anchor is not None and anchor.private_here else None
    if anchor is None or private is None:
        raise ConfigurationError(
            "Kunci akar kantor yang dipercaya PC ini tidak ada di PC ini",
            "The office root this PC trusts is not on this PC",
        )
    return anchor, private


def backup(path: Path, passphrase: str) -> root.RootInfo:
    """Write the root's private key to ``path`` (a new file, 0600), encrypted."""
    secret = check_passphrase(passphrase)
    anchor, private = _held_root()
    pem = root.private_pem(private, secret)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise InvalidInput(
            f"Berkas {path} sudah ada: pilih nama lain", f"The file {path} already exists"
        ) from exc
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    return anchor


def restore(path: Path, passphrase: str) -> root.RootInfo:
    """Put a backed-up root back on this PC; only the root this PC trusts is taken."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(
            f"Berkas {path} tidak dapat dibaca", f"Cannot read the file {path}"
        ) from exc
    try:
        key = serialization.load_pem_private_key(data, password=(passphrase or "").encode())
    except (ValueError, TypeError) as exc:
        raise InvalidInput(
            "Frasa sandi salah, atau berkas ini bukan cadangan kunci akar",
            "Wrong passphrase, or the file is not a root key backup",
        ) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise InvalidInput("Cadangan ini bukan kunci Ed25519", "The backup is not an Ed25519 key")
    anchor = root.trusted_root()
    fp = root.fingerprint(root.raw_public(key))
    if anchor is None or fp != anchor.fingerprint:
        trusted = anchor.display if anchor else "-"
        raise InvalidInput(
            f"Cadangan ini kunci akar {root.show(fp)}, bukan kunci akar yang dipercaya PC ini "
            f"({trusted})",
            f"This backup is the root {root.show(fp)}, not the root this PC trusts ({trusted})",
        )
    root.write_root_file(key)
    result = root.trusted_root()
    assert result is not None
    return result


def rotate(clock: Clock = SYSTEM_CLOCK) -> RootRotation:
    """Replace the root: the new one is recorded with the old root's signature and
    re-certifies every key the old one had certified. The old private key is removed."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    old, old_private = _held_root()
    private = Ed25519PrivateKey.generate()
    public = root.raw_public(private)
    fp = root.fingerprint(public)
    signature = old_private.sign(root.rotation_body(old.fingerprint, fp, public))
    staged = root.write_root_file(private, root.root_key_path().with_name("root-next.pem"))
    done: list[str] = []
    try:
        with write_transaction():
            current = OfficeRoot.get_by_id(old.fingerprint)
            if current.superseded_by is not None:
                raise ConfigurationError(
                    "Kunci akar ini sudah diganti", "This root has already been rotated"
                )
            OfficeRoot.create(
                fingerprint=fp, public_key=public, office_id=old.office_id, created_at=clock.now()
            )
            current.superseded_by = fp
            current.rotation_signature = base64.b64encode(signature).decode("ascii")
            current.save()
            for row in SigningKey.select().where(SigningKey.foreign == False):  # noqa: E712
                if certs.problem(row, None, old) is None:
                    certs.sign_row(row, private, fp)
                    row.save()
                    done.append(row.kid)
            publish("receipts")
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    os.replace(staged, root.root_key_path())
    root.pin(fp)
    new = root.trusted_root()
    assert new is not None
    return RootRotation(old, new, tuple(done))
