"""Reports to CSV, XLSX (openpyxl) and PDF (reportlab), with a progress callback.

Every report is a list of titled tables (:meth:`sections`); each format lays those out
its own way: CSV one block per table separated by a blank line, XLSX one worksheet per
table with numbers as numbers, PDF the report's charts and one table per section
(headers repeated on every page). ``progress(done, total)`` counts table rows and is
called now and then and once at the end, so a long export can show a bar.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any, Protocol

from loket.models.errors import InvalidInput
from loket.models.reports.sections import Section

FORMATS = ("json", "csv", "xlsx", "pdf")
Progress = Callable[[int, int], None]
_EVERY = 100


class Report(Protocol):
    kind: str

    def sections(self) -> list[Section]: ...

    def as_json(self) -> dict[str, Any]: ...


_TITLES = {
    "tickets": ("Laporan Antrian", "Ticket report"),
    "staffing": ("Laporan Penjagaan Loket", "Staffing report"),
    "survey": ("Laporan Survei Kepuasan Masyarakat", "Public satisfaction survey report"),
    "workload": ("Laporan Beban Kerja Loket", "Workload report"),
    "abk": ("Analisis Beban Kerja (ABK)", "Workload analysis (ABK)"),
}


def title(report: Report) -> tuple[str, str]:
    return _TITLES.get(report.kind, ("Laporan", "Report"))


class _Ticker:
    def __init__(self, sections: list[Section], progress: Progress | None) -> None:
        self.total = sum(len(s.rows) for s in sections)
        self.done = 0
        self.progress = progress

    def step(self) -> None:
        self.done += 1
        if self.progress is not None and self.done % _EVERY == 0:
            self.progress(self.done, self.total)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


def _period(report: Report) -> str:
    data = report.as_json()
    text = f"{data.get('from')} – {data.get('to')}"
    if data.get("service"):
        text += f" · layanan/service {data['service']}"
    return text


def to_json(report: Report) -> str:
    return json.dumps(report.as_json(), ensure_ascii=False, indent=1, default=str)


def to_csv(report: Report, progress: Progress | None = None) -> str:
    sections = report.sections()
    ticker = _Ticker(sections, progress)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    title_id, title_en = title(report)
    writer.writerow([f"{title_id} / {title_en}", _period(report)])
    for section in sections:
        writer.writerow([])
        writer.writerow([f"{section.title_id} / {section.title_en}"])
        writer.writerow(section.headers)
        for row in section.rows:
            writer.writerow(["" if v is None else v for v in row])
            ticker.step()
    ticker.finish()
    return out.getvalue()


def to_xlsx(report: Report, progress: Progress | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    sections = report.sections()
    ticker = _Ticker(sections, progress)
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    title_id, title_en = title(report)
    bold = Font(bold=True)
    for section in sections:
        sheet = book.create_sheet(section.key[:31])
        sheet.append([f"{title_id} / {title_en}", _period(report)])
        sheet.append([f"{section.title_id} / {section.title_en}"])
        sheet.append(list(section.headers))
        for cell in sheet[3]:
            cell.font = bold
        for row in section.rows:
            sheet.append(list(row))
            ticker.step()
        sheet.freeze_panes = "A4"
        for column, header in zip(sheet.columns, section.headers, strict=False):
            letter = column[0].column_letter
            sheet.column_dimensions[letter].width = min(40, max(10, len(str(header)) + 2))
    out = io.BytesIO()
    book.save(out)
    ticker.finish()
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.2f}".replace(",", "\u2009")
    return str(value)


def to_pdf(report: Report, office_name: str = "", progress: Progress | None = None) -> bytes:
    """Charts first (as on screen), then a table per section: see :mod:`pdf_report`."""
    from loket.models.reports.pdf_report import build_pdf

    sections = report.sections()
    ticker = _Ticker(sections, progress)
    data = build_pdf(
        report, sections, title(report), _period(report), office_name, ticker.step, _cell
    )
    ticker.finish()
    return data


def export(
    report: Report, fmt: str, office_name: str = "", progress: Progress | None = None
) -> bytes:
    """The report in ``fmt`` (json, csv, xlsx, pdf) as bytes (text formats UTF-8)."""
    if fmt == "json":
        return to_json(report).encode("utf-8")
    if fmt == "csv":
        return to_csv(report, progress).encode("utf-8")
    if fmt == "xlsx":
        return to_xlsx(report, progress)
    if fmt == "pdf":
        return to_pdf(report, office_name, progress)
    raise InvalidInput(
        f"Format tidak dikenal: {fmt} (pilihan: {', '.join(FORMATS)})",
        f"Unknown format: {fmt} (choices: {', '.join(FORMATS)})",
    )
