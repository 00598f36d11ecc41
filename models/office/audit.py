"""The admin audit log: every set-up change, login and lockout, append-only and
hash-chained (chain ``admin_audit``, see :mod:`hashchain`), so that
:func:`verify_audit` finds any entry edited, inserted or deleted behind the
application's back and names the first bad one.

Details never hold secrets: callers pass what changed, not passwords or PINs.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from loket.models import rawsql
from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import write_transaction
from loket.models.errors import InvalidInput
from loket.models.fields import from_micros, to_micros
from loket.models.integrity import hashchain
from loket.models.integrity.hashchain import ChainProblem

if TYPE_CHECKING:
    from loket.models.office.auth import Session

CHAIN = "admin_audit"
MAX_LIST = 10_000


@dataclass(frozen=True)
class AuditInfo:
    seq: int
    at: dt.datetime
    actor: str
    role: str
    action: str
    target: str
    detail: dict[str, Any]

    def as_json(self, zone: dt.tzinfo) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at.astimezone(zone).isoformat(),
            "actor": self.actor,
            "role": self.role,
            "action": self.action,
            "target": self.target,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    entries: int
    problem: ChainProblem | None
    message_id: str
    message_en: str
    seals: int = 0  # sign-off seals checked

    def __str__(self) -> str:
        return f"{self.message_id} / {self.message_en}"


def _fields(
    at: dt.datetime, actor: str, role: str, action: str, target: str, detail: str
) -> dict[str, Any]:
    return {
        "at": at,
        "actor": actor,
        "role": role,
        "action": action,
        "target": target,
        "detail": detail,
    }


def append_entry(
    actor: str,
    role: str,
    action: str,
    target: str,
    detail: dict[str, Any] | str | None,
    at: dt.datetime,
) -> AuditInfo:
    """Append one entry; inside ``write_transaction()`` (for callers without a session)."""
    if isinstance(detail, dict):
        text = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
    else:
        text = detail or ""
    # Whole microseconds, as stored, so the hash reads back the same.
    at = from_micros(to_micros(at))
    target = str(target)[:160]
    fields = _fields(at, actor, role, action, target, text)
    with write_transaction():
        link = hashchain.append(CHAIN, fields)
        rawsql.execute(
            "INSERT INTO audit_entry (seq, at, actor, role, action, target, detail, "
            "prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                link.seq,
                to_micros(at),
                actor,
                role,
                action,
                target,
                text,
                link.prev_hash,
                link.row_hash,
            ),
        )
        # The change feed has no audit topic; audit entries are about staff actions.
        publish("audit")
    return AuditInfo(link.seq, at, actor, role, action, target, _detail(text))


def record(
    session: Session,
    action: str,
    target: str,
    detail: dict[str, Any] | str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> AuditInfo:
    """Record what ``session`` did; call inside the action's transaction."""
    return append_entry(session.username, session.role, action, target, detail, clock.now())


def _detail(text: str) -> dict[str, Any]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {"text": text}
    return value if isinstance(value, dict) else {"value": value}


def _chain_entries() -> list[hashchain.ChainEntry]:
    rows = rawsql.fetch_all(
        "SELECT seq, prev_hash, row_hash, at, actor, role, action, target, detail "
        "FROM audit_entry ORDER BY seq"
    )
    return [
        hashchain.ChainEntry(
            int(seq),
            prev,
            row_hash,
            _fields(from_micros(int(at)), actor, role, action, target, detail),
            label=f"{action} {target} oleh/by {actor}",
        )
        for seq, prev, row_hash, at, actor, role, action, target, detail in rows
    ]


def verify_audit() -> AuditReport:
    """Check the whole audit log and the seals over it; the first bad entry is named."""
    from loket.models.integrity import seals as chain_seals

    entries = _chain_entries()
    problem = hashchain.verify_chain(CHAIN, entries) or chain_seals.chain_problem(CHAIN, entries)
    seals = chain_seals.seal_count()
    if problem is None:
        sealed_id, sealed_en = chain_seals.sealed_suffix(seals)
        return AuditReport(
            True,
            len(entries),
            None,
            f"Log audit utuh: {len(entries)} entri{sealed_id}",
            f"Audit log intact: {len(entries)} entries{sealed_en}",
            seals,
        )
    return AuditReport(
        False,
        len(entries),
        problem,
        f"LOG AUDIT RUSAK: {problem.message_id}",
        f"AUDIT LOG BROKEN: {problem.message_en}",
        seals,
    )


def list_audit(
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    actor: str | None = None,
    action: str | None = None,
    limit: int = 200,
) -> list[AuditInfo]:
    """Entries newest first; days are office-local and inclusive."""
    from loket.models.settings import load_settings

    if not 1 <= limit <= MAX_LIST:
        raise InvalidInput(f"Batas daftar 1–{MAX_LIST}", f"The list limit is 1–{MAX_LIST}")
    zone = load_settings().zone
    where: list[str] = []
    params: list[Any] = []
    if date_from is not None:
        start = dt.datetime.combine(date_from, dt.time(), zone)
        where.append("at >= ?")
        params.append(to_micros(start))
    if date_to is not None:
        end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(), zone)
        where.append("at < ?")
        params.append(to_micros(end))
    if actor:
        where.append("actor = ?")
        params.append(actor.strip().lower())
    if action:
        where.append("action = ?")
        params.append(action.strip())
    sql = "SELECT seq, at, actor, role, action, target, detail FROM audit_entry"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY seq DESC LIMIT {int(limit)}"
    return [
        AuditInfo(int(seq), from_micros(int(at)), actor_, role, action_, target, _detail(text))
        for seq, at, actor_, role, action_, target, text in rawsql.fetch_all(sql, tuple(params))
    ]


def record_operator(
    action: str,
    target: str,
    detail: dict[str, Any] | str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> AuditInfo:
    """Record a set-up change made from the ``loket`` command line, which has no Loket
    login: the actor is the machine's operator, ``cli:<os user>@<host>`` (``cli`` when
    either is unknown), role ``operator``; call inside the change's transaction."""
    import getpass
    import socket

    try:
        user, host = getpass.getuser().strip(), socket.gethostname().strip()
    except (KeyError, OSError, ImportError):  # no passwd entry, no $USER, no host name
        user = host = ""
    actor = f"cli:{user}@{host}" if user and host else "cli"
    if len(actor) > 40:  # the column's width; an FQDN gives way to the short host name
        actor = f"cli:{user}@{host.split('.')[0]}"
    return append_entry(actor.lower()[:40], "operator", action, target, detail, clock.now())
