"""``cups://QUEUE``: raw job through the ``lp`` command. CUPS gives no real-time status."""

from __future__ import annotations

import shutil
import subprocess

from loket.printing.connections import Connection, Timeouts
from loket.printing.errors import PrinterConnectionError


class CupsConnection(Connection):
    def __init__(self, queue: str, timeouts: Timeouts) -> None:
        self.queue = queue
        self.timeouts = timeouts
        self.lp = shutil.which("lp")
        if self.lp is None:
            raise PrinterConnectionError(
                "Perintah 'lp' (CUPS) tidak ditemukan. Pasang paket cups-client.",
                "The 'lp' command (CUPS) was not found. Install the cups-client package.",
                code="connect_failed",
            )

    def write(self, data: bytes) -> None:
        assert self.lp is not None
        try:
            done = subprocess.run(
                [self.lp, "-d", self.queue, "-o", "raw"],
                input=data,
                capture_output=True,
                timeout=self.timeouts.connect + self.timeouts.write,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise PrinterConnectionError(
                f"CUPS tidak menjawab untuk antrean {self.queue}.",
                f"CUPS did not answer for queue {self.queue}.",
                code="write_failed",
            ) from exc
        if done.returncode != 0:
            reason = done.stderr.decode(errors="replace").strip()
            raise PrinterConnectionError(
                f"CUPS menolak pekerjaan untuk antrean {self.queue}: {reason}",
                f"CUPS refused the job for queue {self.queue}: {reason}",
                code="write_failed",
            )
