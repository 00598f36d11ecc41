"""What every command shares: options, database opening, output and error handling."""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable
from typing import Any

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


def open_db(args: argparse.Namespace, migrate: bool = True) -> None:
    from loket.models.config import resolve_url

    url = resolve_url(getattr(args, "db", None))
    _skip_heavy_drivers(url)
    from loket.models.db import open_database
    from loket.models.schema import migrate as apply_migrations

    open_database(url)
    if migrate:
        apply_migrations()


def wants_json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


def emit(args: argparse.Namespace, payload: Any, text: str) -> None:
    if wants_json(args):
        print(json.dumps(payload, ensure_ascii=False, indent=None, default=str))
    else:
        print(text)


def fail(message: str) -> int:
    print(f"loket: {message}", file=sys.stderr)
    return 1


def run_command(args: argparse.Namespace) -> int:
    handler = args.handler
    try:
        result = handler(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # every refusal becomes one line, never a traceback
        return fail(describe_error(exc))
    return int(result or 0)


def describe_error(exc: BaseException) -> str:
    from loket.models.errors import LoketError
    from loket.printing.errors import PrinterError

    if isinstance(exc, LoketError):
        return str(exc)
    if isinstance(exc, PrinterError):
        return f"{exc.message_id} / {exc.message_en}"
    module = type(exc).__module__
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if module.startswith(("peewee", "sqlite3", "psycopg")):
        return f"Kesalahan basis data / Database error: {detail}"
    if isinstance(exc, OSError):
        return f"Kesalahan berkas atau jaringan / File or network error: {detail}"
    return f"Kesalahan tak terduga / Unexpected error ({type(exc).__name__}): {detail}"
