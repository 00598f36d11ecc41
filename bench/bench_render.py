"""Render a ticket and a receipt to ESC/POS bytes (QR included) many times and report
p50/p99 render time, bytes per job and how long a 250 mm/s printer needs to feed it.

Also the first render in a fresh process (imports included), as ``loket print`` pays it.

Run: .venv/bin/python bench/bench_render.py [RUNS] [--profile 58mm|80mm] [--cold N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone

from loket.printing.escpos_render import RenderedJob, render_escpos
from loket.printing.layouts import Layout, ReceiptLayout, TicketLayout
from loket.printing.profiles import PROFILE_58, PROFILE_80, PrinterProfile

WIB = timezone(timedelta(hours=7))
FEED_MM_PER_S = 250


def ticket(i: int) -> TicketLayout:
    return TicketLayout(
        office_name="Kantor Kelurahan Menteng",
        office_address="Jl. HOS Cokroaminoto No. 1, Menteng, Jakarta Pusat",
        number=f"A-{i % 1000:03d}",
        service_name="Administrasi Kependudukan",
        service_name_en="Civil registration",
        issued_at=datetime(2026, 11, 23, 8, 12, tzinfo=WIB),
        ahead=i % 17,
        estimated_wait_minutes=(i % 17) * 4,
        qr_text=f"https://loket.example/t/20261123/A-{i:05d}",
    )


def receipt(i: int) -> ReceiptLayout:
    return ReceiptLayout(
        office_name="Dinas Penanaman Modal dan PTSP",
        office_address="Jl. Kebon Sirih No. 18, Jakarta",
        receipt_number=f"TT-2026-{i:06d}",
        received_at=datetime(2026, 11, 23, 9, 5, tzinfo=WIB),
        sender_name="Siti Rahmawati",
        sender_organisation="CV Maju Bersama",
        sender_phone="0812-3456-7890",
        recipient_unit="Bidang Perizinan",
        subject="Permohonan izin usaha mikro beserta lampiran akta pendirian dan NPWP",
        pages=12,
        attachments=2,
        channel="counter",
        officer_name="Budi Santoso",
        officer_nip="198503122010011002",
        # A signed LKT1 payload is ~250 base45 characters; vary it so no cache helps.
        qr_text=f"LKT1:{i:08d}" + "6BFOXN*TS0BI$ZD.P9UZ%KK0J:K" * 9,
        check_code="7KQ-4M2",
        complaint_channel="SP4N-LAPOR! lapor.go.id / SMS 1708",
        expected_completion=date(2026, 11, 30),
    )


def measure(
    make: Callable[[int], Layout], profile: PrinterProfile, runs: int
) -> tuple[list[float], RenderedJob]:
    times: list[float] = []
    job: RenderedJob | None = None
    for i in range(runs):
        layout = make(i)
        start = time.perf_counter()
        job = render_escpos(layout, profile)
        times.append((time.perf_counter() - start) * 1000)
    assert job is not None
    return times, job


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


# A fresh process: import the renderer, render one ticket; prints the milliseconds.
COLD = """
import time
start = time.perf_counter()
from datetime import datetime, timedelta, timezone
from loket.printing.escpos_render import render_escpos
from loket.printing.layouts import TicketLayout
render_escpos(TicketLayout(
    office_name="Kantor", office_address="", number="A-001", service_name="Umum",
    service_name_en="General", issued_at=datetime(2026, 11, 23, 8, 12,
    tzinfo=timezone(timedelta(hours=7))), ahead=0, estimated_wait_minutes=0,
    qr_text="https://loket.example/t/20261123/A-00001"))
print((time.perf_counter() - start) * 1000)
"""


def cold_start(runs: int) -> list[float]:
    """Import + first render in ``runs`` fresh processes (a temporary TMPDIR, which must
    stay empty: nothing may be left behind in the temp folder)."""
    times = []
    with tempfile.TemporaryDirectory() as temp:
        env = dict(os.environ, TMPDIR=temp)
        for _ in range(runs):
            out = subprocess.run(
                [sys.executable, "-c", COLD], env=env, capture_output=True, text=True, check=True
            )
            times.append(float(out.stdout))
        left = os.listdir(temp)
    if left:
        print(f"!! {len(left)} entries left in the temp folder: {left[:3]}")
    return times


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "runs", nargs="?", type=int, default=500, help="renders per job and paper (default 500)"
    )
    parser.add_argument(
        "--profile",
        action="append",
        choices=[PROFILE_58.name, PROFILE_80.name],
        help="paper width (default: both)",
    )
    parser.add_argument(
        "--cold", type=int, default=10, metavar="N", help="fresh processes to time (default 10)"
    )
    options = parser.parse_args()
    if options.runs < 2:
        parser.error("RUNS must be at least 2 (percentiles need two values)")
    return options


def main() -> None:
    options = _options()
    runs = options.runs
    profiles = [p for p in (PROFILE_58, PROFILE_80) if p.name in (options.profile or (p.name,))]
    for warm in (ticket, receipt):
        render_escpos(warm(0))  # imports and first-use caches out of the way
    print(f"{runs} runs each, render to ESC/POS incl. raster QR; feed at {FEED_MM_PER_S} mm/s")
    header = f"{'job':<16}{'p50 ms':>8}{'p99 ms':>8}{'max ms':>8}{'bytes':>8}{'mm':>7}{'feed s':>8}"
    print(header)
    print("-" * len(header))
    makers: tuple[tuple[str, Callable[[int], Layout]], ...] = (
        ("ticket", ticket),
        ("receipt", receipt),
    )
    for name, make in makers:
        for profile in profiles:
            times, job = measure(make, profile, runs)
            mm = job.height_dots / profile.dots_per_mm
            print(
                f"{name + ' ' + profile.name:<16}{statistics.median(times):>8.2f}"
                f"{percentile(times, 99):>8.2f}{max(times):>8.2f}{len(job.data):>8}"
                f"{mm:>7.0f}{mm / FEED_MM_PER_S:>8.2f}"
            )
    if options.cold > 0:
        cold = cold_start(options.cold)
        print(
            f"first ticket in a fresh process (imports + render), {options.cold} runs: "
            f"p50 {statistics.median(cold):.0f} ms  max {max(cold):.0f} ms"
        )


if __name__ == "__main__":
    main()
