"""`loket demo` with a screen: the kiosk, the board, a counter app and the admin console
tiled over the screen (a quarter each), or one per screen when there are enough.

Each app runs in its own process over the same demo database, exactly as on the
office's PCs; closing any of them (or Ctrl+C here) closes them all.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time

_APPS: tuple[tuple[str, str, list[str]], ...] = (
    ("kiosk", "loket.kiosk.ticketing.main", ["--windowed"]),
    ("board", "loket.kiosk.board.main", ["--windowed"]),
    ("counter", "loket.admin.counter.main", []),
    ("admin", "loket.admin.console.main", []),
)


def _installed(module: str) -> bool:
    # find_spec, not import: the CLI never loads Qt code into its own process.
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def run_demo_apps(url: str) -> int:
    procs: list[subprocess.Popen[bytes]] = []
    apps = [(name, module, extra) for name, module, extra in _APPS if _installed(module)]
    for index, (name, module, extra) in enumerate(apps):
        print(f"membuka / opening {name}…", file=sys.stderr)
        # Each app places itself (the CLI never loads Qt): a quarter of the screen each,
        # or a screen each when the PC has enough of them.
        tile = ["--tile", f"{index}/{len(apps)}"]
        procs.append(subprocess.Popen([sys.executable, "-m", module, "--db", url, *extra, *tile]))
    if not procs:
        print("Aplikasi belum terpasang / no apps installed yet", file=sys.stderr)
        return 1
    print(
        "Tutup salah satu jendela atau tekan Ctrl+C untuk selesai / "
        "close any window or press Ctrl+C to stop",
        file=sys.stderr,
    )
    try:
        while all(p.poll() is None for p in procs):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        for p in procs:
            if p.poll() is None:
                p.terminate()
        for p in procs:
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                p.kill()
    return 0
