"""The counter app for the layout check: every screen an officer reaches, and its dialogs.

Budi signs in at counter 1 through the sign-in screen (sari is at counter 2 from the seed),
calls and serves a visitor, looks at transfer, documents and handover, then asks for a break
after sari has left, which the staffing rules refuse: the reason screen. The PIN pad and the
sign-out question are shown non-modally over the desk.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpers.settle import settle
from helpers.stubs import ScriptedDialogs
from layout.seed import PINS
from layout.walkers import LayoutEnv, Visit, use_desktop_large_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

APP = "counter"
PORTRAIT = False
LARGE_TEXT = True
SCREENS = (
    "sign_in",
    "desk_idle",
    "desk_serving",
    "transfer",
    "documents",
    "handover",
    "reason",
    "pin_dialog",
    "confirm_dialog",
)


def open_window(env: LayoutEnv) -> QWidget:
    from loket.admin.counter.window import CounterWindow

    use_desktop_large_text(env)
    return CounterWindow(
        clock=env.clock,  # type: ignore[arg-type]
        printer=f"pdf://{env.tmp_path / 'pdf'}",
        dialogs=ScriptedDialogs(),
        use_feed=False,
        heartbeat_ms=3_600_000,
    )


def _tap(env: LayoutEnv, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    env.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    settle(env.qtbot, widget)
    env.qtbot.wait(30)  # type: ignore[attr-defined]


def walk(window: QWidget, env: LayoutEnv) -> Iterator[Visit]:
    from loket.kiosk.shell.dialogs import PinDialog, confirm_box
    from loket.kiosk.shell.i18n import pick
    from loket.models.queue.calling import finish
    from loket.models.staffing.counter_actions import sign_out

    counter = window  # a CounterWindow
    settle(env.qtbot, counter)
    screen = counter.sign_in_screen  # type: ignore[attr-defined]
    yield Visit("sign_in", [counter])

    screen.choose("budi", 1)
    for digit in PINS["budi"]:
        _tap(env, screen.pad.keys[digit])
    _tap(env, screen.sign_in_button)
    desk = counter.desk  # type: ignore[attr-defined]
    assert counter.current_screen() is desk, counter.notice.text()  # type: ignore[attr-defined]
    yield Visit("desk_idle", [counter])

    _tap(env, desk.buttons["call_next"])
    _tap(env, desk.buttons["start"])
    assert desk.ticket is not None
    yield Visit("desk_serving", [counter])

    _tap(env, desk.buttons["transfer"])
    assert counter.current_screen() is counter.transfer  # type: ignore[attr-defined]
    yield Visit("transfer", [counter])
    _tap(env, counter.transfer.back_button)  # type: ignore[attr-defined]
    _tap(env, desk.buttons["finish"])

    _tap(env, desk.buttons["documents"])
    assert counter.current_screen() is counter.documents  # type: ignore[attr-defined]
    yield Visit("documents", [counter])
    _tap(env, counter.documents.back_button)  # type: ignore[attr-defined]

    _tap(env, desk.buttons["handover"])
    assert counter.current_screen() is counter.handover  # type: ignore[attr-defined]
    yield Visit("handover", [counter])
    _tap(env, counter.handover.back_button)  # type: ignore[attr-defined]

    # Sari leaves counter 2: budi's break would leave the front desk empty.
    finish(2, clock=env.clock)  # type: ignore[arg-type]
    sign_out(2, clock=env.clock)  # type: ignore[arg-type]
    _tap(env, desk.buttons["break"])
    assert counter.current_screen() is counter.reason  # type: ignore[attr-defined]
    yield Visit("reason", [counter])
    _tap(env, counter.reason.back_button)  # type: ignore[attr-defined]

    pin = PinDialog(pick("PIN petugas", "Officer's PIN"), counter)
    pin.setModal(False)
    pin.show()
    env.qtbot.waitExposed(pin)  # type: ignore[attr-defined]
    yield Visit("pin_dialog", [counter, pin])
    pin.close()

    box = confirm_box(
        counter,
        pick("Keluar dari loket", "Sign out"),
        pick("Keluar dari loket 1?", "Sign out of counter 1?"),
    )
    box.setModal(False)
    box.show()
    env.qtbot.waitExposed(box)  # type: ignore[attr-defined]
    yield Visit("confirm_dialog", [counter, box])
    box.close()
