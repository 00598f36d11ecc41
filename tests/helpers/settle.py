"""Waiting for the database work a tap or key press started on an app's worker thread."""

from __future__ import annotations


def settle(qtbot: object, widget: object, timeout: int = 20_000) -> None:
    """Wait until every action runner of ``widget``'s window is idle, so the action's
    result is on screen (the apps never do database work on the GUI thread)."""
    from loket.kiosk.shell.actions import ActionRunner

    window = widget.window()  # type: ignore[attr-defined]
    runners = window.findChildren(ActionRunner)
    qtbot.waitUntil(lambda: not any(r.busy for r in runners), timeout=timeout)  # type: ignore[attr-defined]
