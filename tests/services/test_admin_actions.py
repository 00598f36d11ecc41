"""Admin actions: role checks at the service level, the change and its audit entry together."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from loket.models import settings as office
from loket.models.errors import InvalidInput, NotFound, PermissionDenied
from loket.models.integrity import signing
from loket.models.office import admin_actions as act
from loket.models.office import audit, auth, catalog, staff
from loket.models.office.auth import Session
from loket.models.printouts import printer_actions as printer_act
from loket.models.staffing import hours as service_hours
from loket.models.staffing import hours_actions as hours_act


@pytest.fixture
def office_setup(db, clock):
    staff.add_staff("kepala", "Ibu Kepala", "head", "1111", password="kepala-rahasia")
    staff.add_staff("admin", "Pak Admin", "admin", "2222", password="admin-rahasia")
    staff.add_staff("petugas", "Mbak Petugas", "staff", "3333", password="petugas-rahasia")
    catalog.add_service("A", "Administrasi", "Administration")
    catalog.add_counter(1, "A", front_desk=True)


@pytest.fixture
def head(office_setup, clock) -> Session:
    return auth.login("kepala", "kepala-rahasia", clock)


@pytest.fixture
def admin(office_setup, clock) -> Session:
    return auth.login("admin", "admin-rahasia", clock)


@pytest.fixture
def staff_session(office_setup, clock) -> Session:
    # The admin app never gives a staff account a session; one made up is refused anyway.
    return Session("petugas", "Mbak Petugas", "staff", clock.now() + dt.timedelta(hours=8))


ACTIONS: dict[str, Callable[[Session, Any], object]] = {
    "add_service": lambda s, c: act.add_service(s, "B", "Perizinan", clock=c),
    "edit_service": lambda s, c: act.edit_service(s, "A", name="Baru", clock=c),
    "disable_service": lambda s, c: act.disable_service(s, "A", clock=c),
    "add_counter": lambda s, c: act.add_counter(s, 2, "A:2", clock=c),
    "edit_counter": lambda s, c: act.edit_counter(s, 1, services="A:3", clock=c),
    "disable_counter": lambda s, c: act.disable_counter(s, 1, clock=c),
    "set_front_desk_minimum": lambda s, c: act.set_front_desk_minimum(s, 2, clock=c),
    "add_staff": lambda s, c: act.add_staff(s, "baru", "Orang Baru", "staff", "4444", clock=c),
    "edit_staff": lambda s, c: act.edit_staff(s, "petugas", role="admin", clock=c),
    "disable_staff": lambda s, c: act.disable_staff(s, "admin", clock=c),
    "unlock_account": lambda s, c: act.unlock_account(s, "admin", clock=c),
    "set_lockout_policy": lambda s, c: act.set_lockout_policy(s, max_failures=3, clock=c),
    "set_office_identity": lambda s, c: act.set_office_identity(s, name="Kantor X", clock=c),
    "set_board_voice": lambda s, c: act.set_board_voice(s, "chime", False, clock=c),
    "set_service_standards": lambda s, c: act.set_service_standards(s, wait_target_pct=90, clock=c),
    "set_notify_settings": lambda s, c: act.set_notify_settings(
        s, {"notify_channel": "sms"}, clock=c
    ),
    "forget_printer": lambda s, c: printer_act.forget_printer(s, "LOBI-1", "network://10.0.0.9", clock=c),
    "set_hours": lambda s, c: hours_act.set_hours(s, "front_desk", "6", hours="08:00-12:00", clock=c),
    "add_holiday": lambda s, c: hours_act.add_holiday(s, "2026-12-25", "Natal", clock=c),
    "remove_holiday": lambda s, c: hours_act.remove_holiday(s, "2026-12-25", clock=c),
    "import_holidays": lambda s, c: hours_act.import_holidays(s, "2026-12-25;Natal", clock=c),
    "set_ramadan": lambda s, c: hours_act.set_ramadan(s, "2027-02-08", "2027-03-09", clock=c),
    "set_escalation_delay": lambda s, c: hours_act.set_escalation_delay(s, 20, clock=c),
    "rotate_key": lambda s, c: act.rotate_key(s, clock=c),
    "export_public_keys": lambda s, c: act.export_public_keys(s, clock=c),
}


def test_every_public_action_is_covered():
    public = {
        name
        for module in (act, hours_act, printer_act)
        for name in dir(module)
        if callable(getattr(module, name))
        and not name.startswith("_")
        and getattr(getattr(module, name), "__module__", "") == module.__name__
    }
    assert public == set(ACTIONS)


def _state() -> tuple[object, ...]:
    return (
        catalog.list_services(),
        catalog.list_counters(),
        staff.list_staff(),
        office.load_settings(),
        service_hours.list_holidays(),
        service_hours.list_ramadan(),
        service_hours.week("front_desk"),
        auth.lockout_policy(),
        signing.list_keys(),
    )


@pytest.mark.parametrize("name", sorted(ACTIONS))
def test_a_staff_account_is_refused_every_action(name, staff_session, clock):
    before = _state()
    with pytest.raises(PermissionDenied) as info:
        ACTIONS[name](staff_session, clock)
    assert "staff" in info.value.message_en
    assert _state() == before
    denied = audit.list_audit(action="denied")
    assert len(denied) == 1 and denied[0].actor == "petugas"
    assert audit.verify_audit().ok


@pytest.mark.parametrize("name", sorted(ACTIONS))
def test_an_expired_session_is_refused(name, admin, clock):
    clock.advance(hours=8, seconds=1)
    with pytest.raises(PermissionDenied):
        ACTIONS[name](admin, clock)


def test_admin_changes_are_made_and_audited(admin, clock):
    act.add_service(admin, "B", "Perizinan", "Permits", clock=clock)
    act.add_counter(admin, 2, "A,B:2", front_desk=True, clock=clock)
    act.set_front_desk_minimum(admin, 2, clock=clock)
    hours_act.add_holiday(admin, "2026-12-25", "Natal", clock=clock)
    assert catalog.get_counter(2).services == (("A", 1), ("B", 2))
    assert office.load_settings().front_desk_minimum == 2
    assert [h.name for h in service_hours.list_holidays()] == ["Natal"]
    entries = audit.list_audit()
    assert [(e.action, e.target) for e in entries[:4]] == [
        ("holiday_add", "2026-12-25"),
        ("front_desk_minimum", "front_desk_minimum"),
        ("counter_add", "loket 2"),
        ("service_add", "B"),
    ]
    assert entries[1].detail == {"minimum": "2"}
    assert all(e.actor == "admin" and e.role == "admin" for e in entries[:4])
    assert audit.verify_audit().ok


def test_a_refused_change_leaves_no_audit_entry(admin, clock):
    count = len(audit.list_audit())
    with pytest.raises(InvalidInput):
        act.add_service(admin, "A", "Sudah ada", clock=clock)
    with pytest.raises(NotFound):
        act.edit_counter(admin, 9, name="X", clock=clock)
    assert len(audit.list_audit()) == count


def test_secrets_never_reach_the_audit_log(admin, clock):
    act.add_staff(
        admin, "baru", "Orang Baru", "staff", "4444", password="rahasia-baru", clock=clock
    )
    act.edit_staff(admin, "baru", pin="5555", clock=clock)
    for entry in audit.list_audit():
        text = str(entry.detail)
        assert "4444" not in text and "5555" not in text and "rahasia-baru" not in text
    assert audit.list_audit(action="staff_edit")[0].detail == {"pin": "diubah/changed"}
    assert staff.authenticate_pin("baru", "5555").username == "baru"


def test_only_the_head_handles_head_accounts(admin, head, clock):
    with pytest.raises(PermissionDenied):
        act.add_staff(admin, "kepala2", "Kepala Dua", "head", "7777", clock=clock)
    with pytest.raises(PermissionDenied):
        act.edit_staff(admin, "petugas", role="head", clock=clock)
    with pytest.raises(PermissionDenied):
        act.edit_staff(admin, "kepala", password="baru-sekali", clock=clock)
    assert act.edit_staff(head, "petugas", role="head", clock=clock).role == "head"
    # An admin may still manage staff and admins.
    assert act.edit_staff(admin, "admin", full_name="Pak Admin Baru", clock=clock).full_name


def test_the_office_keeps_an_active_head(head, clock):
    with pytest.raises(InvalidInput) as info:
        act.edit_staff(head, "kepala", role="admin", clock=clock)
    assert "head" in info.value.message_en
    assert staff.find_staff("kepala").role == "head"
    with pytest.raises(InvalidInput):
        act.disable_staff(head, "kepala", clock=clock)
    assert staff.find_staff("kepala").active


def test_nobody_disables_their_own_account(admin, clock):
    with pytest.raises(InvalidInput):
        act.disable_staff(admin, "admin", clock=clock)
    assert staff.find_staff("admin").active


def test_a_demoted_admin_is_refused_at_once(admin, head, clock):
    act.edit_staff(head, "admin", role="staff", clock=clock)
    with pytest.raises(PermissionDenied):
        act.add_service(admin, "C", "Lain", clock=clock)


def test_office_identity(admin, clock, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    settings = act.set_office_identity(
        admin,
        name="Kecamatan Sukamaju",
        address="Jl. Merdeka 1",
        logo_path=str(logo),
        maklumat_id="Kami sanggup melayani",
        maklumat_en="We pledge to serve",
        clock=clock,
    )
    assert settings.office_name == "Kecamatan Sukamaju"
    assert settings.office_logo == str(logo)
    assert settings.board_running_text == "Kami sanggup melayani"
    with pytest.raises(InvalidInput):
        act.set_office_identity(admin, logo_path=str(tmp_path / "none.png"), clock=clock)
    with pytest.raises(InvalidInput):
        act.set_office_identity(admin, clock=clock)
    assert audit.list_audit(action="office_identity")[0].detail["office_name"] == (
        "Kecamatan Sukamaju"
    )


def test_key_rotation_and_export(admin, clock):
    first = act.rotate_key(admin, clock=clock)
    second = act.rotate_key(admin, clock=clock)
    assert [k.kid for k in second.retired] == [first.new.kid]
    pem = act.export_public_keys(admin, clock=clock)
    assert pem.count("BEGIN PUBLIC KEY") == 2
    rotations = audit.list_audit(action="key_rotate")
    assert rotations[0].target == second.new.kid
    assert rotations[0].detail == {"retired": [first.new.kid]}


def test_unlock_and_lockout_policy(admin, clock):
    act.set_lockout_policy(admin, max_failures=2, clock=clock)
    for _ in range(2):
        with pytest.raises(PermissionDenied):
            auth.login("kepala", "salah", clock)
    assert auth.lock_state("kepala", clock) is not None
    assert act.unlock_account(admin, "kepala", clock=clock) is True
    assert auth.login("kepala", "kepala-rahasia", clock).role == "head"


def test_forgetting_a_retired_printer_clears_it_and_is_audited(admin, clock):
    from loket.models.printouts import printer_reports
    from loket.printing.status import PrinterStatus, Problem

    paper_out = PrinterStatus(ok=False, problems=(Problem.PAPER_OUT,))
    printer_reports.report_printer(
        "LOBI-1", "kiosk", "network://10.0.0.9", paper_out, 2, active=True, clock=clock
    )
    assert [p.station for p in printer_reports.printer_faults(clock=clock)] == ["LOBI-1"]
    assert printer_act.forget_printer(admin, "LOBI-1", "network://10.0.0.9", clock=clock)
    assert printer_reports.printer_faults(clock=clock) == []
    assert printer_reports.list_printers(clock=clock) == []
    entry = audit.list_audit()[0]
    assert (entry.action, entry.target) == ("printer_forget", "LOBI-1 network://10.0.0.9")
    with pytest.raises(NotFound, match="No printer"):
        printer_act.forget_printer(admin, "LOBI-1", "network://10.0.0.9", clock=clock)
