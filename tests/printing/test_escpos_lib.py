"""python-escpos (still used for USB printers) loads from Loket's cache folder: no new
folder in the temp directory per process, no YAML parse after the first, no logging
set up behind the program's back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from loket.printing import escpos_lib

LOAD = """
import logging, sys, time
from pathlib import Path
from loket.printing import escpos_lib
escpos_lib.use_cache_folder(Path(sys.argv[1]))
escpos_lib.load()
from escpos.printer import Dummy
printer = Dummy()
printer.text("ok")
assert printer.output.endswith(b"ok"), printer.output
print(len(logging.getLogger().handlers))
"""


def _load_in_a_process(cache: Path, temp: Path) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", LOAD, str(cache)],
        env=dict(os.environ, TMPDIR=str(temp)),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return proc.stdout.strip()


def test_capabilities_are_cached_and_nothing_is_left_in_tmp(tmp_path: Path) -> None:
    cache, temp = tmp_path / "cache", tmp_path / "tmp"
    temp.mkdir()
    assert _load_in_a_process(cache, temp) == "0"  # escpos's basicConfig() did nothing
    [pickled] = cache.glob("*.capabilities.pickle")
    written = pickled.stat().st_mtime_ns
    assert _load_in_a_process(cache, temp) == "0"
    assert pickled.stat().st_mtime_ns == written  # the second process only read it
    assert list(temp.iterdir()) == []
    assert [p.name for p in cache.iterdir()] == [pickled.name]  # no half-written leftovers


def test_a_stale_pickle_is_rewritten(tmp_path: Path) -> None:
    target = escpos_lib.prepare_pickle(tmp_path)
    old = escpos_lib.capabilities_file().stat().st_mtime - 10
    os.utime(target, (old, old))
    assert escpos_lib.prepare_pickle(tmp_path) == target
    assert target.stat().st_mtime > old
