"""Staffing commands: the parsers of loket staffing …, loket hours …, loket holiday …

The handlers live beside this module: staffing_desk_handlers (the counter and the
front desk), staffing_log_handlers (the log), staffing_report_handlers (daily summaries
and sign-off) and hours_handlers (service hours and holidays).
"""

from __future__ import annotations

import argparse
from typing import Any

from loket.models.cli.audited import as_option
from loket.models.cli.common import add_command
from loket.models.cli.hours_handlers import _holiday, _hours
from loket.models.cli.staffing_desk_handlers import (
    _check,
    _escalation,
    _handover,
    _heartbeat,
    _leave,
    _reasons,
    _resume,
    _sign_in,
    _status,
)
from loket.models.cli.staffing_log_handlers import _log, _verify
from loket.models.cli.staffing_report_handlers import _explain, _report, _sign_off


def _yes_no(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("yes", "ya", "y", "true", "1"):
        return True
    if lowered in ("no", "tidak", "n", "false", "0"):
        return False
    raise argparse.ArgumentTypeError(f"ya/tidak (yes/no), bukan/not '{value}'")


def _group(commands: Any, name: str, help_text: str) -> Any:
    parser = commands.add_parser(name, help=help_text, description=help_text)
    return parser.add_subparsers(dest="action", metavar="ACTION", required=True)


def _absence_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--reason", metavar="CODE", help="kode alasan / reason code (loket staffing reasons)"
    )
    sub.add_argument("--ref", metavar="TEXT", help="nomor rujukan (SPT, surat cuti …) / reference")
    sub.add_argument(
        "--approved-by", metavar="USER", help="pemberi izin / approver (head or admin)"
    )


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0.5 <= seconds <= 86_400:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(
            f"detik antara 0,5 dan 86400 / seconds between 0.5 and 86400, bukan/not '{value}'"
        )
    return seconds


def register(commands: Any) -> None:
    # PINs and passwords come from $LOKET_PIN / $LOKET_PASSWORD or a terminal prompt,
    # never from an option: every user of the PC sees a command line in `ps`.
    actions = _group(commands, "staffing", "penjagaan loket / front-desk staffing")
    sub = add_command(actions, "sign-in", _sign_in, "masuk di loket / sign in at a counter")
    sub.add_argument("--counter", required=True, metavar="N")
    sub.add_argument("--staff", required=True, metavar="USER")
    sub = add_command(
        actions, "heartbeat", _heartbeat, "aplikasi loket masih hidup / the counter app is alive"
    )
    sub.add_argument("--counter", required=True, metavar="N")
    sub.add_argument(
        "--every",
        type=float,
        metavar="SECONDS",
        help="ulangi sampai dihentikan / repeat until stopped (a counter process)",
    )
    for name, help_text in (
        ("break", "istirahat / take a break"),
        ("sign-out", "keluar dari loket / sign out"),
    ):
        sub = add_command(actions, name, _leave, help_text)
        sub.add_argument("--counter", required=True, metavar="N")
        _absence_options(sub)
    sub = add_command(actions, "resume", _resume, "kembali dari istirahat / back from a break")
    sub.add_argument("--counter", required=True, metavar="N")
    sub = add_command(
        actions, "handover", _handover, "serah terima loket / another officer takes over"
    )
    sub.add_argument("--counter", required=True, metavar="N")
    sub.add_argument("--to", required=True, metavar="USER")
    add_command(actions, "status", _status, "loket depan dijaga? / is the front desk covered?")
    sub = add_command(
        actions, "check", _check, "periksa kekosongan sekarang / detect gaps now (the apps' tick)"
    )
    sub.add_argument(
        "--watch", type=_seconds, metavar="SECONDS", help="ulangi / repeat every SECONDS"
    )
    sub = add_command(actions, "log", _log, "log penjagaan / the staffing log")
    sub.add_argument("--day", metavar="DATE")
    add_command(actions, "verify", _verify, "periksa keutuhan log / verify the staffing log")
    sub = add_command(actions, "report", _report, "laporan harian / daily summaries")
    sub.add_argument("--from", dest="first", required=True, metavar="DATE")
    sub.add_argument("--to", dest="last", required=True, metavar="DATE")
    sub.add_argument("--format", choices=("json", "csv", "pdf"), default="json")
    sub.add_argument("--output", metavar="PATH")
    sub = add_command(
        actions, "sign-off", _sign_off, "kepala mengesahkan satu hari / the head signs off a day"
    )
    sub.add_argument("--day", required=True, metavar="DATE")
    sub.add_argument("--staff", required=True, metavar="USER")
    sub = add_command(
        actions, "explain", _explain, "beri alasan kekosongan / add the reason for a past gap"
    )
    sub.add_argument("--day", required=True, metavar="DATE")
    sub.add_argument("--start", required=True, metavar="HH:MM[:SS]")
    sub.add_argument("--reason", required=True, metavar="CODE")
    sub.add_argument("--ref", metavar="TEXT")
    sub.add_argument("--approved-by", metavar="USER")
    sub.add_argument("--staff", required=True, metavar="USER")
    add_command(actions, "reasons", _reasons, "kode alasan / reason codes")
    sub = as_option(
        add_command(
            actions,
            "escalation",
            _escalation,
            "tunda eskalasi ke kepala / delay before a gap goes to the head",
        )
    )
    sub.add_argument("--minutes", metavar="N")
    _register_hours(commands)
    _register_holiday(commands)


def _register_hours(commands: Any) -> None:
    actions = _group(commands, "hours", "jam layanan / service hours")
    sub = add_command(actions, "show", _hours, "lihat jam layanan / show service hours")
    sub.add_argument("--schedule", choices=("normal", "ramadan"), default="normal")
    sub = as_option(add_command(actions, "set", _hours, "ubah jam layanan / change service hours"))
    sub.add_argument("--group", required=True, metavar="front_desk|other")
    sub.add_argument("--days", required=True, help="1=Senin/Monday … 7=Minggu/Sunday, e.g. 1234")
    sub.add_argument("--hours", metavar="HH:MM-HH:MM")
    sub.add_argument("--break", dest="break_window", metavar="HH:MM-HH:MM|none")
    sub.add_argument("--closed", action="store_true", help="tutup / closed on these days")
    sub.add_argument(
        "--through-break",
        type=_yes_no,
        metavar="yes|no",
        help="tetap dilayani saat istirahat (bergantian) / served through the break (staggered)",
    )
    sub.add_argument("--schedule", choices=("normal", "ramadan"), default="normal")
    sub = as_option(
        add_command(actions, "ramadan", _hours, "periode Ramadan / set a Ramadan period")
    )
    sub.add_argument("--from", dest="first", required=True, metavar="DATE")
    sub.add_argument("--to", dest="last", required=True, metavar="DATE")


def _register_holiday(commands: Any) -> None:
    actions = _group(commands, "holiday", "hari libur / holidays")
    sub = as_option(add_command(actions, "add", _holiday, "tambah hari libur / add a holiday"))
    sub.add_argument("day", metavar="DATE")
    sub.add_argument("--name", required=True)
    sub = add_command(actions, "list", _holiday, "daftar hari libur / list holidays")
    sub.add_argument("--year", type=int)
    sub = as_option(add_command(actions, "remove", _holiday, "hapus hari libur / remove a holiday"))
    sub.add_argument("day", metavar="DATE")
    sub = as_option(
        add_command(
            actions,
            "import",
            _holiday,
            "muat hari libur dari CSV (tanggal;nama) / load holidays from a CSV (date;name)",
        )
    )
    sub.add_argument("file", metavar="FILE")
