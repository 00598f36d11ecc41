"""The OpenSSL-only recipe of docs/receipt-format.md (docs/verify_receipt.py) gives the
same verdict as `loket verify` on genuine and forged codes.

The script runs under the base interpreter with ``-I -S`` (no site-packages at all:
it needs nothing installed) and calls the real ``openssl`` binary. The QR codes are
made by issuing real receipts and tickets through the services; the forgeries are
signed with the office's own private key where that is the point (OpenSSL alone
accepts those).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import base45
import cbor2
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from loket.models.documents.receipt_actions import new_receipt
from loket.models.documents.ticket_qr import ticket_qr_text
from loket.models.integrity import qr_payload, signing
from loket.models.integrity.qr_payload import Claims, MalformedPayload

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "verify_receipt.py"
# The interpreter the virtual environment was made from, run with -I -S: no user or
# site packages, so base45, cbor2 and cryptography cannot be imported.
STOCK_PYTHON = [getattr(sys, "_base_executable", sys.executable), "-I", "-S"]
COMPARED = ("valid", "reason", "kind", "number", "claims", "check_code")


@dataclasses.dataclass
class Office:
    receipt: str
    ticket: str
    bundle: Path  # `loket keys public`: every key, each after its "# kid … office …" line
    kid: str
    folder: Path

    def private_key(self, kid: str | None = None) -> Ed25519PrivateKey:
        pem = (signing.keys_dir() / f"{kid or self.kid}.pem").read_bytes()
        key = serialization.load_pem_private_key(pem, password=None)
        assert isinstance(key, Ed25519PrivateKey)
        return key


@pytest.fixture
def office(db, clock, tmp_path: Path) -> Office:
    receipt = new_receipt(
        "Siti Aminah",
        "Permohonan surat keterangan domisili",
        "Seksi Pemerintahan",
        3,
        attachments=1,
        clock=clock,
    )
    ticket = ticket_qr_text("A-012", clock=clock)
    bundle = tmp_path / "office.pem"
    bundle.write_text(signing.public_keys_pem())
    return Office(receipt.qr_text, ticket, bundle, receipt.kid, tmp_path)


def recipe(*args: str, stdin: str | None = None) -> tuple[int, dict[str, Any]]:
    done = subprocess.run(
        [*STOCK_PYTHON, str(SCRIPT), "--json", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout)


def agree(loket: Callable[..., Any], office: Office, text: str, *extra: str) -> dict[str, Any]:
    """Run both checks; they must give the same verdict and exit status."""
    code, ours = recipe("--key", str(office.bundle), *extra, text)
    theirs = loket("verify", "--json", *extra, text)
    verdict = theirs.json()
    assert (code, theirs.code) == ((0, 0) if verdict["valid"] else (1, 1)), theirs.err
    assert {k: ours[k] for k in COMPARED} == {k: verdict[k] for k in COMPARED}
    return ours


def _raw(text: str) -> bytes:
    return base45.b45decode(text[len(qr_payload.PREFIX) :])


def _signed(claims_bytes: bytes, key: Ed25519PrivateKey) -> str:
    return qr_payload.pack(claims_bytes, key.sign(claims_bytes))


def test_the_script_needs_nothing_installed():
    for module in ("base45", "cbor2", "cryptography"):
        probe = subprocess.run(
            [*STOCK_PYTHON, "-c", f"import {module}"], capture_output=True, check=False
        )
        assert probe.returncode != 0, f"{module} is importable: the isolation proves nothing"
    source = SCRIPT.read_text()
    assert "import base45" not in source and "import cbor2" not in source


def test_genuine_receipt_and_ticket_are_accepted(office, loket):
    receipt = agree(loket, office, office.receipt)
    assert receipt["valid"] and receipt["kind"] == "receipt"
    assert receipt["claims"]["sender"] == "Siti Aminah"
    assert receipt["claims"]["recipient_unit"] == "Seksi Pemerintahan"
    assert (receipt["claims"]["pages"], receipt["claims"]["attachments"]) == (3, 1)
    ticket = agree(loket, office, office.ticket)
    assert ticket["valid"] and ticket["kind"] == "ticket"
    assert (ticket["number"], ticket["claims"]["service"]) == ("A-012", "A")
    # A bare PEM (one key, no comment line) and the text on stdin work the same.
    bare = office.folder / "bare.pem"
    bare.write_text(signing.list_keys()[0].public_key_pem)
    code, result = recipe("--key", str(bare), "-", stdin=office.receipt + "\n")
    assert (code, result["valid"], result["number"]) == (0, True, receipt["number"])
    # The human form names the verdict in both languages and the check code.
    done = subprocess.run(
        [*STOCK_PYTHON, str(SCRIPT), "--key", str(office.bundle), office.receipt],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.startswith(f"SAH: tanda terima {receipt['number']} dari kantor LOKET\n")
    assert f"VALID: receipt {receipt['number']} from office LOKET" in done.stdout
    assert receipt["check_code"] in done.stdout


def test_the_subject_can_be_checked(office):
    key = ("--key", str(office.bundle))
    code, _ = recipe(*key, "--subject", "Permohonan  surat keterangan domisili ", office.receipt)
    assert code == 0
    code, result = recipe(*key, "--subject", "Permohonan izin usaha", office.receipt)
    assert (code, result["reason"]) == (1, "wrong_subject")


def _forgeries(office: Office) -> dict[str, tuple[str, str]]:
    """name → (QR text, the reason both checks must give)."""
    raw = _raw(office.receipt)
    claims_bytes, signature = raw[:-64], raw[-64:]
    claims = cbor2.loads(claims_bytes)
    key = office.private_key()
    long_pages = claims_bytes.replace(b"\x61p\x03", b"\x61p\x18\x03")
    assert long_pages != claims_bytes
    stranger = Ed25519PrivateKey.generate()
    stranger_raw = stranger.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    stranger_claims = cbor2.dumps(
        {**claims, "i": bytes.fromhex(signing.kid_for(stranger_raw))}, canonical=True
    )
    flipped = bytearray(signature)
    flipped[-1] ^= 0x01
    return {
        "LKT2 prefix": ("LKT2:" + office.receipt[5:], "malformed"),
        "lower-case prefix": ("lkt1:" + office.receipt[5:], "malformed"),
        "not base45": (office.receipt + "a", "malformed"),
        "keys not sorted": (_signed(cbor2.dumps(dict(reversed(claims.items()))), key), "malformed"),
        "integer not shortest": (_signed(long_pages, key), "malformed"),
        "trailing bytes": (_signed(claims_bytes + b"\x00", key), "malformed"),
        "extra claim": (
            _signed(cbor2.dumps({**claims, "x": "1"}, canonical=True), key),
            "malformed",
        ),
        "missing claim": (
            _signed(
                cbor2.dumps({k: v for k, v in claims.items() if k != "a"}, canonical=True), key
            ),
            "malformed",
        ),
        "tampered signature": (qr_payload.pack(claims_bytes, bytes(flipped)), "bad_signature"),
        "tampered claims": (
            qr_payload.pack(claims_bytes.replace(b"Siti", b"Sita"), signature),
            "bad_signature",
        ),
        "wrong key, office's kid": (_signed(claims_bytes, stranger), "bad_signature"),
        "wrong key, its own kid": (_signed(stranger_claims, stranger), "unknown_key"),
    }


def test_every_forgery_is_refused_like_loket_verify(office, loket):
    for name, (text, reason) in _forgeries(office).items():
        code, ours = recipe("--key", str(office.bundle), text)
        assert (code, ours["valid"], ours["reason"]) == (1, False, reason), name
        verdict = agree(loket, office, text)
        if reason == "malformed":  # the same words for the same defect
            assert ours["message_en"] == loket("verify", "--json", text).json()["message_en"], name
        assert verdict["message"].startswith("TIDAK SAH: ")
        assert verdict["message_en"].startswith("INVALID: ")


def test_openssl_alone_accepts_what_the_script_refuses(office):
    """Why the script exists: pkeyutl only proves the key signed these bytes."""
    raw = _raw(office.receipt)
    trailing = raw[:-64] + b"\x00"
    folder = office.folder
    (folder / "claims.bin").write_bytes(trailing)
    (folder / "sig.bin").write_bytes(office.private_key().sign(trailing))
    (folder / "key.pem").write_text(signing.list_keys()[0].public_key_pem)
    step4 = "openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in claims.bin -sigfile sig.bin"
    plain = subprocess.run(
        step4.split(),
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert plain.returncode == 0 and "Signature Verified Successfully" in plain.stdout
    code, result = recipe(
        "--key", str(office.bundle), qr_payload.pack(trailing, (folder / "sig.bin").read_bytes())
    )
    assert (code, result["reason"]) == (1, "malformed")
    assert result["message_en"] == "INVALID: Malformed QR payload: trailing bytes after the claims"


def test_office_and_retirement_follow_the_key_list(office, loket, clock):
    # --office names another office than the claims.
    result = agree(loket, office, office.receipt, "--office", "KEL-LAIN")
    assert result["reason"] == "wrong_office"
    # A key of another office (listed as such in `loket keys public`) signs claims that
    # name this office.
    other = signing.new_key("KEL-LAIN", clock=clock)
    claims = qr_payload.unpack(office.receipt).claims
    forged = signing.sign_claims(claims, kid=other.kid).text
    office.bundle.write_text(signing.public_keys_pem())
    assert agree(loket, office, forged)["reason"] == "wrong_office"
    # After a rotation the old key still vouches for what it signed before, not after.
    clock.advance(days=1)
    signing.rotate_key(clock=clock)
    office.bundle.write_text(signing.public_keys_pem())
    assert agree(loket, office, office.receipt)["valid"]
    later = dataclasses.replace(claims, issued_at=clock.now() + dt.timedelta(hours=1))
    backdated = signing.sign_claims(later, kid=office.kid).text
    assert agree(loket, office, backdated)["reason"] == "retired_key"


def test_the_check_cannot_run_without_a_key_file(office):
    done = subprocess.run(
        [*STOCK_PYTHON, str(SCRIPT), "--key", str(office.folder / "missing.pem"), office.receipt],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "cannot read the key file" in done.stderr and done.stdout == ""


def _script_module() -> Any:
    spec = importlib.util.spec_from_file_location("verify_receipt", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RECIPE = _script_module()
SAMPLE = Claims(
    kind="receipt",
    number="TT-2026-000001",
    office="LOKET",
    kid="0a1b2c3d",
    issued_at=dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.UTC),
    sender="Siti Aminah",
    recipient_unit="Seksi Pemerintahan",
    subject_digest=qr_payload.subject_digest("Surat keterangan domisili").hex(),
    pages=3,
    attachments=1,
    channel="counter",
    officer="198001012005011001",
)


@settings(max_examples=400, deadline=None)
@given(
    edits=st.lists(
        st.tuples(
            st.sampled_from(["flip", "insert", "delete"]),
            st.integers(0, 10**6),
            st.binary(min_size=1, max_size=3),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_the_script_reads_claims_exactly_as_loket_does(edits):
    """Corrupted claims bytes (a signature is no help here): the stdlib decoder refuses
    exactly what Loket's cbor2-based decoder refuses, and reads the rest alike."""
    claims = bytearray(qr_payload.encode_claims(SAMPLE))
    for how, where, what in edits:
        at = where % (len(claims) + 1)
        if how == "flip" and at < len(claims):
            claims[at] ^= what[0] or 1
        elif how == "insert":
            claims[at:at] = what
        elif claims:
            del claims[at % len(claims)]
    text = qr_payload.pack(bytes(claims), bytes(64))
    try:
        expected: Any = qr_payload.unpack(text).claims.as_json()
    except MalformedPayload as refused:
        expected = refused.message_en
    try:
        got: Any = RECIPE.unpack(text)[2]
    except RECIPE.Invalid as refused:
        assert refused.reason == "malformed"
        got = refused.why_en
    if isinstance(expected, str):  # both refuse; the words may name another first defect
        assert isinstance(got, str), (bytes(claims).hex(), got)
    else:
        assert got == expected
