"""Sign and verify throughput for LKT1 payloads, and the latency of a whole receipt.

Reports ops/s for: the bare cryptography (CBOR encode + Ed25519 sign + base45),
``sign_claims`` (adds the key lookup in the database), ``verify_text`` (decode, key
lookup, verify, the key's certificate under the pinned office root) and rejecting a
tampered payload; then p50/p95/p99 of ``new_receipt``
(number, signature, receipt row and two hash-chained history rows in one transaction).

Run: .venv/bin/python bench/bench_signing.py [seconds-per-measurement] [--postgres]

With ``--year``: the verification of a year of logs instead — the year-sized staffing
log of bench/generate_year.py (100,000 entries), a year of receipts (10,000, four
history entries each) and of audit entries (5,000), first as they are, then with this
PC's witness and a year of signed checkpoints (9,000: every 15 minutes of 250 working
days). Target: under 2 s on SQLite for all three verifications with both.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable

from common import backend, summary_ms

from loket.models.documents import receipt_actions, receipt_log
from loket.models.integrity import certs, qr_payload, root, signing
from loket.models.integrity.qr_payload import Claims
from loket.models.tables import SigningKey


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


def _fill_receipts(count: int) -> None:
    """A year of receipts: one made by the service, the rest its copies written straight
    into the tables (each with its own number, content digest and hash-chained history)."""
    from loket.models import rawsql
    from loket.models.db import write_transaction
    from loket.models.integrity import hashchain
    from loket.models.tables import Receipt

    template = receipt_actions.new_receipt(
        "Pengirim", "Permohonan surat keterangan domisili", "Seksi Pemerintahan", 3
    )
    first = Receipt.get(Receipt.number == template.number)
    head = hashchain.read_head(receipt_log.CHAIN)
    seq, prev = head.length, head.head_hash
    start = first.issued_at
    events = []
    with write_transaction():
        for i in range(2, count + 1):
            data = dict(first.__data__)
            data.pop("id")
            data.update(
                sequence=i,
                number=f"TT-{first.year}-{i:06d}",
                request_key=None,
                issued_at=start + dt.timedelta(minutes=30 * i),
            )
            row = Receipt(**data)
            received = json.dumps({"content": receipt_log.content_digest(row)}, sort_keys=True)
            row.save(force_insert=True)
            for status, detail in (
                ("received", received), ("confirmed", ""), ("ready", ""), ("collected", "")
            ):  # fmt: skip
                at = row.issued_at + dt.timedelta(hours=len(events) % 4)
                seq += 1
                fields = receipt_log._chain_fields(row.number, status, at, None, detail)
                row_hash = hashchain.entry_hash(receipt_log.CHAIN, seq, prev, fields)
                events.append((seq, row.id, status, at, detail, prev, row_hash))
                prev = row_hash
            rawsql.execute("UPDATE receipt SET status = 'collected' WHERE id = ?", (row.id,))
        from loket.models.tables import ReceiptEvent

        for part in range(0, len(events), 2000):
            ReceiptEvent.insert_many(
                events[part : part + 2000],
                fields=[ReceiptEvent.seq, ReceiptEvent.receipt, ReceiptEvent.status,
                        ReceiptEvent.at, ReceiptEvent.detail, ReceiptEvent.prev_hash,
                        ReceiptEvent.row_hash],
            ).execute()  # fmt: skip
        rawsql.execute(
            "UPDATE chain_head SET length = ?, head_hash = ? WHERE chain = ?",
            (seq, prev, receipt_log.CHAIN),
        )
        rawsql.execute(
            "UPDATE receipt_sequence SET last_number = ? WHERE year = ?", (count, first.year)
        )


def _fill_audit(count: int, start: dt.datetime) -> None:
    from loket.models import rawsql
    from loket.models.db import write_transaction
    from loket.models.integrity import hashchain
    from loket.models.office import audit

    head = hashchain.read_head(audit.CHAIN)
    seq, prev = head.length, head.head_hash
    rows = []
    for i in range(count):
        at = start + dt.timedelta(hours=2 * i)
        fields = audit._fields(at, "kepala", "head", "service_edit", f"A{i}", "")
        seq += 1
        row_hash = hashchain.entry_hash(audit.CHAIN, seq, prev, fields)
        rows.append((seq, at, "kepala", "head", "service_edit", f"A{i}", "", prev, row_hash))
        prev = row_hash
    from loket.models.tables import AuditEntry

    with write_transaction():
        for part in range(0, len(rows), 2000):
            AuditEntry.insert_many(
                rows[part : part + 2000],
                fields=[AuditEntry.seq, AuditEntry.at, AuditEntry.actor, AuditEntry.role,
                        AuditEntry.action, AuditEntry.target, AuditEntry.detail,
                        AuditEntry.prev_hash, AuditEntry.row_hash],
            ).execute()  # fmt: skip
        rawsql.execute(
            "INSERT INTO chain_head (chain, length, head_hash) VALUES (?, ?, ?) "
            "ON CONFLICT (chain) DO UPDATE SET length = excluded.length, "
            "head_hash = excluded.head_hash",
            (audit.CHAIN, seq, prev),
        )


def _fill_checkpoints(count: int, start: dt.datetime) -> None:
    """A year of checkpoints, each marking the chains a little further on, signed."""
    from loket.models import rawsql
    from loket.models.db import write_transaction
    from loket.models.integrity import checkpoints, hashchain, seals
    from loket.models.integrity.seals import ChainMark

    key = signing.ensure_key()
    private = signing._load_private_key(str(signing.keys_dir() / f"{key.kid}.pem"))
    hashes = {}
    for chain, (table, *_rest) in seals.SEALED_CHAINS.items():
        hashes[chain] = [
            h for (h,) in rawsql.fetch_all(f"SELECT row_hash FROM {table} ORDER BY seq")
        ]
    prev, rows = hashchain.GENESIS_HASH, []
    for i in range(1, count + 1):
        marks = []
        for chain, found in hashes.items():
            at_seq = len(found) * i // count
            marks.append(ChainMark(chain, at_seq, found[at_seq - 1] if at_seq else prev))
        at = start + dt.timedelta(minutes=15 * i)
        fields = checkpoints.chain_fields(at, key.office_id, key.kid, "bench", "timer", marks)
        row_hash = hashchain.entry_hash(checkpoints.CHAIN, i, prev, fields)
        signature = private.sign(checkpoints.signed_bytes(i, prev, fields))
        rows.append((i, at, key.office_id, key.kid, "bench", "timer",
                     *(v for m in marks for v in (m.seq, m.hash)), signature, prev, row_hash))  # fmt: skip
        prev = row_hash
    from loket.models.tables import ChainCheckpoint

    names = [f.name for f in ChainCheckpoint._meta.sorted_fields if f.name != "id"]
    with write_transaction():
        for part in range(0, len(rows), 2000):
            ChainCheckpoint.insert_many(rows[part : part + 2000], fields=names).execute()
        rawsql.execute(
            "INSERT INTO chain_head (chain, length, head_hash) VALUES (?, ?, ?)",
            (checkpoints.CHAIN, count, prev),
        )


def _verify_all() -> tuple[float, list[str]]:
    from loket.models.office.audit import verify_audit
    from loket.models.staffing.verify import verify_staffing_log

    started = time.perf_counter()
    reports = [verify_staffing_log(), receipt_log.verify_log(), verify_audit()]
    elapsed = time.perf_counter() - started
    for report in reports:
        assert report.ok, report.message_en
    return elapsed, [r.message_en for r in reports]


def year_verification(kind: str) -> None:
    from generate_year import generate

    from loket.models.integrity import tails, witness

    with tempfile.TemporaryDirectory() as data, backend(kind):
        os.environ["LOKET_DATA_DIR"] = data
        from helpers.pins import allow_four_digit_pins

        allow_four_digit_pins()  # generate_year's officers have 4-digit PINs
        mark = time.perf_counter()
        generate(tickets=20_000, staffing=100_000, surveys=0, progress=lambda _: None)
        start = dt.datetime(2025, 11, 24, 1, 0, tzinfo=dt.UTC)
        _fill_receipts(10_000)
        _fill_audit(5_000, start)
        print(f"year written in {time.perf_counter() - mark:.0f} s ({kind})")
        plain, messages = _verify_all()  # no checkpoint yet; the witness learns the heads
        for line in messages:
            print(f"  {line}")
        print(f"three verifications, no witness or checkpoint: {plain:.2f} s")
        mark = time.perf_counter()
        _fill_checkpoints(9_000, start)
        print(f"9,000 signed checkpoints written in {time.perf_counter() - mark:.1f} s")
        runs = [_verify_all()[0] for _ in range(3)]
        marks = sum(len(witness.marks(c)) for c in tails.CHAINS)
        print(
            f"three verifications with the witness ({marks} marks) and 9,000 checkpoints: "
            f"median {sorted(runs)[1]:.2f} s, max {max(runs):.2f} s (target < 2 s)"
        )
        tails.forget_recent()
        started = time.perf_counter()
        state = tails.checkpoint_state()
        print(f"  of which the checkpoint chain once: {time.perf_counter() - started:.2f} s "
              f"({len(state.trusted)} checkpoints trusted)")  # fmt: skip
        started = time.perf_counter()
        assert tails.quick_problem() is None
        print(f"an app's periodic look (heads, witness, newest checkpoints): "
              f"{(time.perf_counter() - started) * 1000:.1f} ms")  # fmt: skip


def main() -> None:
    if "--year" in sys.argv:
        year_verification("postgres" if "--postgres" in sys.argv else "sqlite")
        return
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
            "verify_text, valid payload (+ certificate check)",
            lambda i: signing.verify_text(texts[i % 200]),
            seconds,
        )

        def first_sight(i: int) -> object:
            root.clear_caches()  # a certificate this process has not checked yet
            return signing.verify_text(texts[i % 200])

        rate("verify_text, certificate not yet cached", first_sight, seconds)
        row = SigningKey.get_by_id(key.kid)
        rate("certificate check alone (cached, + root read)", lambda i: certs.problem(row), seconds)
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
