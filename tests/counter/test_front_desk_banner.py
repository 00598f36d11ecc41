"""The banner when the front desk is uncovered, fed by the change feed from another
process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from loket.models.staffing import counter_actions as staffing

WORKER = Path(__file__).with_name("staffing_worker.py")


def test_banner_appears_when_another_process_signs_out_the_last_front_desk_officer(
    signed_in, qtbot, clock, pins, office
):
    staffing.sign_in(1, "sari", pins["sari"], clock=clock)
    window = signed_in("budi", 3, use_feed=True, feed_url=office)  # a back-office counter
    assert not window.banner.isVisible()
    assert window.front_desk is not None and window.front_desk.covered

    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    done = subprocess.run(
        [
            sys.executable,
            str(WORKER),
            office,
            clock.now().isoformat(),
            "sign-out",
            "1",
            "rapat_diklat",
            "UND/7/2026",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(window.banner.isVisible, timeout=10_000)
    assert "Loket depan kosong" in window.banner.text()
    assert "Rapat/diklat" in window.banner.text()
    assert "UND/7/2026" in window.banner.text()

    staffing.sign_in(2, "joko", pins["joko"], clock=clock)  # a colleague comes in
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=10_000)


def test_banner_is_bilingual(signed_in, qapp, clock):
    from loket.kiosk.shell import i18n

    window = signed_in("budi", 3)
    assert window.banner.isVisible()  # nobody at the front desk at all
    assert "Loket depan kosong" in window.banner.text()
    i18n.set_language(qapp, "en")
    assert "Front desk unstaffed" in window.banner.text()
    assert window.language_button.text() == "Bahasa Indonesia"
    assert window.desk.status.text() == "Nobody called yet"
    assert window.desk.waiting_list.item(0).text() == "Nobody is waiting"
    assert window.desk.presence.text() == "On duty"
