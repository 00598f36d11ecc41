from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self) -> object:
        return json.loads(self.out)


@pytest.fixture
def loket(db: str, tmp_path: Path) -> Callable[..., CliResult]:
    """Run the real `loket` command in a subprocess against the test database."""
    env = dict(os.environ, LOKET_DATA_DIR=str(tmp_path / "cli-data"), LOKET_DB=db)

    def run(*args: str) -> CliResult:
        proc = subprocess.run(
            [sys.executable, "-m", "loket.models.cli", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        return CliResult(proc.returncode, proc.stdout, proc.stderr)

    return run
