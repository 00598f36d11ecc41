"""Staffing reports as CSV rows and an A4 PDF (reportlab) for the head's file."""

from __future__ import annotations

import csv
import datetime as dt
import io

from loket.models.integrity import seals as chain_seals
from loket.models.staffing.coverage import CAUSES
from loket.models.staffing.summary_records import DailySummary

CSV_COLUMNS = (
    "day",
    "row",
    "subject",
    "service_seconds",
    "staffed_seconds",
    "coverage_pct",
    "break_seconds",
    "gap_start",
    "gap_end",
    "gap_seconds",
    "cause",
    "reason",
    "reference",
    "approved_by",
    "signed_off_by",
    "changed_after_sign_off",
)


def _hm(value: dt.datetime, zone: dt.tzinfo) -> str:
    return value.astimezone(zone).strftime("%H:%M:%S")


def _duration(seconds: int) -> str:
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def to_csv(days: list[DailySummary], zone: dt.tzinfo) -> str:
    """One row per day (front desk), per counter, per officer and per gap."""
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n", restval="")
    writer.writeheader()
    for s in days:
        day = s.day.isoformat()
        writer.writerow(
            {
                "day": day,
                "row": "front_desk",
                "subject": "not_recorded" if s.not_recorded else s.holiday or "",
                "service_seconds": s.service_seconds,
                "staffed_seconds": s.covered_seconds,
                "coverage_pct": "" if s.not_recorded else s.coverage_pct,
                "gap_seconds": sum(g.seconds for g in s.gaps),
                "signed_off_by": s.sign_off.by if s.sign_off else "",
                "changed_after_sign_off": "yes" if s.sign_off and s.sign_off.changed_after else "",
            }
        )
        for row, subject, item in [("counter", c.number, c) for c in s.counters] + [
            ("officer", o.username, o) for o in s.officers
        ]:
            writer.writerow(
                {
                    "day": day,
                    "row": row,
                    "subject": subject,
                    "service_seconds": item.service_seconds,
                    "staffed_seconds": item.staffed_seconds,
                    "coverage_pct": "" if s.not_recorded else item.coverage_pct,
                    "break_seconds": item.break_seconds,
                }
            )
        for g in s.gaps:
            writer.writerow(
                {
                    "day": day,
                    "row": "gap",
                    "subject": g.counter or "",
                    "gap_start": _hm(g.start, zone),
                    "gap_end": _hm(g.end, zone),
                    "gap_seconds": g.seconds,
                    "cause": g.cause,
                    "reason": g.reason or "",
                    "reference": g.reference or "",
                    "approved_by": g.approved_by or "",
                }
            )
    return out.getvalue()


def to_pdf(days: list[DailySummary], zone: dt.tzinfo, office_name: str) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title="Laporan penjagaan loket / Staffing report",
    )
    grid = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
    story: list[object] = [
        Paragraph(f"{office_name} — Laporan penjagaan loket / Staffing report", styles["Title"])
    ]
    seals = chain_seals.seals_for_sign_offs([s.sign_off.seq for s in days if s.sign_off])
    if days:
        story.append(
            Paragraph(f"{days[0].day.isoformat()} – {days[-1].day.isoformat()}", styles["Normal"])
        )
    for s in days:
        story.append(Spacer(1, 6 * mm))
        head = f"{s.day.isoformat()} ({s.day.strftime('%A')})"
        if s.holiday:
            head += f" — libur/holiday: {s.holiday}"
        elif s.schedule == "ramadan":
            head += " — jadwal Ramadan / Ramadan schedule"
        story.append(Paragraph(head, styles["Heading2"]))
        if s.not_recorded:
            story.append(
                Paragraph(
                    "Tidak tercatat: sebelum kantor mulai mencatat penjagaan / "
                    "not recorded: before the office began recording staffing",
                    styles["Normal"],
                )
            )
            continue
        story.append(
            Paragraph(
                f"Loket depan / front desk: {s.coverage_pct:.2f}% dijaga/covered "
                f"({_duration(s.covered_seconds)} dari/of {_duration(s.service_seconds)}), "
                f"{len(s.gaps)} kekosongan/gaps",
                styles["Normal"],
            )
        )
        if s.sign_off:
            text = (
                f"Disahkan/signed off: {s.sign_off.full_name or s.sign_off.by} "
                f"{s.sign_off.at.astimezone(zone).strftime('%Y-%m-%d %H:%M')}"
            )
            seal = seals.get(s.sign_off.seq)
            if seal is not None:
                text += f" — kode segel / seal code <b>{seal.code}</b>"
            if s.sign_off.changed_after:
                text += " — <b>DIUBAH SETELAH DISAHKAN / CHANGED AFTER SIGN-OFF</b>"
            story.append(Paragraph(text, styles["Normal"]))
        if s.gaps:
            rows = [["Mulai/start", "Selesai/end", "Durasi", "Sebab/cause", "Rujukan/ref"]]
            for g in s.gaps:
                rows.append(
                    [
                        _hm(g.start, zone),
                        _hm(g.end, zone) + (" …" if g.open else ""),
                        _duration(g.seconds),
                        Paragraph(
                            g.cause_text("id") + " / " + CAUSES[g.cause][1], styles["BodyText"]
                        ),
                        (g.reference or "") + (f" ({g.approved_by})" if g.approved_by else ""),
                    ]
                )
            story.append(Spacer(1, 2 * mm))
            story.append(
                Table(
                    rows,
                    repeatRows=1,
                    style=grid,
                    colWidths=[20 * mm, 20 * mm, 18 * mm, 80 * mm, 40 * mm],
                )
            )
        rows = [
            [
                "Loket/counter",
                "Jam layanan/hours",
                "Dijaga/staffed",
                "%",
                "Istirahat/breaks",
                "Petugas/officers",
            ]
        ]
        for c in s.counters:
            rows.append(
                [
                    f"{c.number}{' (depan/front)' if c.front_desk else ''}",
                    _duration(c.service_seconds),
                    _duration(c.staffed_seconds),
                    f"{c.coverage_pct:.1f}",
                    _duration(c.break_seconds),
                    ", ".join(c.officers),
                ]
            )
        for o in s.officers:
            rows.append(
                [
                    o.full_name or o.username,
                    _duration(o.service_seconds),
                    _duration(o.staffed_seconds),
                    f"{o.coverage_pct:.1f}",
                    _duration(o.break_seconds),
                    "loket " + ", ".join(str(n) for n in o.counters),
                ]
            )
        story.append(Spacer(1, 2 * mm))
        story.append(Table(rows, repeatRows=1, style=grid))
    doc.build(story)
    return buffer.getvalue()
