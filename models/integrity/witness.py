"""This PC's witness of the hash chains: what it has seen, kept outside the database.

Someone who can write to the database can delete a chain's newest entries and move
its ``chain_head`` back; the chain then verifies. So every PC keeps, in its own data
folder (``data_dir()/witness.json``, mode 0600), a few (position, hash) marks of each
chain it has written to or verified, per database: the newest one, and older ones
spread over the chain. :mod:`tails` then finds a chain shorter than a mark, or whose
entry at a mark's position is no longer the one seen.

Appends are noted after their transaction commits (:func:`loket.models.db.after_commit`)
and written at most once a second (and at exit); what a verification saw is written
at once. A damaged file is reported in one line (:data:`notice`) and rebuilt.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loket.models.config import data_dir

log = logging.getLogger(__name__)

FILE_NAME = "witness.json"
MAX_MARKS = 24  # per chain and database: the newest, the oldest, and the widest spread
WRITE_EVERY = 1.0  # seconds between writes of appends (a verification writes at once)
_VERSION = 1


@dataclass(frozen=True)
class Mark:
    seq: int
    hash: str


class _Book:
    """One witness file as this process knows it: database key → chain → marks."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.books: dict[str, dict[str, list[Mark]]] = {}
        self.dirty = False
        self.written_at = 0.0
        self.timer: threading.Timer | None = None
        self.loaded = False


_lock = threading.RLock()
_books: dict[Path, _Book] = {}
notice: tuple[str, str] | None = None  # the damaged file's report, until someone shows it


def witness_path() -> Path:
    return data_dir() / FILE_NAME


def database_key() -> str:
    """Which database the marks are about: a PC may open several (tests, a restore)."""
    from loket.models.db import database, is_sqlite

    db = database.obj
    if is_sqlite(db):
        return f"sqlite:{Path(str(db.database)).resolve()}"
    params = getattr(db, "connect_params", {})
    return (
        f"postgresql://{params.get('host', 'localhost')}:{params.get('port', 5432)}/{db.database}"
    )


def _parse(raw: Any) -> dict[str, dict[str, list[Mark]]]:
    if not isinstance(raw, dict) or raw.get("version") != _VERSION:
        raise ValueError("not a Loket witness file")
    books: dict[str, dict[str, list[Mark]]] = {}
    for db_key, chains in dict(raw["databases"]).items():
        books[str(db_key)] = {
            str(chain): sorted(
                (Mark(int(seq), str(digest)) for seq, digest in marks), key=lambda m: m.seq
            )
            for chain, marks in dict(chains).items()
        }
    return books


def _read(path: Path, report: bool = True) -> dict[str, dict[str, list[Mark]]] | None:
    """The file's marks; None when it is damaged (reported once, in both languages, in
    the log: on stderr for ``loket``); empty when there is none."""
    global notice
    try:
        return _parse(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, TypeError, KeyError, UnicodeDecodeError) as exc:
        if report:
            why = type(exc).__name__
            notice = (
                f"Berkas saksi {path} rusak atau tidak terbaca ({why}); dibuat ulang",
                f"The witness file {path} is damaged or unreadable ({why}); rebuilt",
            )
            log.warning("%s / %s", *notice)
        return None


def _book() -> _Book:
    path = witness_path()
    book = _books.get(path)
    if book is None:
        book = _books[path] = _Book(path)
    if not book.loaded:
        book.loaded = True
        found = _read(path)
        if found is None:
            book.dirty = True
            _write(book)  # rebuilt now, from what this process has seen
        else:
            _merge_books(book.books, found)
    return book


def _add(marks: list[Mark], mark: Mark) -> bool:
    """Add ``mark`` to a chain's sorted marks; a position already seen keeps the hash
    first seen there (a different one is for the verification to report)."""
    for i, old in enumerate(marks):
        if old.seq == mark.seq:
            return False
        if old.seq > mark.seq:
            marks.insert(i, mark)
            break
    else:
        marks.append(mark)
    while len(marks) > MAX_MARKS:  # drop the inner mark whose neighbours are closest
        inner = min(range(1, len(marks) - 1), key=lambda i: marks[i + 1].seq - marks[i - 1].seq)
        del marks[inner]
    return True


def _merge_books(
    into: dict[str, dict[str, list[Mark]]], other: dict[str, dict[str, list[Mark]]]
) -> None:
    for db_key, chains in other.items():
        mine = into.setdefault(db_key, {})
        for chain, marks in chains.items():
            for mark in marks:
                _add(mine.setdefault(chain, []), mark)


def _write(book: _Book) -> None:
    """Write the book atomically (temp file, fsync, rename), merged with the file as it
    is now: another Loket process on this PC may have added marks meanwhile."""
    if book.timer is not None:
        book.timer.cancel()
        book.timer = None
    on_disk = _read(book.path, report=False) if book.path.exists() else {}
    if on_disk:
        _merge_books(book.books, on_disk)
    payload = {
        "version": _VERSION,
        "databases": {
            db_key: {chain: [[m.seq, m.hash] for m in marks] for chain, marks in chains.items()}
            for db_key, chains in book.books.items()
        },
    }
    folder = book.path.parent
    temp = folder / f".{book.path.name}.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, separators=(",", ":"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, book.path)
        with contextlib.suppress(OSError):  # the rename itself made durable
            dir_fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    except OSError as exc:  # a full or read-only disk: the database still works
        log.warning("cannot write the witness file %s: %s", book.path, exc)
        with contextlib.suppress(OSError):
            temp.unlink()
        return
    book.dirty = False
    book.written_at = time.monotonic()


def _flush_later(book: _Book) -> None:
    with _lock:
        book.timer = None
        if book.dirty:
            _write(book)


def observe(chain: str, seq: int, digest: str, *, durable: bool = False) -> None:
    """This PC saw entry ``seq`` of ``chain`` with hash ``digest`` (committed).

    ``durable``: write the file now (a verification); else within a second. Never raises.
    """
    if seq <= 0:
        return
    try:
        db_key = database_key()
        with _lock:
            book = _book()
            if _add(book.books.setdefault(db_key, {}).setdefault(chain, []), Mark(seq, digest)):
                book.dirty = True
            if not book.dirty:
                return
            wait = WRITE_EVERY - (time.monotonic() - book.written_at)
            if durable or wait <= 0:
                _write(book)
            elif book.timer is None:
                book.timer = threading.Timer(wait, _flush_later, (book,))
                book.timer.daemon = True
                book.timer.start()
    except Exception:  # a witness must never stop the write it witnesses
        log.warning("witness not updated for %s #%s", chain, seq, exc_info=True)


def marks(chain: str) -> list[Mark]:
    """This PC's marks of ``chain`` in the open database, oldest first."""
    try:
        db_key = database_key()
        with _lock:
            return list(_book().books.get(db_key, {}).get(chain, []))
    except Exception:
        log.warning("witness unreadable", exc_info=True)
        return []


def take_notice() -> tuple[str, str] | None:
    """The damaged-file report, once (the caller shows it)."""
    global notice
    with _lock:
        found, notice = notice, None
    return found


def flush() -> None:
    with _lock:
        for book in _books.values():
            if book.dirty:
                _write(book)


def forget() -> None:
    """Drop what this process holds in memory (tests: a PC whose file was deleted)."""
    with _lock:
        for book in _books.values():
            if book.timer is not None:
                book.timer.cancel()
        _books.clear()


atexit.register(flush)
