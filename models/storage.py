"""Opening the office database safely: the guard every command and app goes through.

* Only ``loket init`` creates a database (``create=True``); anything else refuses a path
  or a server with no Loket database, naming it and suggesting ``loket init``.
* A database carrying a migration this build does not know is refused (schema.py).
* SQLite files are private: folders Loket creates are 0700, the file and its -wal/-shm
  0600 (created so, and tightened at every start; a warning when that is impossible).
* A damaged SQLite file is read but never written: ``loket init`` runs ``PRAGMA
  quick_check`` before it touches the file, an app runs it in the background with every
  write held (writegate.py) until it passes, the verify commands and ``loket db check``
  run the full ``integrity_check``. A failed check is remembered in
  ``<file>.damaged.json`` (tied to the file's identity), so every later command refuses
  to write too, and the refusal names the file and the last backup to restore.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from loket.models import writegate
from loket.models.config import DatabaseTarget, data_dir, parse_url, resolve_url
from loket.models.errors import (
    DatabaseDamaged,
    DatabaseMissing,
    DatabaseUnavailable,
    LoketError,
)
from loket.models.errors import one_line as errors_one_line

log = logging.getLogger(__name__)

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
SIDE_SUFFIXES = ("-wal", "-shm")
DAMAGE_SUFFIX = ".damaged.json"
BACKUP_SUFFIX = ".last-backup.json"
# sqlite3 error codes meaning "the file itself is bad" (SQLITE_CORRUPT, SQLITE_NOTADB).
_DAMAGE_CODES = (11, 26)
_DAMAGE_WORDS = ("malformed", "not a database", "corrupt")
CHECK_LIMIT = 20

Check = Literal["none", "sync", "background"]


@dataclass(frozen=True)
class Opened:
    """A database opened through the guard."""

    url: str
    target: DatabaseTarget
    applied: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()  # one line each, both languages (files left readable)


def open_guarded(
    url: str | None = None,
    *,
    create: bool = False,
    migrate: bool = True,
    check: Check = "none",
    tighten_data_folder: bool = True,
) -> Opened:
    """Open the database at ``url`` (else ``$LOKET_DB`` or the default) behind every guard.

    ``check``: ``sync`` runs the quick check before anything is written (``loket init``),
    ``background`` holds writes until it passes (the apps), ``none`` relies on a damage
    found before (the other commands).
    """
    from loket.models.db import open_database
    from loket.models.schema import migrate as apply_migrations
    from loket.models.schema import refuse_newer, schema_state

    resolved = resolve_url(url)
    target = parse_url(resolved)
    warnings: list[str] = []
    if create:
        make_private_dirs(data_dir())  # keys, spool and PDF copies go there
    if tighten_data_folder:
        warnings += make_private_folder(data_dir())
    path = target.path if target.kind == "sqlite" else None
    if path is not None:
        prepare_file(path, target, create)
        warnings += make_private(path)
    try:
        db = open_database(resolved)
    except Exception as exc:
        raise _damage_or(exc, path) from exc
    if path is not None:
        known = None if check == "sync" else recorded_damage(path)
        if known:
            writegate.refuse(writegate.hold(), damage_refusal(path, known))
        elif check == "sync":
            problems = run_check(path) if path.stat().st_size > 0 else []
            if problems:
                raise damaged(path, problems)
            clear_damage(path)
        elif check == "background":
            start_background_check(path)
    try:
        state = schema_state(db)
    except Exception as exc:
        raise _damage_or(exc, path) from exc
    if not state.is_loket and not create:
        raise missing(target)
    refuse_newer(state, target.describe())
    applied = tuple(apply_migrations(db)) if migrate and state.pending else ()
    return Opened(resolved, target, applied, tuple(warnings))


def missing(target: DatabaseTarget) -> DatabaseMissing:
    where = target.path if target.path is not None else target.describe()
    return DatabaseMissing(
        f"Tidak ada basis data Loket di {where} — periksa alamatnya, atau buat dengan `loket init`",
        f"No Loket database at {where} — check the path, or create one with `loket init`",
    )


def prepare_file(path: Path, target: DatabaseTarget, create: bool) -> None:
    """Refuse a missing or empty file unless creating; create it (and its folders) private."""
    try:
        if path.is_dir():
            raise missing(target)
        if path.exists() and path.stat().st_size > 0:
            return
    except OSError as exc:
        raise DatabaseUnavailable(
            f"Berkas basis data tidak dapat dibaca: {path} ({exc.strerror})",
            f"Cannot read the database file {path} ({exc.strerror})",
        ) from exc
    if not create:
        raise missing(target)
    try:
        make_private_dirs(path.parent)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
    except OSError as exc:
        raise DatabaseUnavailable(
            f"Basis data tidak dapat dibuat: {path} ({exc.strerror})",
            f"Cannot create the database {path} ({exc.strerror})",
        ) from exc


def make_private_dirs(folder: Path) -> None:
    """Create ``folder`` and its missing parents, each 0700."""
    missing_dirs = []
    current = folder
    while not current.exists():
        missing_dirs.append(current)
        if current.parent == current:
            break
        current = current.parent
    for each in reversed(missing_dirs):
        with contextlib.suppress(FileExistsError):
            each.mkdir(mode=PRIVATE_DIR)


def make_private_folder(folder: Path) -> list[str]:
    """Tighten an existing folder to 0700; the warning when that is impossible."""
    return _tighten(folder, PRIVATE_DIR, "700")


def make_private(path: Path) -> list[str]:
    """Tighten the SQLite file and its -wal/-shm to 0600; warnings when impossible."""
    warnings: list[str] = []
    for each in (path, *side_files(path)):
        warnings += _tighten(each, PRIVATE_FILE, "600")
    return warnings


def side_files(path: Path) -> tuple[Path, ...]:
    return tuple(path.with_name(path.name + suffix) for suffix in SIDE_SUFFIXES)


def _tighten(path: Path, mode: int, shown: str) -> list[str]:
    try:
        current = path.stat().st_mode & 0o777
    except OSError:
        return []  # not there (yet): nothing to tighten
    if not current & 0o077:
        return []
    try:
        os.chmod(path, mode)
    except OSError as exc:
        return [
            f"{path} tidak dapat dijadikan privat (izin {current:o}, {exc.strerror}): jalankan "
            f"`chmod {shown} {path}` sebagai pemiliknya / Cannot make {path} private (mode "
            f"{current:o}, {exc.strerror}): run `chmod {shown} {path}` as its owner"
        ]
    log.info("made %s private (%o → %s)", path, current, shown)
    return []


# --- the integrity check ------------------------------------------------------------


def run_check(path: Path, full: bool = False) -> list[str]:
    """``PRAGMA quick_check`` (or the full ``integrity_check``) on its own connection: the
    problems found, [] when the file is sound. Raises DatabaseUnavailable when it cannot run."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = sqlite3.connect(
            # file://<empty authority>/absolute/path; mode=rw never creates a missing file
            f"file://{quote(os.path.abspath(path))}?mode=rw",
            uri=True,
            timeout=15,
            check_same_thread=False,
        )
    except sqlite3.Error as exc:
        return _problem_or_raise(exc, path)
    try:
        rows = conn.execute(f"PRAGMA {pragma}({CHECK_LIMIT})").fetchall()
    except sqlite3.Error as exc:
        return _problem_or_raise(exc, path)
    finally:
        conn.close()
    lines = [str(row[0]) for row in rows]
    return [] if lines == ["ok"] else lines


def _problem_or_raise(exc: sqlite3.Error, path: Path) -> list[str]:
    if is_damage_error(exc):
        return [_short(str(exc))]
    raise DatabaseUnavailable(
        f"Basis data {path} tidak dapat diperiksa: {_short(str(exc))}",
        f"Cannot check the database {path}: {_short(str(exc))}",
    ) from exc


def is_damage_error(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _DAMAGE_CODES:
        return True
    return any(word in str(exc).lower() for word in _DAMAGE_WORDS)


def _damage_or(exc: Exception, path: Path | None) -> Exception:
    """The damage refusal when opening or reading ``path`` failed because it is damaged."""
    if path is not None and is_damage_error(exc):
        return damaged(path, [_short(str(exc))])
    return exc


def damaged(path: Path, problems: list[str]) -> DatabaseDamaged:
    """Remember that ``path`` is damaged; the refusal to show."""
    record_damage(path, problems)
    return damage_refusal(path, problems)


def damage_refusal(path: Path, problems: list[str]) -> DatabaseDamaged:
    # quick_check's first line may be a heading ("*** in database main ***")
    useful = [p for p in problems if not p.startswith("***")] or problems
    detail = _short(useful[0], 100) if useful else "?"
    backup = last_backup(path)
    if backup:
        try:
            when = dt.datetime.fromisoformat(str(backup["at"])).astimezone()
            at = when.strftime("%Y-%m-%d %H:%M")
        except ValueError:
            at = str(backup["at"])
        where_id = f"cadangan terakhir {backup['path']} ({at})"
        where_en = f"the last backup {backup['path']} ({at})"
    else:
        where_id = "cadangan terakhir (dari `loket backup`)"
        where_en = "the last backup (made by `loket backup`)"
    return DatabaseDamaged(
        f"Basis data rusak: {path} ({detail}) — Loket tidak menulis ke sana; hentikan semua "
        f"program Loket lalu pulihkan {where_id}",
        f"The database is damaged: {path} ({detail}) — Loket will not write to it; stop every "
        f"Loket program, then restore {where_en}",
    )


def damage_behind(exc: BaseException) -> DatabaseDamaged | None:
    """When a database error on SQLite (a malformed page, or a "FOREIGN KEY constraint
    failed" from a zeroed one) comes from a damaged file: the refusal to show instead."""
    from loket.models.db import database, is_sqlite

    db = database.obj
    if db is None or not is_sqlite(db):
        return None
    if not type(exc).__module__.startswith(("peewee", "sqlite3")):
        return None
    path = Path(db.database)
    try:
        problems = run_check(path)
    except LoketError:
        return None
    return damaged(path, problems) if problems else None


_check_thread: threading.Thread | None = None


def start_background_check(path: Path) -> threading.Thread:
    """Quick-check ``path`` on a thread; writes wait until it passes, and are refused if not."""
    global _check_thread
    generation = writegate.hold()

    def run() -> None:
        _lower_priority()  # the window's first frame comes first
        try:
            problems = run_check(path)
        except LoketError as exc:  # could not check (locked for 15 s, unreadable): go on
            log.warning("%s", exc)
            writegate.release(generation)
            return
        if problems:
            refusal = damaged(path, problems)
            log.error("%s", refusal)
            writegate.refuse(generation, refusal)
        else:
            clear_damage(path)
            writegate.release(generation)

    _check_thread = threading.Thread(target=run, name="loket-storage-check", daemon=True)
    _check_thread.start()
    return _check_thread


def _lower_priority() -> None:
    """Nice the calling thread (Linux: per thread) so it yields the CPU to the GUI."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


def wait_for_check(timeout: float | None = None) -> LoketError | None:
    """Wait for the background check; the refusal it left, if any."""
    thread = _check_thread
    if thread is not None:
        thread.join(timeout)
    return writegate.refusal()


# --- files next to the database: the damage found, the last backup ---------------------


def _identity(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns]


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def write_private(target: Path, payload: dict[str, Any]) -> None:
    """Write a small JSON file, 0600, atomically."""
    partial = target.with_name(target.name + ".part")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(payload, out, ensure_ascii=False)
    partial.replace(target)


def _read_json(target: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def record_damage(path: Path, problems: list[str]) -> None:
    try:
        write_private(
            _sidecar(path, DAMAGE_SUFFIX),
            {
                "found_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "identity": _identity(path),
                "problems": [_short(p) for p in problems[:5]],
            },
        )
    except OSError as exc:
        log.warning("cannot record the damage of %s: %s", path, exc)


def recorded_damage(path: Path) -> list[str] | None:
    """The problems found in ``path`` before, if it is still the same file."""
    marker = _sidecar(path, DAMAGE_SUFFIX)
    if not marker.exists():
        return None
    data = _read_json(marker)
    try:
        same = data is not None and data.get("identity") == _identity(path)
    except OSError:
        return None
    if not same or data is None:
        return None  # the file was restored or replaced since
    return [str(p) for p in data.get("problems") or ["?"]]


def clear_damage(path: Path) -> None:
    with contextlib.suppress(OSError):
        _sidecar(path, DAMAGE_SUFFIX).unlink(missing_ok=True)


def record_backup(path: Path, copy: Path) -> None:
    """Remember the backup just written (``loket db check`` reports its age)."""
    write_private(
        _sidecar(path, BACKUP_SUFFIX),
        {
            "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "path": str(copy),
            "bytes": copy.stat().st_size,
        },
    )


def last_backup(path: Path) -> dict[str, Any] | None:
    data = _read_json(_sidecar(path, BACKUP_SUFFIX))
    return data if data and "at" in data and "path" in data else None


def _short(text: str, limit: int = 160) -> str:
    """A SQLite message as one printable line (see :func:`errors.one_line`), cut to ``limit``."""
    line = errors_one_line(text.strip())
    return line if len(line) <= limit else line[: limit - 1] + "…"
