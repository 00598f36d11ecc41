"""Sign and verify throughput for LKT1 payloads, and the latency of a whole receipt.

Reports ops/s for: the bare cryptography (CBOR encode + Ed25519 sign + base45),
``sign_claims`` (adds the key lookup in the database), ``verify_text`` (decode, key
lookup, verify) and rejecting a tampered payload; then p50/p95/p99 of ``new_receipt``
(number, signature, receipt row and two hash-chained history rows in one transaction).

Run: .venv/bin/python bench/bench_signing.py [seconds-per-measurement] [--postgres]
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable

from common import backend, summary_ms

from loket.models.documents import receipt_actions, receipt_log
from loket.models.integrity import qr_payload, signing
from loket.models.integrity.qr_payload import Claims


def rate(name: str, operation: Callable[[int], object], seconds: float) -> float:
    operation(0)  # warm caches (key file, imports)
    count = 0
    started = time.perf_counter()
    deadline = started + seconds
    while time.perf_counter() < deadline:
        for _ in range(50):
            operation(count)
            count += 1
    elapsed = time.perf_counter() - started
    ops = count / elapsed
    print(f"  {name:<44} {ops:>10,.0f} ops/s   {1e6 / ops:8.1f} µs/op")
    return ops


def claims(i: int) -> Claims:
    return Claims(
        kind="receipt",
        number=f"TT-2026-{i % 999_999 + 1:06d}",
        office="LOKET",
        kid="00000000",
        issued_at=dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.UTC),
        sender="Siti Aminah binti Abdullah",
        recipient_unit="Seksi Pemerintahan",
        subject_digest=qr_payload.subject_digest("Permohonan surat keterangan domisili").hex(),
        pages=3,
        attachments=1,
        channel="counter",
        officer="198001012005011001",
    )


def main() -> None:
    seconds = float(next((a for a in sys.argv[1:] if not a.startswith("-")), "2"))
    kind = "postgres" if "--postgres" in sys.argv else "sqlite"
    with tempfile.TemporaryDirectory() as data, backend(kind):
        os.environ["LOKET_DATA_DIR"] = data
        key = signing.ensure_key()
        private = signing._load_private_key(str(signing.keys_dir() / f"{key.kid}.pem"))
        sample = signing.sign_claims(claims(1))
        print(
            f"LKT1 payload: {len(sample.claims_bytes)} B claims + 64 B signature "
            f"→ {len(sample.text)} QR characters ({kind})"
        )

        def bare_sign(i: int) -> str:
            body = qr_payload.encode_claims(claims(i))
            return qr_payload.pack(body, private.sign(body))

        texts = [signing.sign_claims(claims(i)).text for i in range(200)]
        tampered = [t[:-3] + ("0" if t[-3] != "0" else "1") + t[-2:] for t in texts]

        print("Throughput (one process, one core):")
        bare = rate("sign: CBOR + Ed25519 + base45 (no database)", bare_sign, seconds)
        signed = rate(
            "sign_claims (+ key lookup in the database)",
            lambda i: signing.sign_claims(claims(i)),
            seconds,
        )
        verified = rate(
            "verify_text, valid payload", lambda i: signing.verify_text(texts[i % 200]), seconds
        )
        rate(
            "verify_text, tampered payload (rejected)",
            lambda i: signing.verify_text(tampered[i % 200]),
            seconds,
        )
        rate(
            "unpack only (base45 + strict CBOR decode)",
            lambda i: qr_payload.unpack(texts[i % 200]),
            seconds,
        )
        print(
            f"  ratio sign_claims / bare sign: {signed / bare:.2f}; "
            f"verify / sign_claims: {verified / signed:.2f}"
        )

        latencies = []
        for i in range(300):
            started = time.perf_counter()
            receipt_actions.new_receipt(
                f"Pengirim {i}", "Permohonan surat keterangan domisili", "Seksi Pemerintahan", 3
            )
            latencies.append(time.perf_counter() - started)
        print(f"new_receipt end to end ({kind}, durable commit): {summary_ms(latencies)}")
        started = time.perf_counter()
        report = receipt_log.verify_log()
        print(
            f"verify_log over {report.entries} entries: "
            f"{(time.perf_counter() - started) * 1000:.1f} ms (ok={report.ok})"
        )


if __name__ == "__main__":
    main()
