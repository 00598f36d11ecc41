"""Runs a walker over one display, language and text mode; shared by the test and the screens.

A *case* is app × display × language × text mode. The harness opens the app's window in the
case's language and text size, gives it the display's logical size, walks every screen and
runs :func:`helpers.layout_check.layout_problems` on each. With ``$LOKET_SCREENS_DIR`` set it
also saves a PNG of every screen and a JSON record per case for ``contact_sheet.py``.

The 3840×2160 display at scale 2 cannot be had inside a running Qt process (the device pixel
ratio is fixed when the platform starts), so its cases run in a child process started with
``QT_SCALE_FACTOR=2`` on an offscreen screen of 3840×2160 device pixels (see
:func:`scale_env`); the harness there checks that the window really has a ratio of 2.
"""

from __future__ import annotations

import importlib
import json
import os
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from helpers.layout_check import layout_problems
from helpers.windows import size_problem
from layout.walkers import DISPLAYS, Display, LayoutEnv, Visit
from PySide6.QtCore import QEvent, QPoint, QRect
from PySide6.QtGui import QFont, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

HERE = Path(__file__).resolve().parent
LANGUAGES = ("id", "en")
SCREENS_DIR = "LOKET_SCREENS_DIR"  # where PNGs and case records go; unset: none are written
SCALE_CHILD = "LOKET_LAYOUT_SCALE_CHILD"  # set in the scale-2 child process
LARGE_FONT = 1.25
THUMB_WIDTH = 360
SCALED = next(display for display in DISPLAYS if display.scale != 1.0)


@dataclass(frozen=True)
class Mode:
    name: str
    large_text: bool = False
    high_contrast: bool = False


NORMAL = Mode("normal")
LARGE = Mode("large", large_text=True)
LARGE_CONTRAST = Mode("large-contrast", large_text=True, high_contrast=True)
MODES = tuple(mode.name for mode in (NORMAL, LARGE, LARGE_CONTRAST))


@dataclass(frozen=True)
class Case:
    app: str
    display: Display
    language: str
    mode: Mode

    @property
    def id(self) -> str:
        return f"{self.app}-{self.display.name}-{self.language}-{self.mode.name}"


def walker_modules() -> tuple[dict[str, ModuleType], dict[str, str]]:
    """Every ``walk_*.py`` beside this file by app name, and those that fail to import."""
    found: dict[str, ModuleType] = {}
    broken: dict[str, str] = {}
    for path in sorted(HERE.glob("walk_*.py")):
        try:
            module = importlib.import_module(f"layout.{path.stem}")
        except Exception:
            broken[path.name] = traceback.format_exc()
            continue
        found[module.APP] = module
    out = screens_dir()
    if out is not None and broken:
        out.mkdir(parents=True, exist_ok=True)
        (out / "broken-walkers.json").write_text(json.dumps(broken, indent=1))
    return found, broken


def modes(walker: ModuleType) -> list[Mode]:
    found = [NORMAL]
    if walker.LARGE_TEXT:
        found.append(LARGE)
        if walker.APP == "kiosk":
            found.append(LARGE_CONTRAST)
    return found


def displays(walker: ModuleType) -> list[Display]:
    return [display for display in DISPLAYS if walker.PORTRAIT or not display.portrait]


def cases(walkers: dict[str, ModuleType], *, scaled: bool) -> list[Case]:
    """The cases of one process: the scale-1 displays, or (in the child) only the scale-2 one."""
    return [
        Case(app, display, language, mode)
        for app, walker in walkers.items()
        for display in displays(walker)
        if (display.scale != 1.0) == scaled
        for language in LANGUAGES
        for mode in modes(walker)
    ]


def scale_env(config_dir: Path) -> dict[str, str]:
    """Environment for a child process whose only screen is 3840×2160 device pixels at scale 2."""
    config = config_dir / "offscreen-3840x2160.json"
    screen = {
        "name": "uhd",
        "x": 0,
        "y": 0,
        "width": SCALED.width,
        "height": SCALED.height,
        "logicalDpi": 96,
        "logicalBaseDpi": 96,
        "dpr": 1,
    }
    config.write_text(json.dumps({"screens": [screen]}))
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        QT_SCALE_FACTOR=f"{SCALED.scale:g}",
        QT_ENABLE_HIGHDPI_SCALING="1",
        **{SCALE_CHILD: "1"},
    )
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    return env


def _ensure_large_font(app: QApplication, default: QFont, walker: ModuleType) -> str | None:
    """Make the application font 1.25× ``default`` (unless the walker already did)."""
    now = app.font()
    base = default.pointSizeF() if default.pointSizeF() > 0 else float(default.pixelSize())
    got = now.pointSizeF() if now.pointSizeF() > 0 else float(now.pixelSize())
    if abs(got - base * LARGE_FONT) < 0.3:
        return None
    if abs(got - base) < 0.01:
        large = QFont(default)
        if default.pointSizeF() > 0:
            large.setPointSizeF(base * LARGE_FONT)
        else:
            large.setPixelSize(round(base * LARGE_FONT))
        QApplication.setFont(large)
        return None
    return (
        f"walk_{walker.APP}: the application font is {got:g}, expected {base * LARGE_FONT:g} "
        f"(1.25× {base:g}) for large text"
    )


def _problems(visit: Visit, display: tuple[int, int]) -> list[str]:
    return list(dict.fromkeys(layout_problems(visit.widgets, kiosk=visit.kiosk, display=display)))


def settle_layout() -> None:
    """Let pending layout requests and resizes land: a person looks at a settled screen."""
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


@dataclass
class Outcome:
    visited: list[str]
    problems: list[str]


def run_case(walker: ModuleType, case: Case, env: LayoutEnv) -> Outcome:
    """Open, size, show and walk the window; every layout problem, prefixed by its screen."""
    from loket.kiosk.shell.i18n import set_language

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    qtbot = env.qtbot
    from loket.kiosk.shell.app import DEFAULT_POINT_SIZE

    default_font = QFont(app.font())
    # The programs start with create_app's readable font, not the test QApplication's 9 pt:
    # large text is 1.25× what an office really sees.
    product_font = QFont(default_font)
    product_font.setPointSize(max(default_font.pointSize(), DEFAULT_POINT_SIZE))
    QApplication.setFont(product_font)
    set_language(app, case.language)
    problems: list[str] = []
    visited: list[str] = []
    record: list[dict[str, object]] = []
    window: QWidget | None = None
    error = ""
    opening = 0  # how many problems were found before the first screen
    try:
        window = walker.open_window(env)
        if case.mode.large_text and walker.APP != "kiosk":
            wrong = _ensure_large_font(app, product_font, walker)
            if wrong:
                problems.append(wrong)
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        width, height = case.display.logical
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)  # type: ignore[attr-defined]
        grown = size_problem(window, width, height)
        if grown:
            problems.append(f"[open] {grown}")
        if case.display.scale != 1.0 and window.devicePixelRatio() != case.display.scale:
            problems.append(
                f"[open] the window's device pixel ratio is {window.devicePixelRatio():g}, "
                f"not {case.display.scale:g}: this run does not show scale {case.display.scale:g}"
            )
        opening = len(problems)
        for visit in walker.walk(window, env):
            visited.append(visit.screen)
            settle_layout()
            found = _problems(visit, (width, height))
            if found:
                # A reply from a worker (a print outcome) can land mid-check and leave one
                # layout pass pending; judge what stays on screen, not a frame in between.
                QTest.qWait(150)
                settle_layout()
                found = _problems(visit, (width, height))
            problems += [f"[{visit.screen}] {line}" for line in found]
            shot = _save_screen(case, visit, window)
            if shot is not None:
                record.append({"screen": visit.screen, **shot, "problems": found})
    except BaseException as exc:
        error = f"{type(exc).__name__}: {exc}"
        raise
    finally:
        if window is not None:
            close = getattr(walker, "close_window", None)
            if close is not None:
                close(window, env)
            elif hasattr(window, "leave"):
                window.leave()
            else:
                window.close()
        QApplication.setFont(default_font)
        set_language(app, "id")
        _save_record(case, walker, visited, record, error, problems[:opening])
    return Outcome(visited, problems)


# ---------------------------------------------------------------- screenshots


def screens_dir() -> Path | None:
    where = os.environ.get(SCREENS_DIR)
    return Path(where) if where else None


def _save_screen(case: Case, visit: Visit, window: QWidget) -> dict[str, str] | None:
    out = screens_dir()
    if out is None:
        return None
    image = compose(window, [w for w in visit.widgets if w is not window])
    folder = out / case.app / visit.screen
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{case.display.name}-{case.language}-{case.mode.name}"
    image.save(str(folder / f"{stem}.png"))
    thumb_width = THUMB_WIDTH if not case.display.portrait else THUMB_WIDTH // 2
    thumb = image.scaledToWidth(thumb_width * 2)  # sharp on a high-density reviewer's screen
    thumb.save(str(folder / f"{stem}.thumb.png"))
    return {
        "png": f"{case.app}/{visit.screen}/{stem}.png",
        "thumb": f"{case.app}/{visit.screen}/{stem}.thumb.png",
    }


def compose(window: QWidget, dialogs: list[QWidget]) -> QImage:
    """The window with its dialogs drawn where they stand over it, at device resolution."""
    base = window.grab().toImage()
    ratio = base.devicePixelRatio()
    origin = window.mapToGlobal(QPoint(0, 0))
    area = QRect(0, 0, window.width(), window.height())
    placed: list[tuple[QImage, QPoint]] = []
    for dialog in dialogs:
        if not dialog.isVisible():
            continue
        at = dialog.mapToGlobal(QPoint(0, 0)) - origin
        if not area.contains(QRect(at, dialog.size())):
            # Offscreen placement is arbitrary: centre it over the window as a desktop would.
            at = QPoint(
                (window.width() - dialog.width()) // 2, (window.height() - dialog.height()) // 2
            )
        placed.append((dialog.grab().toImage(), at))
        area = area.united(QRect(at, dialog.size()))
    canvas = QImage(
        round(area.width() * ratio), round(area.height() * ratio), QImage.Format.Format_RGB32
    )
    canvas.setDevicePixelRatio(ratio)
    canvas.fill(0x606060)
    painter = QPainter(canvas)
    painter.drawImage(QPoint(-area.left(), -area.top()), base)
    for image, at in placed:
        painter.fillRect(
            QRect(at - area.topLeft() + QPoint(4, 4), image.deviceIndependentSize().toSize()),
            0x303030,
        )
        painter.drawImage(at - area.topLeft(), image)
    painter.end()
    return canvas


def _save_record(
    case: Case,
    walker: ModuleType,
    visited: list[str],
    shots: list[dict[str, object]],
    error: str,
    opening: list[str],
) -> None:
    out = screens_dir()
    if out is None:
        return
    folder = out / "cases"
    folder.mkdir(parents=True, exist_ok=True)
    record = {
        "app": case.app,
        "display": case.display.name,
        "portrait": case.display.portrait,
        "language": case.language,
        "mode": case.mode.name,
        "screens": list(walker.SCREENS),
        "complete": visited == list(walker.SCREENS),
        "visited": visited,
        "error": error,
        "opening": opening,
        "visits": shots,
    }
    (folder / f"{case.id}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1))
