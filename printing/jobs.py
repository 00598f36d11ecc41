"""Print a job: spool it, check status, send, check status again, report honestly."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from loket.printing.blocks import COPY_MARK
from loket.printing.connections import Connection, Timeouts, open_connection
from loket.printing.errors import PrinterConnectionError, PrinterError, PrinterUriError
from loket.printing.escpos_bytes import INIT
from loket.printing.escpos_render import copy_banner, render_escpos
from loket.printing.layouts import (
    ComplaintLayout,
    Layout,
    ReceiptLayout,
    TicketLayout,
    as_copy,
)
from loket.printing.profiles import PrinterProfile, profile_by_name
from loket.printing.spool import Spool, SpoolJob
from loket.printing.status import PrinterStatus, Problem, printout_name, with_advice
from loket.printing.uri import PrinterUri, parse_uri

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrintResult:
    """``printed``: every byte reached the printer and nothing went wrong that we could see
    (confirmed by its status, or a printer that never answers status questions).
    ``pending``: the job is in the spool (not printed, or printing not confirmed).
    ``printout``: what was printed ("ticket", "receipt", "complaint", "test", "copy",
    "printout"), for messages that name it."""

    job_id: str
    printed: bool
    status: PrinterStatus
    pending: bool
    error: PrinterError | None = None
    printout: str = "printout"

    @property
    def confirmed(self) -> bool:
        """Printed, and the printer said so."""
        return self.printed and not self.pending

    @property
    def usage_error(self) -> bool:
        """The printer address itself is wrong: nothing was spooled, no retry can help."""
        return isinstance(self.error, PrinterUriError)

    def message(self, lang: str = "id") -> str:
        """A plain sentence: the printer's own fault if it reported one, else what went wrong,
        then what it means for the printout."""
        vague = self.status.main_problem in (None, Problem.NO_CONNECTION, Problem.UNKNOWN)
        if self.error is not None and (vague or self.usage_error):
            return with_advice(self.error.message(lang), self.printout, lang)
        return self.status.message(lang, self.printout)


def printout_of(payload: bytes | Layout | None) -> str:
    if isinstance(payload, TicketLayout):
        return "ticket"
    if isinstance(payload, ReceiptLayout):
        return "receipt"
    if isinstance(payload, ComplaintLayout):
        return "complaint"
    return "printout"


def _payload(job: SpoolJob, conn: Connection, profile: PrinterProfile, copy: bool) -> bytes:
    if job.layout is not None:
        layout = as_copy(job.layout) if copy else job.layout
        return render_escpos(layout, profile).data
    assert job.payload is not None
    if copy:
        return INIT + copy_banner(profile) + job.payload
    return job.payload


def _status_after_error(conn: Connection) -> PrinterStatus:
    try:
        after = conn.read_status()
    except PrinterError:
        return PrinterStatus.unreachable()
    return after if after.blocking else PrinterStatus.unreachable()


def stopped_answering(printout: str) -> PrinterConnectionError:
    """The printer answered before the job and not after it: stalled, reset or switched
    off mid-job — the printout may be cut short or missing."""
    name_id, name_en = printout_name(printout, "id"), printout_name(printout, "en")
    return PrinterConnectionError(
        f"Printer berhenti menjawab saat mencetak; {name_id} mungkin tidak tercetak utuh.",
        f"The printer stopped answering while printing; the {name_en} may not have printed"
        " in full.",
        code="silent_after_job",
    )


def _send(
    spool: Spool,
    job: SpoolJob,
    parsed: PrinterUri,
    profile: PrinterProfile | None,
    timeouts: Timeouts | None,
    copy: bool,
    printout: str,
) -> PrintResult:
    prof = profile or (profile_by_name(job.profile) if job.profile else parsed.profile)
    try:
        with open_connection(parsed, timeouts) as conn:
            before = conn.read_status()
            if before.blocking:
                return _failed(spool, job, before, None, printout)
            try:
                if conn.wants_layout:
                    if job.layout is None:
                        conn.write(job.payload or b"")  # raises: PDF needs a layout
                    else:
                        conn.write_layout(as_copy(job.layout) if copy else job.layout, job.job_id)
                else:
                    conn.write(_payload(job, conn, prof, copy))
            except PrinterError as exc:
                return _failed(spool, job, _status_after_error(conn), exc, printout)
            after = conn.read_status()
            supports_status = conn.supports_status or conn.wants_layout
    except PrinterError as exc:  # cannot connect, connection reset, QR does not fit …
        return _failed(spool, job, PrinterStatus.unreachable(), exc, printout)
    if after.blocking:  # e.g. the paper ran out during the job
        return _failed(spool, job, after, None, printout)
    if supports_status and not after.known and before.known:
        return _failed(spool, job, after, stopped_answering(printout), printout)
    confirmed = after.known or not supports_status
    if confirmed:
        spool.complete(job)
    else:  # a printer that never answers: sent, kept until someone sees it came out
        spool.record_failure(
            job,
            tuple(p.value for p in after.problems),
            after.message("id", printout),
            after.message("en", printout),
        )
    return PrintResult(
        job.job_id, printed=True, status=after, pending=not confirmed, printout=printout
    )


def _failed(
    spool: Spool,
    job: SpoolJob,
    status: PrinterStatus,
    error: PrinterError | None,
    printout: str,
) -> PrintResult:
    result = PrintResult(
        job.job_id, printed=False, status=status, pending=True, error=error, printout=printout
    )
    problems = tuple(p.value for p in status.problems) or (Problem.UNKNOWN.value,)
    spool.record_failure(job, problems, result.message("id"), result.message("en"))
    # The caller tells the person (screen, stderr); this is for the log only.
    log.info("print job %s not printed: %s", job.job_id, result.message("en"))
    return result


def _refused(
    error: PrinterUriError, printout: str, job_id: str = "", pending: bool = False
) -> PrintResult:
    return PrintResult(
        job_id,
        printed=False,
        status=PrinterStatus.unreachable(),
        pending=pending,
        error=error,
        printout=printout,
    )


def print_job(
    uri: str,
    payload: bytes | Layout,
    spool_dir: Path,
    *,
    profile: PrinterProfile | None = None,
    timeouts: Timeouts | None = None,
    printout: str | None = None,
) -> PrintResult:
    """Print a layout (or ready ESC/POS bytes) on the printer ``uri``. Never raises for
    printer trouble: the job is in ``spool_dir`` first, and stays there until it printed.
    A printer address that cannot be understood is no printer trouble: nothing is spooled
    and the result's ``usage_error`` is True. ``printout`` names what is printed (default:
    from the layout)."""
    kind = printout or printout_of(payload)
    try:
        parsed = parse_uri(uri)
    except PrinterUriError as exc:
        return _refused(exc, kind)
    spool = Spool(spool_dir)
    job = spool.add(uri, payload, profile=profile.name if profile else None)
    return _send(spool, job, parsed, profile, timeouts, copy=False, printout=kind)


def retry(
    job_id: str,
    spool_dir: Path,
    *,
    uri: str | None = None,
    timeouts: Timeouts | None = None,
) -> PrintResult:
    """Print a spooled job again, marked "SALINAN / COPY" — on ``uri`` or its own printer.
    Raises KeyError for an unknown job id."""
    spool = Spool(spool_dir)
    job = spool.get(job_id)
    try:
        parsed = parse_uri(uri or job.uri)
    except PrinterUriError as exc:
        return _refused(exc, "copy", job.job_id, spool.is_pending(job.job_id))
    return _send(spool, job, parsed, None, timeouts, copy=True, printout="copy")


def list_pending(spool_dir: Path) -> list[SpoolJob]:
    """Jobs not (confirmed) printed yet, oldest first."""
    return Spool(spool_dir).list_pending()


__all__ = ["COPY_MARK", "PrintResult", "list_pending", "print_job", "printout_of", "retry"]
