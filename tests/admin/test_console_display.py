"""What issue 11 asked of the console: it speaks English all through once switched, the
login is readable, tables keep their key column, the sign-off names its day, chart axes
count in whole numbers, and exports go where the person chose (or nowhere on Cancel)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpers.pdf_text import pdf_text
from helpers.settle import settle
from PySide6.QtCharts import QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHeaderView,
    QLabel,
    QTableWidget,
    QWidget,
)

from loket.admin.console.key_table import KeyColumnTable
from loket.admin.console.parts import fill_table, set_date, set_headers
from loket.admin.console.parts import table as make_table
from loket.kiosk.shell import i18n
from loket.models.queue import calling, tickets
from loket.models.reports.charts import integer_axis
from loket.models.staffing import counter_actions as staffing

MONDAY = dt.date(2026, 11, 23)
FRIDAY = dt.date(2026, 11, 20)
# Texts of the pages below as the source writes them: none may be left after switching.
INDONESIAN = (
    "Papan penjagaan langsung",
    "Log penjagaan",
    "Tampilkan",
    "Sahkan",
    "Menunggu",
    "Layanan",
    "Keluar",
    "Nomor antrian per jam",
    "Simpan",
    "Jam layanan",
    "Hari libur",
    "Petugas dan peran",
    "Nama pengguna",
)


def _texts(window: QWidget) -> list[str]:
    """Every text a person can read in the window: labels, buttons, headers, the nav."""
    found = [window.nav.item(r).text() for r in range(window.nav.count())]  # type: ignore[attr-defined]
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        if isinstance(widget, QTableWidget):
            found += [
                widget.horizontalHeaderItem(c).text()
                for c in range(widget.columnCount())
                if widget.horizontalHeaderItem(c) is not None
            ]
        if isinstance(widget, QChartView):
            found.append(widget.chart().title())
    return found


def _busy_morning(clock, pins) -> None:
    staffing.sign_in(1, "budi", pins["budi"], clock)
    for _ in range(5):
        tickets.issue_ticket("A", clock=clock)
    for _ in range(3):
        clock.advance(minutes=3)
        staffing.heartbeat(1, clock)
        calling.call_next(1, "budi", clock)
        clock.advance(minutes=2)
        calling.finish(1, clock)


def test_switching_to_english_leaves_no_indonesian(log_in, open_page, tap, clock, pins, qtbot):
    _busy_morning(clock, pins)
    window = log_in("kepala")
    tap(window.language_button)
    assert i18n.current_language() == "en"
    seen: list[str] = []
    for key in ("coverage", "staffing_log", "reports", "hours", "staff"):
        page = open_page(window, key)
        if key == "reports":
            tap(page.show_button)
        settle(qtbot, window)
        texts = _texts(window)
        left = [t for t in texts for word in INDONESIAN if word in t]
        assert not left, (key, left)
        seen += texts
    for english in ("Live coverage board", "Sign off today", "Tickets per hour", "Waiting"):
        assert any(english in text for text in seen), english
    tap(window.language_button)
    assert window.current_page().heading.text() == "Petugas dan peran"


def test_the_login_fields_show_what_is_typed(make_console, qtbot):
    window = make_console()
    login = window.login
    metrics = QFontMetrics(login.username.font())
    name = "administrator.kecamatan"
    qtbot.keyClicks(login.username, name)
    for field in (login.username, login.password):
        assert field.width() >= metrics.horizontalAdvance(name) + 16
        assert field.height() >= metrics.height() + 12
    assert login.username.cursorRect().right() < login.username.width()


def test_the_sign_off_button_names_the_day(log_in, open_page, qapp):
    window = log_in("kepala")
    page = open_page(window, "staffing_log")
    assert page.sign_off_button.text() == "Sahkan hari ini"
    set_date(page.day, FRIDAY)
    assert page.sign_off_button.text() == "Sahkan Jumat, 20 Nov 2026"
    i18n.set_language(qapp, "en")
    assert page.sign_off_button.text() == "Sign off Friday, 20 Nov 2026"
    set_date(page.day, MONDAY)
    assert page.sign_off_button.text() == "Sign off today"


def test_chart_axes_count_in_whole_numbers(log_in, open_page, tap, clock, pins):
    assert [integer_axis(n) for n in (0, 1, 5, 6, 7, 13, 100)] == [
        (1, 1), (1, 1), (5, 1), (6, 1), (8, 2), (15, 5), (100, 20),
    ]  # fmt: skip
    _busy_morning(clock, pins)
    window = log_in("kepala")
    page = open_page(window, "reports")
    page.choose("tickets", MONDAY, MONDAY)
    tap(page.show_button)
    per_hour = page.tabs.widget(0)
    assert isinstance(per_hour, QChartView)
    (axis,) = [a for a in per_hour.chart().axes(Qt.Orientation.Vertical)]
    assert isinstance(axis, QValueAxis)
    assert (axis.min(), axis.max(), axis.tickInterval()) == (0, 5, 1)  # 5 tickets at 08:00
    assert axis.tickType() == QValueAxis.TickType.TicksDynamic and axis.labelFormat() == "%d"


def test_an_export_is_saved_where_the_person_chose(
    log_in, open_page, tap, clock, pins, saves, tmp_path: Path
):
    _busy_morning(clock, pins)
    window = log_in("kepala")
    page = open_page(window, "reports")
    page.choose("tickets", MONDAY, MONDAY)
    tap(page.show_button)
    exports = tmp_path / "exports"

    saves.answers = [None]  # Cancel
    tap(page.export_buttons["pdf"])
    _, suggested, pattern = saves.asked[-1]
    assert suggested == exports / "laporan-tickets-2026-11-23-2026-11-23.pdf"
    assert "*.pdf" in pattern
    assert list(exports.iterdir()) == [] and page.exported == []
    assert page.notice.text() == "Ekspor dibatalkan"

    chosen = tmp_path / "elsewhere" / "antrian-senin.pdf"
    chosen.parent.mkdir()
    saves.answers = [chosen]
    tap(page.export_buttons["pdf"])
    assert page.exported == [chosen] and list(exports.iterdir()) == []
    assert "Laporan Antrian / Ticket report" in pdf_text(chosen)
    assert str(chosen) in page.notice.text()

    keys = open_page(window, "keys")
    saves.answers = [None]
    tap(keys.export_button)
    assert not (exports / "kunci-publik-kantor.pem").exists()


def test_a_wide_table_keeps_its_key_column_in_view(qtbot):
    table = make_table("wide", 6)  # as every page makes its tables
    assert isinstance(table, KeyColumnTable)
    qtbot.addWidget(table)
    set_headers(table, ["Layanan", "Menunggu", "Prioritas", "Terlama", "Perkiraan", "Catatan"])
    fill_table(table, [(f"{c} · Pelayanan Kesejahteraan Sosial", 1, 0, 12, 20, "–") for c in "AB"])
    table.resize(420, 200)
    table.show()
    qtbot.waitExposed(table)
    QApplication.processEvents()
    assert not table.key_view.isVisible()  # nothing scrolled yet: the table's own column
    bar = table.horizontalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    assert table.key_view.isVisible()
    assert table.key_view.geometry().left() <= table.frameWidth()
    assert table.key_view.columnWidth(0) == table.columnWidth(0)
    assert table.key_view.model().index(1, 0).data().startswith("B · ")
    table.key_view.selectRow(1)
    assert table.currentRow() == 1  # one selection for both views


def test_the_live_board_table_fits_a_wide_screen(log_in):
    window = log_in("kepala")
    queue = window.coverage.queue_table
    QApplication.processEvents()
    assert queue.horizontalScrollBar().maximum() == 0
    header = queue.horizontalHeader()
    last = queue.columnCount() - 1
    assert header.sectionResizeMode(last) == QHeaderView.ResizeMode.Stretch
    for column in range(queue.columnCount()):
        text = queue.horizontalHeaderItem(column).text()
        assert header.sectionSize(column) >= QFontMetrics(header.font()).horizontalAdvance(text)
