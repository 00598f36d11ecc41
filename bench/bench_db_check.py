"""Storage checks on a year-sized SQLite database (bench/generate_year.py: ~500,000
tickets, ~190 MB).

1. ``PRAGMA quick_check`` alone (what an app and ``loket init`` run at opening) and the
   full ``integrity_check`` (the three verify commands, ``loket db check``): warm page
   cache, and cold (the file's pages dropped from the cache with posix_fadvise, as after
   a reboot).
2. Kiosk start with the quick check: a fresh process up to the first interactive frame
   (target < 2 s), and until the background check has passed and writes are released.
3. ``loket db check --json`` and ``loket issue A`` as whole processes.

    .venv/bin/python bench/bench_db_check.py [--db PATH] [--starts 5] [--runs 3]

Without ``--db`` a year is generated in a temporary folder first (about half a minute).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_kiosk import child_starts
from common import percentile

HERE = Path(__file__).resolve().parent
LOKET = str(Path(sys.executable).with_name("loket"))


def drop_cache(path: Path) -> None:
    for each in (path, path.with_name(path.name + "-wal")):
        if each.exists():
            fd = os.open(each, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def time_checks(path: Path, runs: int) -> None:
    from loket.models.storage import run_check

    for full, name in ((False, "quick_check"), (True, "integrity_check")):
        for cold in (False, True):
            seconds = []
            for _ in range(runs):
                if cold:
                    drop_cache(path)
                t0 = time.perf_counter()
                problems = run_check(path, full=full)
                seconds.append(time.perf_counter() - t0)
                assert not problems, problems
            label = "cold cache" if cold else "warm cache"
            print(
                f"  {name:<16} {label}: median {percentile(seconds, 50):.2f} s, "
                f"max {max(seconds):.2f} s ({runs} runs)"
            )


def kiosk_starts(url: str, starts: int) -> None:
    runs = child_starts(url, starts)
    frames = [float(out[0]) for out in runs]
    rss = [float(out[1]) for out in runs]
    released = [float(out[2]) for out in runs]
    assert all(out[3] == "True" for out in runs), "the quick check refused a sound database"
    print(
        f"  kiosk start → first interactive frame: median {percentile(frames, 50):.2f} s, "
        f"max {max(frames):.2f} s (target < 2 s); resident memory {percentile(rss, 50):.0f} MB"
    )
    print(
        f"  kiosk start → quick check passed, writes released: median "
        f"{percentile(released, 50):.2f} s, max {max(released):.2f} s"
    )


def cli(args: list[str], env: dict[str, str], runs: int) -> float:
    walls = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([LOKET, *args], env=env, check=False, capture_output=True, timeout=600)
        walls.append(time.perf_counter() - t0)
    return percentile(walls, 50)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, help="a year-sized SQLite file (default: generate)")
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="loket-bench-dbcheck-"))
    os.environ["LOKET_DATA_DIR"] = str(folder / "data")
    path = args.db
    if path is None:
        path = folder / "year.db"
        print("generating a year …", flush=True)
        subprocess.run(
            [sys.executable, str(HERE / "generate_year.py"), f"sqlite:///{path}"],
            check=True,
            capture_output=True,
        )
    url = f"sqlite:///{path.resolve()}"
    print(f"{path} ({path.stat().st_size / 1024 / 1024:,.0f} MB):")
    time_checks(path, args.runs)
    kiosk_starts(url, args.starts)
    env = dict(os.environ, LOKET_DB=url)
    print(
        f"  loket db check --json (full):  median {cli(['db', 'check', '--json'], env, args.runs):.2f} s"
    )
    print(
        f"  loket db check --quick --json: median "
        f"{cli(['db', 'check', '--quick', '--json'], env, args.runs):.2f} s"
    )


if __name__ == "__main__":
    main()
