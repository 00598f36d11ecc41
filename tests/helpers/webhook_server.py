"""A gateway on 127.0.0.1 for the webhook tests: records every request it receives and
answers what the test planned (200 by default; 500, 4xx, or a hang to force a timeout).

    with WebhookServer() as gateway:
        gateway.plan(500, 500)       # the next two requests get HTTP 500, then 200 again
        gateway.plan(("hang", 2.0))  # the next request is answered after 2 s
        ... gateway.url, gateway.requests, gateway.ids() ...
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    answered: int  # the HTTP status it was given

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


Plan = int | tuple[str, float]


class WebhookServer:
    def __init__(self, default: int = 200, delay: float = 0.0) -> None:
        self.default = default
        self.delay = delay  # seconds before every answer: a gateway that takes its time
        self.requests: list[Received] = []
        self._plans: deque[Plan] = deque()
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                with server._lock:
                    plan: Plan = server._plans.popleft() if server._plans else server.default
                time.sleep(server.delay)
                if isinstance(plan, tuple):
                    time.sleep(plan[1])  # the client has timed out and left meanwhile
                    status = 200
                else:
                    status = plan
                with server._arrived:
                    server.requests.append(
                        Received(self.path, dict(self.headers.items()), body, status)
                    )
                    server._arrived.notify_all()
                payload = b'{"ok":true}' if status < 300 else b'{"error":"planned failure"}'
                try:
                    self.send_response(status)
                    if 300 <= status < 400:
                        self.send_header("Location", "http://127.0.0.1:9/elsewhere")
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except OSError:
                    pass  # the client gave up waiting

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/hook"

    def plan(self, *answers: Plan) -> None:
        """The answers of the next requests, in order; afterwards ``default`` again."""
        with self._lock:
            self._plans.extend(answers)

    def ids(self) -> list[int]:
        """The message ids of the requests that were answered 2xx, in arrival order."""
        with self._lock:
            return [r.json()["id"] for r in self.requests if 200 <= r.answered < 300]

    def wait_for(self, count: int, timeout: float = 10.0) -> bool:
        """Wait until ``count`` requests arrived in all."""
        with self._arrived:
            return self._arrived.wait_for(lambda: len(self.requests) >= count, timeout)

    def start(self) -> WebhookServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def __enter__(self) -> WebhookServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def closed_port_url() -> str:
    """An address on 127.0.0.1 where nothing listens: a dead gateway."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/hook"


def ready_receipt(clock: Any, phone: str = "0812-3456-7890") -> Any:
    """A receipt received at the counter and set "ready": its message is queued."""
    from loket.models.documents.receipt_actions import new_receipt, set_status

    receipt = new_receipt(
        "Siti Aminah",
        "Permohonan surat keterangan domisili",
        "Seksi Pemerintahan",
        3,
        sender_phone=phone,
        officer="budi",
        clock=clock,
    )
    return set_status(receipt.number, "ready", officer="budi", clock=clock)


def use_webhook(url: str, secret: str = "rahasia-kantor") -> None:
    from loket.models.settings import update_settings

    update_settings(notify_channel="webhook", notify_webhook_url=url, notify_webhook_secret=secret)
