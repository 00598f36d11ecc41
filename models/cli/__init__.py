"""The `loket` command line. Starts fast: no Qt, and peewee/psycopg only when needed.

Every command takes ``--db URL`` and ``--json``; a refusal is one clear line on
stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from loket.models.cli.common import LoketParser, common_options, run_command

# The module that registers each top-level command. ``loket issue`` imports and builds
# only the queue group (argparse spends ~60 ms building all ~90 sub-parsers); --help,
# no command or a mistyped one build them all. tests/cli/test_cli_parser.py keeps
# this index equal to what the groups register.
GROUP_MODULES = (
    "admin_commands",
    "queue_commands",
    "manage_commands",
    "receipt_commands",
    "key_commands",
    "print_commands",
    "survey_commands",
    "complaint_commands",
    "staffing_commands",
    "report_commands",
    "workload_commands",
    "notify_commands",
    "db_commands",
)
COMMAND_GROUPS: dict[str, str] = {
    **dict.fromkeys(("init", "demo", "backup"), "admin_commands"),
    **dict.fromkeys(
        (
            "issue",
            "call",
            "recall",
            "start",
            "finish",
            "hold",
            "no-show",
            "resume",
            "transfer",
            "queue",
            "ticket",
        ),
        "queue_commands",
    ),
    **dict.fromkeys(("service", "counter", "staff", "settings"), "manage_commands"),
    **dict.fromkeys(("receipt", "verify"), "receipt_commands"),
    "keys": "key_commands",
    **dict.fromkeys(("print", "printers"), "print_commands"),
    "survey": "survey_commands",
    "complaint": "complaint_commands",
    **dict.fromkeys(("staffing", "hours", "holiday"), "staffing_commands"),
    **dict.fromkeys(("report", "audit"), "report_commands"),
    "workload": "workload_commands",
    "notify": "notify_commands",
    **dict.fromkeys(("db", "verify-all"), "db_commands"),
}


def _group(name: str) -> ModuleType:
    return importlib.import_module(f"loket.models.cli.{name}")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command tree, or only the group that registers command ``only``."""
    parser = LoketParser(
        prog="loket",
        description="Loket — antrian, tanda terima, dan penjagaan loket / queue, receipts, staffing",
        parents=[common_options()],
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    names = (COMMAND_GROUPS[only],) if only in COMMAND_GROUPS else GROUP_MODULES
    for name in names:
        _group(name).register(commands)
    return parser


def _command_word(argv: Sequence[str]) -> str | None:
    """The command the user typed: the first word that is not an option or --db's value."""
    words = iter(argv)
    for word in words:
        if word == "--db":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command_word(words))
    args = parser.parse_args(words)
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
