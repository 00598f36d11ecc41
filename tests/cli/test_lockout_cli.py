"""The lockout on the command line: `loket staffing sign-in`, `handover`, `sign-off` and
`explain` share the counter of the account with the counters, the kiosk and the admin
login, on every PC; the wait per PC is spent in the `loket` process itself."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CliResult
from helpers.stubs import FakeClock

from loket.models.errors import PermissionDenied
from loket.models.office import audit, auth, catalog, secret_check, staff
from loket.models.office.secret_check import AccountLocked
from loket.models.staffing import counter_actions as staffing

PINS = {"ani": "111111", "budi": "222222", "kepala": "999999"}
PASSWORD = "rahasia-kepala"
FRIDAY = "2026-11-20"
AS_HEAD = ("--as", "kepala")  # set-up in an office with a head names its person


@pytest.fixture
def office(db):
    catalog.add_service("A", "Administrasi", "Administration")
    catalog.add_counter(1, "A", front_desk=True)
    catalog.add_counter(2, "A", front_desk=True)
    staff.add_staff("ani", "Ani", "staff", PINS["ani"])
    staff.add_staff("budi", "Budi", "staff", PINS["budi"])
    staff.add_staff("kepala", "Ibu Kepala", "head", PINS["kepala"], password=PASSWORD)
    return db


@pytest.fixture
def cli(office: str, tmp_path: Path):
    """`loket` in a subprocess, as run on the PC named ``station``."""

    def run(
        *args: str, station: str = "meja-cli", pin: str | None = None, password: str | None = None
    ) -> tuple[CliResult, float]:
        # PINs and passwords reach `loket` as a script gives them: in the environment.
        env = dict(
            os.environ,
            LOKET_DATA_DIR=str(tmp_path / "cli-data"),
            LOKET_DB=office,
            LOKET_STATION=station,
            LOKET_PIN=pin or "",
            LOKET_PASSWORD=password or "",
        )
        started = time.monotonic()
        proc = subprocess.run(
            [sys.executable, "-m", "loket.models.cli", *args],
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        took = time.monotonic() - started
        return CliResult(proc.returncode, proc.stdout, proc.stderr), took

    return run


def _sign_in(cli, pin: str, station: str = "meja-cli"):
    return cli("staffing", "sign-in", "--counter", "2", "--staff", "budi", pin=pin, station=station)


def _one_line_lock(result: CliResult) -> None:
    assert result.code != 0
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "terkunci" in lines[0] and "terkunci sampai" in lines[0]
    assert "locked until" in lines[0]


def test_wrong_pins_at_the_cli_lock_the_account_everywhere_and_slow_the_pc(cli, office):
    took = []
    for n in range(5):
        result, seconds = _sign_in(cli, f"00000{n}")
        assert result.code != 0
        assert ("PIN salah" in result.err) == (n < 4), result.err
        took.append(seconds)
    assert "terkunci" in result.err  # the fifth locks
    # The right PIN now: refused with the lock, in one line, after the PC's longest wait.
    result, seconds = _sign_in(cli, PINS["budi"])
    _one_line_lock(result)
    took.append(seconds)
    # The process waits 0, 0.25, 0.5, 1, 2 then 4 s before checking: it grows.
    assert took[5] - took[0] > 3.0 and took[4] - took[0] > 1.5, took
    # Another PC does not wait, but the account stays locked there too.
    other, other_took = _sign_in(cli, PINS["budi"], station="meja-lain")
    _one_line_lock(other)
    assert other_took < took[5] - 2.0, (other_took, took)
    # And the counter app on yet another PC (the same account) is refused too.
    with pytest.raises(AccountLocked):
        staffing.sign_in(1, "budi", PINS["budi"], pc="loket-1")
    failed = audit.list_audit(action="login_failed", actor="budi")
    assert len(failed) == 5
    assert {(e.detail["path"], e.detail["pc"]) for e in failed} == {
        (secret_check.CLI_SIGN_IN, "meja-cli")
    }
    (lock,) = audit.list_audit(action="account_locked", actor="budi")
    assert lock.detail["path"] == secret_check.CLI_SIGN_IN and lock.detail["pc"] == "meja-cli"
    # 15 minutes on (the lock was written with the real clock), it opens.
    later = FakeClock(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=15, seconds=30))
    assert staffing.sign_in(1, "budi", PINS["budi"], later, pc="loket-1").officer == "budi"


def test_wrong_pins_at_the_counter_lock_the_heads_sign_off_and_explain(cli, office):
    for n in range(5):
        with pytest.raises(PermissionDenied):
            staffing.sign_in(1, "kepala", f"00000{n}", pc="loket-1")
    for args in (
        ("staffing", "sign-off", "--day", FRIDAY, "--staff", "kepala"),
        (
            "staffing", "explain", "--day", FRIDAY, "--start", "08:00", "--reason", "dinas_luar",
            "--ref", "SPT-1", "--approved-by", "kepala", "--staff", "kepala",
        ),
    ):  # fmt: skip
        result, _ = cli(*args, password=PASSWORD)
        _one_line_lock(result)
        assert "'kepala'" in result.err
    assert auth.lock_state("kepala") is not None


def test_sign_off_and_explain_count_towards_the_admin_login(cli, office):
    sign_off = ("staffing", "sign-off", "--day", FRIDAY, "--staff", "kepala")
    for n in range(3):
        result, _ = cli(*sign_off, password=f"salah-{n}")
        assert result.code != 0 and "kata sandi salah" in result.err
    result, _ = cli(
        "staffing", "explain", "--day", FRIDAY, "--start", "08:00", "--reason", "sakit",
        "--staff", "kepala", password="salah-3", station="pc-lain",
    )  # fmt: skip
    assert "kata sandi salah" in result.err
    with pytest.raises(AccountLocked):
        auth.login("kepala", "salah-4")  # the fifth, from the admin app
    with pytest.raises(AccountLocked):
        auth.login("kepala", PASSWORD)
    paths = {e.detail["path"] for e in audit.list_audit(action="login_failed", actor="kepala")}
    assert paths == {secret_check.CLI_SIGN_OFF, secret_check.CLI_EXPLAIN, secret_check.ADMIN_LOGIN}


def test_the_handover_path_is_locked_like_sign_in(cli, office):
    staffing.sign_in(1, "ani", PINS["ani"], pc="loket-1")
    for n in range(5):
        result, _ = cli(
            "staffing", "handover", "--counter", "1", "--to", "budi", pin=f"00000{n}",
            station=f"pc-{n}",
        )  # fmt: skip
        assert result.code != 0
    result, _ = cli("staffing", "handover", "--counter", "1", "--to", "budi", pin=PINS["budi"])
    _one_line_lock(result)
    (lock,) = audit.list_audit(action="account_locked", actor="budi")
    assert (lock.detail["path"], lock.detail["pc"]) == (secret_check.CLI_HANDOVER, "pc-4")


def test_settings_allow_four_digit_pins_with_a_warning(cli, office):
    result, _ = cli("settings", "pin_min_digits=4", *AS_HEAD, password=PASSWORD)
    assert result.code == 0
    assert "pin_min_digits = 4" in result.out
    warning = result.err.strip()
    assert "kurang dari satu menit" in warning and "under a minute" in warning
    assert len(warning.splitlines()) == 1
    result, _ = cli("settings", "pin_min_digits=8", *AS_HEAD, password=PASSWORD)
    assert result.code == 0 and result.err.strip() == ""
    for bad in ("3", "13", "x"):
        result, _ = cli("settings", f"pin_min_digits={bad}", *AS_HEAD, password=PASSWORD)
        assert result.code != 0 and "4–12" in result.err
    eko = ("staff", "add", "eko", "--name", "Eko", "--role", "staff", "--pin", "1234567")
    result, _ = cli(*eko, *AS_HEAD, password=PASSWORD)
    assert result.code != 0 and "8–12" in result.err
