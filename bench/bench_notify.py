"""Notifications: messages per second through the webhook channel to a local gateway, and
the time from a receipt set "ready" until the gateway has its message, with a Sender
running in the background as in the counter and admin apps.

.venv/bin/python bench/bench_notify.py [--backends sqlite,postgres] [--messages 500]
                                       [--ready 30]
"""

from __future__ import annotations

import argparse
import random
import statistics
import threading
import time

from common import backend, office, percentile
from helpers.webhook_server import WebhookServer

PHONE = "0812-3456-7890"


def _setup(url: str) -> None:
    from loket.models.office.staff import add_staff
    from loket.models.settings import update_settings

    office(1)
    add_staff("budi", "Budi Santoso", "staff", "482915", nip="198001012005011001")
    update_settings(
        office_name="Kecamatan Bogor Tengah",
        notify_channel="webhook",
        notify_webhook_url=url,
        notify_webhook_secret="rahasia-kantor",
    )


def throughput(count: int, gateway: WebhookServer) -> None:
    from loket.models.notify.outbox import queue_message
    from loket.models.notify.sender import send_pending
    from loket.models.notify.webhook import WebhookChannel
    from loket.models.settings import load_settings

    for number in range(count):
        queue_message("receipt_ready", f"bench:{number}", f"TT-2026-{number:06d}", PHONE, "id")
    before = len(gateway.requests)
    start = time.perf_counter()
    result = send_pending(limit=count + 1)
    spent = time.perf_counter() - start
    assert result.sent == count and len(gateway.requests) - before == count, result
    print(
        f"  outbox → webhook: {count} messages in {spent:.2f} s = {count / spent:7.1f} msg/s "
        f"({1000 * spent / count:.2f} ms each: claim, POST, record)"
    )
    settings = load_settings()
    channel = WebhookChannel(settings.notify_webhook_url, settings.notify_webhook_secret)
    from loket.models.notify.channels import Outgoing

    start = time.perf_counter()
    for number in range(count):
        channel.send(Outgoing(number, "+6281234567890", "x" * 120, "receipt_ready", "TT"))
    raw = time.perf_counter() - start
    print(f"  the POST alone:    {count / raw:7.1f} msg/s ({1000 * raw / count:.2f} ms each)")


def ready_latency(url: str, count: int, gateway: WebhookServer) -> None:
    from loket.models.documents.receipt_actions import new_receipt, set_status
    from loket.models.notify.sender import Sender

    numbers = [
        new_receipt("Siti Aminah", "Surat keterangan", "Seksi Pemerintahan", 2,
                    sender_phone=PHONE, officer="budi").number
        for _ in range(count)
    ]  # fmt: skip
    for label, sender in (
        ("change feed + 15 s timer (app default)", Sender(url=url)),
        ("timer alone, every 2 s", Sender(every=2.0)),
    ):
        sender.start()
        time.sleep(0.5)  # its first round (nothing due) is over
        latencies = []
        half = numbers[: count // 2] if "feed" in label else numbers[count // 2 :]
        for number in half:
            if not sender.url:  # "ready" falls anywhere in the timer's period
                time.sleep(random.uniform(0, sender.every))
            arrived = threading.Event()
            before = len(gateway.requests)
            start = time.perf_counter()
            set_status(number, "ready", officer="budi")
            while len(gateway.requests) == before:
                arrived.wait(0.001)
            latencies.append((time.perf_counter() - start) * 1000)
        sender.stop()
        print(
            f"  ready → gateway, {label}: n={len(latencies)} "
            f"median {statistics.median(latencies):7.1f} ms  p95 {percentile(latencies, 95):7.1f} ms"
            f"  max {max(latencies):7.1f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--messages", type=int, default=500)
    parser.add_argument("--ready", type=int, default=60, help="receipts set ready (two halves)")
    args = parser.parse_args()
    for kind in args.backends.split(","):
        print(f"[{kind}]")
        with backend(kind) as url, WebhookServer() as gateway:
            _setup(gateway.url)
            throughput(args.messages, gateway)
            ready_latency(url, args.ready, gateway)


if __name__ == "__main__":
    main()
