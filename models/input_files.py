"""Files a person hands Loket (a holiday CSV, a PEM key, a photo of a QR code, a logo):
read through one door that refuses, quickly and in both languages, anything too big and
anything that is not a regular file — a folder, a FIFO, a device such as /dev/zero.

The path is looked at before it is opened and the open file again (it may have been
swapped in between); a FIFO is opened without blocking, and no more than ``limit`` + 1
bytes are ever read, whatever the file claims its size to be.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from loket.models.errors import InvalidInput

KIB = 1024
MIB = 1024 * KIB
#: A year's holiday list is a few KiB; the limit leaves room for notes in the sheet.
HOLIDAY_CSV_LIMIT = 256 * KIB
#: An Ed25519 public key in PEM is about 113 bytes.
PEM_KEY_LIMIT = 16 * KIB
#: A phone photo of a receipt's QR code.
IMAGE_LIMIT = 20 * MIB
#: The office logo on the board and tickets.
LOGO_LIMIT = 5 * MIB
#: Decoded image size (pixels) beyond which a picture is refused, not decompressed.
IMAGE_MAX_PIXELS = 50_000_000

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOCTTY = getattr(os, "O_NOCTTY", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def _size_text(size: int) -> str:
    return f"{size / MIB:.1f} MB" if size >= MIB else f"{max(1, size // KIB)} KB"


def _check_kind(path: str, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise InvalidInput(f"{path} adalah folder, bukan berkas", f"{path} is a folder, not a file")
    raise InvalidInput(
        f"{path} bukan berkas biasa (pipa, soket atau perangkat): tidak dibaca",
        f"{path} is not a regular file (a pipe, socket or device): not read",
    )


def _too_large(path: str, limit: int) -> InvalidInput:
    return InvalidInput(
        f"Berkas {path} terlalu besar (maks. {_size_text(limit)})",
        f"The file {path} is too large (max. {_size_text(limit)})",
    )


def _unreadable(path: str, exc: OSError) -> InvalidInput:
    if isinstance(exc, FileNotFoundError):
        return InvalidInput(f"Berkas tidak ada: {path}", f"No such file: {path}")
    reason = exc.strerror or type(exc).__name__
    return InvalidInput(
        f"Berkas {path} tidak dapat dibaca ({reason})", f"Cannot read the file {path} ({reason})"
    )


def read_bytes(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at ``path``, refused if larger than ``limit``."""
    shown = os.fspath(path)
    if not shown.strip():
        raise InvalidInput("Nama berkas wajib diisi", "A file name is required")
    try:
        _check_kind(shown, os.stat(path).st_mode)  # a device is never even opened
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _NOCTTY | _BINARY)
    except OSError as exc:
        raise _unreadable(shown, exc) from None
    except ValueError:  # an embedded NUL byte
        raise InvalidInput(
            f"Nama berkas tidak sah: {shown}", f"Invalid file name: {shown}"
        ) from None
    try:
        info = os.fstat(fd)
        _check_kind(shown, info.st_mode)  # swapped for something else since the stat
        if info.st_size > limit:
            raise _too_large(shown, limit)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 * MIB, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise _unreadable(shown, exc) from None
    finally:
        os.close(fd)
    if size > limit:  # it grew while being read
        raise _too_large(shown, limit)
    return b"".join(chunks)


def read_text(path: str | os.PathLike[str], limit: int, encoding: str = "utf-8") -> str:
    """The text of the file at ``path`` (see :func:`read_bytes`), refused if not ``encoding``."""
    raw = read_bytes(path, limit)
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        shown = os.fspath(path)
        raise InvalidInput(
            f"Berkas {shown} bukan teks {encoding.upper()}",
            f"The file {shown} is not {encoding.upper()} text",
        ) from None


def check_file(path: str | os.PathLike[str], limit: int) -> Path:
    """Refuse ``path`` now, as :func:`read_bytes` would when it is read later (a logo
    kept by path and read by the board and the printer); returns it as a Path."""
    read_bytes(path, limit)
    return Path(path)
