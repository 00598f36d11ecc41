"""IKM reports at one year's size: 20,000 survey responses over 6 services and 100,000
finished tickets (the population), on SQLite or PostgreSQL.

Reports p50/p95/p99 of: ``ikm_report`` for the whole office and for one service over
the year, one month for one service, ``ikm_by_service`` for the year, the pure
``compute_ikm``, and ``record_response`` (one respondent from the kiosk). The issue's
target for every report is under 1 s at this size.

Run: .venv/bin/python bench/bench_ikm.py [repeats] [--postgres]
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable

from common import backend, summary_ms

from loket.models import rawsql
from loket.models.db import db_date, write_transaction
from loket.models.feedback.ikm import compute_ikm
from loket.models.feedback.survey_elements import ELEMENT_KEYS
from loket.models.feedback.surveys import (
    RespondentProfile,
    ikm_by_service,
    ikm_report,
    record_response,
)
from loket.models.office import catalog

SERVICES = "ABCDEF"
RESPONSES = 20_000
TICKETS = 100_000
YEAR = 2026
START = dt.date(YEAR, 1, 1)


class StepClock:
    def __init__(self) -> None:
        self.at = dt.datetime(YEAR, 12, 30, 1, 0, tzinfo=dt.UTC)

    def now(self) -> dt.datetime:
        self.at += dt.timedelta(seconds=1)
        return self.at


def populate() -> None:
    rng = random.Random(14_2017)
    for code in SERVICES:
        catalog.add_service(code, f"Layanan {code}", f"Service {code}", hours="00:00-24:00")
    ids = dict(rawsql.fetch_all("SELECT code, id FROM service"))
    stamp = 1_767_225_600_000_000  # 2026-01-01 UTC in microseconds
    with write_transaction():
        rows = []
        for i in range(TICKETS):
            day = START + dt.timedelta(days=i % 360)
            sid = ids[SERVICES[i % len(SERVICES)]]
            rows.append((sid, sid, db_date(day), i + 1, f"X-{i}", stamp, stamp))
        for chunk in range(0, len(rows), 1000):
            part = rows[chunk : chunk + 1000]
            rawsql.execute(
                "INSERT INTO ticket (issued_service_id, service_id, day, sequence, label, status, "
                "issued_at, queue_at, recall_count, transfer_count) VALUES "
                + ", ".join("(?, ?, ?, ?, ?, 'done', ?, ?, 0, 0)" for _ in part),
                tuple(v for row in part for v in row),
            )
        columns = ", ".join(ELEMENT_KEYS)
        answers = []
        for _ in range(RESPONSES):
            day = START + dt.timedelta(days=rng.randrange(360))
            mood = rng.choice((2, 3, 3, 3, 4))
            marks = [min(4, max(1, mood + rng.choice((-1, 0, 0, 1)))) for _ in ELEMENT_KEYS]
            service = ids[rng.choice(SERVICES)]
            session = rng.choice(("08-12", "13-17"))
            profile = (rng.choice("LP"), rng.randrange(18, 70), rng.choice(("SMA", "S1")), "PNS")
            answers.append((service, db_date(day), session, stamp, *marks, *profile))
        for chunk in range(0, len(answers), 500):
            part = answers[chunk : chunk + 500]
            rawsql.execute(
                f"INSERT INTO survey_response (service_id, day, session, answered_at, {columns}, "
                "sex, age, education, occupation) VALUES "
                + ", ".join(f"(?, ?, ?, ?, {', '.join('?' * 9)}, ?, ?, ?, ?)" for _ in part),
                tuple(v for row in part for v in row),
            )


def measure(name: str, operation: Callable[[], object], repeats: int) -> None:
    operation()  # warm up
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        operation()
        times.append(time.perf_counter() - started)
    print(f"  {name:<44} {summary_ms(times)}")


def main() -> None:
    repeats = int(next((a for a in sys.argv[1:] if not a.startswith("-")), "30"))
    kind = "postgres" if "--postgres" in sys.argv else "sqlite"
    with tempfile.TemporaryDirectory() as data, backend(kind):
        os.environ["LOKET_DATA_DIR"] = data
        started = time.perf_counter()
        populate()
        print(
            f"{kind}: {RESPONSES:,} responses, {TICKETS:,} finished tickets "
            f"(loaded in {time.perf_counter() - started:.1f} s)"
        )
        year_end = dt.date(YEAR, 12, 31)
        june = (dt.date(YEAR, 6, 1), dt.date(YEAR, 6, 30))
        report = ikm_report(START, year_end)
        print(
            f"  office IKM {report.result.ikm} ({report.as_json()['category']}), "
            f"{report.respondents} respondents, required {report.required_sample}"
        )
        measure("ikm_report: whole office, one year", lambda: ikm_report(START, year_end), repeats)
        measure(
            "ikm_report: service A, one year", lambda: ikm_report(START, year_end, "A"), repeats
        )
        measure("ikm_report: service A, June", lambda: ikm_report(*june, "A"), repeats)
        measure("ikm_by_service: 6 services, one year",
                lambda: ikm_by_service(START, year_end), repeats)  # fmt: skip
        totals = {k: 3 * RESPONSES for k in ELEMENT_KEYS}
        counts = dict.fromkeys(ELEMENT_KEYS, RESPONSES)
        measure("compute_ikm (pure)", lambda: compute_ikm(totals, counts), repeats * 10)
        clock = StepClock()
        profile = RespondentProfile("P", 30, "S1", "Swasta")
        measure("record_response (kiosk)",
                lambda: record_response([3] * 9, "A", profile, clock=clock), repeats)  # fmt: skip


if __name__ == "__main__":
    main()
