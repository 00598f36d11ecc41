"""Workload commands: ``loket workload erlang`` (officers needed for a wait target)."""

from __future__ import annotations

import argparse
import math
from typing import Any

from loket.models.cli.common import add_command, emit


def register(commands: Any) -> None:
    help_text = "analisis beban kerja / workload analysis"
    group = commands.add_parser("workload", help=help_text, description=help_text)
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    erlang = add_command(
        actions,
        "erlang",
        _erlang,
        "petugas minimal untuk target waktu tunggu (Erlang C) / "
        "fewest officers for a waiting-time target (Erlang C)",
    )
    for option, meaning in (
        ("--arrivals-per-hour", "pengunjung per jam / visitors per hour"),
        ("--service-minutes", "rata-rata menit layanan / average service minutes"),
        ("--target-minutes", "target tunggu (menit) / waiting target (minutes)"),
        ("--target-share", "bagian pengunjung dalam target, 0–1 (mis. 0.8) / share within it"),
    ):
        erlang.add_argument(option, required=True, metavar="N", help=meaning)


def _erlang(args: argparse.Namespace) -> None:
    from loket.models.reports.erlang import officers_needed, outcome

    result = officers_needed(
        args.arrivals_per_hour, args.service_minutes, args.target_minutes, args.target_share
    )
    one_less = (
        outcome(
            result.officers - 1,
            result.arrivals_per_hour,
            result.service_minutes,
            result.target_minutes,
            result.target_share,
        )
        if result.officers > 0
        else None
    )
    lines = [
        f"Beban / load: {result.load_erlangs:.2f} erlang",
        f"Petugas / officers: {result.officers}",
        f"Peluang menunggu / probability of waiting: {100 * result.probability_wait:.1f}%",
        f"Dilayani dalam {result.target_minutes:g} menit / served within "
        f"{result.target_minutes:g} min: {100 * result.service_level:.1f}% "
        f"(target {100 * result.target_share:g}%)",
        f"Rata-rata tunggu / average wait: {result.average_wait_minutes:.2f} menit/min",
    ]
    if one_less is not None:
        wait = one_less.average_wait_minutes
        shown = f"{wait:.2f}" if math.isfinite(wait) else "∞"
        lines.append(
            f"Dengan {one_less.officers} petugas / with {one_less.officers}: "
            f"{100 * one_less.service_level:.1f}% dalam target / within target, "
            f"rata-rata tunggu / average wait {shown}"
        )
    emit(args, result.as_json(), "\n".join(lines))
