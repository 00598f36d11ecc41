"""One year of a 30-counter office, for the report benchmarks.

    .venv/bin/python bench/generate_year.py URL [--tickets 500000] [--staffing 100000]
        [--surveys 20000] [--counters 30] [--today 2026-11-23] [--seed 1]

Fills the database at URL (migrated first) with: 8 services, ``counters`` counters
(the first four at the front desk), officers for every counter plus spares, about
``tickets`` tickets over the working days (Monday–Friday, a few holidays) of the year
before ``today`` with arrivals peaking in the morning, waits that grow with the
queue, no-shows and transfers; about ``staffing`` staffing-log entries (sign-in,
staggered breaks, lost and restored heartbeats, handovers, sign-out) with a valid hash
chain and counter presence; ``surveys`` survey responses. ``today`` itself runs up to
10:00 WIB with visitors still waiting and counters staffed, for the live board.

Rows go in with raw SQL in large transactions (``executemany`` on SQLite, ``COPY`` on
PostgreSQL), so a year takes minutes, not hours.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

WIB = dt.timezone(dt.timedelta(hours=7))
SERVICES = (
    ("A", "Administrasi Kependudukan", "Civil registration", 0.30),
    ("B", "Perizinan", "Permits", 0.20),
    ("C", "Surat Keterangan", "Certificates", 0.15),
    ("D", "Pengaduan dan Informasi", "Complaints and information", 0.10),
    ("E", "Pajak Daerah", "Local taxes", 0.10),
    ("F", "Kesejahteraan Sosial", "Social welfare", 0.05),
    ("G", "Pertanahan", "Land affairs", 0.05),
    ("H", "Legalisasi", "Legalisation", 0.05),
)
# Share of the day's visitors arriving in each office-local hour.
ARRIVALS = {7: 0.06, 8: 0.17, 9: 0.18, 10: 0.16, 11: 0.12, 12: 0.06, 13: 0.11, 14: 0.09, 15: 0.05}
FRONT_DESK = 4
HOLIDAYS = ("01-01", "03-20", "04-03", "05-01", "05-14", "06-01", "08-17", "12-25")
Progress = Callable[[str], None]


def _micros(when: dt.datetime) -> int:
    from loket.models.fields import to_micros

    return to_micros(when)


def working_days(today: dt.date) -> list[dt.date]:
    first = today - dt.timedelta(days=364)
    days = []
    day = first
    while day <= today:
        if day.isoweekday() <= 5 and day.strftime("%m-%d") not in HOLIDAYS:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def bulk_insert(table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Insert many rows at once, inside the caller's transaction."""
    from loket.models.db import database, is_sqlite

    db = database.obj
    names = ", ".join(columns)
    count = 0
    if is_sqlite(db):
        marks = ", ".join("?" for _ in columns)
        batch: list[Sequence[Any]] = []
        cursor = db.connection().cursor()
        for row in rows:
            batch.append(row)
            if len(batch) >= 20_000:
                cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", batch)
            count += len(batch)
        return count
    with (
        db.connection().cursor() as cursor,
        cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


# ── the office ───────────────────────────────────────────────────────────────────


def make_office(counters: int) -> tuple[dict[str, int], list[int], dict[int, list[str]], list[int]]:
    """Services, counters and officers; returns service ids, counter ids, what each
    counter serves, officer ids."""
    from loket.models import rawsql
    from loket.models.db import write_transaction
    from loket.models.office import catalog, staff
    from loket.models.office.passwords import hash_secret

    for code, name, name_en, _ in SERVICES:
        catalog.add_service(code, name, name_en, hours="07:30-16:00", days="12345")
    codes = [s[0] for s in SERVICES]
    serves: dict[int, list[str]] = {}
    for number in range(1, counters + 1):
        if number <= FRONT_DESK:
            links = codes[:4]
        else:
            links = [codes[number % len(codes)], codes[(number * 3) % len(codes)]]
            links = sorted(set(links))
        catalog.add_counter(number, ",".join(links), front_desk=number <= FRONT_DESK)
        serves[number] = links
    staff.add_staff("kepala", "Kepala Kantor", "head", "888888", password="kepala-loket")
    staff.add_staff("admin", "Admin Loket", "admin", "999999", password="admin-loket")
    pin = hash_secret("123456")
    with write_transaction():
        bulk_insert(
            "staff",
            ("username", "full_name", "nip", "role", "pin_hash", "password_hash", "active"),
            (
                (f"petugas{i:02d}", f"Petugas {i:02d}", "", "staff", pin, None, True)
                for i in range(1, counters + 11)
            ),
        )
    service_ids = {c: int(i) for i, c in rawsql.fetch_all("SELECT id, code FROM service")}
    counter_ids = [int(r[0]) for r in rawsql.fetch_all("SELECT id FROM counter ORDER BY number")]
    officers = [
        int(r[0])
        for r in rawsql.fetch_all("SELECT id FROM staff WHERE role = 'staff' ORDER BY username")
    ]
    return service_ids, counter_ids, serves, officers


# ── tickets ──────────────────────────────────────────────────────────────────────


def _arrival(rng: random.Random, day: dt.date) -> dt.datetime:
    hour = rng.choices(list(ARRIVALS), weights=list(ARRIVALS.values()))[0]
    minute = rng.random() * 60
    if hour == 7:
        minute = 30 + rng.random() * 30
    start = dt.datetime(day.year, day.month, day.day, hour, tzinfo=WIB)
    return start + dt.timedelta(minutes=minute)


def ticket_rows(
    rng: random.Random,
    days: list[dt.date],
    per_day: int,
    service_ids: dict[str, int],
    counter_ids: list[int],
    serves: dict[int, list[str]],
    officers: list[int],
    now: dt.datetime,
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    from loket.models.db import db_date

    codes = [s[0] for s in SERVICES]
    weights = [s[3] for s in SERVICES]
    by_service: dict[str, list[int]] = {c: [] for c in codes}
    for number, links in serves.items():
        for code in links:
            by_service[code].append(number)
    rows: list[tuple[Any, ...]] = []
    sequences: list[tuple[Any, ...]] = []
    for index, day in enumerate(days):
        count = max(1, int(rng.gauss(per_day, per_day * 0.15)))
        if day == days[-1]:
            count = int(count * 0.35)  # today, up to 10:00
        arrivals = sorted(
            (_arrival(rng, day), rng.choices(codes, weights=weights)[0]) for _ in range(count)
        )
        numbers: dict[str, int] = dict.fromkeys(codes, 0)
        day_value = db_date(day)
        for issued, code in arrivals:
            if issued >= now:
                continue
            numbers[code] += 1
            seq = numbers[code]
            hour_load = ARRIVALS.get(issued.hour, 0.05) / 0.18
            wait = rng.lognormvariate(math.log(8 * 60 * (0.4 + hour_load)), 0.6)
            service = rng.lognormvariate(math.log(5 * 60), 0.5)
            called = issued + dt.timedelta(seconds=wait)
            finished = called + dt.timedelta(seconds=service)
            counter_number = rng.choice(by_service[code])
            officer = officers[(counter_number - 1 + index) % len(counter_ids)]
            priority = "lansia" if rng.random() < 0.04 else None
            status, transfers, target_service, from_service, from_counter = (
                "done",
                0,
                code,
                None,
                None,
            )
            roll = rng.random()
            if called >= now:
                status, called_at, finished_at, counter_id, officer_id = (
                    "waiting",
                    None,
                    None,
                    None,
                    None,
                )
            else:
                if roll < 0.06:
                    status = "no_show"
                    finished = called + dt.timedelta(seconds=60)
                elif roll < 0.09:
                    transfers = 1
                    target_service = codes[(codes.index(code) + 1) % len(codes)]
                    from_service = service_ids[code]
                    from_counter = counter_ids[counter_number - 1]
                    counter_number = rng.choice(by_service[target_service])
                    officer = officers[(counter_number - 1 + index) % len(counter_ids)]
                if finished >= now:
                    status = "serving"
                    finished_at = None
                else:
                    finished_at = _micros(finished)
                called_at = _micros(called)
                counter_id = counter_ids[counter_number - 1]
                officer_id = officer
            rows.append(
                (
                    service_ids[code],
                    service_ids[target_service],
                    day_value,
                    seq,
                    f"{code}-{seq:03d}",
                    priority,
                    status,
                    _micros(issued),
                    _micros(issued),
                    called_at,
                    called_at if status in ("done", "serving") else None,
                    finished_at,
                    counter_id,
                    officer_id,
                    None,
                    0,
                    transfers,
                    from_service,
                    from_counter,
                    None,
                )
            )
        sequences.extend((service_ids[c], day_value, n) for c, n in numbers.items() if n)
    # One ticket per counter at most may be "serving" on the live board: keep the newest.
    seen: set[int] = set()
    for i in range(len(rows) - 1, -1, -1):
        row = rows[i]
        if row[6] == "serving":
            if row[12] in seen:
                rows[i] = (*row[:6], "done", *row[7:11], row[9] + 300_000_000, *row[12:])
            seen.add(row[12])
    return rows, sequences


TICKET_COLUMNS = (
    "issued_service_id", "service_id", "day", "sequence", "label", "priority", "status",
    "issued_at", "queue_at", "called_at", "started_at", "finished_at", "counter_id",
    "officer_id", "target_counter_id", "recall_count", "transfer_count",
    "transferred_from_service_id", "transferred_from_counter_id", "phone",
)  # fmt: skip


# ── staffing ─────────────────────────────────────────────────────────────────────


def staffing_entries(
    rng: random.Random,
    days: list[dt.date],
    target: int,
    counter_ids: list[int],
    officers: list[int],
    now: dt.datetime,
) -> list[tuple[str, dt.datetime, dt.date, int, int, str | None]]:
    """(kind, at, day, counter id, officer id, reason) in time order."""
    per_counter_day = target / (len(days) * len(counter_ids))
    cycles = max(1, round((per_counter_day - 3) / 2))
    spares = officers[len(counter_ids) :]
    entries = []
    for index, day in enumerate(days):
        base = dt.datetime(day.year, day.month, day.day, tzinfo=WIB)
        for c, counter_id in enumerate(counter_ids):
            officer = officers[(c + index) % len(counter_ids)]
            t = base + dt.timedelta(hours=7, minutes=20 + rng.random() * 15)
            day_entries = [("sign_in", t, officer, None)]
            # Staggered breaks across the day: one cycle per slot.
            slots = [base + dt.timedelta(hours=8 + 7 * (k + rng.random()) / cycles)
                     for k in range(cycles)]  # fmt: skip
            for start in slots:
                if start <= day_entries[-1][1]:
                    continue
                if rng.random() < 0.25:
                    day_entries.append(("heartbeat_lost", start, officer, None))
                    back = start + dt.timedelta(minutes=2 + rng.random() * 8)
                    day_entries.append(("heartbeat_restored", back, officer, None))
                else:
                    day_entries.append(("break", start, officer, "istirahat"))
                    back = start + dt.timedelta(minutes=5 + rng.random() * 25)
                    day_entries.append(("resume", back, officer, None))
            if c < len(spares) and rng.random() < 0.1:
                officer = spares[c]
                at = day_entries[-1][1] + dt.timedelta(minutes=5)
                day_entries.append(("handover", at, officer, None))
            end = base + dt.timedelta(hours=16, minutes=5 + rng.random() * 30)
            day_entries.append(("sign_out", max(end, day_entries[-1][1]), officer, None))
            for kind, at, who, reason in day_entries:
                if at < now:
                    entries.append((kind, at, day, counter_id, who, reason))
    entries.sort(key=lambda e: e[1])
    return entries


def insert_staffing(
    entries: list[tuple[str, dt.datetime, dt.date, int, int, str | None]], now: dt.datetime
) -> int:
    from loket.models import rawsql
    from loket.models.db import db_date
    from loket.models.integrity import hashchain
    from loket.models.staffing.log import CHAIN, chain_fields

    prev = hashchain.GENESIS_HASH
    rows = []
    last: dict[int, tuple[int, str, int, dt.datetime]] = {}
    for seq, (kind, at, day, counter_id, officer_id, reason) in enumerate(entries, start=1):
        fields = chain_fields(kind, at, at, day, counter_id, officer_id, reason, None, None, "")
        row_hash = hashchain.entry_hash(CHAIN, seq, prev, fields)
        rows.append(
            (seq, _micros(at), _micros(at), db_date(day), kind, counter_id, officer_id,
             reason, None, None, "", prev, row_hash)
        )  # fmt: skip
        prev = row_hash
        last[counter_id] = (seq, kind, officer_id, at)
    bulk_insert(
        "staffing_event",
        ("seq", "at", "recorded_at", "day", "kind", "counter_id", "officer_id", "reason",
         "reference", "approved_by_id", "detail", "prev_hash", "row_hash"),
        rows,
    )  # fmt: skip
    rawsql.execute(
        "INSERT INTO chain_head (chain, length, head_hash) VALUES (?, ?, ?)",
        (CHAIN, len(rows), prev),
    )
    status_of = {
        "sign_in": "staffed", "resume": "staffed", "handover": "staffed",
        "heartbeat_restored": "staffed", "break": "break", "sign_out": "out",
        "heartbeat_lost": "lost",
    }  # fmt: skip
    bulk_insert(
        "counter_presence",
        ("counter_id", "officer_id", "status", "since", "last_heartbeat", "event_seq"),
        (
            (cid, officer if status_of[kind] != "out" else None, status_of[kind],
             _micros(at), _micros(now - dt.timedelta(seconds=20)), seq)
            for cid, (seq, kind, officer, at) in last.items()
        ),
    )  # fmt: skip
    return len(rows)


# ── surveys ──────────────────────────────────────────────────────────────────────


def survey_rows(
    rng: random.Random, days: list[dt.date], count: int, service_ids: dict[str, int]
) -> Iterable[tuple[Any, ...]]:
    from loket.models.db import db_date

    codes = [s[0] for s in SERVICES]
    weights = [s[3] for s in SERVICES]
    for _ in range(count):
        day = rng.choice(days[:-1])
        hour = rng.choice((8, 9, 10, 11, 13, 14, 15))
        at = dt.datetime(day.year, day.month, day.day, hour, rng.randrange(60), tzinfo=WIB)
        answers = [rng.choices((1, 2, 3, 4), weights=(2, 10, 55, 33))[0] for _ in range(9)]
        yield (
            service_ids[rng.choices(codes, weights=weights)[0]],
            None,
            db_date(day),
            "08-12" if hour < 12 else "13-17",
            _micros(at),
            *answers,
            rng.choice("LP"),
            rng.randint(18, 75),
            rng.choice(("SD", "SMP", "SMA", "S1", "S2")),
            rng.choice(("PNS", "Swasta", "Wirausaha", "Lainnya")),
        )


SURVEY_COLUMNS = (
    "service_id", "ticket_id", "day", "session", "answered_at", "persyaratan", "prosedur",
    "waktu", "biaya", "produk", "kompetensi", "perilaku", "sarana", "pengaduan", "sex", "age",
    "education", "occupation",
)  # fmt: skip


# ── all of it ────────────────────────────────────────────────────────────────────


def generate(
    today: dt.date = dt.date(2026, 11, 23),
    counters: int = 30,
    tickets: int = 500_000,
    staffing: int = 100_000,
    surveys: int = 20_000,
    seed: int = 1,
    progress: Progress = print,
) -> dict[str, Any]:
    """Fill the open, migrated, empty database; returns counts and timings."""
    from loket.models import rawsql
    from loket.models.db import is_sqlite, write_transaction

    rng = random.Random(seed)
    now = dt.datetime(today.year, today.month, today.day, 10, 0, tzinfo=WIB)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    service_ids, counter_ids, serves, officers = make_office(counters)
    days = working_days(today)
    per_day = tickets / (len(days) - 1 + 0.35)

    mark = time.perf_counter()
    rows, sequences = ticket_rows(
        rng, days, int(per_day), service_ids, counter_ids, serves, officers, now
    )
    timings["tickets_built"] = time.perf_counter() - mark
    progress(f"{len(rows):,} tickets built in {timings['tickets_built']:.1f} s")
    mark = time.perf_counter()
    with write_transaction():
        bulk_insert("ticket", TICKET_COLUMNS, rows)
        bulk_insert("ticket_sequence", ("service_id", "day", "last_number"), sequences)
    timings["tickets_inserted"] = time.perf_counter() - mark
    progress(f"tickets inserted in {timings['tickets_inserted']:.1f} s")

    mark = time.perf_counter()
    entries = staffing_entries(rng, days, staffing, counter_ids, officers, now)
    with write_transaction():
        logged = insert_staffing(entries, now)
    timings["staffing"] = time.perf_counter() - mark
    progress(f"{logged:,} staffing entries in {timings['staffing']:.1f} s")

    mark = time.perf_counter()
    with write_transaction():
        answered = bulk_insert("survey_response", SURVEY_COLUMNS,
                               survey_rows(rng, days, surveys, service_ids))  # fmt: skip
    timings["surveys"] = time.perf_counter() - mark
    progress(f"{answered:,} survey responses in {timings['surveys']:.1f} s")

    mark = time.perf_counter()
    if is_sqlite():
        rawsql.execute("ANALYZE")
    else:
        for table in ("ticket", "staffing_event", "survey_response", "counter_presence"):
            rawsql.execute(f"ANALYZE {table}")
    timings["analyze"] = time.perf_counter() - mark
    timings["total"] = time.perf_counter() - started
    return {
        "today": today.isoformat(),
        "now": now.isoformat(),
        "working_days": len(days),
        "tickets": len(rows),
        "staffing_entries": logged,
        "survey_responses": answered,
        "timings_s": {k: round(v, 2) for k, v in timings.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="sqlite:///path.db or postgresql://…")
    parser.add_argument("--today", default="2026-11-23")
    parser.add_argument("--counters", type=int, default=30)
    parser.add_argument("--tickets", type=int, default=500_000)
    parser.add_argument("--staffing", type=int, default=100_000)
    parser.add_argument("--surveys", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    from loket.models.db import open_database
    from loket.models.schema import migrate

    open_database(args.url)
    migrate()
    result = generate(
        dt.date.fromisoformat(args.today), args.counters, args.tickets, args.staffing,
        args.surveys, args.seed,
    )  # fmt: skip
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
