"""Show a test window at the size the test claims, or fail saying why.

Qt never refuses a size: a window whose layout needs more is silently enlarged, and every
test then runs at a size nobody chose. These helpers make that a loud failure instead.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

# The screen most Indonesian offices buy (a 1366×768 monitor or touch panel): every app test
# runs there. tests/layout checks every other supported size.
WINDOW_WIDTH, WINDOW_HEIGHT = 1366, 768


def size_problem(window: QWidget, width: int, height: int) -> str | None:
    """Why ``window`` is not ``width``×``height``, or None when it is."""
    got = window.size()
    if (got.width(), got.height()) == (width, height):
        return None
    need = window.minimumSizeHint().expandedTo(window.minimumSize())
    return (
        f"{type(window).__name__} was asked for {width}×{height} px but Qt made it "
        f"{got.width()}×{got.height()} (its layout needs at least {need.width()}×{need.height()}): "
        "the test would run at a size it does not claim"
    )


def show_at_size(qtbot: object, window: QWidget, width: int, height: int) -> None:
    """Resize, show and wait for ``window``; fail loudly if Qt would not give it that size."""
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)  # type: ignore[attr-defined]
    problem = size_problem(window, width, height)
    assert problem is None, problem
