"""Call → display board latency: a counter calls in another process, the board here shows it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_board.py [--backends sqlite,postgres]
        [--calls 100] [--waiting 300]

The clock starts just before ``call_next`` in the caller process and stops when the
board has redrawn with the called number on its counter tile (the ``refreshed``
signal, after every panel was updated). Targets: under 1 s on SQLite, under 300 ms
on PostgreSQL. Also reports how long one board refresh (snapshot + redraw) takes.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import backend, office, percentile

TARGET_MS = {"sqlite": 1000.0, "postgres": 300.0}


class SilentSpeaker:
    name = "silent"

    def chime(self, done: Callable[[], None]) -> None:
        done()

    def say(self, text: str, lang: str, done: Callable[[], None]) -> None:
        done()

    def stop(self) -> None:
        pass


def _caller(url: str, calls: int, stamps: mp.Queue, go: mp.Event, seen: mp.Event) -> None:
    from loket.models.db import open_database
    from loket.models.queue import calling

    open_database(url)
    for _ in range(calls):
        go.wait(30)
        go.clear()
        before = time.time()
        info = calling.call_next(1)
        assert info is not None
        stamps.put((before, info.number))
        seen.wait(30)
        seen.clear()
        calling.finish(1)


def run(kind: str, calls: int, waiting: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from loket.kiosk.board.board_window import BoardWindow
    from loket.models.queue.tickets import issue_ticket

    app = QApplication.instance() or QApplication([])
    with backend(kind) as url:
        office(8)
        for _ in range(calls + waiting):
            issue_ticket("A")
        board = BoardWindow(url, SilentSpeaker())  # type: ignore[arg-type]
        board.show()
        shown: list[tuple[float, str]] = []

        def on_refreshed(_snapshot: object) -> None:
            shown.append((time.time(), board.now_serving.tiles[1].number.text()))

        board.refreshed.connect(on_refreshed)
        refresh_ms: list[float] = []
        for _ in range(20):
            while board.reading:  # the board reads on its worker thread
                app.processEvents()
            start = time.perf_counter()
            board.refresh()
            while board.reading:
                app.processEvents()
            refresh_ms.append((time.perf_counter() - start) * 1000)

        ctx = mp.get_context("spawn")
        stamps: mp.Queue = ctx.Queue()
        go, seen = ctx.Event(), ctx.Event()
        proc = ctx.Process(target=_caller, args=(url, calls, stamps, go, seen))
        proc.start()
        latencies: list[float] = []
        for _ in range(calls):
            shown.clear()
            go.set()
            before, number = stamps.get(timeout=30)
            loop = QEventLoop()

            def check(number: str = number, loop: QEventLoop = loop) -> None:
                if any(text == number for _, text in shown):
                    loop.quit()

            timer = QTimer()
            timer.timeout.connect(check)
            timer.start(1)
            deadline = QTimer()
            deadline.setSingleShot(True)
            deadline.timeout.connect(loop.quit)
            deadline.start(10000)
            loop.exec()
            timer.stop()
            when = next((at for at, text in shown if text == number), None)
            if when is None:
                raise SystemExit(f"{kind}: {number} never reached the board")
            latencies.append((when - before) * 1000)
            seen.set()
            app.processEvents()
        proc.join(30)
        board.shutdown()
        board.deleteLater()
        app.processEvents()
        p95 = percentile(latencies, 95)
        verdict = "within" if p95 < TARGET_MS[kind] else "OVER"
        print(
            f"{kind:8} call → board, {calls} calls, {waiting} waiting: "
            f"p50 {percentile(latencies, 50):6.1f} ms  p95 {p95:6.1f} ms  "
            f"max {max(latencies):6.1f} ms  ({verdict} the {TARGET_MS[kind]:.0f} ms target)"
        )
        print(
            f"{kind:8} one board refresh (snapshot + redraw): "
            f"p50 {percentile(refresh_ms, 50):6.1f} ms  p95 {percentile(refresh_ms, 95):6.1f} ms"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--waiting", type=int, default=300)
    options = parser.parse_args()
    for kind in options.backends.split(","):
        run(kind.strip(), options.calls, options.waiting)
