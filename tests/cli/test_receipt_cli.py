"""`loket receipt`, `loket keys` and `loket verify` as an installer or script uses them.

Each command runs in a subprocess with ``--db`` naming the test database and
``LOKET_DATA_DIR`` a fresh folder (where this "PC" keeps its private key).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from loket.models.db import database


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)


@pytest.fixture
def cli(db: str, tmp_path: Path) -> Callable[..., Run]:
    env = dict(os.environ, LOKET_DATA_DIR=str(tmp_path / "pc-data"))
    env.pop("LOKET_DB", None)

    def run(*args: str) -> Run:
        proc = subprocess.run(
            [sys.executable, "-m", "loket.models.cli", "--db", db, *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        return Run(proc.returncode, proc.stdout, proc.stderr)

    return run


def _ok(result: Run) -> Run:
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    return result


def _refused(result: Run, *words: str) -> str:
    assert result.code != 0
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def office(cli):
    data = _ok(cli("init", "--json")).json()
    assert data["key_created"] is True and len(data["key"]) == 8
    _ok(cli("staff", "add", "budi", "--name", "Budi Santoso", "--role", "staff", "--pin", "1234"))
    return cli


def _new(cli, *extra: str) -> dict:
    return _ok(
        cli(
            "receipt",
            "new",
            "--sender",
            "Siti Aminah",
            "--subject",
            "Surat keterangan domisili",
            "--to",
            "Seksi Pemerintahan",
            "--pages",
            "3",
            "--json",
            *extra,
        )
    ).json()


def test_init_keeps_its_key(office, tmp_path):
    again = _ok(office("init", "--json")).json()
    assert again["key_created"] is False
    keys = list((tmp_path / "pc-data" / "keys").glob("????????.pem"))  # not root.pem
    assert [k.stem for k in keys] == [again["key"]]
    assert oct(keys[0].stat().st_mode & 0o777) == "0o600"


def test_new_receipt_json_and_verify(office):
    data = _new(office, "--phone", "081234567890", "--organisation", "Warga", "--attachments", "1")
    assert data["number"].startswith("TT-") and data["number"].endswith("-000001")
    assert data["qr"].startswith("LKT1:") and data["status"] == "received"
    assert data["channel"] == "kiosk"
    verdict = _ok(office("verify", data["qr"], "--json")).json()
    assert verdict["valid"] is True and verdict["reason"] is None
    assert (verdict["kind"], verdict["number"]) == ("receipt", data["number"])
    assert verdict["status"] == "received" and verdict["check_code"] == data["check_code"]
    text = _ok(office("verify", data["qr"])).out
    assert "SAH" in text and data["number"] in text


def test_counter_receipt_and_status_flow(office):
    data = _new(office, "--officer", "budi", "--days", "3")
    assert data["channel"] == "counter" and data["status"] == "confirmed"
    number = data["number"]
    _ok(office("receipt", "set-status", number, "forwarded", "--note", "ke Kasi"))
    _ok(office("receipt", "set-status", number, "ready"))
    shown = _ok(office("receipt", "show", number, "--json")).json()
    assert [h["status"] for h in shown["history"]] == [
        "received",
        "confirmed",
        "forwarded",
        "ready",
    ]
    assert shown["history"][2]["note"] == "ke Kasi"
    listed = _ok(office("receipt", "list", "--status", "ready", "--json")).json()
    assert [r["number"] for r in listed] == [number]
    assert number in _ok(office("receipt", "list")).out
    found = _ok(office("receipt", "list", "--search", number[-6:], "--json")).json()
    assert [r["number"] for r in found] == [number]
    assert _ok(office("receipt", "list", "--search", "nobody-by-this-name", "--json")).json() == []
    log = _ok(office("receipt", "verify-log", "--json")).json()
    assert log["ok"] is True and log["entries"] == 4


def test_tampered_qr_is_invalid_and_exits_non_zero(office):
    qr = _new(office)["qr"]
    flipped = qr[:-3] + ("0" if qr[-3] != "0" else "1") + qr[-2:]
    result = office("verify", flipped, "--json")
    assert result.code == 1 and "Traceback" not in result.err
    verdict = result.json()
    assert verdict["valid"] is False and verdict["reason"] in ("bad_signature", "malformed")
    garbage = office("verify", "hello", "--json")
    assert garbage.code == 1 and garbage.json()["reason"] == "malformed"
    plain = office("verify", "hello")
    assert plain.code == 1 and "INVALID" in plain.out
    other = office("verify", qr, "--office", "KEC-LAIN", "--json")
    assert other.code == 1 and other.json()["reason"] == "wrong_office"


def test_verify_from_a_photo_of_the_qr(office, tmp_path):
    import qrcode
    from PIL import Image, ImageFilter

    data = _new(office)
    image = qrcode.make(data["qr"], box_size=6).get_image().convert("L")
    # A little blur and a grey background: closer to a phone photo than a clean render.
    photo = Image.new("L", (image.width + 80, image.height + 80), 200)
    photo.paste(image.filter(ImageFilter.GaussianBlur(1)), (40, 40))
    path = tmp_path / "photo.jpg"
    photo.save(path, quality=80)
    verdict = _ok(office("verify", "--image", str(path), "--json")).json()
    assert verdict["valid"] is True and verdict["number"] == data["number"]


def test_verify_image_problems_are_one_line(office, tmp_path):
    from PIL import Image

    blank = tmp_path / "blank.png"
    Image.new("L", (200, 200), 255).save(blank)
    _refused(office("verify", "--image", str(blank)), "No readable QR code")
    _refused(office("verify", "--image", str(tmp_path / "missing.png")), "No such file")
    (tmp_path / "text.png").write_text("not an image")
    _refused(office("verify", "--image", str(tmp_path / "text.png")), "Not a readable image")
    _refused(office("verify"), "either the QR text or --image")


@pytest.mark.parametrize(
    "args, words",
    [
        (("--pages", "tiga"), "Page count"),
        (("--pages", "0"), "Page count"),
        (("--pages", "3", "--nik", "123"), "Invalid NIK"),
        (("--pages", "3", "--phone", "abc"), "Invalid phone number"),
        (("--pages", "3", "--channel", "fax"), "kiosk or counter"),
        (("--pages", "3", "--officer", "nobody"), "No staff member"),
        (("--pages", "3", "--days", "-1"), "Completion time"),
    ],
)
def test_invalid_receipt_input_is_one_line(office, args, words):
    result = office(
        "receipt", "new", "--sender", "Siti", "--subject", "Surat", "--to", "Umum", *args
    )
    line = _refused(result, words)
    assert line.startswith("loket: ") and " / " in line  # Indonesian / English


def test_missing_options_and_bad_numbers_are_one_line(office):
    _refused(
        office("receipt", "new", "--subject", "Surat", "--to", "Umum", "--pages", "1"),
        "--sender is required",
    )
    _refused(office("receipt", "show", "TT-2026-000099"), "No receipt TT-2026-000099")
    _refused(office("receipt", "show", "nomor"), "Invalid receipt number")
    number = _new(office)["number"]
    _refused(office("receipt", "set-status", number, "lost"), "Unknown status")
    _refused(office("receipt", "set-status", number, "collected"), "cannot become collected")
    _refused(office("receipt", "set-status", number, "confirmed"), "officer")
    _refused(office("keys", "public", "--kid", "deadbeef"), "No key deadbeef")


def test_verify_log_names_the_edited_and_deleted_entries(office):
    first = _new(office)["number"]
    _new(office, "--officer", "budi")
    _ok(office("receipt", "set-status", first, "confirmed", "--officer", "budi"))
    db = database.obj
    db.execute_sql(f"UPDATE receipt_event SET status = 'ready' WHERE seq = {db.param}", (3,))
    broken = office("receipt", "verify-log", "--json")
    assert broken.code == 1
    problem = broken.json()["problem"]
    assert (problem["seq"], problem["reason"]) == (3, "edited")
    text = office("receipt", "verify-log")
    assert text.code == 1 and "#3" in text.out
    db.execute_sql(f"UPDATE receipt_event SET status = 'confirmed' WHERE seq = {db.param}", (3,))
    _ok(office("receipt", "verify-log"))
    db.execute_sql(f"DELETE FROM receipt_event WHERE seq = {db.param}", (4,))
    deleted = office("receipt", "verify-log", "--json")
    assert deleted.code == 1
    assert (deleted.json()["problem"]["seq"], deleted.json()["problem"]["reason"]) == (4, "deleted")


def test_keys_rotate_public_list(office, tmp_path):
    qr = _new(office)["qr"]
    before = _ok(office("keys", "new", "--json")).json()
    assert before["created"] is False
    rotated = _ok(office("keys", "rotate", "--json")).json()
    assert [k["kid"] for k in rotated["retired"]] == [before["kid"]]
    assert rotated["new"]["kid"] != before["kid"]
    listed = _ok(office("keys", "list", "--json")).json()
    assert {k["kid"] for k in listed} == {before["kid"], rotated["new"]["kid"]}
    assert _ok(office("verify", qr)).code == 0  # signed before the rotation
    pem = _ok(office("keys", "public")).out
    assert pem.count("BEGIN PUBLIC KEY") == 2
    one = _ok(office("keys", "public", "--kid", before["kid"])).out
    assert one.startswith("-----BEGIN PUBLIC KEY-----")
    active = _ok(office("keys", "public", "--active-only", "--json")).json()
    assert [k["kid"] for k in active] == [rotated["new"]["kid"]]


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl binary")
def test_documented_openssl_recipe_end_to_end(office, tmp_path):
    """Exactly what docs/receipt-format.md tells a third party to do."""
    import base45

    data = _new(office)
    kid = office("verify", data["qr"], "--json").json()["claims"]["kid"]
    (tmp_path / "office.pem").write_text(_ok(office("keys", "public", "--kid", kid)).out)
    raw = base45.b45decode(data["qr"].removeprefix("LKT1:"))
    (tmp_path / "claims.bin").write_bytes(raw[:-64])
    (tmp_path / "sig.bin").write_bytes(raw[-64:])
    check = subprocess.run(
        [
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
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stderr
    assert "Signature Verified Successfully" in check.stdout


def test_keys_import_needs_an_office_and_an_admin(office, tmp_path):
    """The admin path (labelled foreign, audited under the admin's name) is in
    tests/cli/test_root_cli.py; a foreign key checking its own office's receipts in
    tests/services/test_root_trust.py."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    pem = (
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    (tmp_path / "neighbour.pem").write_bytes(pem)
    _refused(office("keys", "import", str(tmp_path / "neighbour.pem")), "--office is required")
    _refused(
        office("keys", "import", str(tmp_path / "neighbour.pem"), "--office", "KEC-LAIN"),
        "Only an admin or the head imports keys",
    )
    assert [k["kid"] for k in _ok(office("keys", "list", "--json")).json()] == [
        _ok(office("keys", "new", "--json")).json()["kid"]
    ]
