"""A simulated raw TCP (port 9100) ESC/POS printer for tests.

Stores what it receives, answers DLE EOT n like a real printer, and can be told to run out
of paper, open its cover, jam its cutter, go mute or stall (stop reading) — and to break
in the middle of a job: reset the connection after N bytes (``reset_after``), stop
reading after N bytes (``stall_after``), or show a fault only after the job
(``fault_after_job = "paper_out"``: status answers are fine until print data has arrived
on a connection, then the fault is switched on, as when the roll runs out mid-ticket).
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections.abc import Callable
from types import TracebackType

DLE, EOT, GS = 0x10, 0x04, 0x1D


class SimPrinter:
    def __init__(self) -> None:
        self.paper_near_end = False
        self.paper_out = False
        self.cover_open = False
        self.cutter_error = False
        self.mute = False
        self.reset_after: int | None = None  # bytes of a connection, then a TCP reset
        self.stall_after: int | None = None  # bytes of a connection, then no more reading
        self.fault_after_job: str | None = None  # e.g. "paper_out", once print data arrived
        self._stall = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._received = bytearray()  # print data, without the status questions
        self.status_questions: list[int] = []
        self.connections = 0
        self._threads: list[threading.Thread] = []
        self._clients: list[socket.socket] = []
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # A small receive buffer (the kernel doubles it: 8 KB) makes "stall" fill the
        # sender's buffers quickly, and leaves part of any ticket unread after a stall.
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(8)
        self._server.settimeout(0.1)
        self.port: int = self._server.getsockname()[1]

    @property
    def uri(self) -> str:
        return f"network://127.0.0.1:{self.port}"

    @property
    def stall(self) -> bool:
        return self._stall.is_set()

    @stall.setter
    def stall(self, value: bool) -> None:
        if value:
            self._stall.set()
        else:
            self._stall.clear()

    @property
    def received(self) -> bytes:
        with self._lock:
            return bytes(self._received)

    def clear(self) -> None:
        with self._lock:
            self._received.clear()
            self.status_questions.clear()

    def status_byte(self, n: int) -> int:
        offline = self.paper_out or self.cover_open or self.cutter_error
        if n == 1:
            return 0x12 | (0x08 if offline else 0)
        if n == 2:
            return (
                0x12
                | (0x04 if self.cover_open else 0)
                | (0x20 if self.paper_out else 0)
                | (0x40 if self.cutter_error else 0)
            )
        if n == 3:
            return 0x12 | (0x08 if self.cutter_error else 0)
        if n == 4:
            near = 0x0C if self.paper_near_end or self.paper_out else 0
            return 0x12 | near | (0x60 if self.paper_out else 0)
        return 0x12

    def wait_for(self, predicate: Callable[[bytes], bool], timeout: float = 30.0) -> bool:
        """True as soon as ``predicate`` holds for what arrived; the timeout is only against a
        hang (a loaded machine may take seconds to schedule the printer's thread)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate(self.received):
                return True
            time.sleep(0.01)
        return predicate(self.received)

    # --- server side -------------------------------------------------------------------

    def start(self) -> SimPrinter:
        thread = threading.Thread(target=self._accept_loop, name="sim-printer", daemon=True)
        thread.start()
        self._threads.append(thread)
        return self

    def stop(self) -> None:
        self._stop.set()
        self._stall.clear()
        for thread in self._threads:
            thread.join(timeout=2)
        for client in self._clients:
            client.close()
        self._server.close()

    def __enter__(self) -> SimPrinter:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            self._clients.append(client)
            thread = threading.Thread(target=self._serve, args=(client,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _serve(self, client: socket.socket) -> None:
        client.settimeout(0.05)
        pending = bytearray()
        taken = 0  # bytes read on this connection
        stalled = False
        job: list[int] = [0]  # print-data bytes of this connection
        while not self._stop.is_set():
            if self._stall.is_set() or stalled:
                time.sleep(0.02)
                continue
            limit = min(
                (n for n in (self.reset_after, self.stall_after) if n is not None),
                default=None,
            )
            size = 4096 if limit is None else max(1, min(4096, limit - taken))
            try:
                chunk = client.recv(size)
            except TimeoutError:
                continue
            except OSError:
                return
            if not chunk:
                return
            taken += len(chunk)
            pending += chunk
            self._process(pending, client, job)
            if self.reset_after is not None and taken >= self.reset_after:
                self._flush(pending, len(pending))  # what arrived is "printed", half a ticket
                # SO_LINGER 0: close() sends a reset, as a printer that reboots mid-job.
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                client.close()
                return
            if self.stall_after is not None and taken >= self.stall_after:
                stalled = True

    def _process(self, buf: bytearray, client: socket.socket, job: list[int]) -> None:
        """Handle the complete commands in ``buf`` and remove them; keep an incomplete tail.
        ``job[0]`` counts the print data of this connection."""
        i = 0
        while i < len(buf):
            if buf[i] == DLE:
                if i + 2 >= len(buf):
                    break
                if buf[i + 1] == EOT:
                    n = buf[i + 2]
                    job[0] += self._flush(buf, i)
                    self.status_questions.append(n)
                    if self.fault_after_job and job[0]:
                        setattr(self, self.fault_after_job, True)
                    if not self.mute:
                        with contextlib.suppress(OSError):
                            client.sendall(bytes((self.status_byte(n),)))
                    del buf[:3]
                    i = 0
                    continue
            skip = self._data_length(buf, i)
            if skip is None:
                break  # incomplete command: wait for more bytes
            i += skip
        job[0] += self._flush(buf, i)

    def _flush(self, buf: bytearray, end: int) -> int:
        with self._lock:
            self._received += buf[:end]
        del buf[:end]
        return end

    @staticmethod
    def _data_length(buf: bytearray, i: int) -> int | None:
        """Length of the command at ``i`` if it carries bulk data (so DLE EOT inside image data
        is not taken for a question), else 1."""
        if buf[i] != GS or i + 1 >= len(buf):
            return 1 if buf[i] != GS else None
        if buf[i + 1] == ord("v"):  # GS v 0 m xL xH yL yH data
            if i + 8 > len(buf):
                return None
            x = buf[i + 4] | buf[i + 5] << 8
            y = buf[i + 6] | buf[i + 7] << 8
            total = 8 + x * y
        elif buf[i + 1] == ord("("):  # GS ( k / GS ( L pL pH data
            if i + 5 > len(buf):
                return None
            total = 5 + (buf[i + 3] | buf[i + 4] << 8)
        else:
            return 1
        return total if i + total <= len(buf) else None
