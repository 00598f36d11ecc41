"""Set-up changes made from the command line go into the admin audit log too, made by
a named person once the office has one.

A set-up command takes ``--as USERNAME`` (:func:`as_option`); once the office has an
active admin or head, :func:`audited` refuses to change anything without it, checks the
person's password (``LOKET_PASSWORD`` or a terminal prompt) under the admin login's
lockout and role rules (:mod:`loket.models.office.cli_operator`), and the entry names
that person and the OS account (``"via": "cli:<os user>@<host>"``). A fresh install is
set up without credentials: its entries name the machine's operator, role ``operator``.
Entries use the admin app's action name for the same change, so the Audit page and
``loket audit list`` show both alike. Services are imported inside the functions: the
CLI starts fast.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from loket.models.office.cli_operator import Operator

T = TypeVar("T")
# What admin_actions records instead of a PIN or password (its ``_SECRET``).
SECRET = "diubah/changed"
ADMIN_ROLES = ("admin", "head")
HEAD_ONLY = ("head",)

# The command being run (set by common.run_command) and who runs it, once known.
_args: argparse.Namespace | None = None
_operator: Operator | None = None


def as_option(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Mark ``parser``'s command as one that changes set-up: it takes ``--as``."""
    parser.add_argument(
        "--as",
        dest="as_user",
        metavar="USERNAME",
        help="admin atau kepala yang melakukan ini (kata sandi: prompt atau $LOKET_PASSWORD) "
        "/ the admin or head doing this (password: prompt or $LOKET_PASSWORD)",
    )
    return parser


def begin(args: argparse.Namespace | None) -> None:
    """A command starts: nobody is known yet."""
    global _args, _operator
    _args, _operator = args, None


def require_operator(
    roles: tuple[str, ...] = ADMIN_ROLES, action: str = "", target: str = ""
) -> Operator:
    """The person this command acts as: asked for (password checked, lockout counted) at
    most once per command; refused without ``--as`` once the office has an admin or head,
    and refused when the person lacks ``roles``. Call before changing anything."""
    global _operator
    from loket.models.clock import SYSTEM_CLOCK
    from loket.models.office import cli_operator

    if _operator is None:
        name = getattr(_args, "as_user", None)
        if name is None:
            _operator = cli_operator.unnamed()
        else:
            from loket.models.cli.officers import read_password

            _operator = cli_operator.authenticate(name, read_password(name))
    cli_operator.require_role(_operator, roles, action, target, SYSTEM_CLOCK)
    return _operator


def _named_command() -> bool:
    return _operator is not None or (_args is not None and hasattr(_args, "as_user"))


def audited(
    action: str,
    target: str | Callable[[T], str],
    detail: dict[str, Any] | Callable[[T], dict[str, Any]],
    change: Callable[[], T],
    when: Callable[[T], bool] | None = None,
    roles: tuple[str, ...] = ADMIN_ROLES,
) -> T:
    """Make ``change`` and its audit entry in one transaction: a refused change leaves
    no entry, and no change is made without one. Who makes it is settled first
    (:func:`require_operator` with ``roles``). ``target`` and ``detail`` may be read
    from the change's result (e.g. the stored, normalised code); ``when`` skips the
    entry for a call that changed nothing (a key already known)."""
    from loket.models.db import write_transaction
    from loket.models.office import cli_operator

    who = require_operator(roles, action, target if isinstance(target, str) else "")
    with write_transaction():
        result = change()
        if when is None or when(result):
            cli_operator.record(
                who,
                action,
                target(result) if callable(target) else target,
                detail(result) if callable(detail) else detail,
            )
    return result


def record(action: str, target: str, detail: dict[str, Any] | None = None) -> None:
    """Audit a change already made, for one that also writes outside the database (a
    signing key's private file) and so cannot share the entry's transaction. A command
    that takes ``--as`` calls :func:`require_operator` before its change; one that does
    not (``init`` making this PC's key) is recorded under the machine's operator."""
    from loket.models.db import write_transaction
    from loket.models.office import cli_operator

    if _named_command():
        who = require_operator(action=action, target=target)
    else:
        from loket.models.office.cli_operator import Operator

        who = Operator(None, "operator", cli_operator.channel())
    with write_transaction():
        cli_operator.record(who, action, target, detail)


def given(**values: Any) -> dict[str, Any]:
    """The options actually given (as admin_actions records them)."""
    return {k: v for k, v in values.items() if v is not None}
