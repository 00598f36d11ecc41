"""Set-up changes made from the command line go into the admin audit log too.

The CLI has no Loket login: an entry names the machine's operator
(``cli:<os user>@<host>``, role ``operator``, see :func:`audit.record_operator`) and uses
the admin app's action name for the same change, so the Audit page and ``loket audit
list`` show both alike. Services are imported inside the functions: the CLI starts fast.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
# What admin_actions records instead of a PIN or password (its ``_SECRET``).
SECRET = "diubah/changed"


def audited(
    action: str,
    target: str | Callable[[T], str],
    detail: dict[str, Any] | Callable[[T], dict[str, Any]],
    change: Callable[[], T],
    when: Callable[[T], bool] | None = None,
) -> T:
    """Make ``change`` and its audit entry in one transaction: a refused change leaves
    no entry, and no change is made without one. ``target`` and ``detail`` may be read
    from the change's result (e.g. the stored, normalised code); ``when`` skips the
    entry for a call that changed nothing (a key already known)."""
    from loket.models.db import write_transaction
    from loket.models.office import audit

    with write_transaction():
        result = change()
        if when is None or when(result):
            audit.record_operator(
                action,
                target(result) if callable(target) else target,
                detail(result) if callable(detail) else detail,
            )
    return result


def record(action: str, target: str, detail: dict[str, Any] | None = None) -> None:
    """Audit a change already made, for one that also writes outside the database (a
    signing key's private file) and so cannot share the entry's transaction."""
    from loket.models.db import write_transaction
    from loket.models.office import audit

    with write_transaction():
        audit.record_operator(action, target, detail)


def given(**values: Any) -> dict[str, Any]:
    """The options actually given (as admin_actions records them)."""
    return {k: v for k, v in values.items() if v is not None}
