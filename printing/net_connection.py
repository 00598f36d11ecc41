"""Raw TCP (port 9100) printer connection with short, bounded timeouts.

``sendall`` returns as soon as the bytes sit in this PC's socket buffer, which holds a
whole ticket: a printer that stops reading after 4 KB, or resets the connection after
1,500 bytes, would look like a finished job. So :meth:`NetworkConnection.write` also
waits until the printer has taken every byte (the socket's send queue is empty), and a
connection that breaks is an error — never a status question left unanswered.
"""

from __future__ import annotations

import array
import contextlib
import fcntl
import os
import socket
import termios
import time

from loket.printing.connections import Connection, Timeouts
from loket.printing.errors import PrinterConnectionError
from loket.printing.status import status_request

# Linux: bytes in a TCP socket's send queue not yet acknowledged by the other side.
_OUTQ = getattr(termios, "TIOCOUTQ", None)


def _unsent(sock: socket.socket) -> int | None:
    if _OUTQ is None:
        return None
    buf = array.array("i", [0])
    try:
        fcntl.ioctl(sock.fileno(), _OUTQ, buf, True)
    except OSError:
        return None
    return buf[0]


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

    def _broken(self, exc: OSError | None) -> PrinterConnectionError:
        why = str(exc) if exc is not None else "ditutup oleh printer"
        why_en = str(exc) if exc is not None else "closed by the printer"
        return PrinterConnectionError(
            f"Sambungan ke printer {self.address} terputus ({why}).",
            f"The connection to printer {self.address} broke ({why_en}).",
            code="connection_lost",
        )

    def _not_accepting(self, why_id: str, why_en: str) -> PrinterConnectionError:
        return PrinterConnectionError(
            f"Printer {self.address} tidak menerima data ({why_id}).",
            f"Printer {self.address} is not accepting data ({why_en}).",
            code="write_failed",
        )

    def write(self, data: bytes) -> None:
        # Since Python 3.5 a socket timeout bounds the whole sendall, not each chunk.
        self.sock.settimeout(self.timeouts.write)
        try:
            self.sock.sendall(data)
        except TimeoutError as exc:
            raise self._not_accepting("batas waktu habis", "timed out") from exc
        except OSError as exc:
            raise self._broken(exc) from exc
        self._wait_taken(len(data))

    def _wait_taken(self, total: int) -> None:
        """Until the printer has taken every byte. Gives up after ``timeouts.write`` seconds
        without progress (a printer still taking data slowly is waited for)."""
        last, since, pause = -1, time.monotonic(), 0.001
        while True:
            error = self.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if error:
                raise self._broken(OSError(error, os.strerror(error)))
            left = _unsent(self.sock)
            if not left:  # 0, or a system that cannot tell
                return
            now = time.monotonic()
            if left != last:
                last, since = left, now
            elif now - since > self.timeouts.write:
                taken = max(0, total - left)
                raise self._not_accepting(
                    f"berhenti setelah {taken} dari {total} byte",
                    f"stopped after {taken} of {total} bytes",
                )
            time.sleep(pause)
            pause = min(pause * 2, 0.02)

    def _discard_unasked(self) -> None:
        """Drop bytes nobody asked for (late replies, automatic status) before a question."""
        self.sock.setblocking(False)
        try:
            while True:
                if not self.sock.recv(256):
                    raise self._broken(None)
        except BlockingIOError:
            pass
        except OSError as exc:
            raise self._broken(exc) from exc

    def query(self, n: int) -> int | None:
        """The reply byte; None when none comes within the timeout. A connection that is
        reset or closed raises :class:`PrinterConnectionError`."""
        self._discard_unasked()
        self.sock.settimeout(self.timeouts.status)
        try:
            self.sock.sendall(status_request(n))
            reply = self.sock.recv(1)
        except TimeoutError:
            return None
        except OSError as exc:
            raise self._broken(exc) from exc
        if not reply:
            raise self._broken(None)
        return reply[0]

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()
