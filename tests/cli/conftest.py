"""The `loket` fixture of the CLI tests takes extra environment per call: a set-up
command in an office with a head names its person (``--as``) and reads the password
from ``LOKET_PASSWORD``; an officer's PIN comes from ``LOKET_PIN``."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult


@pytest.fixture
def loket(db: str, tmp_path: Path) -> Callable[..., CliResult]:
    """Run the real `loket` command in a subprocess against the test database; ``env``
    adds variables (e.g. ``{"LOKET_PASSWORD": …}``) to this call only."""
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
