"""The counter app tells the office about its receipt printer."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _row(station: str, clock):
    from loket.models.printouts.printer_reports import list_printers

    return next((p for p in list_printers(clock) if p.station == station), None)


def test_a_receipt_on_a_printer_out_of_paper_shows_on_the_office_list(
    signed_in, key, qtbot, sim, clock
):
    from loket.models.printouts.printer_reports import RED, printer_faults

    window = signed_in(printer=sim.uri, station="LOKET-1")
    qtbot.waitUntil(lambda: _row("LOKET-1", clock) is not None, timeout=10_000)
    assert _row("LOKET-1", clock).ok and _row("LOKET-1", clock).role == "counter"

    sim.paper_out = True
    key(window, Qt.Key.Key_F9)
    panel = window.documents.receive
    for name, text in {
        "sender_name": "Siti Rahma",
        "recipient_unit": "Bidang Perizinan",
        "subject": "Permohonan izin usaha mikro",
        "pages": "3",
    }.items():
        qtbot.keyClicks(panel.fields[name], text)
    key(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.outcome is not None, timeout=15_000)
    assert not panel.outcome.printed
    qtbot.waitUntil(lambda: not _row("LOKET-1", clock).ok, timeout=10_000)
    row = _row("LOKET-1", clock)
    assert "paper_out" in row.problems and row.pending == 1
    (fault,) = printer_faults(clock)
    assert fault.severity == RED
    assert fault.board_line(clock.now().tzinfo)[0].startswith("Printer loket LOKET-1: Kertas")

    sim.paper_out = False
    window.jobs.check_printer()
    qtbot.waitUntil(lambda: _row("LOKET-1", clock).ok, timeout=10_000)
    assert printer_faults(clock) == []


def test_the_counter_checks_its_printer_every_so_often(make_counter, qtbot, sim, clock):
    make_counter(printer=sim.uri, station="LOKET-2", printer_check_ms=100)
    qtbot.waitUntil(lambda: _row("LOKET-2", clock) is not None, timeout=10_000)
    sim.paper_near_end = True
    qtbot.waitUntil(lambda: "paper_near_end" in _row("LOKET-2", clock).problems, timeout=10_000)
    assert _row("LOKET-2", clock).ok  # a warning, the desk can still print
