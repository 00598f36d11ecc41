"""Another PC's staffing action, run as a separate process on the same database:
``python staffing_worker.py URL ISO-TIME sign-out COUNTER REASON REFERENCE``."""

from __future__ import annotations

import datetime as dt
import sys


class FixedClock:
    def __init__(self, when: dt.datetime) -> None:
        self._when = when

    def now(self) -> dt.datetime:
        return self._when


def main(url: str, when: str, action: str, counter: str, *extra: str) -> None:
    from loket.models.db import open_database
    from loket.models.staffing import counter_actions as staffing

    open_database(url)
    clock = FixedClock(dt.datetime.fromisoformat(when))
    if action == "sign-out":
        reason, reference = extra
        staffing.sign_out(int(counter), reason=reason, reference=reference, clock=clock)
    else:
        raise SystemExit(f"unknown action {action}")
    print("done", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
