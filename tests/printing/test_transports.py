from __future__ import annotations

import os
import pty
import subprocess
import sys
import threading
import time
from pathlib import Path

from helpers.escpos_decode import decode

from loket.printing.connections import Timeouts, open_connection
from loket.printing.jobs import print_job
from loket.printing.layouts import TicketLayout


def test_printing_imports_no_qt_no_database() -> None:
    code = (
        "import sys, pkgutil, importlib, loket.printing as p\n"
        "for m in pkgutil.iter_modules(p.__path__): importlib.import_module('loket.printing.' + m.name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'peewee')"
        " or m.startswith('loket.models')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


# The fake serial printer leaves n=3 unanswered (each ask waits out the status timeout), so keep
# it short, but not so short that a loaded machine's late answer to n=1, 2, 4 reads as a fault.
SERIAL_TIMEOUTS = Timeouts(status=1.0)


def _fake_serial_printer(
    master: int, replies: dict[int, int], stop: threading.Event, got: bytearray
) -> None:
    while not stop.is_set():
        try:
            chunk = os.read(master, 4096)
        except OSError:
            return
        got += chunk
        for n, reply in replies.items():
            if bytes((0x10, 0x04, n)) in chunk:
                os.write(master, bytes((reply,)))


def test_serial_over_pty(ticket: TicketLayout, tmp_path: Path) -> None:
    master, slave = pty.openpty()
    stop = threading.Event()
    got = bytearray()
    # Answer n=1, 2, 4 only: n=3 is optional, so the printer still counts as OK.
    thread = threading.Thread(
        target=_fake_serial_printer,
        args=(master, {1: 0x12, 2: 0x12, 4: 0x12}, stop, got),
        daemon=True,
    )
    thread.start()
    try:
        uri = f"serial://{os.ttyname(slave)}?baudrate=115200"
        with open_connection(uri, SERIAL_TIMEOUTS) as conn:
            status = conn.read_status()
        assert status.ok and status.known
        result = print_job(uri, ticket, tmp_path, timeouts=SERIAL_TIMEOUTS)
        assert result.printed and not result.pending
        deadline = time.monotonic() + 30  # only against a hang
        while b"\x1dV" not in got and time.monotonic() < deadline:
            time.sleep(0.01)
        out = decode(bytes(got))
        assert "A-012" in out.text and out.qr_texts() == [ticket.qr_text]
    finally:
        stop.set()
        os.close(slave)
        os.close(master)
        thread.join(timeout=1)


def test_a_usb_printer_that_is_not_plugged_in_is_named_and_the_job_kept(
    ticket: TicketLayout, tmp_path: Path
) -> None:
    # Real pyusb + libusb (installed by scripts/setup); no printer with this id is attached.
    from loket.printing.jobs import list_pending

    result = print_job("usb://1a2b:3c4d", ticket, tmp_path)
    assert not result.printed and result.pending
    assert result.error is not None and result.error.code == "connect_failed"
    assert "usb://1a2b:3c4d tidak dapat dibuka: tidak ditemukan" in result.message("id")
    assert "not found. Check the USB cable" in result.message("en")
    assert [j.uri for j in list_pending(tmp_path)] == ["usb://1a2b:3c4d"]
