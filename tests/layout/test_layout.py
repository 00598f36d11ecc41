"""Every screen of every app fits every supported display, in both languages and text modes.

One test per app × display × language × text mode walks the app (``walk_<app>.py``) and
fails listing every layout problem of every screen. The 3840×2160 display at scale 2 runs in
a child process per app (Qt fixes the device pixel ratio when it starts): see harness.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.stubs import FakeClock
from layout.harness import SCALE_CHILD, SCALED, Case, cases, run_case, scale_env, walker_modules
from layout.walkers import LayoutEnv

WALKERS, BROKEN = walker_modules()
IN_CHILD = os.environ.get(SCALE_CHILD) == "1"
CASES = cases(WALKERS, scaled=IN_CHILD)
ROOT = Path(__file__).resolve().parents[2]
CHILD_PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--tb=short"]


def check_case(case: Case, db: str, clock: FakeClock, qtbot: object, tmp_path: Path) -> None:
    """Walk one case on ``db``, which already holds ``seed.seed_office`` at ``clock``'s time."""
    walker = WALKERS[case.app]
    env = LayoutEnv(
        qtbot=qtbot,
        db_url=db,
        tmp_path=tmp_path,
        clock=clock,
        language=case.language,
        large_text=case.mode.large_text,
        high_contrast=case.mode.high_contrast,
        display=case.display,
    )
    outcome = run_case(walker, case, env)
    failures = list(outcome.problems)
    if outcome.visited != list(walker.SCREENS):
        failures.insert(0, f"walked {outcome.visited}, expected the screens {list(walker.SCREENS)}")
    assert not failures, f"{case.id}: {len(failures)} problem(s)\n" + "\n".join(failures)


if BROKEN:

    @pytest.mark.parametrize("name", sorted(BROKEN))
    def test_walker_imports(name: str) -> None:
        pytest.fail(f"{name} cannot be imported, so its app is not checked:\n{BROKEN[name]}")


if CASES:

    @pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
    def test_every_screen_fits(
        case: Case, office_db: str, clock: FakeClock, qtbot: object, tmp_path: Path
    ) -> None:
        check_case(case, office_db, clock, qtbot, tmp_path)


SCALED_APPS = (
    [] if IN_CHILD else [app for app in WALKERS if cases({app: WALKERS[app]}, scaled=True)]
)

if SCALED_APPS:

    @pytest.mark.parametrize("app", SCALED_APPS)
    def test_every_screen_fits_at_scale_2(app: str, tmp_path: Path) -> None:
        """The same walk on a 3840×2160 screen at scale 2, in a process started at that scale."""
        proc = subprocess.run(
            [*CHILD_PYTEST, str(Path(__file__)), "-k", f"test_every_screen_fits and {app}-"],
            cwd=ROOT,
            env=scale_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        out = proc.stdout + proc.stderr
        assert proc.returncode == 0, f"{app} at {SCALED.name}:\n{out[-20000:]}"
        assert " passed" in out and "skipped" not in out, out[-3000:]


def test_cases_cover_every_display_language_and_text_mode() -> None:
    from types import SimpleNamespace

    kiosk = SimpleNamespace(APP="kiosk", PORTRAIT=True, LARGE_TEXT=True)
    admin = SimpleNamespace(APP="admin", PORTRAIT=False, LARGE_TEXT=True)
    board = SimpleNamespace(APP="board", PORTRAIT=True, LARGE_TEXT=False)
    walkers = {"kiosk": kiosk, "admin": admin, "board": board}
    here = cases(walkers, scaled=False)  # type: ignore[arg-type]
    child = cases(walkers, scaled=True)  # type: ignore[arg-type]
    ids = {case.id for case in here}
    assert "kiosk-768x1366-en-large-contrast" in ids and "board-1080x1920-id-normal" in ids
    assert not any(i.startswith("admin-1080x1920") or i.startswith("admin-768x1366") for i in ids)
    assert not any(i.startswith("board") and "large" in i for i in ids)
    assert not any("admin" in i and "contrast" in i for i in ids)
    assert len(here) == 6 * 2 * 3 + 4 * 2 * 2 + 6 * 2 * 1
    assert {case.id for case in child} == {
        f"{app}-3840x2160@2-{lang}-{mode}"
        for app, modes in (
            ("kiosk", ("normal", "large", "large-contrast")),
            ("admin", ("normal", "large")),
            ("board", ("normal",)),
        )
        for lang in ("id", "en")
        for mode in modes
    }
