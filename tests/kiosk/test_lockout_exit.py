"""The kiosk's hidden admin exit under the shared lockout: five wrong PINs lock the admin
accounts; the sixth, right, PIN is refused with one line saying until when; the check
and its wait after failures run on the kiosk's worker, so the screen keeps answering."""

from __future__ import annotations

import itertools
import threading
import time

from helpers.settle import settle
from PySide6.QtCore import Qt, QTimer

from loket.models.office import audit, auth, secret_check


def test_the_sixth_admin_pin_is_refused_with_the_lock_and_the_kiosk_keeps_running(
    qtbot, make_kiosk, dialogs, monkeypatch
):
    kiosk = make_kiosk(hold_ms=150)
    corner = kiosk.office_name

    def long_press() -> None:
        asked = len(dialogs.shown)
        qtbot.mousePress(corner, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(dialogs.shown) > asked, timeout=10_000)
        qtbot.mouseRelease(corner, Qt.MouseButton.LeftButton)

    dialogs.pins.extend(["0000", "0001", "0002", "0003", "0004"])
    for _ in range(5):
        long_press()
        settle(qtbot, kiosk)
    texts = dialogs.texts()
    assert sum("PIN salah" in t for t in texts) == 4
    assert "terkunci sampai" in texts[-1]
    assert kiosk.current_screen() is kiosk.home

    waited_on: list[threading.Thread] = []

    def wait(seconds: float) -> None:
        waited_on.append(threading.current_thread())
        time.sleep(0.6)

    monkeypatch.setattr(secret_check, "SLEEP", wait)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    dialogs.pins.append("2468")  # the admin's right PIN
    started = time.monotonic()
    long_press()
    settle(qtbot, kiosk)
    timer.stop()

    assert waited_on and all(t is not threading.main_thread() for t in waited_on)
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert ticks and max(gaps) < 0.3, max(gaps)  # the GUI thread never stalled
    assert len([t for t in ticks if t > started]) >= 10
    title, text = dialogs.shown[-1][1:]
    assert title == "PIN belum diperiksa"
    assert text.startswith("Terlalu sering salah: pintu admin kios ini terkunci sampai ")
    assert "\n" not in text
    assert kiosk.current_screen() is kiosk.home  # not the admin menu
    # The failures are audited under the kiosk's path.
    failed = audit.list_audit(action="login_failed")
    assert {e.target for e in failed} == {f"kiosk@{secret_check.station_name()}"}
    assert len(failed) == 5 and {e.detail["path"] for e in failed} == {secret_check.KIOSK_EXIT}
    assert auth.lock_state("admin") is None  # the kiosk's exit is locked, not the admin
