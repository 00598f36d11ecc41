"""Signing keys and LKT1 payloads: file modes, rotation, tampering, OpenSSL interop."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import base45
import cbor2
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loket.models.errors import ConfigurationError
from loket.models.integrity import qr_payload, signing
from loket.models.integrity.qr_payload import Claims, MalformedPayload
from loket.models.settings import update_settings
from loket.models.tables import SigningKey

HYPOTHESIS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _claims(
    office: str = "LOKET", number: str = "TT-2026-000001", when: dt.datetime | None = None
) -> Claims:
    return Claims(
        kind="receipt",
        number=number,
        office=office,
        kid="00000000",
        issued_at=when or dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.UTC),
        sender="Siti Aminah",
        recipient_unit="Seksi Pemerintahan",
        subject_digest=qr_payload.subject_digest("Surat keterangan domisili").hex(),
        pages=3,
        attachments=1,
        channel="kiosk",
    )


def _raw(text: str) -> bytes:
    return base45.b45decode(text[len(qr_payload.PREFIX) :])


def _text(raw: bytes) -> str:
    return qr_payload.PREFIX + base45.b45encode(raw).decode("ascii")


# ── keys ──────────────────────────────────────────────────────────────────────────


def test_private_key_file_is_0600_in_a_0700_folder(db):
    key = signing.ensure_key()
    path = signing.keys_dir() / f"{key.kid}.pem"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert b"BEGIN PRIVATE KEY" in path.read_bytes()
    assert key.private_key_here and key.created


def test_key_file_is_0600_even_with_a_permissive_umask(db):
    old = os.umask(0)
    try:
        key = signing.new_key()
    finally:
        os.umask(old)
    assert stat.S_IMODE((signing.keys_dir() / f"{key.kid}.pem").stat().st_mode) == 0o600


def test_kid_is_the_first_four_bytes_of_sha256_of_the_raw_public_key(db):
    key = signing.ensure_key()
    row = SigningKey.get_by_id(key.kid)
    assert len(bytes(row.public_key)) == 32
    assert key.kid == hashlib.sha256(bytes(row.public_key)).digest()[:4].hex()
    assert key.office_id == "LOKET"
    assert "BEGIN PUBLIC KEY" in key.public_key_pem


def test_ensure_key_is_idempotent_and_each_pc_gets_its_own(db, tmp_path, monkeypatch):
    first = signing.ensure_key()
    again = signing.ensure_key()
    assert again.kid == first.kid and not again.created
    monkeypatch.setenv("LOKET_DATA_DIR", str(tmp_path / "other-pc"))
    second = signing.ensure_key()
    assert second.kid != first.kid and second.created
    assert len(signing.list_keys()) == 2


def test_signing_without_a_key_is_refused_clearly(db):
    with pytest.raises(ConfigurationError, match="loket init"):
        signing.sign_claims(_claims())


def test_public_keys_pem_lists_every_key(db):
    a = signing.ensure_key()
    b = signing.rotate_key().new
    pem = signing.public_keys_pem()
    assert pem.count("BEGIN PUBLIC KEY") == 2
    assert f"# kid {a.kid}" in pem and "retired" in pem and f"# kid {b.kid}" in pem
    assert signing.public_keys_pem(include_retired=False).count("BEGIN PUBLIC KEY") == 1


# ── round trips ───────────────────────────────────────────────────────────────────


def test_sign_and_verify_a_receipt(db):
    key = signing.ensure_key()
    signed = signing.sign_claims(_claims())
    assert signed.text.startswith("LKT1:") and signed.kid == key.kid
    assert set(signed.text[5:]) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
    result = signing.verify_text(signed.text)
    assert result.valid and result.reason is None
    assert (result.kind, result.number) == ("receipt", "TT-2026-000001")
    assert result.claims == signed.claims
    assert result.check_code == signed.check_code
    assert len(signed.check_code) == 9 and signed.check_code[4] == "-"
    assert signing.verify_text(signed.text, office_id="LOKET").valid


def test_sign_and_verify_a_ticket(db):
    signing.ensure_key()
    claims = Claims(
        kind="ticket",
        number="A-012",
        office="LOKET",
        kid="00000000",
        issued_at=dt.datetime(2026, 11, 23, 1, 0, tzinfo=dt.UTC),
        service="A",
        day=dt.date(2026, 11, 23),
    )
    result = signing.verify_text(signing.sign_claims(claims).text)
    assert result.valid and (result.kind, result.number) == ("ticket", "A-012")
    assert result.claims is not None and result.claims.day == dt.date(2026, 11, 23)


def test_claims_are_short_canonical_cbor(db):
    signing.ensure_key()
    signed = signing.sign_claims(_claims())
    decoded = cbor2.loads(signed.claims_bytes)
    assert set(decoded) == {"k", "n", "o", "i", "t", "s", "u", "d", "p", "a", "c"}
    assert cbor2.dumps(decoded, canonical=True) == signed.claims_bytes
    assert _raw(signed.text) == signed.claims_bytes + signed.signature


# ── the OpenSSL recipe in docs/receipt-format.md ─────────────────────────────────


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl binary")
def test_stock_openssl_verifies_the_payload(db, tmp_path):
    key = signing.ensure_key()
    signed = signing.sign_claims(_claims())
    # The recipe: base45-decode, split off the last 64 bytes, openssl pkeyutl -verify.
    raw = _raw(signed.text)
    (tmp_path / "claims.bin").write_bytes(raw[:-64])
    (tmp_path / "sig.bin").write_bytes(raw[-64:])
    (tmp_path / "office.pem").write_text(key.public_key_pem)
    command = [
        "openssl",
        "pkeyutl",
        "-verify",
        "-pubin",
        "-inkey",
        "office.pem",
        "-rawin",
        "-in",
        "claims.bin",
        "-sigfile",
        "sig.bin",
    ]
    ok = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stderr
    assert "Signature Verified Successfully" in ok.stdout
    # The exported PEM bundle (with its comment line) works the same.
    (tmp_path / "office.pem").write_text(signing.public_keys_pem())
    assert subprocess.run(command, cwd=tmp_path, capture_output=True, check=False).returncode == 0
    tampered = bytearray(raw[:-64])
    tampered[-1] ^= 1
    (tmp_path / "claims.bin").write_bytes(bytes(tampered))
    bad = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert bad.returncode != 0


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl binary")
def test_openssl_made_signature_verifies_in_loket(db, tmp_path):
    """The other direction: a key made by OpenSSL, imported as a public key."""
    run = lambda *a: subprocess.run(a, cwd=tmp_path, capture_output=True, check=True)  # noqa: E731
    run("openssl", "genpkey", "-algorithm", "ed25519", "-out", "priv.pem")
    run("openssl", "pkey", "-in", "priv.pem", "-pubout", "-out", "pub.pem")
    # Another office's key (this office's own keys are certified by its root, not imported).
    key = signing.import_public_key((tmp_path / "pub.pem").read_text(), "KEC-LAIN", "openssl")
    claims = dataclasses.replace(_claims(office="KEC-LAIN"), kid=key.kid)
    (tmp_path / "claims.bin").write_bytes(qr_payload.encode_claims(claims))
    run(
        "openssl",
        "pkeyutl",
        "-sign",
        "-inkey",
        "priv.pem",
        "-rawin",
        "-in",
        "claims.bin",
        "-out",
        "sig.bin",
    )
    text = qr_payload.pack(
        (tmp_path / "claims.bin").read_bytes(), (tmp_path / "sig.bin").read_bytes()
    )
    assert signing.verify_text(text).valid


# ── rejection ─────────────────────────────────────────────────────────────────────


@HYPOTHESIS
@given(data=st.data())
def test_flipping_any_byte_is_rejected(db, data):
    if not signing.list_keys():
        signing.ensure_key()
    signed = signing.sign_claims(_claims())
    raw = bytearray(_raw(signed.text))
    index = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
    mask = data.draw(st.integers(min_value=1, max_value=255))
    raw[index] ^= mask
    result = signing.verify_text(_text(bytes(raw)))
    assert not result.valid
    assert result.reason in ("malformed", "unknown_key", "bad_signature", "wrong_office")
    if index >= len(raw) - 64:
        assert result.reason == "bad_signature"


@HYPOTHESIS
@given(data=st.data())
def test_truncating_is_rejected(db, data):
    if not signing.list_keys():
        signing.ensure_key()
    text = signing.sign_claims(_claims()).text
    cut = data.draw(st.integers(min_value=0, max_value=len(text) - 1))
    result = signing.verify_text(text[:cut])
    assert not result.valid and result.reason in ("malformed", "bad_signature")


@HYPOTHESIS
@given(
    text=st.text(max_size=400)
    | st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:", max_size=400).map(
        lambda t: "LKT1:" + t
    )
)
def test_arbitrary_text_never_raises(db, text):
    result = signing.verify_text(text)
    assert not result.valid and result.reason == "malformed"
    assert result.message_id.startswith("TIDAK SAH") and result.message_en.startswith("INVALID")


@HYPOTHESIS
@given(number=st.from_regex(r"TT-20[0-9]{2}-[0-9]{6}", fullmatch=True), data=st.data())
def test_another_offices_key_is_rejected(db, tmp_path_factory, number, data):
    if not signing.list_keys("LOKET"):
        signing.ensure_key()
    foreign = Ed25519PrivateKey.generate()
    claims = _claims(number=number)
    how = data.draw(st.sampled_from(["unregistered", "our_kid", "registered_other_office"]))
    if how == "unregistered":  # a key this office never saw
        from cryptography.hazmat.primitives import serialization

        raw = foreign.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        claims = dataclasses.replace(claims, kid=signing.kid_for(raw))
        expected = "unknown_key"
    elif how == "our_kid":  # claims to be ours, signed by someone else
        claims = dataclasses.replace(claims, kid=signing.list_keys("LOKET")[0].kid)
        expected = "bad_signature"
    else:  # a neighbouring office's known key signing in our name
        from cryptography.hazmat.primitives import serialization

        pem = (
            foreign.public_key()
            .public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
            .decode()
        )
        other = signing.import_public_key(pem, "KEC-LAIN", "neighbour")
        claims = dataclasses.replace(claims, kid=other.kid)
        expected = "wrong_office"
    body = qr_payload.encode_claims(claims)
    result = signing.verify_text(qr_payload.pack(body, foreign.sign(body)))
    assert not result.valid and result.reason == expected


def test_wrong_office_when_an_office_is_required(db):
    signing.ensure_key()
    text = signing.sign_claims(_claims()).text
    result = signing.verify_text(text, office_id="KEL-SUKAMAJU")
    assert not result.valid and result.reason == "wrong_office"
    assert "KEL-SUKAMAJU" in result.message_en


# ── rotation ──────────────────────────────────────────────────────────────────────


def test_rotation_keeps_old_signatures_valid_and_refuses_later_ones(db, clock):
    old = signing.ensure_key(clock=clock)
    before = signing.sign_claims(_claims(when=clock.now()))
    clock.advance(minutes=5)
    rotation = signing.rotate_key(clock=clock)
    assert [k.kid for k in rotation.retired] == [old.kid]
    assert rotation.retired[0].retired_at == clock.now()
    assert rotation.new.kid != old.kid
    # What the old key signed before its retirement still verifies.
    assert signing.verify_text(before.text).valid
    # New signatures use the new key.
    after = signing.sign_claims(_claims(when=clock.now()))
    assert after.kid == rotation.new.kid and signing.verify_text(after.text).valid
    # The retired key (e.g. stolen) signing something dated after retirement: refused.
    clock.advance(minutes=1)
    late = signing.sign_claims(_claims(when=clock.now()), kid=old.kid)
    result = signing.verify_text(late.text)
    assert not result.valid and result.reason == "retired_key"


def test_office_id_change_gives_the_office_a_new_key(db):
    first = signing.ensure_key()
    update_settings(office_id="KEC-BARU")
    second = signing.ensure_key()
    assert second.kid != first.kid and second.office_id == "KEC-BARU"
    assert signing.verify_text(signing.sign_claims(_claims(office="KEC-BARU")).text).valid
    # One active key, certified for the new id; the old id's key is retired, not left active.
    active = [k for k in signing.list_keys() if k.retired_at is None]
    assert [(k.kid, k.office_id, k.certificate) for k in active] == [
        (second.kid, "KEC-BARU", "certified")
    ]
    assert [k.kid for k in signing.list_keys() if k.signing_now] == [second.kid]


# ── decoding ──────────────────────────────────────────────────────────────────────


def _signed_raw_map(m: dict) -> str:
    body = cbor2.dumps(m, canonical=True)
    return qr_payload.pack(body, b"\0" * 64)


@pytest.mark.parametrize(
    "mutate, words",
    [
        (lambda m: m.pop("s"), "missing claims: s"),
        (lambda m: m.update(z=1), "unknown claims: z"),
        (lambda m: m.update(k="visa"), "unknown kind"),
        (lambda m: m.update(p=-1), "non-negative"),
        (lambda m: m.update(p=True), "non-negative"),
        (lambda m: m.update(i=b"abc"), "'i' must be 4 bytes"),
        (lambda m: m.update(c="fax"), "unknown channel"),
        (lambda m: m.update(s=""), "'s' must be text"),
        (lambda m: m.update(n="x" * 25), "'n' must be text"),
    ],
)
def test_malformed_claims_say_why(mutate, words):
    m = _claims().to_cbor_map()
    mutate(m)
    with pytest.raises(MalformedPayload) as refused:
        qr_payload.unpack(_signed_raw_map(m))
    assert words in refused.value.message_en


def test_non_canonical_and_trailing_cbor_are_malformed():
    m = _claims().to_cbor_map()
    ordered = dict(sorted(m.items(), reverse=True))  # same map, keys out of canonical order
    loose = cbor2.dumps(ordered)
    assert loose != cbor2.dumps(m, canonical=True)
    with pytest.raises(MalformedPayload, match="canonical"):
        qr_payload.unpack(qr_payload.pack(loose, b"\0" * 64))
    trailing = cbor2.dumps(m, canonical=True) + b"\x00"
    with pytest.raises(MalformedPayload, match="trailing"):
        qr_payload.unpack(qr_payload.pack(trailing, b"\0" * 64))


@pytest.mark.parametrize(
    "text, words",
    [
        ("", "does not start with LKT1:"),
        ("https://example.org", "does not start with LKT1:"),
        ("LKT2:ABC", "unsupported format version"),
        ("LKT1:abc", "not valid base45"),
        ("LKT1:GGW", "not valid base45"),
        ("LKT1:" + "0" * 90, "too short"),
        ("LKT1:" + "A" * 4000, "too long"),
    ],
)
def test_malformed_text_says_why(text, words):
    with pytest.raises(MalformedPayload) as refused:
        qr_payload.unpack(text)
    assert words in refused.value.message_en


def test_scanner_line_ends_are_tolerated(db):
    signing.ensure_key()
    text = signing.sign_claims(_claims()).text
    assert signing.verify_text("  " + text + "\r\n").valid


def test_check_code_is_derived_from_the_signature():
    a = qr_payload.check_code(b"\1" * 64)
    assert a == qr_payload.check_code(b"\1" * 64) != qr_payload.check_code(b"\2" * 64)
    assert len(a) == 9 and a[4] == "-" and a.replace("-", "").isalnum()


def test_subject_digest_ignores_spacing_but_not_words():
    d = qr_payload.subject_digest
    assert d("Surat  keterangan\n domisili ") == d("Surat keterangan domisili")
    assert d("Surat keterangan domisili") != d("Surat keterangan usaha")
    assert len(d("x")) == 16


def test_services_do_not_import_crypto_or_cbor_at_module_level():
    code = (
        "import sys\n"
        "import loket.models.documents.receipt_actions, loket.models.documents.ticket_qr\n"
        "import loket.models.integrity.signing\n"
        "import loket.models.integrity.qr_payload, loket.models.cli.receipt_commands\n"
        "import loket.models.cli.key_commands\n"
        "heavy = [m for m in ('cryptography', 'cbor2', 'base45', 'qrcode', 'zxingcpp', 'PIL')"
        " if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_keys_folder_is_under_the_data_dir(db):
    assert signing.keys_dir() == Path(os.environ["LOKET_DATA_DIR"]) / "keys"
