"""The command line acts as a named person: once the office has an active admin or head,
every set-up command needs ``--as USERNAME`` and that person's password (from
``LOKET_PASSWORD`` here, a prompt at a terminal), checked under the admin login's lockout;
the audit names the person and the OS account. Officers' actions need the PIN of the
officer signed in at the counter; a queue action records that officer. Reading stays open.
"""

from __future__ import annotations

import getpass
import socket
from pathlib import Path

import pytest

from loket.models import rawsql
from loket.models.office import audit, catalog, staff
from loket.models.printouts.printer_reports import report_printer
from loket.models.staffing import counter_actions, hours
from loket.models.staffing.desk_state import counter_state
from loket.printing.status import PrinterStatus

PASSWORDS = {"kepala": "kepala-rahasia", "admin": "admin-rahasia", "siti": "siti-rahasia"}
PINS = {"kepala": "909090", "admin": "808080", "siti": "121212", "budi": "343434"}
HEAD = {"LOKET_PASSWORD": PASSWORDS["kepala"]}
URI = "tcp://10.0.0.9:9100"
NEEDS_AS = "Perintah ini mengubah pengaturan: tambahkan --as NAMA_PENGGUNA"
NEEDS_AS_EN = "This command changes set-up: add --as USERNAME"


def _via() -> str:
    return f"cli:{getpass.getuser()}@{socket.gethostname()}".lower()[:40]


@pytest.fixture
def office(db, clock, tmp_path: Path):
    catalog.add_service("A", "Administrasi", "Administration", hours="00:00-24:00", days="1234567")
    catalog.add_counter(1, "A", front_desk=True)
    catalog.add_counter(2, "A")
    staff.add_staff("kepala", "Ibu Kepala", "head", PINS["kepala"], password=PASSWORDS["kepala"])
    staff.add_staff("admin", "Pak Admin", "admin", PINS["admin"], password=PASSWORDS["admin"])
    staff.add_staff("siti", "Siti", "staff", PINS["siti"], password=PASSWORDS["siti"])
    staff.add_staff("budi", "Budi", "staff", PINS["budi"])
    hours.add_holiday("2026-08-17", "Hari Kemerdekaan")
    report_printer("PC-LAMA", "kiosk", URI, PrinterStatus(ok=True), 0, active=True, clock=clock)
    (tmp_path / "libur.csv").write_text("2026-12-25;Natal\n", encoding="utf-8")
    return db


# Every set-up command group: a command that succeeds on `office`, and its audit action.
SETUP = {
    "service add": (("service", "add", "B", "--name", "Baru"), "service_add"),
    "service edit": (("service", "edit", "A", "--name", "Adminduk"), "service_edit"),
    "service disable": (("service", "disable", "A"), "service_disable"),
    "counter add": (("counter", "add", "3", "--services", "A"), "counter_add"),
    "counter edit": (("counter", "edit", "2", "--name", "Loket Dua"), "counter_edit"),
    "counter disable": (("counter", "disable", "2"), "counter_disable"),
    "staff add": (
        ("staff", "add", "ani", "--name", "Ani", "--role", "staff", "--pin", "135790"),
        "staff_add",
    ),
    "staff edit": (("staff", "edit", "budi", "--name", "Budi S."), "staff_edit"),
    "staff disable": (("staff", "disable", "budi"), "staff_edit"),
    "staff unlock": (("staff", "unlock", "budi"), "account_unlock"),
    "settings": (("settings", "office_name=Kelurahan Maju"), "office_identity"),
    "hours set": (
        ("hours", "set", "--group", "other", "--days", "6", "--closed"),
        "hours_set",
    ),
    "hours ramadan": (
        ("hours", "ramadan", "--from", "2027-02-08", "--to", "2027-03-09"),
        "ramadan_set",
    ),
    "holiday add": (("holiday", "add", "2026-12-24", "--name", "Cuti bersama"), "holiday_add"),
    "holiday remove": (("holiday", "remove", "2026-08-17"), "holiday_remove"),
    "holiday import": (("holiday", "import", "{tmp}/libur.csv"), "holiday_import"),
    "escalation": (("staffing", "escalation", "--minutes", "20"), "escalation_delay"),
    "complaint response-days": (("complaint", "response-days", "7"), "settings"),
    "printers forget": (("printers", "--forget", "PC-LAMA", URI), "printer_forget"),
    "demo": (("demo", "--apps", "no"), "demo_install"),
}


def _args(name: str, tmp_path: Path) -> tuple[str, ...]:
    return tuple(a.replace("{tmp}", str(tmp_path)) for a in SETUP[name][0])


def _entries() -> list[audit.AuditInfo]:
    return list(reversed(audit.list_audit(limit=audit.MAX_LIST)))


def _role(username: str) -> str | None:
    row = rawsql.fetch_one("SELECT role FROM staff WHERE username = ?", (username,))
    return str(row[0]) if row else None


def _one_line(result) -> str:
    assert result.code != 0
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    return lines[0]


def _snapshot() -> tuple:
    """What the set-up commands change, to see that a refused one changed nothing."""
    return tuple(
        tuple(rawsql.fetch_all(sql))
        for sql in (
            "SELECT code, name_id, active FROM service ORDER BY code",
            "SELECT number, name, active FROM counter ORDER BY number",
            "SELECT username, full_name, role, active FROM staff ORDER BY username",
            "SELECT key, value FROM setting ORDER BY key",
            "SELECT day FROM holiday ORDER BY day",
            "SELECT COUNT(*) FROM service_hours",
            "SELECT COUNT(*) FROM ramadan_period",
            "SELECT station, uri FROM printer_report ORDER BY station",
            "SELECT username, locked_until FROM account_lock ORDER BY username",
        )
    )


@pytest.mark.parametrize("name", list(SETUP))
def test_set_up_needs_the_person_once_the_office_has_a_head(loket, office, tmp_path, name):
    args = _args(name, tmp_path)
    before, entries = _snapshot(), len(_entries())

    refused = loket(*args)
    line = _one_line(refused)
    assert refused.code == 2
    assert NEEDS_AS in line and NEEDS_AS_EN in line
    assert _snapshot() == before and len(_entries()) == entries

    done = loket(*args, "--as", "kepala", env=HEAD)
    assert done.code == 0, done.err
    new = _entries()[entries:]
    assert [e.action for e in new if e.action != "login"][-1] == SETUP[name][1]
    made = [e for e in new if e.action == SETUP[name][1]]
    assert made and all(e.actor == "kepala" and e.role == "head" for e in made)
    assert all(e.detail["via"] == _via() for e in made)
    assert "kepala-rahasia" not in str([e.detail for e in new])
    assert _snapshot() != before


@pytest.mark.parametrize("name", ["service add", "staff edit", "settings", "holiday import"])
def test_a_wrong_password_is_refused_and_counts_toward_the_lockout(loket, office, tmp_path, name):
    args = (*_args(name, tmp_path), "--as", "kepala")
    before = _snapshot()[:-1]  # the lock itself is expected
    for attempt in range(5):
        # Each try from another PC name: the per-PC slowdown is not what is tested here.
        wrong = loket(*args, env={"LOKET_PASSWORD": "tebakan", "LOKET_STATION": f"pc{attempt}"})
        line = _one_line(wrong)
        assert "salah" in line or "terkunci" in line
    assert _snapshot()[:-1] == before
    locked = loket(*args, env={**HEAD, "LOKET_STATION": "pc-lain"})
    assert "terkunci" in _one_line(locked) and "locked" in locked.err
    assert _snapshot()[:-1] == before
    failures = [e for e in _entries() if e.action == "login_failed" and e.target == "kepala"]
    assert len(failures) == 5 and all(e.detail["path"] == "cli --as" for e in failures)
    assert any(e.action == "account_locked" and e.target == "kepala" for e in _entries())


@pytest.mark.parametrize("name", ["service add", "counter edit", "staff add", "hours set"])
def test_a_staff_account_may_not_change_set_up(loket, office, tmp_path, name):
    before, entries = _snapshot(), len(_entries())
    refused = loket(
        *_args(name, tmp_path), "--as", "siti", env={"LOKET_PASSWORD": PASSWORDS["siti"]}
    )
    assert "berperan staff" in _one_line(refused)
    assert _snapshot() == before
    assert not [e for e in _entries()[entries:] if e.action == SETUP[name][1]]


def test_only_the_head_makes_or_changes_a_head(loket, office):
    admin = {"LOKET_PASSWORD": PASSWORDS["admin"]}
    add = ("staff", "add", "wakil", "--name", "Wakil", "--role", "head", "--pin", "246802")
    refused = loket(*add, "--as", "admin", env=admin)
    assert "head" in _one_line(refused)
    assert _role("wakil") is None
    assert (
        loket("staff", "edit", "kepala", "--password", "baru-saja", "--as", "admin", env=admin).code
        != 0
    )
    denied = [e for e in _entries() if e.action == "denied"]
    assert denied and denied[-1].actor == "admin" and denied[-1].detail["via"] == _via()
    assert loket(*add, "--as", "kepala", env=HEAD).code == 0
    assert _role("wakil") == "head"
    # The office keeps an active head: else its set-up would be open to any shell again.
    assert loket("staff", "disable", "wakil", "--as", "kepala", env=HEAD).code == 0
    last = loket("staff", "disable", "kepala", "--as", "kepala", env=HEAD)
    assert "without an active head" in _one_line(last)
    assert loket("service", "add", "B", "--name", "Baru").code == 2


def test_without_a_password_nothing_hangs_and_nothing_changes(loket, office):
    before = _snapshot()
    refused = loket("service", "add", "B", "--name", "Baru", "--as", "kepala")
    assert "LOKET_PASSWORD" in _one_line(refused)
    assert _snapshot() == before


def test_a_fresh_install_is_set_up_without_credentials(loket, db):
    assert loket("settings", "pin_min_digits=4").code == 0
    assert loket("service", "add", "A", "--name", "Umum").code == 0
    first = loket("staff", "add", "kepala", "--name", "K", "--role", "head", "--pin", "9090",
                  "--password", PASSWORDS["kepala"])  # fmt: skip
    assert first.code == 0, first.err
    entry = _entries()[-1]
    assert entry.action == "staff_add" and entry.role == "operator"
    assert entry.actor == _via()
    # From now on the office has a head.
    assert loket("counter", "add", "1", "--services", "A").code == 2
    assert loket("counter", "add", "1", "--services", "A", "--as", "kepala", env=HEAD).code == 0
    assert _entries()[-1].actor == "kepala"


def test_a_disabled_head_does_not_guard_set_up(loket, db):
    staff.add_staff("kepala", "K", "head", PINS["kepala"], password=PASSWORDS["kepala"])
    rawsql.execute("UPDATE staff SET active = ? WHERE username = ?", (False, "kepala"))
    assert loket("service", "add", "A", "--name", "Umum").code == 0


def test_the_demo_still_makes_its_accounts_on_a_fresh_install(loket, db):
    made = loket("demo", "--apps", "no")
    assert made.code == 0, made.err
    assert _role("kepala") == "head"
    # Run again it adds nothing, so it needs nobody; the apps can be opened any time.
    assert loket("demo", "--apps", "no").code == 0


# ── officers ───────────────────────────────────────────────────────────────────


@pytest.fixture
def siti_at_1(office, clock):
    counter_actions.sign_in(1, "siti", PINS["siti"])
    return office


@pytest.mark.parametrize("action", ["break", "sign-out"])
def test_leaving_a_counter_needs_the_officers_pin(loket, siti_at_1, action):
    args = ("staffing", action, "--counter", "1", "--reason", "dinas_luar", "--ref", "SPT-1",
            "--approved-by", "kepala")  # fmt: skip
    assert "LOKET_PIN" in _one_line(loket(*args))
    assert counter_state(1).status == "staffed"
    assert "PIN" in _one_line(loket(*args, env={"LOKET_PIN": PINS["budi"]}))
    assert counter_state(1).status == "staffed"
    done = loket(*args, env={"LOKET_PIN": PINS["siti"]})
    assert done.code == 0, done.err
    assert counter_state(1).status == ("break" if action == "break" else "out")


def test_resume_needs_the_officers_pin(loket, siti_at_1):
    counter_actions.start_break(1, "dinas_luar", "SPT-1", "kepala")
    assert "LOKET_PIN" in _one_line(loket("staffing", "resume", "--counter", "1"))
    assert counter_state(1).status == "break"
    assert loket("staffing", "resume", "--counter", "1", env={"LOKET_PIN": PINS["siti"]}).code == 0
    assert counter_state(1).status == "staffed"


def test_a_wrong_pin_at_the_cli_counts_against_the_officer(loket, siti_at_1):
    for _ in range(5):
        loket("staffing", "break", "--counter", "1", env={"LOKET_PIN": "000000"})
    locked = loket("staffing", "break", "--counter", "1", env={"LOKET_PIN": PINS["siti"]})
    assert "terkunci" in _one_line(locked)
    assert counter_state(1).status == "staffed"
    paths = {e.detail.get("path") for e in _entries() if e.action == "login_failed"}
    assert paths == {"cli staffing break"}


def test_sign_in_and_handover_take_the_pin_from_the_environment(loket, office):
    assert "LOKET_PIN" in _one_line(
        loket("staffing", "sign-in", "--counter", "1", "--staff", "siti")
    )
    assert (
        loket("staffing", "sign-in", "--counter", "1", "--staff", "siti", "--pin", "121212").code
        == 2
    )
    signed = loket("staffing", "sign-in", "--counter", "1", "--staff", "siti",
                   env={"LOKET_PIN": PINS["siti"]})  # fmt: skip
    assert signed.code == 0, signed.err
    handover = ("staffing", "handover", "--counter", "1", "--to", "budi")
    assert "LOKET_PIN" in _one_line(loket(*handover))
    assert loket(*handover, env={"LOKET_PIN": PINS["budi"]}).code == 0
    assert counter_state(1).officer == "budi"


def test_a_call_records_the_officer_signed_in_there(loket, siti_at_1):
    assert loket("issue", "A").code == 0
    assert loket("issue", "A").code == 0
    refused = loket("call", "1", "--officer", "budi")
    line = _one_line(refused)
    assert "petugas yang masuk di loket 1 adalah siti" in line
    assert "the officer signed in at counter 1 is siti" in line
    assert rawsql.fetch_one("SELECT COUNT(*) FROM ticket WHERE status = 'called'")[0] == 0
    assert loket("call", "1").code == 0
    assert loket("finish", "1").code == 0
    assert loket("call", "1", "--officer", "siti").code == 0
    officers = rawsql.fetch_all(
        "SELECT s.username FROM ticket_event e JOIN staff s ON s.id = e.officer_id "
        "WHERE e.kind = 'called' ORDER BY e.id"
    )
    assert [row[0] for row in officers] == ["siti", "siti"]
    # Nobody at counter 2 in an office that signs in: nobody may be named there.
    assert "loket 2" in _one_line(loket("call", "2", "--officer", "budi"))


# ── reading stays open ─────────────────────────────────────────────────────────


READ_ONLY = (
    ("service", "list"),
    ("counter", "list"),
    ("staff", "list"),
    ("settings",),
    ("hours", "show"),
    ("holiday", "list"),
    ("issue", "A"),
    ("queue",),
    ("ticket", "A-001"),
    ("staffing", "status"),
    ("staffing", "escalation"),
    ("complaint", "response-days"),
    ("printers",),
    ("audit", "list"),
    ("audit", "verify"),
    ("staffing", "verify"),
    ("receipt", "verify-log"),
)


def test_reading_and_issuing_need_nobody(loket, office):
    for args in READ_ONLY:
        result = loket(*args)
        assert result.code == 0, (args, result.err)
        assert "--as" not in result.err
