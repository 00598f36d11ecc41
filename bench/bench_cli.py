"""`loket issue` as a whole process (start, parse, open the database, issue, print JSON).

.venv/bin/python bench/bench_cli.py [--runs 30]
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

LOKET = str(Path(sys.executable).with_name("loket"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, LOKET_DATA_DIR=folder)
        subprocess.run([LOKET, "init"], env=env, check=True, capture_output=True)
        subprocess.run([LOKET, "demo"], env=env, check=True, capture_output=True)
        walls = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(
                [LOKET, "issue", "A", "--json"], env=env, check=True, capture_output=True
            )
            walls.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare = (time.perf_counter() - t0) * 1000
    print(
        f"loket issue A --json, whole process, {runs} runs: p50 {percentile(walls, 50):.0f} ms  "
        f"p95 {percentile(walls, 95):.0f} ms  max {max(walls):.0f} ms  "
        f"(bare python start: {bare:.0f} ms; target < 300 ms)"
    )


if __name__ == "__main__":
    main()
