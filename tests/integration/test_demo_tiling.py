"""`loket demo --apps yes` on a real (virtual) X screen: four windows, a quarter each."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

TITLES = ("Loket Kiosk", "Papan Antrian", "Loket Counter", "Admin")
_WINDOW = re.compile(r'^\s+0x[0-9a-f]+ "(?P<title>[^"]*)": \(.*\)\s+(\d+)x(\d+)\+(-?\d+)\+(-?\d+)')


@pytest.fixture
def x_screen() -> Iterator[str]:
    """A 1920×1080 Xvfb screen; its DISPLAY value."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not start"
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _windows(display: str) -> dict[str, tuple[int, int, int, int]]:
    tree = subprocess.run(
        ["xwininfo", "-root", "-children"],
        env=dict(os.environ, DISPLAY=display),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found: dict[str, tuple[int, int, int, int]] = {}
    for line in tree.splitlines():
        match = _WINDOW.match(line)
        if not match or "main.py" not in line:
            continue  # only the apps' own top-level windows carry their class "main.py"
        width, height, x, y = (int(v) for v in match.groups()[1:])
        for title in TITLES:
            if title in match["title"] and width > 1:
                found[title] = (x, y, width, height)
    return found


def test_demo_apps_tile_the_four_windows_over_one_screen(x_screen: str, tmp_path: Path) -> None:
    env = dict(
        os.environ,
        DISPLAY=x_screen,
        QT_QPA_PLATFORM="xcb",
        LOKET_DATA_DIR=str(tmp_path / "data"),
        LOKET_DB=f"sqlite:///{tmp_path / 'demo.db'}",
    )
    loket = [sys.executable, "-m", "loket.models.cli"]
    subprocess.run([*loket, "init"], env=env, check=True, capture_output=True)
    demo = subprocess.Popen(
        [*loket, "demo", "--apps", "yes"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        windows: dict[str, tuple[int, int, int, int]] = {}
        while time.monotonic() < deadline and len(windows) < len(TITLES):
            assert demo.poll() is None, demo.stderr.read().decode() if demo.stderr else ""
            time.sleep(0.5)
            windows = _windows(x_screen)
        assert sorted(windows) == sorted(TITLES), f"windows on screen: {windows}"
        # Each app's window starts at the corner of its own quarter, in the order listed.
        corners = [windows[title][:2] for title in TITLES]
        assert corners == [(0, 0), (960, 0), (0, 540), (960, 540)], windows
    finally:
        os.killpg(demo.pid, signal.SIGINT)
        try:
            demo.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(demo.pid, signal.SIGKILL)
            demo.wait()


@pytest.mark.parametrize("tile", ["5/4", "a/b", "1", "-1/4"])
def test_a_mistyped_tile_is_refused_with_usage(
    tile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from loket.admin.counter.main import PROGRAM

    with pytest.raises(SystemExit) as stopped:
        PROGRAM.launch(["--tile", tile])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert "usage:" in error and "--tile" in error and "I/N" in error


def test_tile_cells_cover_the_screen_without_overlap() -> None:
    from PySide6.QtCore import QRect

    from loket.kiosk.shell.tiling import tile_rect

    area = QRect(0, 30, 1366, 738)  # a taskbar on top
    cells = [tile_rect(area, index, 4) for index in range(4)]
    assert all(area.contains(cell) for cell in cells)
    assert not any(a.intersects(b) for i, a in enumerate(cells) for b in cells[i + 1 :])
    assert sum(cell.width() * cell.height() for cell in cells) == 683 * 369 * 4
