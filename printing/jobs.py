"""Print a job: spool it, check status, send, check status again, report honestly."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from loket.printing.blocks import COPY_MARK
from loket.printing.connections import Connection, Timeouts, open_connection
from loket.printing.errors import PrinterError
from loket.printing.escpos_render import INIT, copy_banner, render_escpos
from loket.printing.layouts import Layout, as_copy
from loket.printing.profiles import PrinterProfile, profile_by_name
from loket.printing.spool import Spool, SpoolJob
from loket.printing.status import SHOW_OFFICER_EN, SHOW_OFFICER_ID, PrinterStatus, Problem
from loket.printing.uri import parse_uri

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrintResult:
    """``printed``: the bytes reached the printer and no fault was seen afterwards.
    ``pending``: the job is still in the spool (not printed, or printing not confirmed)."""

    job_id: str
    printed: bool
    status: PrinterStatus
    pending: bool
    error: PrinterError | None = None

    def message(self, lang: str = "id") -> str:
        """A plain sentence: the printer's own fault if it reported one, else what went wrong."""
        vague = self.status.main_problem in (None, Problem.NO_CONNECTION, Problem.UNKNOWN)
        if self.error is not None and vague:
            tail = SHOW_OFFICER_ID if lang == "id" else SHOW_OFFICER_EN
            return f"{self.error.message(lang)} {tail}"
        return self.status.message(lang)


def _payload(job: SpoolJob, conn: Connection, profile: PrinterProfile, copy: bool) -> bytes:
    if job.layout is not None:
        layout = as_copy(job.layout) if copy else job.layout
        return render_escpos(layout, profile).data
    assert job.payload is not None
    if copy:
        return INIT + copy_banner(profile) + job.payload
    return job.payload


def _send(
    spool: Spool,
    job: SpoolJob,
    uri: str,
    profile: PrinterProfile | None,
    timeouts: Timeouts | None,
    copy: bool,
) -> PrintResult:
    try:
        parsed = parse_uri(uri)
        prof = profile or (profile_by_name(job.profile) if job.profile else parsed.profile)
        with open_connection(parsed, timeouts) as conn:
            before = conn.read_status()
            if before.blocking:
                return _failed(spool, job, before, None)
            try:
                if conn.wants_layout:
                    if job.layout is None:
                        conn.write(job.payload or b"")  # raises: PDF needs a layout
                    else:
                        conn.write_layout(as_copy(job.layout) if copy else job.layout, job.job_id)
                else:
                    conn.write(_payload(job, conn, prof, copy))
            except PrinterError as exc:
                after = conn.read_status()
                status = after if after.blocking else PrinterStatus.unreachable()
                return _failed(spool, job, status, exc)
            after = conn.read_status()
            supports_status = conn.supports_status or conn.wants_layout
    except PrinterError as exc:  # bad URI, cannot connect, QR does not fit …
        return _failed(spool, job, PrinterStatus.unreachable(), exc)
    if after.blocking:
        return _failed(spool, job, after, None)
    confirmed = after.known or not supports_status
    if confirmed:
        spool.complete(job)
    else:
        spool.record_failure(
            job, tuple(p.value for p in after.problems), after.message("id"), after.message("en")
        )
    return PrintResult(job.job_id, printed=True, status=after, pending=not confirmed)


def _failed(
    spool: Spool, job: SpoolJob, status: PrinterStatus, error: PrinterError | None
) -> PrintResult:
    result = PrintResult(job.job_id, printed=False, status=status, pending=True, error=error)
    problems = tuple(p.value for p in status.problems) or (Problem.UNKNOWN.value,)
    spool.record_failure(job, problems, result.message("id"), result.message("en"))
    log.warning("print job %s not printed: %s", job.job_id, result.message("en"))
    return result


def print_job(
    uri: str,
    payload: bytes | Layout,
    spool_dir: Path,
    *,
    profile: PrinterProfile | None = None,
    timeouts: Timeouts | None = None,
) -> PrintResult:
    """Print a layout (or ready ESC/POS bytes) on the printer ``uri``. Never raises for
    printer trouble: the job is in ``spool_dir`` first, and stays there until it printed."""
    spool = Spool(spool_dir)
    job = spool.add(uri, payload, profile=profile.name if profile else None)
    return _send(spool, job, uri, profile, timeouts, copy=False)


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
    return _send(spool, job, uri or job.uri, None, timeouts, copy=True)


def list_pending(spool_dir: Path) -> list[SpoolJob]:
    """Jobs not (confirmed) printed yet, oldest first."""
    return Spool(spool_dir).list_pending()


__all__ = ["COPY_MARK", "PrintResult", "list_pending", "print_job", "retry"]
