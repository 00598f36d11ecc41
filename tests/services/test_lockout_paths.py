"""One lockout for every path that checks a PIN or a password (issue 12, item 4).

Each path (the admin login, the counter's sign-in and handover, the head's sign-off and
a late gap explanation, the kiosk's admin exit) locks after 5 wrong secrets in 15
minutes for 15 minutes, refuses even the right secret meanwhile without checking it,
shares the count with every other path and PC, audits failures and locks, and slows a
PC down after its failures in a row.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from helpers.stubs import JAKARTA, FakeClock

from loket.models import rawsql
from loket.models.errors import InvalidInput, PermissionDenied
from loket.models.office import audit, auth, catalog, pin_policy, secret_check, staff
from loket.models.office.secret_check import AccountLocked
from loket.models.staffing import counter_actions as staffing
from loket.models.staffing import desk_state
from loket.models.staffing import sign_off as sign_off_module
from loket.models.staffing.sign_off import explain_gap, sign_off_day

MONDAY = dt.date(2026, 11, 23)
FRIDAY = MONDAY - dt.timedelta(days=3)
PINS = {"ani": "111111", "budi": "222222", "kepala": "999999", "admin": "888888"}
PASSWORDS = {"kepala": "rahasia-kepala", "admin": "rahasia-admin"}


@pytest.fixture
def office(db, clock):
    catalog.add_service("A", "Administrasi", "Administration")
    catalog.add_counter(1, "A", front_desk=True)
    catalog.add_counter(2, "A", front_desk=True)
    for name, role in (("ani", "staff"), ("budi", "staff"), ("kepala", "head"), ("admin", "admin")):
        staff.add_staff(name, name.title(), role, PINS[name], password=PASSWORDS.get(name))
    clock.set(dt.datetime(2026, 11, 23, 10, 0, tzinfo=JAKARTA))
    staffing.sign_in(1, "ani", PINS["ani"], clock, pc="loket-1")
    return db


@dataclass(frozen=True)
class Path:
    """One place a secret is typed: who it is for, the right secret, and the call."""

    label: str
    account: str
    right: str
    attempt: Callable[[str, str, FakeClock], object]  # (secret, pc, clock)


def _kiosk(secret: str, pc: str, clock: FakeClock) -> object:
    found = staff.pin_owner(secret, ("admin", "head"), pc=pc, clock=clock)
    if found is None:
        raise PermissionDenied("PIN salah", "Wrong PIN")
    return found


def _explain(secret: str, pc: str, clock: FakeClock) -> object:
    try:
        return explain_gap(
            FRIDAY, "08:00", "dinas_luar", "SPT-1", "kepala", "admin", secret, clock, pc=pc
        )
    except InvalidInput as exc:  # the password was taken; Friday has no such gap
        return exc


PATHS = {
    "admin login": Path(
        secret_check.ADMIN_LOGIN, "admin", PASSWORDS["admin"],
        lambda s, pc, c: auth.login("admin", s, c, pc=pc),
    ),
    "counter sign-in": Path(
        secret_check.COUNTER_SIGN_IN, "budi", PINS["budi"],
        lambda s, pc, c: staffing.sign_in(2, "budi", s, c, pc=pc),
    ),
    "counter handover": Path(
        secret_check.COUNTER_HANDOVER, "budi", PINS["budi"],
        lambda s, pc, c: staffing.handover(1, "budi", s, c, pc=pc),
    ),
    "staffing sign-off": Path(
        secret_check.STAFFING_SIGN_OFF, "kepala", PASSWORDS["kepala"],
        lambda s, pc, c: sign_off_day(FRIDAY, "kepala", s, c, pc=pc),
    ),
    "staffing explain": Path(secret_check.STAFFING_EXPLAIN, "admin", PASSWORDS["admin"], _explain),
    "kiosk exit": Path(secret_check.KIOSK_EXIT, "kiosk@loket-1", PINS["admin"], _kiosk),
}  # fmt: skip


@pytest.fixture
def checks(monkeypatch) -> list[str]:
    """Every hash check made, wherever it is made."""
    made: list[str] = []
    real = staff.check_secret

    def counted(secret: str, stored: str | None) -> bool:
        made.append(secret)
        return real(secret, stored)

    for module in (staff, auth, sign_off_module):
        monkeypatch.setattr(module, "check_secret", counted)
    return made


def _refused(path: Path, secret: str, pc: str, clock: FakeClock) -> PermissionDenied:
    with pytest.raises(PermissionDenied) as info:
        path.attempt(secret, pc, clock)
    return info.value


def _audit(action: str) -> list[audit.AuditInfo]:
    return list(reversed(audit.list_audit(action=action)))


@pytest.mark.parametrize("name", list(PATHS))
def test_five_wrong_lock_the_path_and_the_right_secret_is_refused_unchecked(
    office, clock, checks, name
):
    path = PATHS[name]
    errors = []
    for _ in range(5):
        errors.append(_refused(path, "000000", "loket-1", clock))
        clock.advance(seconds=30)
    assert not any(isinstance(e, AccountLocked) for e in errors[:4])
    assert isinstance(errors[4], AccountLocked)
    opens = errors[4].until.astimezone(JAKARTA)
    assert opens == dt.datetime(2026, 11, 23, 10, 17, tzinfo=JAKARTA)  # 10:02 + 15 min

    checks.clear()
    locked = _refused(path, path.right, "loket-1", clock)
    assert isinstance(locked, AccountLocked)
    assert checks == []  # refused without being checked
    text_id, text_en = locked.message_id, locked.message_en
    assert "\n" not in text_id + text_en
    assert "terkunci" in text_id and "terkunci sampai 10:17" in text_id
    assert "locked" in text_en and "locked until 10:17" in text_en

    # The failures and the lock are in the audit log, naming the path and the PC.
    failed = [e for e in _audit("login_failed") if e.target == path.account]
    assert len(failed) == 5
    assert {(e.detail["path"], e.detail["pc"]) for e in failed} == {(path.label, "loket-1")}
    (lock,) = [e for e in _audit("account_locked") if e.target == path.account]
    assert lock.detail["path"] == path.label and lock.detail["pc"] == "loket-1"
    assert lock.detail["failures"] == 5
    assert audit.verify_audit().ok

    # 15 minutes after the lock, the right secret works again.
    clock.set(dt.datetime(2026, 11, 23, 10, 17, 1, tzinfo=JAKARTA))
    assert not isinstance(path.attempt(path.right, "loket-1", clock), PermissionDenied)


def test_wrong_secrets_on_any_path_and_pc_add_up_to_one_lock(office, clock):
    kepala_pin = PINS["kepala"]
    assert kepala_pin  # the head has a PIN for the counter and a password for the rest
    with pytest.raises(PermissionDenied):
        staffing.sign_in(2, "kepala", "000000", clock, pc="loket-1")
    with pytest.raises(PermissionDenied):
        staffing.sign_in(2, "kepala", "000001", clock, pc="loket-2")
    with pytest.raises(PermissionDenied):
        auth.login("kepala", "bukan-ini", clock, pc="admin-pc")
    with pytest.raises(PermissionDenied):
        sign_off_day(FRIDAY, "kepala", "bukan-ini", clock, pc="admin-pc")
    with pytest.raises(AccountLocked) as info:  # the fifth, on yet another path
        explain_gap(FRIDAY, "08:00", "dinas_luar", "X", "kepala", "kepala", "salah", clock)
    assert "'kepala'" in info.value.message_id
    # Five, over five paths and three PCs: the head's account is locked everywhere.
    assert auth.lock_state("kepala", clock) is not None
    for attempt in (
        lambda: sign_off_day(FRIDAY, "kepala", PASSWORDS["kepala"], clock, pc="other-pc"),
        lambda: explain_gap(
            FRIDAY, "08:00", "dinas_luar", "X", "kepala", "kepala", PASSWORDS["kepala"], clock
        ),
        lambda: auth.login("kepala", PASSWORDS["kepala"], clock, pc="other-pc"),
        lambda: staffing.sign_in(2, "kepala", kepala_pin, clock, pc="other-pc"),
    ):
        with pytest.raises(AccountLocked):
            attempt()
    assert auth.lock_state("admin", clock) is None
    assert auth.login("admin", PASSWORDS["admin"], clock).role == "admin"


def _kiosk_refusal(clock: FakeClock, pc: str) -> object:
    return staff.pin_owner("000000", ("admin", "head"), pc=pc, clock=clock)


def test_the_kiosk_exit_locks_itself_not_the_admins(office, clock):
    """A PIN asked without a name guesses at every admin: a visitor's five taps lock that
    kiosk's exit for 15 minutes, never the admins' and head's accounts (the admin app
    and the sign-off stay usable); another kiosk's exit is open."""
    for _ in range(4):
        assert _kiosk_refusal(clock, "kios-1") is None
    with pytest.raises(AccountLocked) as info:
        _kiosk_refusal(clock, "kios-1")
    assert "pintu admin kios ini terkunci sampai" in info.value.message_id
    assert "admin exit is locked until" in info.value.message_en
    assert auth.lock_state("admin", clock) is None and auth.lock_state("kepala", clock) is None
    assert auth.login("kepala", PASSWORDS["kepala"], clock).role == "head"
    with pytest.raises(AccountLocked):  # the right PIN, refused at the locked kiosk
        staff.pin_owner(PINS["admin"], ("admin", "head"), pc="kios-1", clock=clock)
    found = staff.pin_owner(PINS["admin"], ("admin", "head"), pc="kios-2", clock=clock)
    assert found is not None and found.username == "admin"
    (lock,) = [e for e in _audit("account_locked") if e.target == "kiosk@kios-1"]
    assert lock.detail["path"] == secret_check.KIOSK_EXIT and lock.detail["failures"] == 5
    clock.advance(minutes=15, seconds=1)
    found = staff.pin_owner(PINS["admin"], ("admin", "head"), pc="kios-1", clock=clock)
    assert found is not None and found.username == "admin"


def test_an_admin_locked_elsewhere_cannot_leave_the_kiosk_with_their_pin(office, clock, checks):
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            auth.login("admin", "salah", clock, pc="admin-pc")
    checks.clear()
    # Unchecked (the kiosk does not say whose account is locked), so only the head's
    # PIN was compared, and it did not match.
    assert staff.pin_owner(PINS["admin"], ("admin", "head"), pc="kios-1", clock=clock) is None
    assert checks == [PINS["admin"]]


def test_a_success_clears_the_count(office, clock):
    path = PATHS["counter sign-in"]
    for _ in range(4):
        _refused(path, "000000", "loket-2", clock)
    path.attempt(path.right, "loket-2", clock)
    staffing.sign_out(2, reason="dinas_luar", reference="SPT-2", approved_by="kepala", clock=clock)
    for _ in range(4):
        assert not isinstance(_refused(path, "000000", "loket-2", clock), AccountLocked)


def test_the_wait_grows_per_pc_and_a_success_resets_it(office, clock, no_lockout_waits):
    waits = no_lockout_waits
    # Different names, so no lock stops the count: a guesser going through accounts.
    for n in range(7):
        with pytest.raises(PermissionDenied):
            auth.login(f"tebak{n}", "salah-sekali", clock, pc="pc-a")
    assert waits == [0.25, 0.5, 1.0, 2.0, 4.0, 4.0]  # none before the first try
    assert secret_check.pc_delay("pc-a", clock) == 4.0
    # Another PC starts without a wait.
    waits.clear()
    with pytest.raises(PermissionDenied):
        auth.login("tebak-lain", "salah-sekali", clock, pc="pc-b")
    assert waits == []
    assert secret_check.pc_delay("pc-b", clock) == 0.25
    # A right secret on pc-a (after the wait) clears pc-a's count.
    auth.login("admin", PASSWORDS["admin"], clock, pc="pc-a")
    assert waits == [4.0]
    assert secret_check.pc_delay("pc-a", clock) == 0.0
    # Failures older than the window no longer slow a PC.
    clock.advance(minutes=16)
    assert secret_check.pc_delay("pc-b", clock) == 0.0


def test_attempts_record_the_path_and_pc(office, clock):
    with pytest.raises(PermissionDenied):
        staffing.handover(1, "budi", "000000", clock, pc="loket-1")
    rows = rawsql.fetch_all("SELECT username, success, path, pc FROM login_attempt ORDER BY id")
    assert [(r[0], bool(r[1]), r[2], r[3]) for r in rows] == [
        ("ani", True, secret_check.COUNTER_SIGN_IN, "loket-1"),
        ("budi", False, secret_check.COUNTER_HANDOVER, "loket-1"),
    ]
    assert desk_state.counter_state(1, clock=clock).officer == "ani"  # nothing happened


# ── PIN length ──────────────────────────────────────────────────────────────────────


def _default_pin_rule() -> None:
    rawsql.execute("DELETE FROM setting WHERE key = ?", (pin_policy.SETTING_KEY,))


def test_new_pins_need_six_digits_by_default(db):
    _default_pin_rule()
    assert pin_policy.pin_min_digits() == 6
    with pytest.raises(InvalidInput) as info:
        staff.add_staff("eko", "Eko", "staff", "1234")
    assert "6–12" in info.value.message_id and "6–12" in info.value.message_en
    for bad in ("12345", "12345a", "1234567890123", ""):
        with pytest.raises(InvalidInput):
            staff.add_staff("eko", "Eko", "staff", bad)
    assert staff.add_staff("eko", "Eko", "staff", "123456").username == "eko"
    assert staff.add_staff("fitri", "Fitri", "staff", "123456789012").username == "fitri"
    with pytest.raises(InvalidInput):
        staff.edit_staff("eko", pin="4321")


def test_an_existing_short_pin_keeps_working_after_the_rule(db, clock):
    catalog.add_service("A", "Administrasi", "Administration")
    catalog.add_counter(1, "A", front_desk=True)
    staff.add_staff("lama", "Pegawai Lama", "staff", "4321")  # made while 4 were allowed
    _default_pin_rule()
    clock.set(dt.datetime(2026, 11, 23, 9, 0, tzinfo=JAKARTA))
    assert staffing.sign_in(1, "lama", "4321", clock).officer == "lama"
    with pytest.raises(InvalidInput):
        staff.edit_staff("lama", pin="1111")


def test_the_admin_may_allow_four_digits_with_a_warning(db):
    _default_pin_rule()
    assert pin_policy.short_pin_warning(6) is None
    warning_id, warning_en = pin_policy.short_pin_warning(4) or ("", "")
    assert "kurang dari satu menit" in warning_id and "under a minute" in warning_en
    assert "\n" not in warning_id + warning_en
    rawsql.execute("INSERT INTO setting (key, value) VALUES (?, '4')", (pin_policy.SETTING_KEY,))
    assert pin_policy.pin_min_digits() == 4
    assert staff.add_staff("eko", "Eko", "staff", "1234").username == "eko"
    with pytest.raises(InvalidInput) as info:
        staff.add_staff("fitri", "Fitri", "staff", "123")
    assert "4–12" in info.value.message_id


def test_the_demo_office_keeps_its_four_digit_pins(db):
    from loket.models.office.demo import install_demo

    _default_pin_rule()
    created = install_demo()
    assert "siti" in created["staff"]
    assert staff.authenticate_pin("siti", "1234").username == "siti"


def test_the_admin_app_sets_the_minimum_audited_and_warned(office, clock):
    session = auth.login("admin", PASSWORDS["admin"], clock)
    rule = pin_policy.set_pin_min_digits(session, "4", clock)
    assert rule.min_digits == 4 and "kurang dari satu menit" in rule.warning_id
    assert "under a minute" in rule.warning_en
    (entry,) = audit.list_audit(action="pin_min_digits")
    assert (entry.actor, entry.detail) == ("admin", {"pin_min_digits": 4})
    assert pin_policy.set_pin_min_digits(session, 6, clock) == pin_policy.PinRule(6)
    with pytest.raises(InvalidInput):
        pin_policy.set_pin_min_digits(session, "3", clock)
    staff.edit_staff("ani", role="staff")
    clerk = dataclasses.replace(session, username="ani", role="staff")
    with pytest.raises(PermissionDenied):
        pin_policy.set_pin_min_digits(clerk, "4", clock)
    assert pin_policy.pin_min_digits() == 6
