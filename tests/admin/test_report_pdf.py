"""The report PDF a head hands on: header words whole, and the screen's charts in it."""

from __future__ import annotations

import datetime as dt
import io
import re

from helpers.pdf_text import pdf_text

from loket.models.queue import calling, tickets
from loket.models.reports import export as report_export
from loket.models.reports.charts import ticket_charts
from loket.models.reports.pdf_report import BOLD, SIZE, column_widths
from loket.models.reports.ticket_report import ticket_report
from loket.models.staffing import counter_actions as staffing

MONDAY = dt.date(2026, 11, 23)


def _morning(clock, pins) -> None:
    staffing.sign_in(1, "budi", pins["budi"], clock)
    for code in "AAABB":
        tickets.issue_ticket(code, clock=clock)
    for _ in range(3):
        clock.advance(minutes=4)
        staffing.heartbeat(1, clock)
        calling.call_next(1, "budi", clock)
        clock.advance(minutes=2)
        calling.finish(1, clock)


def test_header_words_are_never_broken(office, clock, pins):
    _morning(clock, pins)
    report = ticket_report(MONDAY, MONDAY)
    text = pdf_text(report_export.to_pdf(report, "Kantor Kelurahan Menteng"))
    words = {w for section in report.sections() for h in section.headers for w in h.split()}
    assert "service" in " ".join(words).lower()
    for word in words:  # every header word is in the text whole: none split by a line end
        assert re.search(rf"(?<!\S){re.escape(word)}(?!\S)", text), word
    assert "servi ce" not in text


def test_columns_are_never_narrower_than_their_longest_word():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    headers = ["Layanan / service", "Tunggu median (menit) / wait median (min)", "Dilayani"]
    rows = [["A · Administrasi Kependudukan", "12.50", "4"]]
    for room in (120.0, 400.0, 800.0):
        widths = column_widths(headers, rows, room)
        for header, width in zip(headers, widths, strict=True):
            longest = max(stringWidth(w, BOLD, SIZE) for w in header.split())
            assert width >= longest
        if room >= 400:
            assert abs(sum(widths) - room) < 0.01  # the page's width, shared out


def test_the_pdf_has_the_screens_charts(office, clock, pins):
    from pypdf import PdfReader

    _morning(clock, pins)
    report = ticket_report(MONDAY, MONDAY)
    pdf = report_export.to_pdf(report, "Kantor")
    text = pdf_text(pdf)
    charts = ticket_charts(report)
    assert len(charts) == 4
    for chart in charts:
        assert f"{chart.title_id} / {chart.title_en}" in text
    assert "diambil / issued" in text  # a legend
    # The value axis of "tickets per hour" (5 tickets at 08:00): 0 1 2 3 4 5, no fractions.
    assert re.search(r"\b0 1 2 3 4 5\b", text), text[-600:]
    drawn = b"".join(page.get_contents().get_data() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert drawn.count(b" re") >= 4  # bars are filled rectangles
