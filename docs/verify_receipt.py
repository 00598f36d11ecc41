#!/usr/bin/env python3
"""Check a Loket QR code (``LKT1:…``) with nothing but a stock Python ≥ 3.7 and OpenSSL ≥ 3.0.

    python3 verify_receipt.py --key office.pem 'LKT1:…'
    python3 verify_receipt.py --key office.pem --office KEL-X --json 'LKT1:…'
    echo 'LKT1:…' | python3 verify_receipt.py --key office.pem -

``office.pem`` is the office's public key, or the whole list ``loket keys public``
prints (one PEM block per key, each after a ``# kid … office …`` line): the key whose
id matches the QR's claim ``i`` is used. The exit status is 0 for a valid code, 1 for
an invalid one and 2 when the check could not run (no key file, no ``openssl``).

What it does, in the order ``loket verify`` does it (docs/receipt-format.md):

1. base45-decodes the text after ``LKT1:`` (RFC 9285) and splits off the last 64
   bytes (the Ed25519 signature); anything else is *malformed*;
2. reads the claims as canonical CBOR (RFC 8949 §4.2.1: shortest forms, definite
   lengths, keys sorted, no duplicates, no trailing bytes) and checks the claim set:
   every required claim present, no other claim, each of the right type and length;
3. picks the key whose id (SHA-256 of the raw public key, first 4 bytes) is claim
   ``i`` — none in the file: *unknown_key*;
4. asks ``openssl pkeyutl -verify -rawin`` whether that key signed exactly the claims
   bytes — no: *bad_signature*;
5. with the ``# kid … office …`` line of ``loket keys public`` (or ``--office``): the
   claims must name that office (*wrong_office*), and a key retired before the
   claimed issue time is refused (*retired_key*).

Only the standard library is used: this file runs under ``python3 -I -S``.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

PREFIX = "LKT1:"
SIGNATURE_BYTES = 64
MAX_TEXT_CHARS = 3000
MAX_UINT = 2**32 - 1
BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
# An Ed25519 SubjectPublicKeyInfo is this 12-byte DER header and the 32-byte key.
ED25519_SPKI = bytes.fromhex("302a300506032b6570032100")

TEXT_LIMITS = {"n": 24, "o": 32, "s": 120, "u": 120, "c": 8, "f": 40, "v": 2, "y": 10, "k": 8}
COMMON = {"k", "n", "o", "i", "t"}
REQUIRED = {
    "receipt": COMMON | {"s", "u", "d", "p", "a", "c"},
    "ticket": COMMON | {"v", "y"},
}
OPTIONAL = {"receipt": {"f"}, "ticket": set()}
BYTE_SIZES = {"i": 4, "d": 16}
CHANNELS = ("kiosk", "counter")
KIND_ID = {"receipt": "tanda terima", "ticket": "nomor antrian"}

MESSAGES = {
    "unknown_key": (
        "kunci penanda tangan tidak ada di berkas kunci",
        "signed with a key that is not in the key file",
    ),
    "bad_signature": (
        "tanda tangan tidak cocok — isi kode QR telah diubah atau dipalsukan",
        "the signature does not match — the QR content was altered or forged",
    ),
    "wrong_office": ("diterbitkan untuk kantor lain", "issued for another office"),
    "retired_key": (
        "ditandatangani dengan kunci yang sudah dipensiunkan sebelum tanggal terbit",
        "signed with a key that was retired before the stated issue time",
    ),
    "wrong_subject": (
        "perihal tidak cocok dengan sidik perihal di kode QR",
        "the subject does not match the subject digest in the QR",
    ),
}


class Invalid(Exception):
    def __init__(self, reason: str, why_id: str, why_en: str, claims: dict | None = None):
        super().__init__(why_en)
        self.reason, self.why_id, self.why_en, self.claims = reason, why_id, why_en, claims


class Unusable(Exception):
    """The check could not be made (exit status 2)."""


def malformed(why_id: str, why_en: str) -> Invalid:
    return Invalid("malformed", f"Kode QR tidak sah: {why_id}", f"Malformed QR payload: {why_en}")


# ── base45 (RFC 9285) ─────────────────────────────────────────────────────────────


def b45decode(text: str) -> bytes:
    try:
        values = [BASE45.index(c) for c in text]
    except ValueError:
        raise malformed("bukan base45 yang sah", "not valid base45") from None
    if len(values) % 3 == 1:
        raise malformed("bukan base45 yang sah", "not valid base45")
    out = bytearray()
    for i in range(0, len(values), 3):
        chunk = values[i : i + 3]
        n = sum(v * 45**j for j, v in enumerate(chunk))
        if n > (0xFFFF if len(chunk) == 3 else 0xFF):
            raise malformed("bukan base45 yang sah", "not valid base45")
        out += n.to_bytes(2 if len(chunk) == 3 else 1, "big")
    return bytes(out)


# ── a canonical CBOR reader for the claims (unsigned ints, bytes, text, one map) ──


class CanonicalReader:
    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def take(self, n: int) -> bytes:
        if self.at + n > len(self.data):
            raise malformed("klaim bukan CBOR yang sah", "claims are not valid CBOR (truncated)")
        part = self.data[self.at : self.at + n]
        self.at += n
        return part

    def head(self) -> tuple[int, int]:
        """The major type and its argument, refusing every non-shortest form."""
        first = self.take(1)[0]
        major, info = first >> 5, first & 0x1F
        if info < 24:
            return major, info
        if info > 27:  # 28–30 reserved, 31 indefinite length: never canonical
            raise malformed("klaim bukan CBOR kanonik", "claims are not canonical CBOR")
        size = 1 << (info - 24)
        value = int.from_bytes(self.take(size), "big")
        if value < (24 if size == 1 else 1 << (4 * size)):
            raise malformed("klaim bukan CBOR kanonik", "claims are not canonical CBOR")
        return major, value

    def item(self, depth: int = 0) -> object:
        major, value = self.head()
        if major == 0:
            return value
        if major == 2:
            return self.take(value)
        if major == 3:
            try:
                return self.take(value).decode("utf-8")
            except UnicodeDecodeError:
                raise malformed("klaim bukan CBOR yang sah", "claims are not valid CBOR") from None
        if major == 5 and depth == 0:
            result: dict = {}
            previous = None
            for _ in range(value):
                start = self.at
                key = self.item(depth + 1)
                encoded = self.data[start : self.at]
                order = (len(encoded), encoded)  # shorter first, then bytewise
                if previous is not None and order <= previous:
                    raise malformed("klaim bukan CBOR kanonik", "claims are not canonical CBOR")
                previous = order
                if not isinstance(key, str):
                    raise malformed("kunci klaim bukan teks", "claim keys are not text")
                result[key] = self.item(depth + 1)
            return result
        raise malformed(
            "klaim berisi jenis data yang tidak dipakai",
            "claims hold a CBOR type the format does not use",
        )


def read_claims(data: bytes) -> dict:
    reader = CanonicalReader(data)
    claims = reader.item()
    if reader.at != len(data):
        raise malformed("ada bita sisa setelah klaim", "trailing bytes after the claims")
    if not isinstance(claims, dict):
        raise malformed("klaim bukan peta CBOR", "claims are not a CBOR map")
    return claims


def check_claims(m: dict) -> dict:
    """The claim set of docs/receipt-format.md; returns the readable claims."""
    kind = m.get("k")
    if kind not in REQUIRED:
        raise malformed(f"jenis tidak dikenal: {kind!r}", f"unknown kind {kind!r}")
    missing = sorted(REQUIRED[kind] - m.keys())
    if missing:
        raise malformed(
            f"klaim hilang: {', '.join(missing)}", f"missing claims: {', '.join(missing)}"
        )
    unknown = sorted(m.keys() - REQUIRED[kind] - OPTIONAL[kind])
    if unknown:
        raise malformed(
            f"klaim tidak dikenal: {', '.join(unknown)}", f"unknown claims: {', '.join(unknown)}"
        )
    for key, limit in TEXT_LIMITS.items():
        if key in m and (not isinstance(m[key], str) or not 1 <= len(m[key]) <= limit):
            raise malformed(
                f"klaim '{key}' harus teks 1–{limit} karakter",
                f"claim '{key}' must be text of 1–{limit} characters",
            )
    for key in ("t", "p", "a"):
        if key in m and (not isinstance(m[key], int) or not 0 <= m[key] <= MAX_UINT):
            raise malformed(
                f"klaim '{key}' harus bilangan bulat tak negatif",
                f"claim '{key}' must be a non-negative integer",
            )
    for key, size in BYTE_SIZES.items():
        if key in m and (not isinstance(m[key], bytes) or len(m[key]) != size):
            raise malformed(
                f"klaim '{key}' harus {size} bita", f"claim '{key}' must be {size} bytes"
            )
    readable = {
        "kind": kind,
        "number": m["n"],
        "office": m["o"],
        "kid": m["i"].hex(),
        "issued_at": dt.datetime.fromtimestamp(m["t"], dt.timezone.utc).isoformat(),  # noqa: UP017 (3.8+)
    }
    if kind == "receipt":
        if m["c"] not in CHANNELS:
            raise malformed(f"kanal tidak dikenal: {m['c']!r}", f"unknown channel {m['c']!r}")
        readable.update(
            sender=m["s"],
            recipient_unit=m["u"],
            subject_digest=m["d"].hex(),
            pages=m["p"],
            attachments=m["a"],
            channel=m["c"],
            officer=m.get("f"),
        )
    else:
        try:
            day = dt.date.fromisoformat(m["y"])
        except ValueError:
            raise malformed("tanggal tidak sah", "invalid day") from None
        if day.isoformat() != m["y"]:
            raise malformed("tanggal tidak sah", "invalid day")
        readable.update(service=m["v"], day=m["y"])
    return readable


def unpack(text: str) -> tuple[bytes, bytes, dict]:
    text = text.lstrip().rstrip("\r\n\t\x00")  # base45 uses spaces: keep trailing ones
    if len(text) > MAX_TEXT_CHARS:
        raise malformed("terlalu panjang", "too long")
    if not text.startswith(PREFIX):
        if text[:3].upper() == "LKT":
            raise malformed("versi format tidak didukung", "unsupported format version")
        raise malformed("tidak diawali LKT1:", "does not start with LKT1:")
    raw = b45decode(text[len(PREFIX) :])
    if len(raw) <= SIGNATURE_BYTES:
        raise malformed("terlalu pendek untuk berisi tanda tangan", "too short to hold a signature")
    claims_bytes, signature = raw[:-SIGNATURE_BYTES], raw[-SIGNATURE_BYTES:]
    return claims_bytes, signature, check_claims(read_claims(claims_bytes))


# ── keys ──────────────────────────────────────────────────────────────────────────

_BLOCK = re.compile(
    r"(?:^# kid (?P<kid>[0-9a-f]{8}) office (?P<office>.+?) \(.*\) created \S+ "
    r"(?:active|retired (?P<retired>\S+))[ \t]*\r?\n)?"
    r"^-----BEGIN PUBLIC KEY-----\r?\n(?P<body>[A-Za-z0-9+/=\r\n]+?)-----END PUBLIC KEY-----",
    re.MULTILINE,
)


def read_keys(pem_text: str) -> dict[str, dict]:
    """kid → {"pem", "office", "retired"} for every Ed25519 public key in the file."""
    keys: dict[str, dict] = {}
    for match in _BLOCK.finditer(pem_text):
        try:
            der = base64.b64decode("".join(match["body"].split()), validate=True)
        except ValueError:
            continue
        if len(der) != 44 or not der.startswith(ED25519_SPKI):
            continue
        kid = hashlib.sha256(der[12:]).digest()[:4].hex()
        listed = match["kid"] == kid  # the comment line belongs to this key
        keys[kid] = {
            "pem": match.group(0)[match.group(0).index("-----BEGIN") :] + "\n",
            "office": match["office"] if listed else None,
            "retired": match["retired"] if listed else None,
        }
    return keys


def openssl_verifies(pem: str, claims_bytes: bytes, signature: bytes) -> bool:
    """``openssl pkeyutl -verify -rawin``: did this key sign exactly these bytes?"""
    openssl = shutil.which("openssl")
    if openssl is None:
        raise Unusable("openssl tidak ditemukan / the openssl program was not found")
    files = {"key.pem": pem.encode("ascii"), "claims.bin": claims_bytes, "sig.bin": signature}
    with tempfile.TemporaryDirectory() as folder:
        path = {name: os.path.join(folder, name) for name in files}
        for name, content in files.items():
            with open(path[name], "wb") as out:
                out.write(content)
        command = [openssl, "pkeyutl", "-verify", "-pubin", "-inkey", path["key.pem"]]
        command += ["-rawin", "-in", path["claims.bin"], "-sigfile", path["sig.bin"]]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode == 0 and "Signature Verified Successfully" in done.stdout:
        return True
    if "Signature Verification Failure" in done.stdout:
        return False
    # Not a verdict: an OpenSSL older than 3.0 (no -rawin) or a broken installation.
    problem = (done.stderr.strip() or done.stdout.strip()).splitlines()[:1]
    raise Unusable(f"openssl (3.0 atau lebih baru / 3.0 or newer needed): {' '.join(problem)}")


def normalise_subject(subject: str) -> str:
    return " ".join(unicodedata.normalize("NFC", subject).split())


# ── the verdict ───────────────────────────────────────────────────────────────────


def verify(text: str, pem_text: str, office: str | None = None, subject: str | None = None) -> dict:
    claims_bytes, signature, claims = unpack(text)
    key = read_keys(pem_text).get(claims["kid"])
    if key is None:
        raise Invalid("unknown_key", *MESSAGES["unknown_key"], claims)
    if not openssl_verifies(key["pem"], claims_bytes, signature):
        raise Invalid("bad_signature", *MESSAGES["bad_signature"], claims)
    listed = key["office"]
    if (listed is not None and claims["office"] != listed) or (
        office and claims["office"] != office
    ):
        raise Invalid(
            "wrong_office",
            f"diterbitkan untuk kantor {claims['office']}, bukan {office or listed}",
            f"issued for office {claims['office']}, not {office or listed}",
            claims,
        )
    if key["retired"]:
        try:
            retired = dt.datetime.fromisoformat(key["retired"])
        except ValueError:
            raise Unusable(
                f"waktu pensiun kunci tidak terbaca / unreadable retirement time: {key['retired']}"
            ) from None
        if retired.tzinfo is None:
            retired = retired.replace(tzinfo=dt.timezone.utc)  # noqa: UP017 (3.7+)
        if dt.datetime.fromisoformat(claims["issued_at"]) > retired:
            raise Invalid("retired_key", *MESSAGES["retired_key"], claims)
    if subject is not None:
        digest = hashlib.sha256(normalise_subject(subject).encode("utf-8")).digest()[:16]
        if claims.get("subject_digest") != digest.hex():
            raise Invalid("wrong_subject", *MESSAGES["wrong_subject"], claims)
    code = base64.b32encode(hashlib.sha256(signature).digest()[:5]).decode("ascii")
    return {
        "valid": True,
        "kind": claims["kind"],
        "number": claims["number"],
        "reason": None,
        "message": f"SAH: {KIND_ID[claims['kind']]} {claims['number']} dari kantor {claims['office']}",
        "message_en": f"VALID: {claims['kind']} {claims['number']} from office {claims['office']}",
        "check_code": f"{code[:4]}-{code[4:]}",
        "claims": claims,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Periksa kode QR Loket dengan OpenSSL / verify a Loket QR code with OpenSSL"
    )
    parser.add_argument("text", help="isi QR (LKT1:…), atau - untuk stdin / the QR text, or -")
    parser.add_argument(
        "--key",
        required=True,
        metavar="PEM",
        help="kunci publik kantor / the office's public key(s)",
    )
    parser.add_argument(
        "--office", metavar="ID", help="harus dari kantor ini / must be from this office"
    )
    parser.add_argument(
        "--subject", metavar="TEXT", help="perihal yang diharapkan / the expected subject"
    )
    parser.add_argument("--json", action="store_true", help="hasil sebagai JSON / print JSON")
    args = parser.parse_args(argv)
    text = sys.stdin.read(1_000_000) if args.text == "-" else args.text
    try:
        with open(args.key, encoding="utf-8", errors="replace") as handle:
            pem_text = handle.read(1_000_000)
        result = verify(text, pem_text, args.office, args.subject)
    except OSError as exc:
        print(f"Berkas kunci tidak terbaca / cannot read the key file: {exc}", file=sys.stderr)
        return 2
    except Unusable as exc:
        print(exc, file=sys.stderr)
        return 2
    except Invalid as exc:
        result = {
            "valid": False,
            "kind": exc.claims["kind"] if exc.claims else None,
            "number": exc.claims["number"] if exc.claims else None,
            "reason": exc.reason,
            "message": f"TIDAK SAH: {exc.why_id}",
            "message_en": f"INVALID: {exc.why_en}",
            "check_code": None,
            "claims": exc.claims,
        }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(result["message"])
        print(result["message_en"])
        if result["valid"]:
            print(f"Kode cek / check code: {result['check_code']}")
            for name, value in result["claims"].items():
                if value is not None:
                    print(f"  {name}: {value}")
    return 0 if result["valid"] else 1


if __name__ == "__main__":
    sys.exit(main())
