"""The office-wide printer list: upserts, heartbeats, stale stations and the board's faults."""

from __future__ import annotations

import pytest

from loket.models.errors import InvalidInput
from loket.models.printouts.printer_reports import (
    AMBER,
    RED,
    PrinterWatch,
    list_printers,
    printer_faults,
    report_printer,
    station_closed,
    station_name,
)
from loket.printing.status import PrinterStatus, Problem, decode_status

READY = decode_status({1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12})
PAPER_OUT = decode_status({1: 0x1A, 2: 0x32, 3: 0x12, 4: 0x7E})
NEAR_END = decode_status({1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1E})
COVER_OPEN = decode_status({1: 0x1A, 2: 0x16, 3: 0x12, 4: 0x12})


def _rows():
    return {(p.station, p.uri): p for p in list_printers()}


def test_a_report_is_one_row_per_station_and_printer(db, clock):
    uri = "network://10.0.0.5:9100"
    assert report_printer("LOBI-1", "kiosk", uri, READY, 0, active=True, clock=clock)
    clock.advance(seconds=5)
    assert report_printer("LOBI-1", "kiosk", uri, PAPER_OUT, 3, active=True, clock=clock)
    report_printer("LOKET-2", "counter", uri, READY, 0, active=True, clock=clock)
    printers = list_printers(clock)
    assert [(p.station, p.uri) for p in printers] == [("LOBI-1", uri), ("LOKET-2", uri)]
    lobby = printers[0]
    assert not lobby.ok and lobby.known
    assert "paper_out" in lobby.problems
    assert lobby.pending == 3
    assert lobby.message_id == PAPER_OUT.message("id")
    assert lobby.message_en == PAPER_OUT.message("en")
    assert lobby.updated_at == clock.now()


def test_the_same_state_is_written_only_as_a_heartbeat(db, clock):
    uri = "dummy://lobi"
    assert report_printer("LOBI-1", "kiosk", uri, READY, 0, active=True, clock=clock)
    first = _rows()[("LOBI-1", uri)].updated_at
    for _ in range(5):  # every ticket printed fine: nothing new for the boards
        clock.advance(seconds=10)
        assert not report_printer("LOBI-1", "kiosk", uri, READY, 0, active=True, clock=clock)
    assert _rows()[("LOBI-1", uri)].updated_at == first
    clock.advance(seconds=15)  # a minute after the last write: the heartbeat
    assert report_printer("LOBI-1", "kiosk", uri, READY, 0, active=True, clock=clock)
    assert _rows()[("LOBI-1", uri)].updated_at == clock.now()
    # A change is written at once: problems, then the pending count.
    clock.advance(seconds=1)
    assert report_printer("LOBI-1", "kiosk", uri, NEAR_END, 0, active=True, clock=clock)
    clock.advance(seconds=1)
    assert report_printer("LOBI-1", "kiosk", uri, NEAR_END, 1, active=True, clock=clock)


def test_a_written_report_is_published_on_the_printers_topic(db, clock):
    from loket.models.changefeed import ChangeSubscription

    subscription = ChangeSubscription(db, {"printers"})
    try:
        report_printer("LOBI-1", "kiosk", "dummy://a", PAPER_OUT, 1, active=True, clock=clock)
        assert "printers" in subscription.wait(5.0)
    finally:
        subscription.close()


def test_a_silent_station_turns_stale_after_five_minutes(db, clock):
    report_printer("LOBI-1", "kiosk", "dummy://a", READY, 0, active=True, clock=clock)
    report_printer("ADMIN", "admin", "dummy://b", READY, 0, clock=clock)
    clock.advance(minutes=5)
    assert not any(p.stale for p in list_printers(clock))
    assert printer_faults(clock) == []
    clock.advance(seconds=1)
    printers = {p.station: p for p in list_printers(clock)}
    assert printers["LOBI-1"].stale and printers["LOBI-1"].severity == RED
    # The admin's one-off test print is not expected to report again.
    assert not printers["ADMIN"].stale
    (fault,) = printer_faults(clock)
    assert fault.station == "LOBI-1"
    import datetime as dt

    zone = dt.timezone(dt.timedelta(hours=7))
    assert fault.status_text(zone) == (
        "tidak diketahui, tidak terlihat sejak 08:00",
        "unknown, not seen since 08:00",
    )
    # A report brings it back.
    report_printer("LOBI-1", "kiosk", "dummy://a", READY, 0, active=True, clock=clock)
    assert printer_faults(clock) == []


def test_a_station_that_closed_on_purpose_is_no_alarm(db, clock):
    report_printer("LOBI-1", "kiosk", "dummy://a", PAPER_OUT, 2, active=True, clock=clock)
    assert [p.station for p in printer_faults(clock)] == ["LOBI-1"]
    station_closed("LOBI-1", "dummy://a")
    clock.advance(hours=12)
    assert printer_faults(clock) == []
    assert list_printers(clock)[0].pending == 2  # still on the office list


def test_the_board_shows_faults_red_first_and_warnings_amber(db, clock):
    report_printer("A-KIOS", "kiosk", "dummy://a", NEAR_END, 0, active=True, clock=clock)
    report_printer("B-KIOS", "kiosk", "dummy://b", COVER_OPEN, 1, active=True, clock=clock)
    report_printer("C-LOKET", "counter", "dummy://c", READY, 0, active=True, clock=clock)
    mute = PrinterStatus(ok=False, problems=(Problem.UNKNOWN,))
    report_printer("D-LOKET", "counter", "dummy://d", mute, 0, active=True, clock=clock)
    faults = printer_faults(clock)
    assert [(p.station, p.severity) for p in faults] == [
        ("B-KIOS", RED),
        ("A-KIOS", AMBER),
        ("D-LOKET", AMBER),
    ]
    import datetime as dt

    line_id, line_en = faults[0].board_line(dt.UTC)
    assert line_id == "Printer kios B-KIOS: Tutup printer terbuka. — 1 tiket menunggu dicetak"
    assert line_en == (
        "Printer kiosk B-KIOS: The printer cover is open. — 1 ticket waiting to print"
    )
    # A fixed printer clears itself.
    report_printer("B-KIOS", "kiosk", "dummy://b", READY, 0, active=True, clock=clock)
    assert "B-KIOS" not in [p.station for p in printer_faults(clock)]


def test_a_one_off_report_keeps_the_running_app_s_role(db, clock):
    report_printer("LOBI-1", "kiosk", "dummy://a", READY, 0, active=True, clock=clock)
    clock.advance(seconds=1)
    report_printer("LOBI-1", "admin", "dummy://a", PAPER_OUT, 0, clock=clock)
    (row,) = list_printers(clock)
    assert row.role == "kiosk" and row.active and "paper_out" in row.problems


def test_bad_reports_are_refused(db, clock):
    with pytest.raises(InvalidInput):
        report_printer("", "kiosk", "dummy://a", READY, 0, clock=clock)
    with pytest.raises(InvalidInput):
        report_printer("LOBI-1", "printer", "dummy://a", READY, 0, clock=clock)


def test_station_name_comes_from_the_option_the_environment_or_the_host(monkeypatch):
    import socket

    monkeypatch.delenv("LOKET_STATION", raising=False)
    assert station_name() == socket.gethostname()
    monkeypatch.setenv("LOKET_STATION", "LOBI-1")
    assert station_name() == "LOBI-1"
    assert station_name("LOKET-3") == "LOKET-3"


def test_a_watch_reports_what_the_printer_says_and_survives_a_dead_database(db, clock):
    from helpers.sim_printer import SimPrinter

    with SimPrinter() as sim:
        watch = PrinterWatch("kiosk", sim.uri, station="LOBI-1", clock=clock)
        sim.paper_out = True
        watch.check()
        (row,) = list_printers(clock)
        assert "paper_out" in row.problems and row.uri == sim.uri
        sim.paper_out = False
        clock.advance(seconds=1)
        watch.check()
        assert list_printers(clock)[0].ok

        from loket.models.db import database

        database.obj.close()
        real = database.obj
        database.initialize(None)  # no database at all: the report is logged, not raised
        try:
            sim.cover_open = True
            watch.check()
        finally:
            database.initialize(real)
