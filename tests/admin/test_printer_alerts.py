"""Printer faults on the live board, and the office-wide list on the Printers page."""

from __future__ import annotations

from loket.models.office import audit
from loket.printing.status import decode_status

READY = decode_status({1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12})
PAPER_OUT = decode_status({1: 0x1A, 2: 0x32, 3: 0x12, 4: 0x7E})
NEAR_END = decode_status({1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1E})


def _report(
    clock, status, pending=0, station="LOBI-1", role="kiosk", uri="network://10.0.0.9:9100"
):
    from loket.models.printouts.printer_reports import report_printer

    report_printer(station, role, uri, status, pending, active=True, clock=clock)


def test_paper_out_turns_up_on_the_board_red_with_the_alarm_and_clears_itself(log_in, clock, qtbot):
    window = log_in("kepala")
    board = window.coverage
    banner = board.printer_banner
    assert not banner.isVisibleTo(board)

    rings = board.alarm.rings
    _report(clock, PAPER_OUT, pending=3)
    board.feed_changed({"printers"})
    qtbot.waitUntil(lambda: banner.isVisibleTo(board), timeout=10_000)
    assert banner.text() == (
        "Printer kios LOBI-1: Kertas printer habis. — 3 tiket menunggu dicetak"
    )
    assert banner.property("alarm") is True
    assert board.alarm.rings == rings + 1
    board.refresh()  # the same fault again: no second sound
    assert board.alarm.rings == rings + 1

    clock.advance(seconds=30)
    _report(clock, READY)
    board.feed_changed({"printers"})
    qtbot.waitUntil(lambda: not banner.isVisibleTo(board), timeout=10_000)
    assert board.printer_faults == []


def test_paper_nearly_out_is_an_amber_line_without_a_sound(log_in, clock, qapp):
    from loket.kiosk.shell import i18n

    window = log_in("kepala")
    board = window.coverage
    rings = board.alarm.rings
    _report(clock, NEAR_END, station="LOKET-2", role="counter")
    board.refresh()
    assert board.printer_banner.isVisibleTo(board)
    assert board.printer_banner.text() == "Printer loket LOKET-2: Kertas printer hampir habis."
    assert board.printer_banner.property("alarm") is False
    assert board.alarm.rings == rings
    i18n.set_language(qapp, "en")
    assert board.printer_banner.text() == (
        "Printer counter LOKET-2: The printer paper is nearly used up."
    )


def test_a_kiosk_gone_silent_for_five_minutes_is_red_on_the_board(log_in, clock):
    window = log_in("kepala")
    board = window.coverage
    _report(clock, READY)
    board.refresh()
    assert not board.printer_banner.isVisibleTo(board)
    rings = board.alarm.rings
    clock.advance(minutes=6)
    board.tick()  # the board's own timer, no feed event: silence makes none
    assert board.printer_banner.isVisibleTo(board)
    assert board.printer_banner.text() == (
        "Printer kios LOBI-1: tidak diketahui, tidak terlihat sejak 08:00"
    )
    assert board.printer_banner.property("alarm") is True
    assert board.alarm.rings == rings + 1


def test_a_report_from_another_process_reaches_the_board_through_the_feed(
    log_in, loket, qtbot, office
):
    from helpers.sim_printer import SimPrinter

    from loket.models.clock import SYSTEM_CLOCK

    # The other process reports on the real clock; the board reads on it too.
    window = log_in("kepala", clock=SYSTEM_CLOCK, use_feed=True, feed_url=office)
    board = window.coverage
    with SimPrinter() as sim:
        sim.cover_open = True
        result = loket("print", "status", "--printer", sim.uri, "--station", "LOBI-9")
        assert result.code == 1, result.err
    qtbot.waitUntil(lambda: board.printer_banner.isVisibleTo(board), timeout=10_000)
    assert "LOBI-9" in board.printer_banner.text()
    assert "Tutup printer terbuka" in board.printer_banner.text()


def test_the_printers_page_lists_every_station(log_in, open_page, clock):
    _report(clock, PAPER_OUT, pending=2)
    _report(clock, READY, station="LOKET-2", role="counter", uri="usb://0416:5011")
    window = log_in("admin")
    page = open_page(window, "printers")
    office = page.office_list
    rows = [
        [office.item(r, c).text() for c in range(office.columnCount())]
        for r in range(office.rowCount())
    ]
    assert [r[:3] for r in rows] == [
        ["LOBI-1", "kios", "network://10.0.0.9:9100"],
        ["LOKET-2", "loket", "usb://0416:5011"],
    ]
    assert rows[0][3] == "Kertas printer habis." and rows[0][4] == "2"
    assert rows[1][3] == "Printer siap."
    assert rows[0][5] == "08:00"


def test_a_test_print_from_the_admin_pc_reports_too(log_in, open_page, tap, qtbot, clock):
    from helpers.sim_printer import SimPrinter

    from loket.models.printouts.printer_reports import list_printers

    window = log_in("admin")
    page = open_page(window, "printers")
    with SimPrinter() as sim:
        sim.paper_out = True
        qtbot.keyClicks(page.uri, sim.uri)
        tap(page.test_button)
        (row,) = list_printers(clock)
        assert row.role == "admin" and row.uri == sim.uri and "paper_out" in row.problems
    office = page.office_list
    assert office.rowCount() == 1 and office.item(0, 2).text() == sim.uri


def test_a_retired_station_is_removed_from_the_office_list(log_in, open_page, tap, dialogs, clock):
    _report(clock, PAPER_OUT, pending=2)
    _report(clock, READY, station="LOKET-2", role="counter", uri="usb://0416:5011")
    window = log_in("admin")
    page = open_page(window, "printers")
    tap(page.forget_button)  # nothing chosen
    assert page.notice.property("role") == "error"
    page.office_list.setCurrentCell(0, 0)
    dialogs.confirms = [False, True]
    tap(page.forget_button)  # "no" keeps it
    assert page.office_list.rowCount() == 2
    tap(page.forget_button)
    assert [page.office_list.item(r, 0).text() for r in range(page.office_list.rowCount())] == [
        "LOKET-2"
    ]
    assert "office list" in page.notice.text() or "daftar kantor" in page.notice.text()
    assert audit.list_audit()[0].action == "printer_forget"
