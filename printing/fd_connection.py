"""File and serial-port connections over plain file descriptors (no pyserial needed)."""

from __future__ import annotations

import os
import select
import termios
import time
import tty
from pathlib import Path

from loket.printing.connections import Connection, Timeouts
from loket.printing.errors import PrinterConnectionError
from loket.printing.status import status_request

_BAUD = {
    1200: termios.B1200,
    2400: termios.B2400,
    4800: termios.B4800,
    9600: termios.B9600,
    19200: termios.B19200,
    38400: termios.B38400,
    57600: termios.B57600,
    115200: termios.B115200,
}


def _open_failed(path: Path, exc: OSError) -> PrinterConnectionError:
    return PrinterConnectionError(
        f"Printer {path} tidak dapat dibuka ({exc.strerror}).",
        f"Cannot open printer {path} ({exc.strerror}).",
        code="connect_failed",
    )


def _write_all(fd: int, data: bytes, timeout: float, name: str) -> None:
    deadline = time.monotonic() + timeout
    view = memoryview(data)
    while view:
        left = deadline - time.monotonic()
        _, ready, _ = select.select([], [fd], [], max(0.0, left))
        if not ready:
            raise PrinterConnectionError(
                f"Printer {name} tidak menerima data (batas waktu {timeout:.1f} dtk habis).",
                f"Printer {name} is not accepting data (timed out after {timeout:.1f} s).",
                code="write_failed",
            )
        try:
            view = view[os.write(fd, view) :]
        except BlockingIOError:
            continue
        except OSError as exc:
            raise PrinterConnectionError(
                f"Gagal menulis ke printer {name} ({exc.strerror}).",
                f"Writing to printer {name} failed ({exc.strerror}).",
                code="write_failed",
            ) from exc


class FileConnection(Connection):
    """``file:///dev/usb/lp0`` or any path: raw bytes appended to it. No status channel."""

    def __init__(self, path: Path, timeouts: Timeouts) -> None:
        self.path = path
        self.timeouts = timeouts
        try:
            self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK, 0o644)
        except OSError as exc:
            raise _open_failed(path, exc) from exc

    def write(self, data: bytes) -> None:
        _write_all(self.fd, data, self.timeouts.write, str(self.path))

    def close(self) -> None:
        os.close(self.fd)


class SerialConnection(Connection):
    """``serial:///dev/ttyUSB0?baudrate=19200``: raw 8N1, status via DLE EOT."""

    supports_status = True

    def __init__(self, path: Path, baudrate: int, timeouts: Timeouts) -> None:
        self.path = path
        self.baudrate = baudrate
        self.timeouts = timeouts
        try:
            self.fd = os.open(path, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
            tty.setraw(self.fd)
            attrs = termios.tcgetattr(self.fd)
            attrs[4] = attrs[5] = _BAUD[baudrate]  # ispeed, ospeed
            termios.tcsetattr(self.fd, termios.TCSANOW, attrs)
        except (OSError, termios.error) as exc:
            err = exc if isinstance(exc, OSError) else OSError(0, str(exc))
            raise _open_failed(path, err) from exc

    def write(self, data: bytes) -> None:
        # A serial line is slow: 10 bits per byte. Allow the transfer time on top.
        timeout = self.timeouts.write + len(data) * 10 / self.baudrate
        _write_all(self.fd, data, timeout, str(self.path))

    def query(self, n: int) -> int | None:
        try:
            termios.tcflush(self.fd, termios.TCIFLUSH)
            _write_all(self.fd, status_request(n), self.timeouts.status, str(self.path))
            ready, _, _ = select.select([self.fd], [], [], self.timeouts.status)
            reply = os.read(self.fd, 1) if ready else b""
        except (OSError, termios.error, PrinterConnectionError):
            return None
        return reply[0] if reply else None

    def close(self) -> None:
        os.close(self.fd)
