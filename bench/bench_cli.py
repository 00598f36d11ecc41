"""The `loket` command as a whole process (start, parse, open the database, work, print JSON).

Cases: ``issue A``, ``ticket A-001`` (look a ticket up), ``print ticket A-001`` on a
simulated network printer (tests/helpers/sim_printer.py) and as a PDF copy. The issue asks
``print ticket`` to stay within 2× of ``ticket``; the ratio is printed.

The commands run as an installed Loket does: with Python's bytecode cache, even when this
shell sets PYTHONDONTWRITEBYTECODE (every module would be compiled from source on every
run, which no installation does). ``--no-bytecode`` keeps the variable.

.venv/bin/python bench/bench_cli.py [--runs 30] [--case NAME ...] [--no-bytecode]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import percentile
from helpers.sim_printer import SimPrinter

LOKET = str(Path(sys.executable).with_name("loket"))
CASES = ("issue", "ticket", "print-net", "print-pdf")
LABELS = {
    "issue": "issue A",
    "ticket": "ticket A-001",
    "print-net": "print ticket (network)",
    "print-pdf": "print ticket (PDF copy)",
}


def _command(case: str, printer: str) -> list[str]:
    return {
        "issue": ["issue", "A", "--json"],
        "ticket": ["ticket", "A-001", "--json"],
        "print-net": ["print", "ticket", "A-001", "--printer", printer, "--json"],
        "print-pdf": ["print", "ticket", "A-001", "--json"],
    }[case]


def _walls(command: list[str], env: dict[str, str], runs: int) -> list[float]:
    walls = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([LOKET, *command], env=env, check=True, capture_output=True)
        walls.append((time.perf_counter() - t0) * 1000)
    return walls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="runs per case (default 30)")
    parser.add_argument("--case", action="append", choices=CASES, help="default: every case")
    parser.add_argument(
        "--no-bytecode", action="store_true", help="keep PYTHONDONTWRITEBYTECODE if it is set"
    )
    options = parser.parse_args()
    cases = options.case or list(CASES)
    p50: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder, SimPrinter() as printer:
        env = dict(os.environ, LOKET_DATA_DIR=folder)
        env.pop("LOKET_DB", None)
        env.pop("LOKET_PRINTER", None)
        if not options.no_bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run([LOKET, "init"], env=env, check=True, capture_output=True)
        subprocess.run([LOKET, "demo"], env=env, check=True, capture_output=True)
        subprocess.run([LOKET, "issue", "A"], env=env, check=True, capture_output=True)
        commands = {case: _command(case, printer.uri) for case in cases}
        for command in commands.values():
            _walls(command, env, 2)  # caches (.pyc, the page cache) warm
        # Round by round, every case once per round: a machine that gets busier or quieter
        # during the run shifts every case alike, not the last one measured.
        walls: dict[str, list[float]] = {case: [] for case in cases}
        for _ in range(options.runs):
            for case, command in commands.items():
                walls[case] += _walls(command, env, 1)
        for case in cases:
            p50[case] = percentile(walls[case], 50)
            print(
                f"loket {LABELS[case]:<24} {options.runs} runs: "
                f"p50 {p50[case]:4.0f} ms  p95 {percentile(walls[case], 95):4.0f} ms  "
                f"min {min(walls[case]):4.0f} ms"
            )
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare = (time.perf_counter() - t0) * 1000
    print(f"(bare python start: {bare:.0f} ms; issue target < 300 ms)")
    for case in ("print-net", "print-pdf"):
        if case in p50 and "ticket" in p50:
            print(f"{case} / ticket: {p50[case] / p50['ticket']:.2f}× (target ≤ 2×)")


if __name__ == "__main__":
    main()
