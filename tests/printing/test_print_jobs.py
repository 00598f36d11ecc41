"""Print jobs against the simulated port-9100 printer: every fault ends with the right
message within its timeout, and no job is lost."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from helpers.escpos_decode import decode
from helpers.sim_printer import SimPrinter

from loket.printing.connections import Timeouts
from loket.printing.jobs import list_pending, print_job, retry
from loket.printing.layouts import ReceiptLayout, TicketLayout
from loket.printing.status import Problem

# For a printer that answers: the answers come at once, so long timeouts cost nothing and a
# loaded machine that is slow to schedule the simulated printer cannot turn them into a fault.
PATIENT = Timeouts(connect=10.0, write=10.0, status=5.0)
# For a printer that never answers: the timeout is what is being tested, so keep it short.
FAST = Timeouts(connect=1.0, write=1.0, status=0.3)
# Wall-clock bounds only prove "gives up, never hangs": a hang is forever, so the bound is far
# above any timeout a loaded CI machine could stretch. How fast a job really is, is measured by
# bench/bench_render.py, never here.
NEVER_HANGS = 60.0


def _timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.monotonic()
    result = fn(*args, **kwargs)
    return result, time.monotonic() - start


def test_normal_print(sim: SimPrinter, ticket: TicketLayout, tmp_path: Path) -> None:
    result = print_job(sim.uri, ticket, tmp_path, timeouts=PATIENT)
    assert result.printed and not result.pending and result.status.ok
    assert result.message("en") == "The printer is ready."
    assert sim.wait_for(lambda b: b.count(b"\x1dV") == 1)
    out = decode(sim.received)
    assert "A-012" in out.text and out.qr_texts() == [ticket.qr_text]
    assert list_pending(tmp_path) == []
    assert sim.status_questions[:4] == [1, 2, 4, 3]


@pytest.mark.parametrize(
    ("switch", "problem", "sentence_id", "sentence_en"),
    [
        ("paper_out", Problem.PAPER_OUT, "Kertas printer habis.", "The printer is out of paper."),
        ("cover_open", Problem.COVER_OPEN, "Tutup printer terbuka.", "The printer cover is open."),
        ("cutter_error", Problem.CUTTER_ERROR, "Pemotong kertas", "cutter is jammed"),
    ],
)
def test_fault_refuses_and_keeps_job(
    sim: SimPrinter,
    ticket: TicketLayout,
    tmp_path: Path,
    switch: str,
    problem: Problem,
    sentence_id: str,
    sentence_en: str,
) -> None:
    setattr(sim, switch, True)
    result = print_job(sim.uri, ticket, tmp_path, timeouts=PATIENT)
    assert not result.printed and result.pending
    assert result.status.main_problem is problem
    assert result.message("id").startswith(sentence_id)
    assert sentence_en in result.message("en")
    assert "Tiket Anda tetap tercatat" in result.message("id")
    time.sleep(0.1)
    assert b"A-012" not in sim.received  # refused: nothing was sent
    pending = list_pending(tmp_path)
    assert [job.job_id for job in pending] == [result.job_id]
    assert pending[0].problems and problem.value in pending[0].problems

    # Fixed by an officer: the retry prints, marked COPY, and the spool is empty.
    setattr(sim, switch, False)
    again = retry(result.job_id, tmp_path, timeouts=PATIENT)
    assert again.printed and not again.pending
    assert sim.wait_for(lambda b: b"A-012" in b and b"\x1dV" in b)
    out = decode(sim.received)
    assert "SALINAN / COPY" in out.text and out.qr_texts() == [ticket.qr_text]
    assert list_pending(tmp_path) == []


def test_paper_near_end_prints_with_warning(
    sim: SimPrinter, ticket: TicketLayout, tmp_path: Path
) -> None:
    sim.paper_near_end = True
    result = print_job(sim.uri, ticket, tmp_path, timeouts=PATIENT)
    assert result.printed and not result.pending
    assert result.status.problems == (Problem.PAPER_NEAR_END,)
    assert "hampir habis" in result.message("id")


def test_mute_printer_is_unknown_never_ok(
    sim: SimPrinter, ticket: TicketLayout, tmp_path: Path
) -> None:
    sim.mute = True
    result, elapsed = _timed(print_job, sim.uri, ticket, tmp_path, timeouts=FAST)
    # One unanswered question before and one after (2 × 0.3 s): it gives up, never hangs.
    assert elapsed < NEVER_HANGS
    assert not result.status.ok and not result.status.known
    assert result.status.problems == (Problem.UNKNOWN,)
    assert "tidak diketahui" in result.message("id")
    assert "not confirmed as printed" in result.message("en")
    assert result.printed  # every byte was taken: printed, said plainly to be unconfirmed
    assert result.pending  # sent, but not confirmed: kept for a reprint
    assert [j.job_id for j in list_pending(tmp_path)] == [result.job_id]


def test_stalled_printer_times_out_and_keeps_job(sim: SimPrinter, tmp_path: Path) -> None:
    sim.stall = True
    big = b"\x1b@" + b"x" * (6 * 1024 * 1024)  # more than both socket buffers hold (~3 MB)
    result, elapsed = _timed(print_job, sim.uri, big, tmp_path, timeouts=FAST)
    # unanswered status before (0.3) + write timeout (1.0) + unanswered status after (0.3):
    # it gives up, never hangs.
    assert elapsed < NEVER_HANGS
    assert not result.printed and result.pending
    assert result.error is not None and result.error.code == "write_failed"
    assert "tidak menerima data" in result.message("id")
    assert "not accepting data" in result.message("en")
    assert [j.job_id for j in list_pending(tmp_path)] == [result.job_id]


def test_unreachable_printer(ticket: TicketLayout, tmp_path: Path) -> None:
    with SimPrinter() as gone:
        uri = gone.uri
    result, elapsed = _timed(print_job, uri, ticket, tmp_path, timeouts=FAST)
    assert elapsed < NEVER_HANGS
    assert not result.printed and result.pending
    assert result.status.main_problem is Problem.NO_CONNECTION
    assert result.error is not None and result.error.code == "connect_failed"
    assert len(list_pending(tmp_path)) == 1


def test_bad_uri_is_refused_not_spooled(ticket: TicketLayout, tmp_path: Path) -> None:
    """No printer can ever take a job for a mistyped address: nothing waits for a reprint."""
    result = print_job("netwrok://printer", ticket, tmp_path)
    assert not result.printed and not result.pending and result.usage_error
    assert result.error is not None and result.error.code == "bad_uri"
    assert "Alamat printer tidak valid" in result.message("id")
    assert "network, usb, serial" in result.message("en")
    assert list_pending(tmp_path) == []


def test_connection_reset_mid_job_is_not_printed(
    sim: SimPrinter, receipt: ReceiptLayout, tmp_path: Path
) -> None:
    """A printer that reboots after 1,500 bytes of a 30 KB receipt printed part of it."""
    sim.reset_after = 1500
    result, elapsed = _timed(print_job, sim.uri, receipt, tmp_path, timeouts=PATIENT)
    assert elapsed < NEVER_HANGS
    assert not result.printed and result.pending
    assert result.error is not None and result.error.code == "connection_lost"
    assert "terputus" in result.message("id") and "broke" in result.message("en")
    # The advice is the receipt's, not the visitor's ticket's.
    assert "Tanda terima tetap tercatat" in result.message("id")
    assert "Tiket" not in result.message("id") and "ticket" not in result.message("en")
    assert [j.job_id for j in list_pending(tmp_path)] == [result.job_id]


def test_printer_that_stops_reading_mid_job_is_not_printed(
    sim: SimPrinter, ticket: TicketLayout, tmp_path: Path
) -> None:
    """All of a ticket fits in this PC's socket buffers: sendall alone would call it sent."""
    sim.stall_after = 4096
    result, elapsed = _timed(print_job, sim.uri, ticket, tmp_path, timeouts=FAST)
    assert elapsed < NEVER_HANGS
    assert not result.printed and result.pending
    assert result.error is not None and result.error.code == "write_failed"
    assert "tidak menerima data" in result.message("id")
    assert "stopped after" in result.message("en")
    assert [j.job_id for j in list_pending(tmp_path)] == [result.job_id]


def test_paper_running_out_during_the_job_is_not_printed(
    sim: SimPrinter, ticket: TicketLayout, tmp_path: Path
) -> None:
    sim.fault_after_job = "paper_out"
    result = print_job(sim.uri, ticket, tmp_path, timeouts=PATIENT)
    assert sim.paper_out  # fine before the job, out of paper after it
    assert not result.printed and result.pending
    assert result.status.main_problem is Problem.PAPER_OUT
    assert result.message("en").startswith("The printer is out of paper.")
    assert [j.job_id for j in list_pending(tmp_path)] == [result.job_id]


def test_raw_bytes_retry_is_marked_copy(sim: SimPrinter, tmp_path: Path) -> None:
    sim.cover_open = True
    first = print_job(sim.uri, b"\x1b@Halo\n", tmp_path, timeouts=PATIENT)
    assert not first.printed
    sim.cover_open = False
    assert retry(first.job_id, tmp_path, timeouts=PATIENT).printed
    assert sim.wait_for(lambda b: b"Halo" in b)
    assert "SALINAN / COPY" in decode(sim.received).text


def test_retry_on_another_printer(sim: SimPrinter, ticket: TicketLayout, tmp_path: Path) -> None:
    sim.paper_out = True
    first = print_job(sim.uri, ticket, tmp_path, timeouts=PATIENT)
    with SimPrinter() as other:
        assert retry(first.job_id, tmp_path, uri=other.uri, timeouts=PATIENT).printed
        assert other.wait_for(lambda b: b"\x1dV" in b)
        assert "SALINAN / COPY" in decode(other.received).text


def test_58mm_profile_from_uri(sim: SimPrinter, ticket: TicketLayout, tmp_path: Path) -> None:
    assert print_job(sim.uri + "?profile=58mm", ticket, tmp_path, timeouts=PATIENT).printed
    assert sim.wait_for(lambda b: b"\x1dV" in b)
    out = decode(sim.received)
    assert [image.width for image in out.images] == [384]
    assert out.qr_texts() == [ticket.qr_text]


def test_retry_unknown_job(tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        retry("no-such-job", tmp_path)


def test_printer_that_falls_silent_during_the_job_is_not_printed(
    sim: SimPrinter, ticket: TicketLayout, tmp_path: Path
) -> None:
    """It answered before the job; no answer after it: switched off or hung mid-ticket —
    not the same as a printer that never answers (printed, unconfirmed)."""
    sim.fault_after_job = "mute"
    result, elapsed = _timed(print_job, sim.uri, ticket, tmp_path, timeouts=FAST)
    assert elapsed < NEVER_HANGS
    assert not result.printed and result.pending
    assert result.error is not None and result.error.code == "silent_after_job"
    assert "berhenti menjawab" in result.message("id")
    assert "tiket mungkin tidak tercetak utuh" in result.message("id")
    assert "stopped answering" in result.message("en")
    assert [j.job_id for j in list_pending(tmp_path)] == [result.job_id]
