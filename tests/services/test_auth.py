"""Admin login: passwords, roles, lockout after repeated failures and its expiry."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from loket.models.errors import InvalidInput, PermissionDenied
from loket.models.office import audit, auth, staff
from loket.models.office.auth import AccountLocked


@pytest.fixture
def accounts(db):
    staff.add_staff("kepala", "Ibu Kepala", "head", "1111", password="kepala-rahasia")
    staff.add_staff("admin", "Pak Admin", "admin", "2222", password="admin-rahasia")
    staff.add_staff("petugas", "Mbak Petugas", "staff", "3333", password="petugas-rahasia")


def _fail(name: str, clock, times: int) -> list[Exception]:
    errors = []
    for _ in range(times):
        with pytest.raises(PermissionDenied) as info:
            auth.login(name, "salah-sekali", clock)
        errors.append(info.value)
        clock.advance(seconds=30)
    return errors


def test_login_gives_a_session_and_is_audited(accounts, clock):
    session = auth.login("  Admin ", "admin-rahasia", clock)
    assert session == auth.Session(
        "admin", "Pak Admin", "admin", clock.now() + dt.timedelta(hours=8)
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        session.role = "head"  # type: ignore[misc]
    entries = audit.list_audit()
    assert [(e.actor, e.action) for e in entries] == [("admin", "login")]


def test_wrong_password_and_unknown_name_read_the_same(accounts, clock):
    with pytest.raises(PermissionDenied) as wrong:
        auth.login("admin", "bukan-ini", clock)
    with pytest.raises(PermissionDenied) as unknown:
        auth.login("siapa", "bukan-ini", clock)
    assert str(wrong.value) == str(unknown.value)
    assert "salah" in wrong.value.message_id and "Wrong" in wrong.value.message_en
    with pytest.raises(InvalidInput):
        auth.login("  ", "x", clock)


def test_staff_account_cannot_log_in_to_the_admin_app(accounts, clock):
    with pytest.raises(PermissionDenied) as info:
        auth.login("petugas", "petugas-rahasia", clock)
    assert "staff" in info.value.message_en


def test_five_failures_in_fifteen_minutes_lock_for_fifteen_minutes(accounts, clock):
    errors = _fail("admin", clock, 5)
    assert not any(isinstance(e, AccountLocked) for e in errors[:4])
    assert isinstance(errors[4], AccountLocked)
    until = errors[4].until
    assert until == clock.now() - dt.timedelta(seconds=30) + dt.timedelta(minutes=15)
    assert "terkunci" in errors[4].message_id
    # While locked even the right password is refused.
    clock.advance(minutes=10)
    with pytest.raises(AccountLocked):
        auth.login("admin", "admin-rahasia", clock)
    assert auth.lock_state("admin", clock) is not None
    # Other accounts are not affected.
    assert auth.login("kepala", "kepala-rahasia", clock).role == "head"
    clock.set(until.astimezone(dt.UTC) + dt.timedelta(seconds=1))
    assert auth.lock_state("admin", clock) is None
    assert auth.login("admin", "admin-rahasia", clock).username == "admin"
    locks = audit.list_audit(action="account_locked")
    assert [e.target for e in locks] == ["admin"]


def test_an_expired_lock_starts_a_clean_slate(accounts, clock):
    _fail("admin", clock, 5)
    clock.advance(minutes=16)
    errors = _fail("admin", clock, 4)
    assert not any(isinstance(e, AccountLocked) for e in errors)
    assert isinstance(_fail("admin", clock, 1)[0], AccountLocked)


def test_failures_spread_beyond_the_window_do_not_lock(accounts, clock):
    _fail("admin", clock, 4)
    clock.advance(minutes=15)
    errors = _fail("admin", clock, 4)
    assert not any(isinstance(e, AccountLocked) for e in errors)
    assert auth.login("admin", "admin-rahasia", clock).role == "admin"


def test_a_success_resets_the_count(accounts, clock):
    _fail("admin", clock, 4)
    auth.login("admin", "admin-rahasia", clock)
    errors = _fail("admin", clock, 4)
    assert not any(isinstance(e, AccountLocked) for e in errors)


def test_unknown_names_are_locked_too(accounts, clock):
    errors = _fail("tidakada", clock, 5)
    assert isinstance(errors[-1], AccountLocked)


def test_policy_is_configurable(accounts, clock):
    policy = auth.set_lockout_policy(max_failures=3, lock_minutes=5)
    assert policy == auth.LockoutPolicy(max_failures=3, window_minutes=15, lock_minutes=5)
    errors = _fail("admin", clock, 3)
    assert isinstance(errors[-1], AccountLocked)
    clock.advance(minutes=5)
    assert auth.login("admin", "admin-rahasia", clock).role == "admin"
    with pytest.raises(InvalidInput):
        auth.set_lockout_policy(max_failures=0)


def test_unlock_lifts_a_lock_early(accounts, clock):
    _fail("admin", clock, 5)
    assert auth.unlock("admin", clock) is True
    assert auth.login("admin", "admin-rahasia", clock).role == "admin"
    # The slate is clean: one more mistake does not lock again.
    assert not isinstance(_fail("admin", clock, 1)[0], AccountLocked)
    assert auth.unlock("admin", clock) is False


def test_require_role(accounts, clock):
    head = auth.login("kepala", "kepala-rahasia", clock)
    admin = auth.login("admin", "admin-rahasia", clock)
    assert auth.require_role(head, "head", clock=clock) is head
    assert auth.require_role(admin, "admin", "head", clock=clock) is admin
    with pytest.raises(PermissionDenied) as info:
        auth.require_role(admin, "head", clock=clock)
    assert "head" in info.value.message_en
    # A session made up for a staff account is refused at the service level.
    forged = auth.Session("petugas", "Mbak Petugas", "staff", clock.now() + dt.timedelta(hours=1))
    with pytest.raises(PermissionDenied):
        auth.require_role(forged, "admin", "head", clock=clock)
    # Claiming a role the account does not have is refused too.
    with pytest.raises(PermissionDenied):
        auth.require_role(dataclasses.replace(forged, role="head"), "head", clock=clock)
    # An expired session, a disabled account, a changed role.
    clock.advance(hours=8)
    with pytest.raises(PermissionDenied) as expired:
        auth.require_role(head, "head", clock=clock)
    assert "expired" in expired.value.message_en
    admin = auth.login("admin", "admin-rahasia", clock)
    staff.edit_staff("admin", role="staff")
    with pytest.raises(PermissionDenied):
        auth.require_role(admin, "admin", "head", clock=clock)
    staff.edit_staff("admin", role="admin", active=False)
    with pytest.raises(PermissionDenied) as gone:
        auth.require_role(admin, "admin", clock=clock)
    assert "no longer active" in gone.value.message_en
