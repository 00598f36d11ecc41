"""Set-up changes made with the `loket` command line land in the admin audit log too:
the machine's operator as the actor, the admin app's action names, no secrets."""

from __future__ import annotations

import getpass
import socket

import pytest

from loket.models import rawsql
from loket.models.office import admin_actions, audit, auth, staff
from loket.models.printouts.printer_reports import list_printers, report_printer
from loket.printing.status import PrinterStatus

PIN, NEW_PIN, PASSWORD = "482916", "735104", "kata-sandi-rahasia"


def _ok(result):
    assert result.code == 0, result.err
    return result


def _refused(result):
    assert result.code != 0
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1, result.err
    return result


def _entries() -> list[audit.AuditInfo]:
    return list(reversed(audit.list_audit(limit=audit.MAX_LIST)))


def _change(loket, *args: str, who: tuple[str, str] | None = None) -> tuple[str, str, dict]:
    """Run one set-up command; it must succeed and leave exactly one entry: the machine's
    operator's on a fresh install, else that of ``who`` (username, password) with --as."""
    before = len(_entries())
    if who is None:
        _ok(loket(*args))
    else:
        _ok(loket(*args, "--as", who[0], env={"LOKET_PASSWORD": who[1]}))
    new = _entries()[before:]
    assert len(new) == 1, [(e.action, e.target) for e in new]
    (entry,) = new
    if who is None:
        assert entry.actor.startswith("cli:") and entry.role == "operator"
        return entry.action, entry.target, entry.detail
    assert entry.actor == who[0] and entry.detail["via"].startswith("cli:")
    return entry.action, entry.target, {k: v for k, v in entry.detail.items() if k != "via"}


def _unchanged(loket, *args: str) -> None:
    """A refused command leaves no entry (``--as`` given: with the right password)."""
    before = len(_entries())
    _refused(loket(*args, env={"LOKET_PASSWORD": PASSWORD}))
    assert len(_entries()) == before


def _chain_ok(loket) -> None:
    assert "Audit log intact" in _ok(loket("audit", "verify")).out


def test_services_and_counters(loket):
    assert _change(loket, "service", "add", "a", "--name", "Umum", "--quota", "50") == (
        "service_add",
        "A",
        {
            "name": "Umum",
            "daily_quota": "50",
            "hours": "07:30-16:00",
            "days": "12345",
            "default_service_minutes": 5,
        },
    )
    assert _change(loket, "service", "edit", "A", "--quota", "none", "--active", "ya") == (
        "service_edit",
        "A",
        {"clear_quota": True, "active": True},
    )
    assert _change(loket, "service", "disable", "A") == ("service_disable", "A", {})
    assert _change(loket, "counter", "add", "1", "--services", "A", "--front-desk") == (
        "counter_add",
        "loket 1",
        {"services": "A", "front_desk": True},
    )
    assert _change(loket, "counter", "edit", "01", "--name", "Depan") == (
        "counter_edit",
        "loket 1",
        {"name": "Depan"},
    )
    assert _change(loket, "counter", "disable", "1") == ("counter_disable", "loket 1", {})
    _unchanged(loket, "service", "add", "A", "--name", "Lagi")  # already exists
    _unchanged(loket, "service", "edit", "Z", "--name", "Tidak ada")
    _unchanged(loket, "service", "add", "B", "--name", "B", "--hours", "25:00-26:00")
    _unchanged(loket, "counter", "add", "2", "--services", "Z")
    _unchanged(loket, "counter", "disable", "9")
    _chain_ok(loket)


def test_staff_changes_name_no_pin_or_password(loket):
    action, target, detail = _change(
        loket,
        "staff",
        "add",
        "Siti",
        "--name",
        "Siti Aminah",
        "--role",
        "admin",
        "--pin",
        PIN,
        "--password",
        PASSWORD,
        "--nip",
        "198001012005012001",
    )
    assert (action, target) == ("staff_add", "siti")
    assert detail == {
        "full_name": "Siti Aminah",
        "role": "admin",
        "nip": "198001012005012001",
        "pin": "diubah/changed",
        "password": "diubah/changed",
    }
    # The office now has an admin: set-up names its person (--as) from here on.
    siti = ("siti", PASSWORD)
    assert _change(loket, "staff", "edit", "siti", "--pin", NEW_PIN, who=siti) == (
        "staff_edit",
        "siti",
        {"pin": "diubah/changed"},
    )
    assert staff.authenticate_pin("siti", NEW_PIN).username == "siti"  # the change was made
    staff.add_staff("kepala", "Ibu Kepala", "head", PIN, password=PASSWORD)
    # As in the admin app, disabling is an edit to active=False.
    disabled = _change(loket, "staff", "disable", "siti", who=("kepala", PASSWORD))
    assert disabled == ("staff_edit", "siti", {"active": False})
    as_head = ("--as", "kepala")
    _unchanged(
        loket, "staff", "add", "budi", "--name", "Budi", "--role", "staff", "--pin", "1", *as_head
    )
    _unchanged(loket, "staff", "edit", "nobody", "--pin", NEW_PIN, *as_head)
    _unchanged(
        loket, "staff", "add", "siti", "--name", "Lagi", "--role", "staff", "--pin", PIN, *as_head
    )
    # The PINs and the password appear nowhere in the log.
    for row in rawsql.fetch_all("SELECT actor, role, action, target, detail FROM audit_entry"):
        text = " ".join(str(v) for v in row)
        assert PIN not in text and NEW_PIN not in text and PASSWORD not in text
    _chain_ok(loket)


def test_settings_use_the_admin_apps_action_names(loket):
    before = len(_entries())
    _ok(
        loket(
            "settings",
            "office_name=Kelurahan Sukamaju",
            "board_english=tidak",
            "kiosk_language=en",
            "front_desk_minimum=2",
            "timezone=Asia/Makassar",
        )
    )
    made = {(e.action, e.target): e.detail for e in _entries()[before:]}
    assert made == {
        ("office_identity", "office"): {"office_name": "Kelurahan Sukamaju"},
        ("board_voice", "office"): {"board_english": False, "kiosk_language": "en"},
        ("front_desk_minimum", "front_desk_minimum"): {"minimum": "2"},
        ("settings", "office"): {"timezone": "Asia/Makassar"},
    }
    assert _change(loket, "settings", "board_voice=chime") == (
        "board_voice",
        "office",
        {"board_voice": "chime"},
    )
    assert _change(loket, "complaint", "response-days", "15") == (
        "settings",
        "office",
        {"complaint_response_days": "15"},
    )
    # Showing changes nothing and records nothing.
    shown = len(_entries())
    _ok(loket("settings"))
    _ok(loket("complaint", "response-days"))
    assert len(_entries()) == shown
    # One bad value refuses the whole command: the good one beside it is not applied either.
    _unchanged(loket, "settings", "office_name=Kantor Lain", "board_voice=robot")
    assert _ok(loket("settings", "--json")).json()["office_name"] == "Kelurahan Sukamaju"
    _unchanged(loket, "settings", "colour=blue")
    _unchanged(loket, "settings", "office_name")
    _unchanged(loket, "complaint", "response-days", "0")
    _chain_ok(loket)


def test_hours_holidays_ramadan_and_escalation(loket):
    assert _change(
        loket, "hours", "set", "--group", "other", "--days", "6", "--hours", "08:00-12:00"
    ) == ("hours_set", "other normal 6", {"hours": "08:00-12:00"})
    assert _change(loket, "hours", "set", "--group", "front_desk", "--days", "7", "--closed") == (
        "hours_set",
        "front_desk normal 7",
        {"closed": True},
    )
    assert _change(loket, "hours", "ramadan", "--from", "2027-02-08", "--to", "2027-03-09") == (
        "ramadan_set",
        "2027-02-08..2027-03-09",
        {},
    )
    assert _change(loket, "holiday", "add", "2026-12-25", "--name", "Natal") == (
        "holiday_add",
        "2026-12-25",
        {"name": "Natal"},
    )
    assert _change(loket, "holiday", "remove", "2026-12-25") == (
        "holiday_remove",
        "2026-12-25",
        {},
    )
    assert _change(loket, "staffing", "escalation", "--minutes", "20") == (
        "escalation_delay",
        "staffing",
        {"minutes": "20"},
    )
    shown = len(_entries())
    _ok(loket("hours", "show"))
    _ok(loket("holiday", "list"))
    _ok(loket("staffing", "escalation"))
    assert len(_entries()) == shown
    _unchanged(loket, "hours", "set", "--group", "lobby", "--days", "1", "--hours", "08:00-12:00")
    _unchanged(loket, "hours", "ramadan", "--from", "2027-03-09", "--to", "2027-02-08")
    _unchanged(loket, "holiday", "add", "25-12-2026", "--name", "Natal")
    _unchanged(loket, "holiday", "remove", "2026-12-26")
    _unchanged(loket, "staffing", "escalation", "--minutes", "0")
    _chain_ok(loket)


def test_signing_keys(loket, tmp_path):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    created = _ok(loket("init", "--json")).json()
    (entry,) = _entries()
    assert (entry.action, entry.target, entry.role) == ("key_new", created["key"], "operator")
    _ok(loket("init"))
    _ok(loket("keys", "new"))  # this PC has its key: nothing made, nothing recorded
    assert len(_entries()) == 1
    rotated = _ok(loket("keys", "rotate", "--json")).json()
    newest = _entries()[-1]
    assert (newest.action, newest.target, newest.detail) == (
        "key_rotate",
        rotated["new"]["kid"],
        {"retired": [created["key"]]},
    )
    pem = (
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    (tmp_path / "tetangga.pem").write_bytes(pem)
    # Importing needs an admin or head (--as, password): refused here, nothing recorded;
    # the audited import under the admin's name is in tests/cli/test_root_cli.py.
    _unchanged(loket, "keys", "import", str(tmp_path / "tetangga.pem"), "--office", "KEC-LAIN")
    (tmp_path / "sampah.pem").write_text("bukan kunci")
    _unchanged(loket, "keys", "import", str(tmp_path / "sampah.pem"), "--office", "X")
    _unchanged(loket, "keys", "import", str(tmp_path / "tetangga.pem"))
    for (detail,) in rawsql.fetch_all("SELECT detail FROM audit_entry"):
        assert "PRIVATE" not in detail and "BEGIN" not in detail
    _chain_ok(loket)


def test_forgetting_a_printer(loket, clock):
    uri = "tcp://10.0.0.9:9100"
    report_printer("PC-LAMA", "kiosk", uri, PrinterStatus(ok=True), 0, active=True, clock=clock)
    assert _change(loket, "printers", "--forget", "PC-LAMA", uri) == (
        "printer_forget",
        f"PC-LAMA {uri}",
        {},
    )
    assert list_printers(clock) == []
    _unchanged(loket, "printers", "--forget", "PC-LAMA", uri)
    _ok(loket("printers"))  # listing records nothing
    assert len(_entries()) == 1


def test_the_operator_is_named_and_listed_beside_the_admin_app(loket, clock):
    expected = f"cli:{getpass.getuser()}@{socket.gethostname()}".lower()
    if len(expected) > 40:
        pytest.fail(f"host name too long for this check: {expected}")
    # A fresh install: the machine's operator sets up, unnamed.
    _ok(loket("service", "add", "C", "--name", "Pengaduan"))
    staff.add_staff("kepala", "Ibu Kepala", "head", "111111", "kepala-loket")
    head = auth.login("kepala", "kepala-loket", clock)
    admin_actions.add_service(head, "A", "Umum", clock=clock)
    # With a head, the command line acts as her: her name, and which OS account typed it.
    _ok(loket("service", "add", "B", "--name", "Perizinan", "--as", "kepala",
              env={"LOKET_PASSWORD": "kepala-loket"}))  # fmt: skip
    listed = _ok(loket("audit", "list", "--action", "service_add", "--json")).json()
    assert [(e["actor"], e["role"], e["target"]) for e in listed] == [
        ("kepala", "head", "B"),
        ("kepala", "head", "A"),
        (expected, "operator", "C"),
    ]
    assert listed[0]["detail"]["via"] == expected and "via" not in listed[1]["detail"]
    mine = _ok(loket("audit", "list", "--actor", expected, "--json")).json()
    assert [e["action"] for e in mine] == ["service_add"]
    text = _ok(loket("audit", "list")).out
    assert f"{expected} (operator)  service_add  C" in text
    assert "kepala (head)  service_add  B" in text
    _chain_ok(loket)


def test_queue_work_is_not_set_up(loket):
    """Issuing and calling tickets have their own logs; they add nothing here."""
    _ok(
        loket(
            "service", "add", "A", "--name", "Umum", "--hours", "00:00-23:59", "--days", "1234567"
        )
    )
    _ok(loket("counter", "add", "1", "--services", "A"))
    count = len(_entries())
    _ok(loket("issue", "A"))
    assert len(_entries()) == count
