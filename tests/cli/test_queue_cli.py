"""The `loket` command as an installer or script uses it."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest


def _ok(result):
    assert result.code == 0, result.err
    return result


def _refused(result, *words):
    assert result.code != 0
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    for word in words:
        assert word in lines[0]
    return lines[0]


# The demo office has an admin: its set-up is changed by a named person (--as).
AS = ("--as", "admin")
ADMIN = {"LOKET_PASSWORD": "admin-loket"}


@pytest.fixture
def demo(loket):
    _ok(loket("init"))
    _ok(loket("demo"))
    return loket


def test_issue_json_shape(demo):
    data = _ok(demo("issue", "A", "--json")).json()
    assert data["number"] == "A-001"
    assert data["service"] == "A"
    issued = dt.datetime.fromisoformat(data["issued_at"])
    assert issued.utcoffset() == dt.timedelta(hours=7)  # WIB, with the offset written
    assert data["ahead"] == 0 and data["estimated_wait_minutes"] == 0
    second = _ok(demo("--json", "issue", "a", "--priority", "lansia")).json()
    assert second["number"] == "A-002" and second["priority"] == "lansia"


def test_counter_flow(demo):
    _ok(demo("issue", "A"))
    _ok(demo("issue", "B"))
    called = _ok(demo("call", "1", "--json")).json()["ticket"]
    assert called["number"] == "A-001" and called["counter"] == 1 and called["status"] == "called"
    assert _ok(demo("recall", "1", "--json")).json()["ticket"]["recall_count"] == 1
    assert _ok(demo("start", "1", "--json")).json()["ticket"]["status"] == "serving"
    moved = _ok(demo("transfer", "1", "--to-counter", "2", "--json")).json()["ticket"]
    assert moved["status"] == "waiting"
    assert _ok(demo("call", "2", "--json")).json()["ticket"]["number"] == "A-001"
    assert _ok(demo("no-show", "2", "--json")).json()["ticket"]["status"] == "no_show"
    assert _ok(demo("call", "1", "--json")).json()["ticket"]["number"] == "B-001"
    assert _ok(demo("finish", "1", "--json")).json()["ticket"]["status"] == "done"
    assert _ok(demo("call", "1", "--json")).json() == {"ticket": None}
    queue = _ok(demo("queue", "--json")).json()
    assert [s["code"] for s in queue["services"]] == ["A", "B", "C"]
    assert all(s["waiting"] == 0 for s in queue["services"])


def test_refusals_are_one_clear_line(demo, tmp_path):
    _refused(demo("issue", "Z"), "'Z'")
    _refused(demo("finish", "1"), "no current ticket")
    _refused(demo("call", "42"), "42")
    _refused(demo("issue", "A", "--priority", "vip"), "vip")
    _ok(demo("service", "disable", "C", *AS, env=ADMIN))
    _refused(demo("issue", "C"), "closed")
    _ok(demo("service", "edit", "B", "--quota", "1", *AS, env=ADMIN))
    _ok(demo("issue", "B"))
    _refused(demo("issue", "B"), "quota")
    _refused(demo("issue", "A", "--db", "ftp://example"), "ftp")
    _refused(demo("issue", "A", "--db", "postgresql://nobody@127.0.0.1:1/none"), "Cannot reach")
    _refused(demo("issue", "A", "--db", "sqlite:////proc/loket-test/x.db"), "database")


def test_usage_errors_exit_2_without_traceback(demo):
    result = demo("transfer", "1")
    assert result.code == 2 and "Traceback" not in result.err


def test_management_commands(demo):
    _ok(
        demo(
            "service",
            "add",
            "D",
            "--name",
            "Legalisir",
            "--name-en",
            "Legalisation",
            "--quota",
            "50",
            "--hours",
            "08:00-12:00",
            "--days",
            "12345",
            *AS,
            env=ADMIN,
        )
    )
    listed = _ok(demo("service", "list", "--json")).json()
    legal = next(s for s in listed if s["code"] == "D")
    assert legal["daily_quota"] == 50 and legal["hours"] == "08:00-12:00"
    _refused(demo("service", "add", "D", "--name", "Again", *AS, env=ADMIN), "already exists")
    _refused(demo("service", "add", "7", "--name", "Digit", *AS, env=ADMIN), "1–2 letters")

    _ok(demo("counter", "add", "4", "--services", "A,D:2", "--front-desk", *AS, env=ADMIN))
    counters = _ok(demo("counter", "list", "--json")).json()
    four = next(c for c in counters if c["number"] == 4)
    assert four["front_desk"] is True and four["services"] == [["A", 1], ["D", 2]]
    _ok(demo("counter", "edit", "4", "--front-desk", "no", *AS, env=ADMIN))
    _ok(demo("counter", "disable", "4", *AS, env=ADMIN))
    assert not next(c for c in _ok(demo("counter", "list", "--json")).json() if c["number"] == 4)[
        "active"
    ]
    _refused(demo("counter", "add", "5", "--services", "Q", *AS, env=ADMIN), "'Q'")

    _ok(
        demo(
            "staff",
            "add",
            "dewi",
            "--name",
            "Dewi Lestari",
            "--role",
            "staff",
            "--pin",
            "4321",
            "--nip",
            "198703152010012003",
            *AS,
            env=ADMIN,
        )
    )
    staff = {s["username"]: s for s in _ok(demo("staff", "list", "--json")).json()}
    assert staff["dewi"]["nip"] == "198703152010012003"
    assert "pin_hash" not in staff["dewi"]
    _ok(demo("staff", "edit", "dewi", "--role", "admin", *AS, env=ADMIN))
    _ok(demo("staff", "disable", "dewi", *AS, env=ADMIN))
    staff = {s["username"]: s for s in _ok(demo("staff", "list", "--json")).json()}
    assert staff["dewi"]["role"] == "admin" and staff["dewi"]["active"] is False
    _refused(
        demo(
            "staff", "add", "eko", "--name", "Eko", "--role", "staff", "--pin", "12", *AS, env=ADMIN
        ),
        "PIN",
    )


def test_init_and_demo_are_idempotent(demo):
    assert _ok(demo("init", "--json")).json()["applied"] == []
    again = _ok(demo("demo", "--json")).json()
    assert again["created"] == {"services": [], "counters": [], "staff": []}


def test_backup_is_a_working_copy(demo, db, tmp_path):
    _ok(demo("issue", "A"))
    target = tmp_path / "copy.db"
    if db.startswith("postgresql"):
        _refused(demo("backup", str(target)), "pg_dump")
        return
    _ok(demo("backup", str(target)))
    copied = _ok(demo("queue", "--json", "--db", f"sqlite:///{target}")).json()
    assert copied["services"][0]["waiting"] == 1
    _refused(demo("backup", str(target)), "already exists")


def test_cli_never_imports_qt(db, tmp_path):
    code = (
        "import sys\n"
        "from loket.models.cli import main\n"
        f"main(['init', '--db', {db!r}])\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={"LOKET_DATA_DIR": str(tmp_path), "PATH": "/usr/bin"},
    )
    assert result.returncode == 0, result.stderr
