"""Admin actions on the office's trust in signing keys: certify a key with the office
root held on this PC, import another office's key (labelled foreign). Role-checked and
audited like every admin action (:mod:`audited_change`)."""

from __future__ import annotations

from dataclasses import dataclass

from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import write_transaction
from loket.models.integrity import certs, root, signing
from loket.models.office import audit
from loket.models.office.audited_change import act, check_role, given
from loket.models.office.auth import ADMIN_ROLES, Session


@dataclass(frozen=True)
class TrustOverview:
    """What the Keys page shows: the root this PC trusts, whether it is here, the keys."""

    root_display: str | None  # "3F2A 9C01 …", None when this PC trusts no root
    root_here: bool
    keys: list[signing.KeyInfo]


def overview() -> TrustOverview:
    anchor = root.trusted_root()
    return TrustOverview(
        anchor.display if anchor else None,
        bool(anchor and anchor.private_here),
        signing.list_keys(),
    )


def certify_key(session: Session, kid: str, clock: Clock = SYSTEM_CLOCK) -> signing.KeyInfo:
    """Certify key ``kid`` with the root on this PC (the admin compared the kid with the
    one shown on the PC that made it)."""
    row = act(
        session, "key_certify", kid.strip().lower(), {}, lambda: certs.certify(kid), clock=clock
    )
    return signing._info(row)


def import_foreign_key(
    session: Session, pem: str, office_id: str, label: str = "", clock: Clock = SYSTEM_CLOCK
) -> signing.KeyInfo:
    """Register another office's public key, labelled foreign (admin or head only)."""
    check_role(session, "key_import", office_id, ADMIN_ROLES, clock)
    with write_transaction():
        key = signing.import_public_key(pem, office_id, label, clock)
        if key.created:
            audit.record(
                session,
                "key_import",
                key.kid,
                given(office=key.office_id, label=label or None),
                clock,
            )
    return key
