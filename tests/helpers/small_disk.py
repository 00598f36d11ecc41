"""A real, small filesystem (a 2 MB tmpfs) for the full-disk tests.

Mounting needs root; the tests run as root here and in CI. Anything else fails the test
loudly (never a skip): a full-disk test that silently does not run proves nothing.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def small_disk(mount_point: Path, size: str = "2m", owner: str | None = None) -> Iterator[Path]:
    """Mount a tmpfs of ``size`` on ``mount_point`` (made if missing) for the block."""
    assert os.geteuid() == 0, (
        "the full-disk tests mount a small tmpfs and need root (as in CI): run them as root"
    )
    mount_point.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"cannot mount a tmpfs on {mount_point}: {done.stderr.strip()}"
    try:
        if owner is not None:
            subprocess.run(["chown", owner, str(mount_point)], check=True)
        yield mount_point
    finally:
        subprocess.run(["umount", "--lazy", str(mount_point)], check=False)


def fill(folder: Path, leave: int = 0, name: str = "filler") -> Path:
    """Write a filler file in ``folder`` until at most ``leave`` bytes are left free."""
    path = folder / name
    chunk = b"\0" * 4096
    with open(path, "ab", buffering=0) as handle:
        try:
            while free_bytes(folder) > leave:
                handle.write(chunk[: max(1, min(len(chunk), free_bytes(folder) - leave))])
        except OSError:  # ENOSPC: full
            pass
    return path


def free_bytes(folder: Path) -> int:
    stats = os.statvfs(folder)
    return stats.f_bavail * stats.f_frsize
