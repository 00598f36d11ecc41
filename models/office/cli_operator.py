"""Who a set-up change made from the ``loket`` command line is made by.

Once the office has an active admin or head account, a command that changes set-up,
staff, keys, settings, hours or holidays names its person with ``--as USERNAME`` and
that person's password, checked under the same lockout as the admin login
(:mod:`secret_check`, path ``cli --as``): a shell on an office PC is not a Loket login.
The audit entry names the person (actor and role) and the machine's operator
(``"via": "cli:<os user>@<host>"``). A fresh install, with no such account yet, is set
up without credentials; its entries name the operator as before (role ``operator``).
"""

from __future__ import annotations

import getpass
import json
import socket
from dataclasses import dataclass
from typing import Any

from loket.models import rawsql
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import InvalidInput, PermissionDenied
from loket.models.office import audit, secret_check
from loket.models.office.auth import ADMIN_ROLES
from loket.models.office.passwords import check_secret

# Where the secret was typed, as the lockout and the audit log name it.
CLI_AS = "cli --as"
HEAD_ONLY = ("head",)


class NeedsOperator(PermissionDenied):
    """A set-up command without ``--as`` in an office that has an admin or head."""

    code = "needs_operator"

    def __init__(self) -> None:
        super().__init__(
            "Perintah ini mengubah pengaturan: tambahkan --as NAMA_PENGGUNA",
            "This command changes set-up: add --as USERNAME",
        )


@dataclass(frozen=True)
class Operator:
    """``username`` is ``None`` for a fresh install's unnamed operator."""

    username: str | None
    role: str
    channel: str  # "cli:<os user>@<host>"

    @property
    def actor(self) -> str:
        return self.username or self.channel


def channel() -> str:
    """``cli:<os user>@<host>`` (``cli`` when either is unknown), at most 40 characters."""
    try:
        user, host = getpass.getuser().strip(), socket.gethostname().strip()
    except (KeyError, OSError, ImportError):  # no passwd entry, no $USER, no host name
        user = host = ""
    name = f"cli:{user}@{host}" if user and host else "cli"
    if len(name) > 40:  # the actor column's width: an FQDN gives way to the short name
        name = f"cli:{user}@{host.split('.')[0]}"
    return name.lower()[:40]


def office_has_admin() -> bool:
    """Whether an active admin or head account exists (then set-up needs ``--as``)."""
    row = rawsql.fetch_one(
        "SELECT COUNT(*) FROM staff WHERE active = ? AND role IN (?, ?)", (True, *ADMIN_ROLES)
    )
    return bool(row and int(row[0]))


def unnamed() -> Operator:
    """The fresh install's operator; refused once the office has an admin or head."""
    if office_has_admin():
        raise NeedsOperator()
    return Operator(None, "operator", channel())


def authenticate(
    username: str, password: str, clock: Clock = SYSTEM_CLOCK, *, pc: str | None = None
) -> Operator:
    """Check ``password`` for ``username`` under the shared lockout (like the admin login:
    a wrong one counts, a locked account is refused even with the right one); only an
    active admin or head may act."""
    name = secret_check.account_name(username)
    if not name:
        raise InvalidInput("Nama pengguna wajib diisi", "A username is required")
    found: list[str] = []

    def verify() -> bool:
        row = rawsql.fetch_one(
            "SELECT role, password_hash, active FROM staff WHERE username = ?", (name,)
        )
        if row is None or not row[2] or not check_secret(password, row[1]):
            return False
        found.append(str(row[0]))
        return True

    wrong = PermissionDenied("Nama pengguna atau kata sandi salah", "Wrong username or password")
    secret_check.guarded_check(name, CLI_AS, verify, wrong, pc=pc, clock=clock)
    role = found[0]
    if role not in ADMIN_ROLES:
        # The password was right, so saying why does not help a guesser.
        raise PermissionDenied(
            f"Akun '{name}' berperan {role}: pengaturan hanya diubah oleh admin atau kepala",
            f"Account '{name}' has the role {role}: only an admin or the head changes set-up",
        )
    return Operator(name, role, channel())


def require_role(
    operator: Operator, roles: tuple[str, ...], action: str, target: str, clock: Clock
) -> None:
    """Refuse (and audit the refusal, as the admin app does) unless the named operator has
    one of ``roles``; the unnamed operator of a fresh install may do anything."""
    if operator.username is None or operator.role in roles:
        return
    refusal = PermissionDenied(
        f"Hanya {' atau '.join(roles)} yang dapat melakukan ini; "
        f"{operator.username} berperan {operator.role}",
        f"Only the {' or '.join(roles)} may do this; {operator.username} is {operator.role}",
    )
    from loket.models.db import write_transaction

    with write_transaction():
        audit.append_entry(
            operator.username,
            operator.role,
            "denied",
            f"{action} {target}".strip(),
            {"why": refusal.message_en, "via": operator.channel},
            clock.now(),
        )
    raise refusal


def record(
    operator: Operator,
    action: str,
    target: str,
    detail: dict[str, Any] | str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> audit.AuditInfo:
    """Audit a change ``operator`` made; inside the change's transaction. A named
    operator's entry also says which OS account on which PC typed the command."""
    if operator.username is None:
        return audit.append_entry(operator.channel, "operator", action, target, detail, clock.now())
    if isinstance(detail, str):
        detail = json.loads(detail) if detail.startswith("{") else {"text": detail}
    full = {**(detail or {}), "via": operator.channel}
    return audit.append_entry(operator.username, operator.role, action, target, full, clock.now())
