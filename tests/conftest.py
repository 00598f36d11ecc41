"""Shared fixtures: every service test runs on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from helpers.pins import allow_four_digit_pins
from helpers.postgres import PostgresServer, start_server
from helpers.settle import settle
from helpers.stubs import FakeClock

# Per-example deadlines measure the machine, not the code: a loaded CI box fails them at random.
settings.register_profile("loket", deadline=None)
settings.load_profile("loket")

BACKENDS = ("sqlite", "postgres")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    server = start_server()  # raises (the run fails) when PostgreSQL cannot start
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_template_url(pg_server: PostgresServer) -> str:
    from loket.models.db import open_database
    from loket.models.schema import migrate

    url = pg_server.create_database("loket_test")
    db = open_database(url)
    migrate()
    db.close()
    return url


def _truncate_all(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename <> 'schema_migration'"
            )
        ]
        if tables:
            conn.execute(
                "TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"
            )


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'loket.db'}"
    url: str = request.getfixturevalue("pg_template_url")
    _truncate_all(url)
    return url


@pytest.fixture
def db(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An open, migrated, empty database; yields its URL."""
    from loket.models.db import open_database
    from loket.models.queue.estimates import clear_cache
    from loket.models.schema import migrate

    monkeypatch.setenv("LOKET_DATA_DIR", str(tmp_path / "data"))
    clear_cache()
    database = open_database(db_url)
    migrate()
    # Most tests use 4-digit PINs ("1234"); the office allows them (the default of 6 digits
    # is tested on its own, see helpers/pins.py).
    allow_four_digit_pins()
    try:
        yield db_url
    finally:
        database.close()
        clear_cache()


@pytest.fixture(autouse=True)
def no_lockout_waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The per-PC wait after wrong PINs or passwords is recorded here, not slept, in this
    process (a `loket` subprocess still waits); the lockout tests read the list."""
    from loket.models.office import secret_check

    waits: list[float] = []
    monkeypatch.setattr(secret_check, "SLEEP", waits.append)
    return waits


@pytest.fixture(autouse=True)
def no_sender_outlives_its_test() -> Iterator[None]:
    """A notify sender an app started runs on its own thread against whatever database
    is open: one left running would claim the next test's messages (on its real clock,
    a fake clock's claims look stale) and send them again."""
    yield
    from loket.models.notify.sender import stop_all

    stop_all()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self) -> object:
        return json.loads(self.out)


@pytest.fixture
def loket(db: str, tmp_path: Path) -> Callable[..., CliResult]:
    """Run the real `loket` command in a subprocess against the test database; ``env``
    adds variables to this call only (a set-up command in an office with a head names
    its person with ``--as`` and reads the password from ``LOKET_PASSWORD``; an officer's
    PIN comes from ``LOKET_PIN``)."""
    base = dict(os.environ, LOKET_DATA_DIR=str(tmp_path / "cli-data"), LOKET_DB=db)
    for name in ("LOKET_PASSWORD", "LOKET_PIN"):  # never inherited from whoever runs the tests
        base.pop(name, None)

    def run(*args: str, env: dict[str, str] | None = None) -> CliResult:
        proc = subprocess.run(
            [sys.executable, "-m", "loket.models.cli", *args],
            env={**base, **(env or {})},
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        return CliResult(proc.returncode, proc.stdout, proc.stderr)

    return run


@pytest.fixture
def tap(qtbot: object) -> Callable[[object], None]:
    """A finger (or the mouse) on a visible, enabled widget, in every Qt app's tests.

    A check box or radio button reacts only on its box and its text, not on the empty rest of
    a row it is stretched across: the finger goes there, as a user's would.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QCheckBox, QRadioButton, QStyle, QStyleOptionButton

    def press(widget: object) -> None:
        assert widget.isVisible(), f"{widget.objectName()} is not on screen"  # type: ignore[attr-defined]
        assert widget.isEnabled(), f"{widget.objectName()} is disabled"  # type: ignore[attr-defined]
        pos = widget.rect().center()  # type: ignore[attr-defined]
        if isinstance(widget, QCheckBox | QRadioButton):
            option = QStyleOptionButton()
            widget.initStyleOption(option)
            element = (
                QStyle.SubElement.SE_CheckBoxClickRect
                if isinstance(widget, QCheckBox)
                else QStyle.SubElement.SE_RadioButtonClickRect
            )
            pos = widget.style().subElementRect(element, option, widget).center()
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)  # type: ignore[attr-defined]
        settle(qtbot, widget)

    return press
