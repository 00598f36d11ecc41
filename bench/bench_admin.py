"""Admin app benchmark (offscreen Qt): one refresh of the live coverage board — front-desk
status (the day's replay), 30 counter tiles, the queue per service — and its repaint,
for a 30-counter office with 20 officers signed in and a few hundred tickets waiting.

    .venv/bin/python bench/bench_admin.py [--backends sqlite,postgres] [--refreshes 100]
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import backend, office, summary_ms


def run(kind: str, refreshes: int) -> None:
    from helpers.stubs import ScriptedDialogs

    from loket.admin.console.window import ConsoleWindow
    from loket.kiosk.shell.app import create_app
    from loket.models.office import auth
    from loket.models.office.catalog import edit_counter
    from loket.models.office.staff import add_staff
    from loket.models.queue.tickets import issue_ticket
    from loket.models.staffing import counter_actions as staffing

    app = create_app(name="Loket Admin bench")
    with backend(kind):
        office(counters=30)
        for number in (1, 2, 3):
            edit_counter(number, front_desk=True)
        add_staff("kepala", "Ibu Kepala", "head", "999999", password="kepala-rahasia")
        for n in range(1, 21):
            add_staff(f"petugas{n}", f"Petugas {n}", "staff", "123456")
            staffing.sign_in(n, f"petugas{n}", "123456")
        for _ in range(300):
            issue_ticket("A")
        window = ConsoleWindow(dialogs=ScriptedDialogs(), use_feed=False, muted=True)
        window.resize(1366, 900)
        window.show()
        window.logged_in(auth.login("kepala", "kepala-rahasia"))
        app.processEvents()
        board = window.coverage
        latencies = []
        for _ in range(refreshes):
            started = time.perf_counter()
            board.refresh()
            board.repaint()
            app.processEvents()
            latencies.append(time.perf_counter() - started)
        print(f"{kind:8} live board refresh (30 counters): {summary_ms(latencies)}")
        window.leave()
        window.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--refreshes", type=int, default=100)
    args = parser.parse_args()
    for kind in args.backends.split(","):
        run(kind, args.refreshes)


if __name__ == "__main__":
    main()
