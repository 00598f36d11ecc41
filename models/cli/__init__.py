"""The `loket` command line. Starts fast: no Qt, and peewee/psycopg only when needed.

Every command takes ``--db URL`` and ``--json``; a refusal is one clear line on
stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from loket.models.cli import (
    admin_commands,
    complaint_commands,
    key_commands,
    manage_commands,
    print_commands,
    queue_commands,
    receipt_commands,
    report_commands,
    staffing_commands,
    survey_commands,
)
from loket.models.cli.common import common_options, run_command

_GROUPS = (
    admin_commands,
    queue_commands,
    manage_commands,
    receipt_commands,
    key_commands,
    print_commands,
    survey_commands,
    complaint_commands,
    staffing_commands,
    report_commands,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="loket",
        description="Loket — antrian, tanda terima, dan penjagaan loket / queue, receipts, staffing",
        parents=[common_options()],
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for group in _GROUPS:
        group.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
