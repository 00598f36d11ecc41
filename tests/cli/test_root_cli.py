"""The office root from the command line, each "PC" a data folder of its own: the first
init makes and shows the root, a second PC joins only with the confirmed fingerprint,
import needs an admin or head, backup/restore/rotate, and the OpenSSL recipe of
docs/receipt-format.md for checking a key's certificate."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

PASSPHRASE = "kunci akar kantor 2026!"


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)


Pc = Callable[..., Run]


@pytest.fixture
def pcs(db: str, tmp_path: Path) -> Callable[[str], Pc]:
    """``pcs("a")("init")`` runs `loket init` on PC "a" (its own data folder)."""

    def pc(name: str) -> Pc:
        def run(*args: str, **env: str) -> Run:
            proc = subprocess.run(
                [sys.executable, "-m", "loket.models.cli", "--db", db, *args],
                env=dict(os.environ, LOKET_DATA_DIR=str(tmp_path / name), **env),
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            return Run(proc.returncode, proc.stdout, proc.stderr)

        return run

    return pc


def _ok(result: Run) -> Run:
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return result


def _refused(result: Run, *words: str) -> str:
    assert result.code != 0
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.err, result.err
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def _receipt(pc: Pc) -> str:
    return _ok(
        pc(
            "receipt",
            "new",
            "--sender",
            "Siti Aminah",
            "--subject",
            "Surat keterangan domisili",
            "--to",
            "Seksi Pemerintahan",
            "--pages",
            "1",
            "--json",
        )
    ).json()["qr"]


@pytest.fixture
def office(pcs, tmp_path) -> tuple[Pc, dict]:
    admin = pcs("admin-pc")
    first = _ok(admin("init"))
    assert "WRITE this fingerprint ON PAPER" in first.out
    root = _ok(admin("keys", "root", "--json")).json()
    assert root["private_here"] is True
    assert root["display"] in first.out
    return admin, root


def test_a_second_pc_joins_only_with_the_confirmed_fingerprint(office, pcs, tmp_path):
    admin, root = office
    kiosk = pcs("kiosk-pc")
    line = _refused(kiosk("init"), "already has the office root", root["display"], "--trust")
    assert "loket init --trust" in line
    _refused(
        kiosk("init", "--trust", "0000 1111 2222 3333 4444 5555 6666 7777"),
        "does not match",
        root["display"],
    )
    assert not (tmp_path / "kiosk-pc" / "trust" / "root").exists()
    joined = _ok(kiosk("init", "--trust", root["display"], "--json")).json()
    assert joined["root"] == root["fingerprint"] and joined["key_certificate"] == "uncertified"
    pinned = (tmp_path / "kiosk-pc" / "trust" / "root").read_text().strip()
    assert pinned == root["fingerprint"]
    # The kiosk's receipts are "not certified" until an admin certifies its key.
    qr = _receipt(kiosk)
    pending = admin("verify", qr, "--json")
    assert pending.code == 1 and pending.json()["reason"] == "uncertified_key"
    assert "key not certified by this office" in pending.json()["message_en"]
    _refused(kiosk("keys", "certify", joined["key"]), "root key is not on this PC")
    _ok(admin("keys", "certify", joined["key"]))
    assert _ok(admin("verify", qr)).code == 0
    listed = _ok(admin("keys", "list")).out
    assert "disahkan / certified" in listed and "belum disahkan" not in listed


def test_a_pc_whose_key_is_lost_gets_a_new_key_to_certify(office, pcs, tmp_path):
    admin, root = office
    counter = pcs("counter-pc")
    lost = _ok(counter("init", "--trust", root["display"], "--json")).json()["key"]
    _ok(admin("keys", "certify", lost))
    (tmp_path / "counter-pc" / "keys" / f"{lost}.pem").unlink()  # the disk died
    fresh = _ok(counter("keys", "new"))
    assert "Not certified yet" in fresh.out and "loket keys certify" in fresh.out
    kid = _ok(counter("keys", "new", "--json")).json()["kid"]
    assert kid != lost
    _ok(admin("keys", "retire", lost))
    _ok(admin("keys", "certify", kid))
    keys = {k["kid"]: k for k in _ok(admin("keys", "list", "--json")).json()}
    assert keys[kid]["certificate"] == "certified" and keys[kid]["retired_at"] is None
    assert keys[lost]["retired_at"] is not None
    assert _ok(admin("verify", _receipt(counter))).code == 0


def test_keys_public_says_which_key_signs_now(office):
    admin, _ = office
    old = _ok(admin("keys", "new", "--json")).json()["kid"]
    new = _ok(admin("keys", "rotate", "--json")).json()["new"]["kid"]
    pem = _ok(admin("keys", "public")).out
    assert f"# kunci/key {new}: disahkan / certified; menandatangani sekarang / signing now" in pem
    assert f"# kunci/key {old}: disahkan / certified\n" in pem
    listed = {k["kid"]: k["signing_now"] for k in _ok(admin("keys", "list", "--json")).json()}
    assert listed == {old: False, new: True}


def _neighbour_pem(tmp_path: Path) -> Path:
    pem = (
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    (tmp_path / "neighbour.pem").write_bytes(pem)
    return tmp_path / "neighbour.pem"


def test_keys_import_needs_an_admin_or_head(office, tmp_path):
    admin, _ = office
    _ok(admin("staff", "add", "budi", "--name", "Budi", "--role", "staff", "--pin", "123456"))
    _ok(
        admin(
            "staff", "add", "ani", "--name", "Ani", "--role", "admin", "--pin", "654321",
            "--password", "sandi-admin-1",
        )
    )  # fmt: skip
    pem = str(_neighbour_pem(tmp_path))
    _refused(admin("keys", "import", pem, "--office", "KEC-LAIN"), "--as USERNAME")
    _refused(
        admin("keys", "import", pem, "--office", "KEC-LAIN", "--as", "budi", LOKET_PASSWORD="x"),
        "Wrong username or password",
    )
    _refused(
        admin("keys", "import", pem, "--office", "KEC-LAIN", "--as", "ani"),
        "No terminal",
        "LOKET_PASSWORD",
    )
    _refused(
        admin(
            "keys", "import", pem, "--office", "LOKET", "--as", "ani",
            LOKET_PASSWORD="sandi-admin-1",
        ),
        "keys are not imported",
    )  # fmt: skip
    imported = _ok(
        admin(
            "keys", "import", pem, "--office", "KEC-LAIN", "--as", "ani", "--json",
            LOKET_PASSWORD="sandi-admin-1",
        )
    ).json()  # fmt: skip
    assert imported["office_id"] == "KEC-LAIN" and imported["certificate"] == "foreign"
    assert "asing / foreign" in _ok(admin("keys", "list")).out
    entries = _ok(admin("audit", "list", "--json")).json()
    assert any(e["action"] == "key_import" and e["actor"] == "ani" for e in entries)


def test_a_staff_account_with_the_right_password_is_refused(office, tmp_path):
    admin, _ = office
    _ok(
        admin(
            "staff", "add", "budi", "--name", "Budi", "--role", "staff", "--pin", "123456",
            "--password", "sandi-budi-123",
        )
    )  # fmt: skip
    _refused(
        admin(
            "keys", "import", str(_neighbour_pem(tmp_path)), "--office", "KEC-LAIN",
            "--as", "budi", LOKET_PASSWORD="sandi-budi-123",
        ),
        "the admin app is for admins and the head",
    )  # fmt: skip


def test_root_backup_restore_and_rotation(office, pcs, tmp_path):
    admin, root = office
    qr = _receipt(admin)
    backup = tmp_path / "root.bak"
    _refused(
        admin("keys", "root-backup", "--out", str(backup), LOKET_ROOT_PASSPHRASE="pendek"),
        "too weak",
    )
    _refused(admin("keys", "root-backup", "--out", str(backup)), "LOKET_ROOT_PASSPHRASE")
    _ok(admin("keys", "root-backup", "--out", str(backup), LOKET_ROOT_PASSPHRASE=PASSPHRASE))
    spare = pcs("spare-pc")
    _ok(spare("init", "--trust", root["display"]))
    _refused(
        spare("keys", "root-restore", str(backup), LOKET_ROOT_PASSPHRASE="salah sekali ya"),
        "Wrong passphrase",
    )
    _ok(spare("keys", "root-restore", str(backup), LOKET_ROOT_PASSPHRASE=PASSPHRASE))
    assert _ok(spare("keys", "root", "--json")).json()["private_here"] is True
    # Rotation on the admin PC; the spare PC, pinned to the old root, follows it.
    turn = _ok(admin("keys", "root-rotate", "--json")).json()
    assert turn["old"] == root["fingerprint"] and turn["new"] != root["fingerprint"]
    followed = spare("verify", qr, "--json")
    assert followed.code == 0 and followed.json()["valid"]
    assert "rotated by a record the old root signed" in followed.err
    assert (tmp_path / "spare-pc" / "trust" / "root").read_text().strip() == turn["new"]
    # A new PC now confirms the new root.
    _refused(pcs("late-pc")("init", "--trust", root["display"]), "does not match")


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl binary")
def test_documented_openssl_certificate_recipe(office, tmp_path):
    """Exactly what docs/receipt-format.md tells a third party to do with a key."""
    admin, root = office
    kid = _ok(admin("keys", "new", "--json")).json()["kid"]
    (tmp_path / "root.pem").write_text(_ok(admin("keys", "root", "--pem")).out)
    (tmp_path / "body.txt").write_bytes(_ok(admin("keys", "cert", kid)).out.encode())
    signature = _ok(admin("keys", "cert", kid, "--signature")).out.strip()
    (tmp_path / "cert.sig").write_bytes(base64.b64decode(signature))
    (tmp_path / "key.pem").write_text(_ok(admin("keys", "public", "--kid", kid)).out)

    def openssl(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(["openssl", *args], cwd=tmp_path, capture_output=True, check=False)

    verify = ("pkeyutl", "-verify", "-pubin", "-inkey", "root.pem", "-rawin")
    check = openssl(*verify, "-in", "body.txt", "-sigfile", "cert.sig")
    assert check.returncode == 0, check.stderr
    assert b"Signature Verified Successfully" in check.stdout
    # The root is the office's published one: SHA-256 of its raw 32 bytes.
    der = openssl("pkey", "-pubin", "-in", "root.pem", "-outform", "DER").stdout
    import hashlib

    assert hashlib.sha256(der[-32:]).hexdigest() == root["fingerprint"]
    # The certificate names this key: public= is the key's raw public key.
    key_der = openssl("pkey", "-pubin", "-in", "key.pem", "-outform", "DER").stdout
    assert f"public={key_der[-32:].hex()}\n" in (tmp_path / "body.txt").read_text()
    # Any change to the text (another office, another key) fails.
    body = (tmp_path / "body.txt").read_text()
    (tmp_path / "body.txt").write_text(body.replace("office=LOKET", "office=KEC-LAIN"))
    forged = openssl(*verify, "-in", "body.txt", "-sigfile", "cert.sig")
    assert forged.returncode != 0
