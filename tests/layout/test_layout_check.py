"""The layout check fails on what a person would see wrong, and passes a well laid-out form."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from helpers.layout_check import layout_problems
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

LONG = "Perizinan dan Surat Keterangan Usaha Mikro"


@pytest.fixture
def window(qtbot) -> Callable[..., QWidget]:
    def make(width: int = 480, height: int = 360) -> QWidget:
        top = QWidget()
        top.setObjectName("top")
        qtbot.addWidget(top)
        top.resize(width, height)
        return top

    return make


def shown(qtbot, top: QWidget) -> QWidget:
    top.show()
    qtbot.waitExposed(top)
    return top


def only(problems: list[str], word: str) -> list[str]:
    return [line for line in problems if word in line]


def test_a_well_laid_out_form_passes(qtbot, window) -> None:
    top = window(640, 480)
    form = QFormLayout(top)
    form.addRow(QLabel("Nama lengkap"), QLineEdit("Sari Wulandari"))
    combo = QComboBox()
    combo.addItems(["Administrasi Kependudukan", "Perizinan"])
    form.addRow(QLabel("Layanan"), combo)
    form.addRow(QCheckBox("Prioritas (lansia, disabilitas)"))
    note = QLabel(LONG + " — " + LONG)
    note.setWordWrap(True)
    form.addRow(note)
    group = QGroupBox("Tanda terima")
    QVBoxLayout(group).addWidget(QLabel("Dicetak setelah dikirim"))
    form.addRow(group)
    row = QHBoxLayout()
    for text in ("Batal", "Kirim"):
        button = QPushButton(text)
        button.setMinimumHeight(32)
        row.addWidget(button)
    form.addRow(row)
    shown(qtbot, top)
    assert layout_problems([top], kiosk=False, display=(1024, 768)) == []


def test_a_button_off_the_window_is_named(qtbot, window) -> None:
    top = window(300, 200)
    off = QPushButton("Keluar", top)
    off.setObjectName("sign_out")
    off.setGeometry(250, 170, 100, 40)
    shown(qtbot, top)
    problems = only(layout_problems([top], kiosk=False), "outside")
    assert len(problems) == 1
    assert 'QPushButton#sign_out "Keluar"' in problems[0]
    assert "50 px past the right" in problems[0] and "px past the bottom" in problems[0]


def test_a_window_larger_than_the_display_is_reported(qtbot, window) -> None:
    top = window(1366, 996)
    shown(qtbot, top)
    problems = layout_problems([top], kiosk=False, display=(1366, 768))
    assert len(problems) == 1 and "1366×996 px on a 1366×768 display" in problems[0]


def test_scrolled_content_may_extend_beyond_the_viewport(qtbot, window) -> None:
    from PySide6.QtWidgets import QScrollArea

    top = window(400, 300)
    area = QScrollArea()
    content = QWidget()
    content.setMinimumSize(900, 900)
    area.setWidget(content)
    QVBoxLayout(top).addWidget(area)
    shown(qtbot, top)
    assert layout_problems([top], kiosk=False) == []
    area.setParent(None)  # the area itself must fit in the window
    area.setParent(top)
    area.setGeometry(100, 100, 400, 300)
    area.show()
    assert only(layout_problems([top], kiosk=False), "outside its parent")


def test_overlapping_siblings_are_reported_unless_meant_to_overlay(qtbot, window) -> None:
    top = window(400, 300)
    first = QLabel("Nomor antrean", top)
    first.setGeometry(10, 10, 200, 40)
    second = QLabel("Silakan tunggu", top)
    second.setGeometry(100, 30, 200, 40)
    shown(qtbot, top)
    problems = only(layout_problems([top], kiosk=False), "overlaps")
    assert len(problems) == 1
    assert '"Nomor antrean"' in problems[0] and '"Silakan tunggu"' in problems[0]
    assert "110×20 px" in problems[0]
    second.setProperty("layout_overlay", True)
    assert only(layout_problems([top], kiosk=False), "overlaps") == []


def test_hidden_pages_of_a_stack_do_not_overlap(qtbot, window) -> None:
    top = window(400, 300)
    stack = QStackedWidget()
    for text in ("Halaman satu", "Halaman dua"):
        stack.addWidget(QLabel(text))
    QVBoxLayout(top).addWidget(stack)
    shown(qtbot, top)
    assert layout_problems([top], kiosk=False) == []


def test_a_cut_label_is_reported_and_wrapping_fixes_it(qtbot, window) -> None:
    top = window(400, 300)
    label = QLabel(LONG, top)
    label.setGeometry(10, 10, 120, 30)
    shown(qtbot, top)
    problems = layout_problems([top], kiosk=False)
    assert len(problems) == 1 and problems[0].startswith("text cut (needs ")
    assert f'"{LONG}"' in problems[0]
    label.setWordWrap(True)
    label.setGeometry(10, 10, 200, 200)
    assert layout_problems([top], kiosk=False) == []
    label.setGeometry(10, 10, 200, 20)  # wrapped, but one line high
    assert only(layout_problems([top], kiosk=False), "text cut")


def test_a_large_font_cuts_a_label_that_fit(qtbot, window) -> None:
    top = window(400, 300)
    label = QLabel("Administrasi", top)
    width = QFontMetrics(label.font()).horizontalAdvance("Administrasi")
    label.setGeometry(10, 10, width + 2, 40)
    shown(qtbot, top)
    assert layout_problems([top], kiosk=False) == []
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.25)
    label.setFont(font)
    assert only(layout_problems([top], kiosk=False), "text cut")


def test_rich_text_is_measured_as_rendered(qtbot, window) -> None:
    top = window(400, 300)
    label = QLabel(f"<b>{LONG}</b>", top)
    label.setGeometry(10, 10, 100, 30)
    shown(qtbot, top)
    assert only(layout_problems([top], kiosk=False), "text cut")


def test_an_elision_at_a_word_end_is_still_an_elision(qtbot, window) -> None:
    top = window(400, 300)
    label = QLabel("Perizinan dan …", top)
    label.setGeometry(10, 10, 300, 30)
    shown(qtbot, top)
    problems = layout_problems([top], kiosk=False)
    assert len(problems) == 1 and "elided text" in problems[0]


def test_elided_text_needs_the_full_text_reachable(qtbot, window) -> None:
    top = window(400, 300)
    label = QLabel(top)
    label.setGeometry(10, 10, 120, 30)
    elided = QFontMetrics(label.font()).elidedText(LONG, Qt.TextElideMode.ElideRight, 110)
    assert elided.endswith("…")
    label.setText(elided)
    shown(qtbot, top)
    problems = layout_problems([top], kiosk=False)
    assert len(problems) == 1 and "elided text" in problems[0]
    label.setToolTip(LONG)
    assert layout_problems([top], kiosk=False) == []
    label.setToolTip("")
    label.setAccessibleDescription(LONG)
    assert layout_problems([top], kiosk=False) == []


def test_a_message_that_ends_in_an_ellipsis_is_not_elision(qtbot, window) -> None:
    top = window(400, 300)
    QVBoxLayout(top).addWidget(QLabel("Tiket sedang dicetak…"))
    shown(qtbot, top)
    assert layout_problems([top], kiosk=False) == []


def test_text_painted_elided_is_fine_when_the_tooltip_has_it(qtbot, window) -> None:
    top = window(400, 300)
    label = QLabel(LONG, top)
    label.setGeometry(10, 10, 120, 30)
    label.setToolTip(LONG)
    shown(qtbot, top)
    assert layout_problems([top], kiosk=False) == []


def test_a_cut_button_text_is_reported(qtbot, window) -> None:
    top = window(400, 300)
    button = QPushButton("Panggil ulang [F2]", top)
    button.setGeometry(10, 10, 60, 40)
    shown(qtbot, top)
    problems = layout_problems([top], kiosk=False)
    assert len(problems) == 1 and '"Panggil ulang [F2]"' in problems[0]
    button.setGeometry(10, 10, button.sizeHint().width(), 40)
    assert layout_problems([top], kiosk=False) == []


def test_a_cut_check_box_line_edit_and_combo_are_reported(qtbot, window) -> None:
    top = window(400, 300)
    check = QCheckBox(LONG, top)
    check.setGeometry(10, 10, 80, 30)
    edit = QLineEdit("admin", top)
    edit.setGeometry(10, 50, 200, 12)  # the login field that clipped its text
    combo = QComboBox(top)
    combo.addItem(LONG)
    combo.setGeometry(10, 80, 90, 30)
    shown(qtbot, top)
    problems = only(layout_problems([top], kiosk=False), "text cut")
    assert len(problems) == 3
    assert any("QCheckBox" in line for line in problems)
    assert any('QLineEdit "admin"' in line for line in problems)
    assert any("QComboBox" in line for line in problems)


def test_a_too_narrow_group_title_and_tabs_are_reported(qtbot, window) -> None:
    top = window(400, 300)
    group = QGroupBox(LONG, top)
    group.setGeometry(10, 10, 80, 60)
    tabs = QTabWidget(top)
    tabs.setGeometry(10, 100, 120, 100)
    tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
    tabs.tabBar().setUsesScrollButtons(False)
    tabs.addTab(QWidget(), "Administrasi Kependudukan")
    tabs.addTab(QWidget(), "Pengaduan")
    shown(qtbot, top)
    problems = layout_problems([top], kiosk=False)
    assert any("title needs" in line and "QGroupBox" in line for line in problems)
    assert any("tab text 'Administrasi Kependudukan' cut" in line for line in problems)


def test_a_header_section_too_narrow_is_reported(qtbot, window) -> None:
    top = window(600, 300)
    table = QTableWidget(3, 2)
    table.setHorizontalHeaderLabels(["Layanan", "Rata-rata waktu tunggu (menit)"])
    QVBoxLayout(top).addWidget(table)
    table.horizontalHeader().resizeSection(1, 60)
    shown(qtbot, top)
    problems = layout_problems([top], kiosk=False)
    assert len(problems) == 1
    assert "header 'Rata-rata waktu tunggu (menit)' cut" in problems[0]
    table.resizeColumnsToContents()
    assert layout_problems([top], kiosk=False) == []


def test_a_list_item_wider_than_the_list_is_reported(qtbot, window) -> None:
    top = window(400, 300)
    items = QListWidget(top)
    items.setGeometry(10, 10, 120, 120)
    items.addItems(["A", LONG])
    shown(qtbot, top)
    problems = layout_problems([top], kiosk=False)
    assert len(problems) == 1 and f"list item {LONG!r} cut" in problems[0]


def test_kiosk_touch_targets_and_primary_actions(qtbot, window) -> None:
    from loket.kiosk.shell.theme import PRIMARY_MM, touch_px

    top = window(600, 400)
    small = QPushButton("0", top)
    small.setGeometry(10, 10, 40, 40)
    primary = QPushButton("Ambil", top)
    primary.setProperty("role", "primary")
    shown(qtbot, top)
    big = touch_px(PRIMARY_MM, primary)
    primary.setGeometry(100, 10, 200, big - 1)
    problems = layout_problems([top], kiosk=True)
    assert any("touch target 40×40 px" in line and '"0"' in line for line in problems)
    assert any(f"primary action 200×{big - 1} px" in line for line in problems)
    assert layout_problems([top], kiosk=False) == []  # a mouse hits 40 px well
    small.setGeometry(10, 10, 44, 44)
    primary.setGeometry(100, 10, 200, big)
    assert layout_problems([top], kiosk=True) == []


def test_desktop_buttons_need_a_modest_height(qtbot, window) -> None:
    top = window(400, 300)
    button = QPushButton("OK", top)
    button.setGeometry(10, 10, 100, 20)
    shown(qtbot, top)
    problems = layout_problems([top], kiosk=False)
    assert len(problems) == 1 and "button 20 px high" in problems[0]


def test_dialogs_are_checked_with_their_own_window(qtbot, window) -> None:
    from PySide6.QtWidgets import QDialog

    top = window(400, 300)
    dialog = QDialog(top)
    dialog.resize(200, 100)
    off = QPushButton("Ya", dialog)
    off.setGeometry(180, 10, 60, 30)
    shown(qtbot, top)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert layout_problems([top], kiosk=False) == []  # a dialog is its own window
    problems = layout_problems([top, dialog], kiosk=False)
    assert len(problems) == 1 and "QDialog" in problems[0] and '"Ya"' in problems[0]


def test_list_items_are_measured_in_the_lists_style_sheet_font(qtbot, window) -> None:
    top = window(400, 300)
    items = QListWidget(top)
    items.setStyleSheet("font-size: 30px;")
    text = "B-002  Perizinan"
    items.setGeometry(10, 10, QFontMetrics(items.font()).horizontalAdvance(text) + 40, 120)
    items.addItem(text)
    shown(qtbot, top)
    problems = layout_problems([top], kiosk=False)
    assert len(problems) == 1 and f"list item {text!r} cut" in problems[0]


def test_a_button_label_must_fit_with_its_glyphs_not_its_line_box(qtbot, window) -> None:
    top = window(400, 300)
    button = QPushButton("7", top)
    button.setStyleSheet("font-size: 42px; padding: 0; border: 1px solid gray;")
    shown(qtbot, top)
    metrics = QFontMetrics(button.font())
    ink = metrics.tightBoundingRect("7").height()
    assert ink < metrics.height() - 8
    button.setGeometry(10, 10, 80, ink + 6)  # the digit is whole; its line box is not
    assert layout_problems([top], kiosk=False) == []
    button.setGeometry(10, 10, 80, ink - 6)
    assert only(layout_problems([top], kiosk=False), "text cut")
