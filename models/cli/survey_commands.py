"""Survey commands: survey add (one respondent), survey ikm (the index for a period)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from loket.models.cli.common import add_command, emit, open_db


def register(commands: Any) -> None:
    group = commands.add_parser(
        "survey",
        help="survei kepuasan masyarakat (SKM/IKM) / public satisfaction survey",
        description="survei kepuasan masyarakat (SKM/IKM) / public satisfaction survey",
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = add_command(actions, "add", _add, "catat satu responden / record one respondent")
    add.add_argument("--service", metavar="CODE", help="layanan yang diterima / service received")
    add.add_argument(
        "--answers",
        metavar="a,b,c,d,e,f,g,h,i",
        help="sembilan jawaban 1–4 sesuai urutan unsur / nine answers 1–4 in element order "
        "(persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, sarana, pengaduan)",
    )
    add.add_argument("--ticket", metavar="NUMBER", help="nomor antrian hari ini / today's ticket")
    add.add_argument("--sex", metavar="L|P", help="jenis kelamin / sex")
    add.add_argument("--age", metavar="YEARS", help="umur / age")
    add.add_argument("--education", metavar="SD|SMP|SMA|D1|D2|D3|S1|S2|S3")
    add.add_argument("--occupation", metavar="PNS|TNI|POLRI|Swasta|Wirausaha|Lainnya")

    ikm = add_command(actions, "ikm", _ikm, "indeks kepuasan masyarakat / satisfaction index")
    ikm.add_argument(
        "--from", dest="date_from", metavar="DATE", help="default: 1 Januari tahun ini / Jan 1"
    )
    ikm.add_argument("--to", dest="date_to", metavar="DATE", help="default: hari ini / today")
    ikm.add_argument("--service", metavar="CODE", help="satu layanan / one service")
    ikm.add_argument(
        "--weights",
        metavar="exact|0.111|0.11",
        default="exact",
        help="bobot 1/9 (default) atau bobot bulat lama / exact 1/9 or the legacy rounded weight",
    )
    ikm.add_argument(
        "--by-service", action="store_true", help="satu baris per layanan / one row per service"
    )


def _answers(raw: str | None) -> list[str]:
    from loket.models.errors import InvalidInput

    if raw is None or not raw.strip():
        raise InvalidInput("--answers wajib diisi", "--answers is required")
    return [part.strip() for part in raw.replace(";", ",").split(",")]


def _add(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.feedback.surveys import RespondentProfile, record_response

    answers: Any = _answers(args.answers)
    profile = RespondentProfile(
        sex=args.sex, age=args.age, education=args.education, occupation=args.occupation
    )
    info = record_response(answers, args.service, profile, args.ticket)
    data = {
        "id": info.id,
        "service": info.service,
        "ticket": info.ticket,
        "day": info.day.isoformat(),
        "session": info.session,
        "answers": info.answers,
        "profile": {
            "sex": info.profile.sex,
            "age": info.profile.age,
            "education": info.profile.education,
            "occupation": info.profile.occupation,
        },
    }
    where = f" layanan/service {info.service}" if info.service else ""
    ticket = f" antrian/ticket {info.ticket}" if info.ticket else ""
    emit(args, data, f"Tercatat / recorded: responden #{info.id}{where}{ticket}")


def _date(raw: str | None, option: str, default: dt.date) -> dt.date:
    from loket.models.errors import InvalidInput

    if raw is None or not raw.strip():
        return default
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise InvalidInput(
            f"{option}: tanggal tidak sah '{raw}' (contoh 2026-01-31)",
            f"{option}: invalid date '{raw}' (e.g. 2026-01-31)",
        ) from None


def _report_text(report: Any) -> str:
    r = report.result
    who = f"{report.service} {report.service_name_id}" if report.service else "Semua layanan / All"
    head = f"IKM {report.date_from} – {report.date_to}, {who}"
    if r.ikm is None:
        return f"{head}\nBelum ada responden / No respondents yet"
    reached = "tercapai / reached" if report.sample_reached else "BELUM tercapai / NOT reached"
    lines = [
        head,
        f"IKM: {r.ikm}  mutu/category {r.category.mutu} "
        f"({r.category.kinerja_id} / {r.category.kinerja_en})"
        + ("" if r.weights == "exact" else f"  [bobot/weight {r.weights}]"),
        f"Responden / respondents: {report.respondents}  "
        f"sampel minimal / required: {report.required_sample} "
        f"(dilayani/served {report.population}) — {reached}",
    ]
    for s in r.scores:
        mark = "  ← terendah / lowest" if s is r.weakest else ""
        lines.append(f"  {s.key:<12} NRR {s.nrr_rounded(4)}  {s.element.name_id}{mark}")
    return "\n".join(lines)


def _ikm(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.clock import SYSTEM_CLOCK
    from loket.models.feedback.surveys import ikm_by_service, ikm_report
    from loket.models.settings import load_settings

    today = load_settings().today(SYSTEM_CLOCK.now())
    date_to = _date(args.date_to, "--to", today)
    date_from = _date(args.date_from, "--from", date_to.replace(month=1, day=1))
    if args.by_service:
        reports = ikm_by_service(date_from, date_to, args.weights)
        emit(
            args,
            [r.as_json() for r in reports],
            "\n\n".join(_report_text(r) for r in reports) or "-",
        )
        return
    report = ikm_report(date_from, date_to, args.service, args.weights)
    emit(args, report.as_json(), _report_text(report))
