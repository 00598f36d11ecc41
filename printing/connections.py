"""Printer connections: one small class per transport behind a common interface."""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from dataclasses import dataclass
from types import TracebackType
from typing import ClassVar

from loket.printing.errors import PrinterError
from loket.printing.layouts import Layout
from loket.printing.status import PrinterStatus, Problem, read_status
from loket.printing.uri import PrinterUri, parse_uri


@dataclass(frozen=True)
class Timeouts:
    """Seconds. ``status`` is per DLE EOT question; a mute printer costs one of these."""

    connect: float = 2.0
    write: float = 2.0
    status: float = 0.5


class Connection(ABC):
    supports_status: bool = False  # can it answer DLE EOT?
    wants_layout: bool = False  # renders layouts itself (PDF) instead of taking ESC/POS bytes

    @abstractmethod
    def write(self, data: bytes) -> None:
        """Send ESC/POS bytes; raises PrinterConnectionError on failure or timeout."""

    def write_layout(self, layout: Layout, job_id: str) -> None:
        raise PrinterError(
            "Printer ini hanya menerima data ESC/POS.",
            "This printer only takes ESC/POS data.",
            code="layout_not_supported",
        )

    def query(self, n: int) -> int | None:
        """Send DLE EOT n; the reply byte, or None when there is none within the timeout."""
        return None

    def read_status(self) -> PrinterStatus:
        if not self.supports_status:
            return PrinterStatus(ok=False, problems=(Problem.UNKNOWN,))
        return read_status(self.query)

    def close(self) -> None:  # noqa: B027 - most transports have nothing to close
        pass

    def __enter__(self) -> Connection:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


NORMAL_REPLIES = {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12}


class DummyConnection(Connection):
    """Keeps bytes in memory, per name (``dummy://kiosk1``); answers status from ``replies``."""

    supports_status = True
    outputs: ClassVar[dict[str, bytearray]] = {}
    replies: ClassVar[dict[str, dict[int, int | None]]] = {}
    _lock = threading.Lock()

    def __init__(self, name: str = "") -> None:
        self.name = name
        with self._lock:
            self.outputs.setdefault(name, bytearray())

    def write(self, data: bytes) -> None:
        with self._lock:
            self.outputs[self.name] += data

    def query(self, n: int) -> int | None:
        return self.replies.get(self.name, NORMAL_REPLIES).get(n)

    @classmethod
    def reset(cls) -> None:
        with cls._lock:
            cls.outputs.clear()
            cls.replies.clear()


def open_connection(uri: str | PrinterUri, timeouts: Timeouts | None = None) -> Connection:
    """Open the transport a URI names. Raises PrinterUriError / PrinterConnectionError."""
    parsed = parse_uri(uri) if isinstance(uri, str) else uri
    t = timeouts or Timeouts()
    # Each transport is imported when used: a network printer never pulls in the PDF
    # renderer (reportlab) or device code, which a one-off `loket print` would pay for.
    if parsed.scheme == "network":
        from loket.printing.net_connection import NetworkConnection

        return NetworkConnection(parsed.host, parsed.port, t)
    if parsed.scheme == "dummy":
        return DummyConnection(parsed.host)
    if parsed.scheme == "pdf":
        from loket.printing.pdf_connection import PdfConnection

        assert parsed.path is not None
        return PdfConnection(parsed.path)
    if parsed.scheme in ("file", "serial"):
        from loket.printing.fd_connection import FileConnection, SerialConnection

        assert parsed.path is not None
        if parsed.scheme == "file":
            return FileConnection(parsed.path, t)
        return SerialConnection(parsed.path, parsed.baudrate, t)
    if parsed.scheme == "usb":
        from loket.printing.usb_connection import UsbConnection

        return UsbConnection(parsed.vendor_id, parsed.product_id, t)
    from loket.printing.cups_connection import CupsConnection

    return CupsConnection(parsed.queue, t)
