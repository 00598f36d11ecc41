"""The audit log as the admin app shows it: only to the head and the admin.

The role is checked here, not only in the window (:func:`auth.require_role` re-reads
the account), so a staff session, an expired one or a demoted account reads nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from loket.models import rawsql
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.office import audit, auth
from loket.models.office.audit import AuditInfo, AuditReport
from loket.models.office.auth import Session

REVIEW_ROLES = ("head", "admin")


@dataclass(frozen=True)
class AuditChoices:
    """What the filters offer: everyone and every action that appears in the log."""

    actors: tuple[str, ...]
    actions: tuple[str, ...]


def review_audit(
    session: Session,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    actor: str | None = None,
    action: str | None = None,
    limit: int = 500,
    clock: Clock = SYSTEM_CLOCK,
) -> list[AuditInfo]:
    """Entries newest first, filtered as :func:`audit.list_audit`."""
    auth.require_role(session, *REVIEW_ROLES, clock=clock)
    return audit.list_audit(date_from, date_to, actor, action, limit)


def audit_choices(session: Session, clock: Clock = SYSTEM_CLOCK) -> AuditChoices:
    auth.require_role(session, *REVIEW_ROLES, clock=clock)
    actors = rawsql.fetch_all("SELECT DISTINCT actor FROM audit_entry ORDER BY actor")
    actions = rawsql.fetch_all("SELECT DISTINCT action FROM audit_entry ORDER BY action")
    return AuditChoices(tuple(r[0] for r in actors), tuple(r[0] for r in actions))


def check_audit(session: Session, clock: Clock = SYSTEM_CLOCK) -> AuditReport:
    """The integrity check of the audit log, with its sign-off seals."""
    auth.require_role(session, *REVIEW_ROLES, clock=clock)
    return audit.verify_audit()
