"""A kiosk or counter PC started with a mistyped printer address says so at once."""

from __future__ import annotations

import pytest

from loket.admin.counter.main import main as counter_main
from loket.kiosk.shell.app import printer_problem
from loket.kiosk.ticketing.main import main as kiosk_main


@pytest.mark.parametrize("start", [kiosk_main, counter_main])
def test_a_mistyped_printer_is_refused_before_any_window_opens(start, capsys):
    assert start(["--printer", "192.168.1.50:9100"]) == 2
    err = capsys.readouterr().err
    assert "Alamat printer tidak valid: '192.168.1.50:9100'" in err
    assert "Invalid printer address: '192.168.1.50:9100'" in err


def test_the_environment_variable_is_checked_too(monkeypatch):
    monkeypatch.setenv("LOKET_PRINTER", "lpt1")
    assert "lpt1" in (printer_problem(None) or "")
    assert printer_problem("network://192.168.1.50:9100") is None  # the option wins
    monkeypatch.delenv("LOKET_PRINTER")
    assert printer_problem(None) is None  # no printer: PDF copies
