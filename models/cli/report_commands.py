"""Report commands (loket report tickets|staffing|survey) and the admin audit log
(loket audit list|verify)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from loket.models.cli.common import add_command, emit, open_db

_FORMATS = ("json", "csv", "pdf", "xlsx")


def _group(commands: Any, name: str, help_text: str) -> Any:
    parser = commands.add_parser(name, help=help_text, description=help_text)
    return parser.add_subparsers(dest="action", metavar="ACTION", required=True)


def _period_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--from", dest="date_from", metavar="DATE", help="default: awal bulan / month start"
    )
    sub.add_argument("--to", dest="date_to", metavar="DATE", help="default: hari ini / today")


def register(commands: Any) -> None:
    actions = _group(commands, "report", "laporan / reports")
    for kind, help_text in (
        ("tickets", "antrian per jam/hari/layanan/petugas / tickets per hour, day, service"),
        ("staffing", "penjagaan loket depan per hari / front-desk coverage per day"),
        ("survey", "IKM per layanan dan bulan / satisfaction index per service and month"),
        (
            "workload",
            "beban kerja per hari dan jam, petugas perlu (Erlang C) dan bertugas / "
            "workload per weekday and hour, officers needed (Erlang C) and staffed",
        ),
    ):
        sub = add_command(actions, kind, _report, help_text)
        _period_options(sub)
        sub.add_argument("--format", choices=_FORMATS, default=None, help="default: json")
        sub.add_argument("--output", metavar="PATH", help="berkas tujuan / output file")
        if kind not in ("staffing", "workload"):
            sub.add_argument("--service", metavar="CODE", help="satu layanan / one service")
        sub.set_defaults(kind=kind)
    abk = add_command(
        actions,
        "abk",
        _report,
        "analisis beban kerja (PermenPANRB 1/2020) per layanan / workload analysis per service",
    )
    abk.add_argument("--year", type=int, metavar="YEAR", help="default: tahun ini / this year")
    abk.add_argument("--format", choices=_FORMATS, default=None, help="default: json")
    abk.add_argument("--output", metavar="PATH", help="berkas tujuan / output file")
    abk.set_defaults(kind="abk")
    warm = add_command(
        actions,
        "warm",
        _warm,
        "isi ringkasan harian tiket (mis. malam hari) / pre-fill the daily ticket rollups",
    )
    warm.add_argument(
        "--from", dest="date_from", metavar="DATE", help="default: 365 hari lalu / 365 days ago"
    )
    warm.add_argument("--to", dest="date_to", metavar="DATE", help="default: kemarin / yesterday")
    warm.add_argument(
        "--rebuild",
        action="store_true",
        help="hitung ulang semua hari (setelah tiket diubah manual) / "
        "recompute every day (after tickets were edited by hand)",
    )

    audit = _group(commands, "audit", "log audit admin / the admin audit log")
    listing = add_command(audit, "list", _audit_list, "daftar entri / list entries")
    _period_options(listing)
    listing.add_argument("--actor", metavar="USERNAME")
    listing.add_argument("--action", dest="what", metavar="ACTION")
    listing.add_argument("--limit", type=int, default=200)
    add_command(audit, "verify", _audit_verify, "periksa keutuhan log / verify the log")


def _date(raw: str | None, option: str) -> dt.date | None:
    from loket.models.errors import InvalidInput

    if raw is None or not raw.strip():
        return None
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise InvalidInput(
            f"{option}: tanggal tidak sah '{raw}' (contoh 2026-01-31)",
            f"{option}: invalid date '{raw}' (e.g. 2026-01-31)",
        ) from None


def _text_summary(report: Any) -> str:
    data = report.as_json()
    head = f"{data['report']} {data['from']} – {data['to']}"
    if data["report"] == "tickets":
        wait = data["waiting"]
        served = data["service_time"]
        return (
            f"{head}\ndiambil/issued {data['issued']}  dilayani/served {data['served']}  "
            f"tidak hadir/no-show {data['no_show_pct']}%  dialihkan/transferred "
            f"{data['transfer_pct']}%\ntunggu/wait median {wait['median_seconds']} s, P90 "
            f"{wait['p90_seconds']} s; layanan/service median {served['median_seconds']} s, "
            f"P90 {served['p90_seconds']} s"
        )
    if data["report"] == "workload":
        return (
            f"{head}\npengunjung/visitors {data['arrivals']}  jam kurang petugas/under-staffed "
            f"hours {data['under_staffed_hours']}  jam lebih/over-staffed "
            f"{data['over_staffed_hours']}  tidak tercatat/not recorded "
            f"{data['not_recorded_hours']}"
        )
    if data["report"] == "abk":
        total = data["total"]
        return (
            f"{head}\nvolume {total['volume']}  beban kerja/workload {total['workload_hours']} h  "
            f"kebutuhan/required {total['required_staff']}  ada/assigned {total['assigned_staff']}"
        )
    if data["report"] == "staffing":
        return (
            f"{head}\ncakupan loket depan / front-desk coverage {data['coverage_pct']}%  "
            f"kekosongan/gaps {data['gaps']}"
        )
    overall = data["overall"]
    return (
        f"{head}\nIKM {overall['ikm']} mutu/category {overall['category']}  "
        f"responden/respondents {overall['respondents']}"
    )


def _report(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.clock import SYSTEM_CLOCK
    from loket.models.reports.export import export
    from loket.models.reports.kinds import build_report
    from loket.models.settings import load_settings

    settings = load_settings()
    today = settings.today(SYSTEM_CLOCK.now())
    if args.kind == "abk":
        from loket.models.reports.abk_report import check_year

        year = today.year if args.year is None else args.year
        check_year(year)  # before any date is made of it: -1 is no year
        date_from, date_to = dt.date(year, 1, 1), dt.date(year, 12, 31)
    else:
        date_to = _date(args.date_to, "--to") or today
        date_from = _date(args.date_from, "--from") or date_to.replace(day=1)
    fmt = args.format or "json"
    report = build_report(args.kind, date_from, date_to, getattr(args, "service", None))
    data = export(report, fmt, settings.office_name)
    if fmt in ("json", "csv") and not args.output:
        text = data.decode("utf-8")
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    target = Path(args.output or f"laporan-{args.kind}-{date_from}-{date_to}.{fmt}")
    target.write_bytes(data)
    emit(
        args,
        {"output": str(target), "format": fmt, "bytes": len(data), **_brief(report)},
        f"Laporan / report ({fmt}): {target}\n{_text_summary(report)}",
    )


def _warm(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.reconnect import reconnecting
    from loket.models.reports.warmup import warm_reports

    first, last = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    # Days already stored are only checked: after a dropped connection it carries on.
    result = reconnecting(
        lambda: warm_reports(first, last, rebuild=args.rebuild),
        report=lambda line: print(line, file=sys.stderr, flush=True),
    )
    emit(args, result.as_json(), result.text())


def _brief(report: Any) -> dict[str, Any]:
    data = report.as_json()
    keys = ("report", "from", "to", "service", "issued", "coverage_pct")
    return {k: data[k] for k in keys if k in data}


def _audit_list(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.office.audit import list_audit
    from loket.models.settings import load_settings

    zone = load_settings().zone
    entries = list_audit(
        _date(args.date_from, "--from"),
        _date(args.date_to, "--to"),
        args.actor,
        args.what,
        args.limit,
    )
    lines = [
        f"#{e.seq:<5} {e.at.astimezone(zone):%Y-%m-%d %H:%M:%S}  {e.actor} ({e.role})  "
        f"{e.action}  {e.target}" + (f"  {e.detail}" if e.detail else "")
        for e in entries
    ]
    emit(args, [e.as_json(zone) for e in entries], "\n".join(lines) or "-")


def _audit_verify(args: argparse.Namespace) -> int:
    from loket.models.cli.db_commands import verify_chain
    from loket.models.office.audit import verify_audit

    return verify_chain(args, verify_audit)
