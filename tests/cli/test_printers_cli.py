"""`loket print status` reports to the office list; `loket printers` shows it."""

from __future__ import annotations

from helpers.sim_printer import SimPrinter


def test_print_status_reports_and_printers_lists_it(loket):
    with SimPrinter() as sim:
        sim.paper_out = True
        status = loket("print", "status", "--printer", sim.uri, "--station", "MEJA-INFO", "--json")
        assert status.code == 1
        assert "paper_out" in status.json()["problems"]
        listed = loket("printers", "--json")
        assert listed.code == 0, listed.err
        (row,) = listed.json()
        assert (row["station"], row["role"], row["uri"]) == ("MEJA-INFO", "cli", sim.uri)
        assert row["ok"] is False and "paper_out" in row["problems"]
        assert row["message"] == "Kertas printer habis."
        text = loket("printers")
        assert "MEJA-INFO" in text.out and "Kertas printer habis." in text.out


def test_an_unreachable_printer_is_reported_as_no_connection(loket):
    with SimPrinter() as sim:
        uri = sim.uri
    status = loket("print", "status", "--printer", uri, "--station", "MEJA-INFO")
    assert status.code != 0 and "Traceback" not in status.err
    (row,) = loket("printers", "--json").json()
    assert row["problems"] == ["no_connection"]


def test_a_retired_printer_is_forgotten(loket):
    with SimPrinter() as sim:
        uri = sim.uri
    loket("print", "status", "--printer", uri, "--station", "LAMA")
    assert loket("printers", "--forget", "LAMA", uri, "--json").json() == []
    again = loket("printers", "--forget", "LAMA", uri)
    assert again.code == 1 and "No printer" in again.err and "Traceback" not in again.err


def test_a_mistyped_address_is_refused_and_not_put_on_the_office_list(loket):
    result = loket("print", "status", "--printer", "192.168.1.50:9100", "--station", "MEJA")
    # A usage mistake: exit 2, like every printout command's.
    assert result.code == 2 and "no scheme" in result.err and "Traceback" not in result.err
    assert loket("printers", "--json").json() == []
