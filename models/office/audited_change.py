"""Role-checked, audited set-up changes: the one path every admin action takes.

:func:`act` checks the session's role (:func:`auth.require_role` re-reads the account, so a
disabled account or a changed role is refused whatever the UI shows), then makes the change
and its :func:`audit.record` entry in one transaction: a change is never made without its
audit entry nor the other way round. A refusal is itself audited (action ``denied``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import write_transaction
from loket.models.errors import PermissionDenied
from loket.models.office import audit, auth
from loket.models.office.auth import ADMIN_ROLES, Session

T = TypeVar("T")
HEAD_ONLY = ("head",)
SECRET = "diubah/changed"


def check_role(
    session: Session, action: str, target: str, roles: tuple[str, ...], clock: Clock
) -> None:
    try:
        auth.require_role(session, *roles, clock=clock)
    except PermissionDenied as refusal:
        audit.append_entry(
            session.username,
            session.role,
            "denied",
            f"{action} {target}".strip(),
            {"why": refusal.message_en},
            clock.now(),
        )
        raise


def act(
    session: Session,
    action: str,
    target: str,
    detail: dict[str, Any],
    change: Callable[[], T],
    roles: tuple[str, ...] = ADMIN_ROLES,
    clock: Clock = SYSTEM_CLOCK,
) -> T:
    check_role(session, action, target, roles, clock)
    with write_transaction():
        result = change()
        audit.record(session, action, target, detail, clock)
    return result


def given(**values: Any) -> dict[str, Any]:
    """The detail of an audit entry: the values that were given."""
    return {k: v for k, v in values.items() if v is not None}
