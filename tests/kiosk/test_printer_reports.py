"""The kiosk tells the office about its printer: after every ticket and on its own checks."""

from __future__ import annotations


def _row(station: str, clock):
    from loket.models.printouts.printer_reports import list_printers

    return next((p for p in list_printers(clock) if p.station == station), None)


def test_paper_out_on_the_kiosk_printer_becomes_a_fault_on_the_office_list(
    qtbot, make_kiosk, sim, tap, clock
):
    from loket.models.printouts.printer_reports import RED, printer_faults

    kiosk = make_kiosk(printer=sim.uri, station="LOBI-1")
    # On start the kiosk checks its printer and puts itself on the list.
    qtbot.waitUntil(lambda: _row("LOBI-1", clock) is not None, timeout=10_000)
    first = _row("LOBI-1", clock)
    assert first.ok and first.role == "kiosk" and first.uri == sim.uri and first.active
    assert printer_faults(clock) == []

    sim.paper_out = True
    tap(kiosk.home.service_buttons["A"])
    tap(kiosk.priority.normal_button)
    qtbot.waitUntil(lambda: kiosk.ticket.outcome is not None, timeout=15_000)
    qtbot.waitUntil(lambda: not _row("LOBI-1", clock).ok, timeout=10_000)
    row = _row("LOBI-1", clock)
    assert "paper_out" in row.problems
    assert row.pending == 1  # the ticket waits in the spool
    (fault,) = printer_faults(clock)
    assert fault.station == "LOBI-1" and fault.severity == RED
    assert "Kertas printer habis" in fault.board_line(clock.now().tzinfo)[0]

    # Paper back in: the next periodic check clears the fault by itself.
    sim.paper_out = False
    kiosk.prints.check_printer()
    qtbot.waitUntil(lambda: _row("LOBI-1", clock).ok, timeout=10_000)
    assert printer_faults(clock) == []


def test_the_periodic_check_runs_on_its_own(qtbot, make_kiosk, sim, clock):
    make_kiosk(printer=sim.uri, station="LOBI-2", printer_check_ms=100)
    qtbot.waitUntil(lambda: _row("LOBI-2", clock) is not None, timeout=10_000)
    sim.cover_open = True
    qtbot.waitUntil(lambda: "cover_open" in _row("LOBI-2", clock).problems, timeout=10_000)


def test_a_report_that_cannot_be_written_does_not_stop_the_ticket(
    qtbot, make_kiosk, sim, tap, clock, monkeypatch, caplog
):
    from loket.models.printouts import printer_reports

    def database_down(*args: object, **kwargs: object) -> bool:
        raise ConnectionError("database down")

    monkeypatch.setattr(printer_reports, "report_printer", database_down)
    kiosk = make_kiosk(printer=sim.uri, station="LOBI-3")
    tap(kiosk.home.service_buttons["A"])
    tap(kiosk.priority.normal_button)
    qtbot.waitUntil(lambda: kiosk.ticket.outcome is not None, timeout=15_000)
    assert kiosk.ticket.outcome.printed and not kiosk.ticket.outcome.pending
    assert b"A-001" in sim.received
    qtbot.waitUntil(
        lambda: any("printer report" in r.getMessage() for r in caplog.records), timeout=10_000
    )


def test_closing_the_kiosk_takes_it_off_the_alarm_list(qtbot, make_kiosk, sim, clock):
    from loket.models.printouts.printer_reports import printer_faults

    sim.paper_out = True
    kiosk = make_kiosk(printer=sim.uri, station="LOBI-4")
    qtbot.waitUntil(lambda: bool(printer_faults(clock)), timeout=10_000)
    kiosk.leave()
    assert printer_faults(clock) == []
    assert not _row("LOBI-4", clock).active
