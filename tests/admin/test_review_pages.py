"""Staffing log review and sign-off, documents, complaints, the survey and the reports,
each driven by clicks on its page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpers.pdf_text import pdf_text
from helpers.stubs import JAKARTA
from openpyxl import load_workbook

from loket.admin.console.parts import set_date
from loket.models.documents import receipt_actions, receipt_lookup
from loket.models.feedback import complaint_actions, complaint_lookup, surveys
from loket.models.queue import calling, tickets
from loket.models.staffing import counter_actions as staffing

MONDAY = dt.date(2026, 11, 23)


def _type(qtbot, field, text: str) -> None:
    field.clear()
    qtbot.keyClicks(field, text)


def _column(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def _a_day_with_an_authorised_gap(clock, pins) -> None:
    staffing.sign_in(1, "budi", pins["budi"], clock)
    clock.advance(hours=1)  # 09:00
    staffing.sign_out(1, "sakit", "SKD-1", clock=clock)
    clock.advance(minutes=30)  # 09:30
    staffing.sign_in(2, "sari", pins["sari"], clock)
    closing = dt.datetime(2026, 11, 23, 16, 5, tzinfo=JAKARTA)
    while clock.now() < closing:  # the counter app's heartbeats until after closing time
        clock.advance(seconds=50)
        staffing.heartbeat(2, clock)
    staffing.sign_out(2, clock=clock)
    staffing.check(clock)


def test_staffing_log_filters_verify_and_sign_off(log_in, open_page, qtbot, tap, clock, pins):
    _a_day_with_an_authorised_gap(clock, pins)
    window = log_in("kepala")
    page = open_page(window, "staffing_log")
    set_date(page.day, MONDAY)
    tap(page.show_button)
    causes = _column(page.gaps, 3)
    assert "ditinggal dengan alasan sah" in causes
    assert "tidak ada petugas yang masuk" in causes  # 07:30–08:00 before anyone came
    page.choose(cause="authorised")
    assert page.gaps.rowCount() == 1
    assert page.gaps.item(0, 0).text() == "09:00:00"
    assert page.gaps.item(0, 1).text() == "09:30:00"
    assert page.gaps.item(0, 5).text() == "SKD-1"
    page.choose(officer="budi")
    assert "SKD-1" in _column(page.gaps, 5)
    assert all(who.startswith("budi") for who in _column(page.gaps, 7))
    assert page.gaps.rowCount() < len(causes)
    page.choose(counter=2)
    assert page.gaps.rowCount() == 0
    page.choose()
    assert page.gaps.rowCount() == len(causes)

    tap(page.verify_button)
    assert page.verify_result.property("role") == "muted"
    assert page.verify_result.text()

    assert page.sign_off_state.text() == "Belum disahkan kepala"
    _type(qtbot, page.password, "bukan-sandinya")
    tap(page.sign_off_button)
    assert "salah" in page.notice.text()
    _type(qtbot, page.password, "kepala-rahasia")
    tap(page.sign_off_button)
    assert page.sign_off_state.text().startswith("Disahkan oleh Ibu Kepala")
    assert page.password.text() == ""


def test_only_the_head_signs_off(log_in, open_page, qtbot, tap, clock, pins):
    _a_day_with_an_authorised_gap(clock, pins)
    window = log_in("admin")
    page = open_page(window, "staffing_log")
    set_date(page.day, MONDAY)
    tap(page.show_button)
    _type(qtbot, page.password, "admin-rahasia")
    tap(page.sign_off_button)
    assert "Hanya head" in page.notice.text()
    assert page.sign_off_state.text() == "Belum disahkan kepala"


def test_receipt_search_status_changes_and_who_to_phone(log_in, open_page, qtbot, tap, clock):
    receipt_actions.new_receipt(
        "Siti Aminah", "Permohonan KTP", "Dukcapil", 3, sender_phone="081234567890",
        channel="kiosk", clock=clock,
    )  # fmt: skip
    other = receipt_actions.new_receipt(
        "Bambang", "Izin usaha", "Perizinan", 1, channel="kiosk", clock=clock
    )
    window = log_in("admin")
    page = open_page(window, "documents")
    assert page.list.rowCount() == 2
    _type(qtbot, page.search, "siti")
    tap(page.search_button)
    assert page.list.rowCount() == 1
    number = page.list.item(0, 0).text()
    _type(qtbot, page.search, other.number)
    tap(page.search_button)
    assert _column(page.list, 0) == [other.number]
    _type(qtbot, page.search, "Siti")
    tap(page.search_button)
    page.list.setCurrentCell(0, 0)
    assert not page.move_buttons["ready"].isEnabled()
    tap(page.move_buttons["confirmed"])
    assert page.notice.text() == f"{number}: Dikonfirmasi petugas"
    page.list.setCurrentCell(0, 0)
    _type(qtbot, page.note, "Sudah ditandatangani lurah")
    tap(page.move_buttons["ready"])
    info = receipt_lookup.show_receipt(number)
    assert info.status == "ready"
    assert [e.officer for e in info.history][-1] == "admin"
    assert _column(page.ready, 2) == ["telepon 0812-3456-7890"]
    assert _column(page.ready, 1) == ["Siti Aminah"]


def test_complaint_follow_up_and_close(log_in, open_page, qtbot, tap, clock):
    filed = complaint_actions.file_complaint(
        "Antrian layanan KTP lama sekali", contact_name="Rina", contact_phone="0811111111",
        clock=clock,
    )  # fmt: skip
    window = log_in("admin")
    page = open_page(window, "complaints")
    assert "Terbuka 1 (baru 1" in page.counts.text()
    assert page.list.item(0, 3).text() == str(filed.due_date)
    page.list.setCurrentCell(0, 0)
    assert "Antrian layanan KTP lama sekali" in page.detail.toPlainText()
    _type(qtbot, page.note, "Sudah dihubungi, loket ditambah pada jam sibuk")
    page.next_status.setCurrentIndex(page.next_status.findData("answered"))
    tap(page.follow_up_button)
    assert page.notice.text() == "Tindak lanjut dicatat"
    info = complaint_lookup.show_complaint(filed.number, clock)
    assert info.status == "answered"
    assert info.follow_ups[-1].officer == "admin"
    assert "loket ditambah" in page.detail.toPlainText()
    page.list.setCurrentCell(0, 0)
    _type(qtbot, page.note, "Pelapor puas")
    tap(page.close_button)
    assert complaint_lookup.show_complaint(filed.number, clock).status == "closed"
    assert "selesai 1" in page.counts.text()


def test_survey_page_shows_the_ikm_of_ikm_report(log_in, open_page, tap, clock, tmp_path: Path):
    answers = (
        [4, 3, 3, 4, 3, 4, 4, 2, 3],
        [3, 3, 2, 4, 3, 3, 4, 2, 2],
        [4, 4, 3, 4, 4, 4, 4, 3, 3],
    )
    for row in answers:
        surveys.record_response(row, "A", clock=clock)
    surveys.record_response([2, 2, 2, 4, 2, 3, 3, 1, 2], "B", clock=clock)
    expected = surveys.ikm_report(MONDAY, MONDAY, "A")
    window = log_in("kepala")
    page = open_page(window, "survey")
    set_date(page.date_from, MONDAY)
    set_date(page.date_to, MONDAY)
    page.service.setCurrentIndex(page.service.findData("A"))
    tap(page.show_button)
    result = expected.result
    assert page.index.text().startswith(f"IKM {result.ikm} · mutu {result.category.mutu}")
    assert page.elements.rowCount() == 9
    assert _column(page.elements, 3) == [str(s.nrr_rounded()) for s in result.scores]
    assert result.weakest.element.name_id in page.weakest.text()
    assert f"Responden 3 dari {expected.population}" in page.sample.text()
    assert sorted(_column(page.per_service, 3)) == ["1", "3"]
    tap(page.print_button)
    printed = pdf_text(Path(page.printed_to))
    assert "Laporan Survei Kepuasan Masyarakat / Public satisfaction survey report" in printed
    assert "Kantor Kelurahan Menteng · 2026-11-23 – 2026-11-23" in printed
    ikm_row = f"{float(result.ikm):.2f} {result.category.mutu} 3"
    assert f"2026-11-23 – 2026-11-23 {ikm_row}" in printed  # the overall line: service A only
    assert f"A Administrasi Kependudukan {ikm_row}" in printed
    weakest = result.weakest
    assert f"{weakest.element.name_id} 3 {float(weakest.nrr_rounded()):.2f}" in printed


def test_reports_charts_and_exports(log_in, open_page, tap, clock, pins, tmp_path: Path):
    staffing.sign_in(1, "budi", pins["budi"], clock)
    for _ in range(6):
        tickets.issue_ticket("A", clock=clock)
    for _ in range(4):
        clock.advance(minutes=3)
        staffing.heartbeat(1, clock)
        calling.call_next(1, "budi", clock)
        clock.advance(minutes=2)
        calling.finish(1, clock)
    window = log_in("kepala")
    page = open_page(window, "reports")
    page.choose("tickets", MONDAY, MONDAY)
    tap(page.show_button)
    assert page.summary.text().startswith("Diambil 6, dilayani 4")
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Per jam", "Per hari", "Waktu tunggu", "Per petugas", "Tabel",
    ]  # fmt: skip
    assert page.table.rowCount() > 0
    written = {}
    for fmt in ("csv", "xlsx", "pdf"):
        tap(page.export_buttons[fmt])
        written[fmt] = page.exported[-1]
        assert (
            page.progress is not None and page.progress.steps[-1][0] == page.progress.steps[-1][1]
        )
    assert "A" in written["csv"].read_text(encoding="utf-8")
    assert load_workbook(written["xlsx"]).sheetnames
    printed = pdf_text(written["pdf"])
    assert "Laporan Antrian / Ticket report" in printed
    assert "Tiket diambil / tickets issued 6" in printed and "Dilayani / served 4" in printed
    assert "A Administrasi Kependudukan 6 4 0 0" in printed
    assert "budi Budi Santoso 4 0" in printed
    assert all(path.parent == tmp_path / "exports" for path in written.values())

    page.choose("staffing", MONDAY, MONDAY)
    tap(page.show_button)
    assert "Loket depan dijaga" in page.summary.text()
    page.choose("survey", MONDAY, MONDAY)
    tap(page.show_button)
    assert page.summary.text().startswith("IKM")
