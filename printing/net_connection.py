"""Raw TCP (port 9100) printer connection with short, bounded timeouts."""

from __future__ import annotations

import contextlib
import socket

from loket.printing.connections import Connection, Timeouts
from loket.printing.errors import PrinterConnectionError
from loket.printing.status import status_request


class NetworkConnection(Connection):
    supports_status = True

    def __init__(self, host: str, port: int, timeouts: Timeouts) -> None:
        self.timeouts = timeouts
        self.address = f"{host}:{port}"
        try:
            self.sock = socket.create_connection((host, port), timeout=timeouts.connect)
        except OSError as exc:
            raise PrinterConnectionError(
                f"Printer {self.address} tidak dapat dihubungi ({exc}).",
                f"Cannot connect to printer {self.address} ({exc}).",
                code="connect_failed",
            ) from exc
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def write(self, data: bytes) -> None:
        # Since Python 3.5 a socket timeout bounds the whole sendall, not each chunk.
        self.sock.settimeout(self.timeouts.write)
        try:
            self.sock.sendall(data)
        except OSError as exc:
            raise PrinterConnectionError(
                f"Printer {self.address} tidak menerima data ({exc or 'batas waktu habis'}).",
                f"Printer {self.address} is not accepting data ({exc or 'timed out'}).",
                code="write_failed",
            ) from exc

    def _drain(self) -> None:
        """Drop bytes nobody asked for (late replies, automatic status) before a question."""
        self.sock.setblocking(False)
        try:
            while self.sock.recv(256):
                pass
        except OSError:
            pass

    def query(self, n: int) -> int | None:
        try:
            self._drain()
            self.sock.settimeout(self.timeouts.status)
            self.sock.sendall(status_request(n))
            reply = self.sock.recv(1)
        except OSError:  # includes TimeoutError
            return None
        return reply[0] if reply else None

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()
