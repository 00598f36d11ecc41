"""What every command shares: options, database opening, output and error handling."""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from loket.models.storage import Check, Opened

USAGE = 2  # argparse's exit code for a usage mistake
_LIGHT_SKIP = ("psycopg", "psycopg2", "psycopg2cffi", "pymysql", "MySQLdb")


@functools.cache
def common_options() -> argparse.ArgumentParser:
    """The parent parser of every command (one instance: argparse copies its actions)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="sqlite:///path atau/or postgresql://user:pw@host/db (default: $LOKET_DB)",
    )
    common.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS,
        help="keluaran JSON / JSON output",
    )
    return common


def add_command(
    commands: Any, name: str, handler: Callable[[argparse.Namespace], Any], help_text: str
) -> argparse.ArgumentParser:
    sub: argparse.ArgumentParser = commands.add_parser(
        name, help=help_text, description=help_text, parents=[common_options()]
    )
    sub.set_defaults(handler=handler)
    return sub


def _skip_heavy_drivers(url: str) -> None:
    # peewee imports every database driver it can find at import time; psycopg alone
    # costs ~110 ms, which would eat a third of the CLI's 300 ms budget on SQLite.
    if url.startswith(("postgres://", "postgresql://")):
        return
    for name in _LIGHT_SKIP:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]


def open_db(
    args: argparse.Namespace, migrate: bool = True, create: bool = False, check: Check = "none"
) -> Opened:
    """Open the database behind the storage guard (models/storage.py): only ``init``
    creates (``create``), a newer or damaged database is refused; warnings on stderr."""
    import os

    from loket.models.config import ENV_DATA_DIR, ENV_DB, resolve_url

    given = getattr(args, "db", None)
    url = resolve_url(given)
    _skip_heavy_drivers(url)
    from loket.models.errors import one_line
    from loket.models.storage import open_guarded

    # The data folder is tightened when finding it costs nothing (platformdirs: ~10 ms).
    cheap = bool(os.environ.get(ENV_DATA_DIR)) or not (given or os.environ.get(ENV_DB))
    opened = open_guarded(
        url, create=create, migrate=migrate, check=check, tighten_data_folder=cheap
    )
    for line in opened.warnings:
        print(f"loket: {one_line(line)}", file=sys.stderr)
    return opened


def wants_json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


def emit(args: argparse.Namespace, payload: Any, text: str) -> None:
    if wants_json(args):
        print(json.dumps(payload, ensure_ascii=False, indent=None, default=str))
    else:
        from loket.models.errors import one_line

        # Stored text (a name saved before control characters were refused) never
        # reaches the terminal raw either.
        print(one_line(text, keep="\n\t"))


class LoketParser(argparse.ArgumentParser):
    """argparse, whose usage mistakes quote the typed words escaped (one line each)."""

    def error(self, message: str) -> NoReturn:
        from loket.models.errors import one_line

        super().error(one_line(message))


def fail(message: str) -> int:
    from loket.models.errors import one_line

    # The one place refusals are printed: whatever they quote stays on one line.
    print(f"loket: {one_line(message)}", file=sys.stderr)
    return 1


def _one_line_logging() -> None:
    """A warning logged while a command runs is one escaped line naming the error, never a
    traceback (Python's last-resort handler would print the whole stack)."""
    import logging

    from loket.models.errors import one_line

    class OneLine(logging.Formatter):
        def format(self, record: logging.LogRecord) -> str:
            text = f"loket: {record.getMessage()}"
            if record.exc_info and record.exc_info[1] is not None:
                text += f" ({describe_error(record.exc_info[1])})"
            return one_line(text)

    if logging.root.handlers:  # configured by whoever runs us (pytest, an app)
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(OneLine())
    logging.root.addHandler(handler)


def run_command(args: argparse.Namespace) -> int:
    from loket.models.cli import audited

    handler = args.handler
    _one_line_logging()
    audited.begin(args)
    try:
        result = handler(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # every refusal becomes one line, never a traceback
        code = fail(describe_error(exc))
        # A set-up command without --as is a usage mistake, as argparse's own are.
        return USAGE if getattr(exc, "code", None) == "needs_operator" else code
    finally:
        audited.begin(None)
    return int(result or 0)


def describe_error(exc: BaseException) -> str:
    from loket.models.errors import LoketError
    from loket.printing.errors import PrinterError

    if isinstance(exc, LoketError):
        return str(exc)
    full = _disk_full(exc)
    if full is not None:
        return str(full)
    if isinstance(exc, PrinterError):
        return f"{exc.message_id} / {exc.message_en}"
    module = type(exc).__module__
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if module.startswith(("peewee", "sqlite3")):
        from loket.models.storage import damage_behind

        damage = damage_behind(exc)  # e.g. "FOREIGN KEY constraint failed" from a zeroed page
        if damage is not None:
            return str(damage)
    if module.startswith(("peewee", "sqlite3", "psycopg")):
        return f"Kesalahan basis data / Database error: {detail}"
    if isinstance(exc, OSError):
        return f"Kesalahan berkas atau jaringan / File or network error: {detail}"
    return f"Kesalahan tak terduga / Unexpected error ({type(exc).__name__}): {detail}"


def _disk_full(exc: BaseException) -> Exception | None:
    """The full-disk refusal when a full disk caused ``exc`` outside a write transaction
    (a migration, a file Loket writes), naming the database or the file."""
    from loket.models import disk_full

    db = getattr(getattr(sys.modules.get("loket.models.db"), "database", None), "obj", None)
    if db is not None and type(exc).__module__.startswith(("peewee", "sqlite3", "psycopg")):
        return disk_full.for_database(exc, db)
    if not disk_full.is_disk_full(exc):
        return None
    name = getattr(exc, "filename", None)
    if name:
        return disk_full.refusal(exc, f"berkas {name}", f"the file {name}")
    return disk_full.refusal(exc, "PC ini", "this PC")
