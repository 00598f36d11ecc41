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
    # Imported here so a kiosk with only a network printer never imports device code.
    from loket.printing import (
        cups_connection,
        fd_connection,
        net_connection,
        pdf_connection,
        usb_connection,
    )

    parsed = parse_uri(uri) if isinstance(uri, str) else uri
    t = timeouts or Timeouts()
    if parsed.scheme == "network":
        return net_connection.NetworkConnection(parsed.host, parsed.port, t)
    if parsed.scheme == "dummy":
        return DummyConnection(parsed.host)
    if parsed.scheme == "pdf":
        assert parsed.path is not None
        return pdf_connection.PdfConnection(parsed.path)
    if parsed.scheme == "file":
        assert parsed.path is not None
        return fd_connection.FileConnection(parsed.path, t)
    if parsed.scheme == "serial":
        assert parsed.path is not None
        return fd_connection.SerialConnection(parsed.path, parsed.baudrate, t)
    if parsed.scheme == "usb":
        return usb_connection.UsbConnection(parsed.vendor_id, parsed.product_id, t)
    return cups_connection.CupsConnection(parsed.queue, t)
