"""A report as a PDF (reportlab): one table per section, then the report's charts.

Header cells are paragraphs that wrap between words only, and each column is at least as
wide as its longest header word and its widest cell, so no word is ever broken ("servi
ce"). The charts are the screen's (:mod:`loket.models.reports.charts`), drawn as bar
charts with the same whole-number value axis.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from typing import Any

from loket.models.reports.charts import Chart, charts_for
from loket.models.reports.sections import Section

FONT, BOLD, SIZE = "Helvetica", "Helvetica-Bold", 7
PADDING = 6  # a table cell's left and right padding together (reportlab's default)
COLOURS = ("#0b4f8a", "#e07b00", "#6b7280", "#1e7b34")
CHART_HEIGHT = 150
MAX_LABELS = 31  # category labels under a chart, at most


def column_widths(
    headers: Sequence[str], rows: Sequence[Sequence[str]], room: float
) -> list[float]:
    """Widths (points) that keep every header word and every cell whole, sharing ``room``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    least, ideal = [], []
    for column, header in enumerate(headers):
        cells = [stringWidth(row[column], FONT, SIZE) for row in rows if column < len(row)]
        widest_cell = max(cells, default=0.0)
        words = [stringWidth(word, BOLD, SIZE) for word in header.split()] or [0.0]
        least.append(max(widest_cell, max(words)) + PADDING + 1)
        ideal.append(max(widest_cell, stringWidth(header, BOLD, SIZE)) + PADDING + 1)
    if sum(ideal) <= room:
        extra = (room - sum(ideal)) / len(ideal)
        return [width + extra for width in ideal]
    if sum(least) >= room:
        return least  # wider than the page: whole words matter more than the margin
    spare = room - sum(least)
    wanted = [i - m for i, m in zip(ideal, least, strict=True)]
    total = sum(wanted) or 1.0
    return [m + spare * w / total for m, w in zip(least, wanted, strict=True)]


def chart_drawing(chart: Chart, width: float) -> Any:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    drawing = Drawing(width, CHART_HEIGHT)
    bars = VerticalBarChart()
    bars.x, bars.y = 40, 30
    bars.width, bars.height = width - 180, CHART_HEIGHT - 45
    bars.data = [list(s.values) or [0.0] for s in chart.series]
    top, step = chart.axis()
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueMax = top
    bars.valueAxis.valueStep = step
    bars.valueAxis.labelTextFormat = "%d"
    bars.valueAxis.labels.fontName = FONT
    bars.valueAxis.labels.fontSize = SIZE
    names = list(chart.categories) or [""]
    every = math.ceil(len(names) / MAX_LABELS)  # a year of days: a label now and then
    bars.categoryAxis.categoryNames = [n if i % every == 0 else "" for i, n in enumerate(names)]
    bars.categoryAxis.labels.fontName = FONT
    bars.categoryAxis.labels.fontSize = SIZE
    for index in range(len(chart.series)):
        bars.bars[index].fillColor = colors.HexColor(COLOURS[index % len(COLOURS)])
    drawing.add(bars)
    legend = Legend()
    legend.x, legend.y = width - 130, CHART_HEIGHT - 20
    legend.fontName, legend.fontSize = FONT, SIZE
    legend.colorNamePairs = [
        (colors.HexColor(COLOURS[i % len(COLOURS)]), f"{s.name_id} / {s.name_en}")
        for i, s in enumerate(chart.series)
    ]
    drawing.add(legend)
    return drawing


def build_pdf(
    report: Any,
    sections: list[Section],
    title: tuple[str, str],
    period: str,
    office_name: str,
    step: Callable[[], None],
    cell: Callable[[Any], str],
) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepTogether,
        LongTable,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        TableStyle,
    )

    styles = getSampleStyleSheet()
    head = styles["BodyText"].clone(
        "head", fontName=BOLD, fontSize=SIZE, leading=SIZE + 1.5, splitLongWords=0
    )
    title_id, title_en = title
    story: list[Any] = [
        Paragraph(f"{title_id} / <i>{title_en}</i>", styles["Title"]),
        Paragraph(f"{office_name} · {period}" if office_name else period, styles["Normal"]),
        Spacer(1, 4 * mm),
    ]
    page_width, _ = landscape(A4)
    room = page_width - 24 * mm
    style = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), FONT, SIZE),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee")),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ]
    )
    for section in sections:
        story.append(
            Paragraph(f"{section.title_id} / <i>{section.title_en}</i>", styles["Heading3"])
        )
        cells: list[list[str]] = []
        for row in section.rows:
            cells.append([cell(v) for v in row])
            step()
        if not cells:
            story.append(Paragraph("Tidak ada data / no data", styles["Normal"]))
            continue
        headers = [str(h) for h in section.headers]
        widths = column_widths(headers, cells, room)
        rows: list[list[Any]] = [[Paragraph(h, head) for h in headers], *cells]
        table = LongTable(rows, colWidths=widths, repeatRows=1)
        table.setStyle(style)
        story.append(table)
        story.append(Spacer(1, 4 * mm))
    for chart in charts_for(report):  # after the figures: a long table starts on page 1
        story.append(
            KeepTogether(
                [
                    Paragraph(f"{chart.title_id} / <i>{chart.title_en}</i>", styles["Heading4"]),
                    chart_drawing(chart, room),
                ]
            )
        )
    out = io.BytesIO()

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, SIZE)
        canvas.drawRightString(
            doc.pagesize[0] - 12 * mm, 8 * mm, f"Halaman/page {doc.page} · Loket"
        )
        canvas.restoreState()

    doc = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=14 * mm,
        title=f"{title_id} {period}",
        author=office_name or "Loket",
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()
