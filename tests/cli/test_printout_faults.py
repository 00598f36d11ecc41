"""Every printout (ticket, receipt, complaint slip, test page, reprint) against every
printer fault, through the real `loket` command in a subprocess.

The same truth for all of them: printed and confirmed exits 0; sent to a printer that
never answers exits 0 and says so; not printed or broken mid-job exits 1 with the job
kept for `loket print retry`. The message is on stderr, once, in both languages, and
names the printout at hand (a receipt never says "Your ticket is recorded").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers.escpos_decode import decode
from helpers.sim_printer import SimPrinter

NAMES = {
    "ticket": ("Tiket", "Ticket"),
    "receipt": ("Tanda terima", "Receipt"),
    "complaint": ("Bukti pengaduan", "Complaint slip"),
    "test": ("Halaman uji", "Test page"),
    "retry": ("Salinan", "Copy"),
}
PRINTOUTS = tuple(NAMES)


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)


@dataclass(frozen=True)
class Fault:
    name: str
    code: int
    spooled: bool
    words_id: tuple[str, ...] = ()
    words_en: tuple[str, ...] = ()

    def apply(self, sim: SimPrinter) -> None:
        for switch in ("paper_out", "cover_open", "mute"):
            setattr(sim, switch, False)
        sim.reset_after = sim.stall_after = sim.fault_after_job = None
        if self.name in ("paper_out", "cover_open", "mute"):
            setattr(sim, self.name, True)
        elif self.name == "reset":
            sim.reset_after = 1500
        elif self.name == "stall":
            sim.stall_after = 4096
        elif self.name == "late_paper_out":
            sim.fault_after_job = "paper_out"


FAULTS = [
    Fault("ok", 0, spooled=False),
    Fault("mute", 0, True, ("tidak diketahui", "belum pasti tercetak"), ("not confirmed",)),
    Fault("paper_out", 1, True, ("Kertas printer habis",), ("out of paper",)),
    Fault("cover_open", 1, True, ("Tutup printer terbuka",), ("cover is open",)),
    Fault("refused", 1, True, ("tidak dapat dihubungi",), ("Cannot connect",)),
    Fault("reset", 1, True, ("terputus",), ("broke",)),
    Fault("stall", 1, True, ("tidak menerima data",), ("not accepting data",)),
    Fault("late_paper_out", 1, True, ("Kertas printer habis",), ("out of paper",)),
]


@pytest.fixture
def run(db: str, tmp_path: Path) -> Callable[..., Run]:
    """`loket` in its own process on the test database; ``env`` adds/overrides variables."""
    base = dict(os.environ, LOKET_DATA_DIR=str(tmp_path / "cli-data"), LOKET_DB=db)
    base.pop("LOKET_PRINTER", None)

    def loket(*args: str, env: dict[str, str] | None = None) -> Run:
        proc = subprocess.run(
            [sys.executable, "-m", "loket.models.cli", *args],
            env=base | (env or {}),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        return Run(proc.returncode, proc.stdout, proc.stderr)

    return loket


def _ok(result: Run) -> Run:
    assert result.code == 0, result.err
    return result


@pytest.fixture
def office(run: Callable[..., Run]) -> Callable[..., Run]:
    _ok(run("init"))
    _ok(run("demo"))
    _ok(run("issue", "A"))
    return run


@pytest.fixture
def sim() -> Iterator[SimPrinter]:
    with SimPrinter() as printer:
        yield printer


@pytest.fixture
def dead_uri() -> str:
    """An address where nothing listens (connection refused)."""
    with SimPrinter() as gone:
        return gone.uri


def _pending(office: Callable[..., Run]) -> list[str]:
    return [job["job_id"] for job in _ok(office("print", "pending", "--json")).json()]


def _spooled_ticket(office: Callable[..., Run], dead_uri: str) -> str:
    """A ticket job waiting in the spool (its printer was unreachable), for reprints."""
    failed = office("print", "ticket", "A-001", "--printer", dead_uri, "--json")
    assert failed.code == 1
    return str(failed.json()["print"]["job_id"])


def _command(printout: str, uri: str, job: str = "") -> list[str]:
    return {
        "ticket": ["print", "ticket", "A-001"],
        "receipt": [
            "receipt",
            "new",
            "--sender",
            "Budi Santoso",
            "--subject",
            "Permohonan izin usaha",
            "--to",
            "Bidang Perizinan",
            "--pages",
            "3",
        ],
        "complaint": ["complaint", "new", "--text", "Antrian terlalu lama"],
        "test": ["print", "test"],
        "retry": ["print", "retry", job],
    }[printout] + (["--printer", uri] if uri else [])


def _check_said_once(err: str, printout: str, fault: Fault) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err  # once: no log line, no English-only WARNING beside it
    line = lines[0]
    assert line.startswith("loket: ") and "WARNING" not in line and "Traceback" not in line
    name_id, name_en = NAMES[printout]
    assert name_id in line and name_en in line, line
    for word in fault.words_id + fault.words_en:
        assert word in line, (word, line)
    if printout != "ticket":  # the visitor's ticket advice belongs to tickets only
        assert "Tiket Anda" not in line and "Your ticket" not in line, line
    if fault.spooled:
        assert "loket print retry" in line


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.name)
def test_every_printout_tells_the_truth(
    office: Callable[..., Run], sim: SimPrinter, dead_uri: str, fault: Fault
) -> None:
    for printout in PRINTOUTS:
        job = _spooled_ticket(office, dead_uri) if printout == "retry" else ""
        before = set(_pending(office))
        fault.apply(sim)
        sim.clear()
        uri = dead_uri if fault.name == "refused" else sim.uri
        result = office(*_command(printout, uri, job), "--json")
        where = f"{printout} on {fault.name}"
        assert result.code == fault.code, (where, result.err)
        data = result.json()  # the command's answer stays on stdout, valid JSON
        job_id = data["print"]["job_id"]
        pending = set(_pending(office))
        if fault.name == "ok":
            assert result.err == "", (where, result.err)
            assert data["print"]["state"] == "printed"
            assert job_id not in pending and pending <= before, where
            continue
        _check_said_once(result.err, printout, fault)
        assert (job_id in pending) is fault.spooled, where
        if printout == "retry":
            assert job_id == job
        if fault.name in ("reset", "late_paper_out"):
            assert data["print"]["printed"] is False  # bytes went out, but not a whole printout
        if fault.name == "mute":
            assert data["print"]["state"] == "unconfirmed" and data["print"]["printed"] is True


BAD_ADDRESSES = [
    ("lpt://nowhere", ("'lpt'", "network, usb, serial, cups, file, pdf, dummy")),
    ("network://127.0.0.1:9100?profile=57mm", ("'57mm'", "58mm, 80mm, 58mm-nocut")),
    ("network://127.0.0.1:99999", ("1–65535",)),
]


@pytest.mark.parametrize(("address", "choices"), BAD_ADDRESSES, ids=["scheme", "profile", "port"])
def test_a_mistyped_printer_is_a_usage_mistake(
    office: Callable[..., Run], dead_uri: str, address: str, choices: tuple[str, ...]
) -> None:
    job = _spooled_ticket(office, dead_uri)
    for printout in PRINTOUTS:
        result = office(*_command(printout, address, job))
        assert result.code == 2, (printout, result.err)
        assert result.out == ""
        [line] = result.err.strip().splitlines()
        assert "Alamat printer tidak valid" in line and "Invalid printer address" in line
        for choice in choices:
            assert line.count(choice) == 2, (choice, line)  # in both languages
    # Nothing recorded, nothing spooled: the receipt and complaint were never made.
    assert _ok(office("receipt", "list", "--json")).json() == []
    assert _ok(office("complaint", "list", "--json")).json() == []
    assert _pending(office) == [job]


def test_one_printer_choice_for_every_printout(
    office: Callable[..., Run], sim: SimPrinter, dead_uri: str, tmp_path: Path
) -> None:
    """--printer, else $LOKET_PRINTER, else a PDF copy in the data folder; --no-print."""
    pdf = tmp_path / "cli-data" / "pdf"
    job = _spooled_ticket(office, dead_uri)
    for printout in PRINTOUTS:
        sim.clear()
        via_env = _ok(office(*_command(printout, "", job), env={"LOKET_PRINTER": sim.uri}))
        assert sim.wait_for(lambda raw: b"\x1dV" in raw), printout
        assert via_env.err == ""
        if printout == "retry":
            assert "SALINAN / COPY" in decode(sim.received).text
            job = _spooled_ticket(office, dead_uri)
            continue  # a reprint without either goes to the job's own printer (below)
        copies = len(list(pdf.glob("*.pdf")))
        _ok(office(*_command(printout, "", job)))
        assert len(list(pdf.glob("*.pdf"))) == copies + 1, printout
    # A reprint with neither --printer nor $LOKET_PRINTER: the job's own (dead) printer.
    again = office("print", "retry", job, "--json")
    assert again.code == 1 and again.json()["printer"] == dead_uri
    # --no-print: recorded, nothing printed, nothing spooled.
    copies = len(list(pdf.glob("*.pdf")))
    pending = _pending(office)
    for command in (_command("receipt", ""), _command("complaint", "")):
        quiet = _ok(office(*command, "--no-print", "--json"))
        assert "print" not in quiet.json() and quiet.err == ""
    assert len(list(pdf.glob("*.pdf"))) == copies and _pending(office) == pending


def test_print_ticket_leaves_nothing_in_the_temp_folder(
    office: Callable[..., Run], sim: SimPrinter, tmp_path: Path
) -> None:
    temp = tmp_path / "fresh-tmp"
    temp.mkdir()
    _ok(office("print", "ticket", "A-001", "--printer", sim.uri, env={"TMPDIR": str(temp)}))
    _ok(office("print", "ticket", "A-001", env={"TMPDIR": str(temp)}))  # the PDF copy too
    assert list(temp.iterdir()) == []
