"""Counter app benchmark (offscreen Qt): "call next" pressed → the desk shows the new
number, painted. That covers the call (one transaction), the refresh of the desk
(current ticket, staffing state, waiting list, held list) and one repaint.

Also "finish" → desk cleared, and the desk refresh on its own (what every change-feed
wake-up costs while other counters work).

    .venv/bin/python bench/bench_counter.py [--backends sqlite,postgres] [--calls 200]
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import backend, office, summary_ms


def settle(app: object, window: object) -> None:
    """Until the window's worker has nothing left: its results are on screen."""
    while window.db_work.busy:  # type: ignore[attr-defined]
        app.processEvents()  # type: ignore[attr-defined]


def run(kind: str, calls: int) -> None:
    from helpers.stubs import ScriptedDialogs

    from loket.admin.counter.window import CounterWindow
    from loket.kiosk.shell.app import create_app
    from loket.models.office.staff import add_staff
    from loket.models.queue.tickets import issue_ticket
    from loket.models.staffing import counter_actions as staffing

    app = create_app(name="Loket Counter bench")
    with backend(kind) as url:
        office(counters=8)
        add_staff("budi", "Budi Santoso", "staff", "123456")
        for _ in range(calls + 30):  # a realistic waiting list stays behind
            issue_ticket("A")
        window = CounterWindow(dialogs=ScriptedDialogs(), use_feed=False, feed_url=url)
        window.resize(1280, 860)
        window.show()
        app.processEvents()
        settle(app, window)
        window.sign_in(1, "budi", "123456")
        settle(app, window)
        call_button = window.desk.buttons["call_next"]
        finish_button = window.desk.buttons["finish"]
        called, finished, refresh = [], [], []
        for _ in range(calls):
            before = window.desk.number.text()
            t0 = time.perf_counter()
            call_button.click()
            settle(app, window)  # the action and the desk read run on the worker thread
            window.desk.repaint()
            called.append(time.perf_counter() - t0)
            assert window.desk.number.text() != before
            t0 = time.perf_counter()
            finish_button.click()
            settle(app, window)
            window.desk.repaint()
            finished.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            window.refresh_desk()
            settle(app, window)
            refresh.append(time.perf_counter() - t0)
            if len(called) % 20 == 0:
                staffing.heartbeat(1)
        print(f"{kind}:")
        print(f"  call next → number on screen: {summary_ms(called)}")
        print(f"  finish → desk cleared:        {summary_ms(finished)}")
        print(f"  desk refresh alone:           {summary_ms(refresh)}")
        window.leave()
        app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args()
    for kind in args.backends.split(","):
        run(kind, args.calls)


if __name__ == "__main__":
    main()
