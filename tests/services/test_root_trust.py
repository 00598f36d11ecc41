"""Trust anchored outside the database: an insider who can write to the database plants,
replaces or re-certifies keys, and each move is reported as "key not certified by this
office" because every PC checks certificates against the root it pinned in its own
data folder. Root rotation, backup and restore, first use on an old PC, office id
change."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import logging
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from services.test_chain_seals import _rewrite, _sql, _staffing_edit
from services.test_chain_seals import signed_day as signed_day
from services.test_signing import _claims

from loket.models.errors import ConfigurationError, InvalidInput, PermissionDenied
from loket.models.integrity import certs, qr_payload, root, root_ops, signing
from loket.models.integrity import seals as chain_seals
from loket.models.office import auth, key_actions, staff
from loket.models.settings import update_settings
from loket.models.staffing.verify import verify_staffing_log
from loket.models.tables import OfficeRoot, SigningKey

NOT_CERTIFIED = "key not certified by this office"
PASSPHRASE = "kunci akar kantor 2026!"


def _pair() -> tuple[Ed25519PrivateKey, bytes]:
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return private, raw


def _plant(raw: bytes, office: str = "LOKET", **columns: object) -> SigningKey:
    """What an insider does with SQL: a row of their own in signing_key."""
    return SigningKey.create(
        kid=signing.kid_for(raw),
        public_key=raw,
        office_id=office,
        label="kios-2",
        created_at=dt.datetime.now(dt.UTC),
        **columns,
    )


def _signed(private: Ed25519PrivateKey, kid: str, office: str = "LOKET") -> str:
    body = qr_payload.encode_claims(dataclasses.replace(_claims(office=office), kid=kid))
    return qr_payload.pack(body, private.sign(body))


def _not_certified(text: str) -> None:
    result = signing.verify_text(text)
    assert not result.valid and result.reason == "uncertified_key"
    assert "kunci tidak disahkan kantor ini" in result.message_id
    assert NOT_CERTIFIED in result.message_en


def _other_pc(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> None:
    monkeypatch.setenv("LOKET_DATA_DIR", str(tmp_path / name))
    signing.clear_key_cache()


def _cert_columns(row: SigningKey) -> dict[str, object]:
    return {
        name: getattr(row, name)
        for name in ("certificate", "cert_pc", "cert_not_before", "cert_not_after", "cert_root")
    }


# ── the root and the certificates ──────────────────────────────────────────────────


def test_first_key_makes_and_pins_the_root_and_is_certified(db):
    key = signing.ensure_key()
    anchor = root.trusted_root()
    assert anchor is not None and anchor.private_here
    assert root.pinned() == anchor.fingerprint
    assert len(anchor.display.split()) == 8 and anchor.fingerprint.startswith(
        anchor.display.replace(" ", "").lower()
    )
    assert oct(root.trust_path().stat().st_mode & 0o777) == "0o600"
    assert oct(root.root_key_path().stat().st_mode & 0o777) == "0o600"
    assert key.certificate == "certified"
    assert signing.verify_text(signing.sign_claims(_claims()).text).valid


def test_attack_key_planted_as_a_new_row(db):
    signing.ensure_key()
    private, raw = _pair()
    _plant(raw)
    _not_certified(_signed(private, signing.kid_for(raw)))


def test_attack_key_bytes_replaced_in_an_existing_row(db):
    genuine = signing.ensure_key()
    private, raw = _pair()
    SigningKey.update(public_key=raw).where(SigningKey.kid == genuine.kid).execute()
    _not_certified(_signed(private, genuine.kid))


def test_attack_certificate_copied_from_another_key(db):
    genuine = SigningKey.get_by_id(signing.ensure_key().kid)
    private, raw = _pair()
    _plant(raw, **_cert_columns(genuine))
    _not_certified(_signed(private, signing.kid_for(raw)))


def test_attack_certificate_forged_under_a_root_of_ones_own(db):
    signing.ensure_key()
    fake_root, fake_raw = _pair()
    fake_fp = root.fingerprint(fake_raw)
    OfficeRoot.create(
        fingerprint=fake_fp,
        public_key=fake_raw,
        office_id="LOKET",
        created_at=dt.datetime.now(dt.UTC),
    )
    private, raw = _pair()
    row = _plant(raw)
    certs.sign_row(row, fake_root, fake_fp)
    row.save()
    _not_certified(_signed(private, row.kid))
    # Nor does swapping the bytes of the office's own root row help: a root whose
    # key does not hash to its fingerprint is ignored, and nothing verifies.
    genuine = root.pinned()
    OfficeRoot.update(public_key=fake_raw).where(OfficeRoot.fingerprint == genuine).execute()
    _not_certified(_signed(private, row.kid))
    assert root.trusted_root() is None


def test_attack_seals_resigned_with_a_planted_key(signed_day):
    """Rewrite a sealed staffing entry, recompute every hash and re-sign the seal with
    a key planted in signing_key: the seal's key is not certified."""
    chain, table, read, seq = _staffing_edit()
    entries = _rewrite(chain, table, read, seq)
    [seal] = chain_seals.list_seals()
    marks = tuple(
        dataclasses.replace(m, hash=next(e.row_hash for e in entries if e.seq == m.seq))
        if m.chain == chain
        else m
        for m in seal.marks
    )
    private, raw = _pair()
    _plant(raw)
    message = chain_seals.signed_bytes(
        seal.office_id, seal.day, seal.sign_off_seq, seal.sealed_by, seal.sealed_at, marks
    )
    _sql(
        "UPDATE chain_seal SET staffing_hash = ?, kid = ?, signature = ? WHERE id = ?",
        next(m.hash for m in marks if m.chain == chain),
        signing.kid_for(raw),
        private.sign(message),
        seal.id,
    )
    report = chain_seals.verify_seals()
    assert not report.ok and report.problems[0].reason == "seal_uncertified_key"
    assert NOT_CERTIFIED in report.message_en
    staffing = verify_staffing_log()
    assert not staffing.ok and NOT_CERTIFIED in staffing.message_en


# ── foreign keys ─────────────────────────────────────────────────────────────────


def test_foreign_keys_are_imported_by_admins_and_never_vouch_for_this_office(db, clock):
    signing.ensure_key()
    staff.add_staff("admin", "Admin Kantor", "admin", "123456", password="sandi-admin-1")
    staff.add_staff("budi", "Budi", "staff", "654321", password="sandi-budi-12")
    with pytest.raises(PermissionDenied, match="admin app is for admins"):
        auth.login("budi", "sandi-budi-12", clock)
    session = auth.login("admin", "sandi-admin-1", clock)
    private, raw = _pair()
    pem = signing.public_pem(raw)
    with pytest.raises(InvalidInput, match="keys are not imported"):
        key_actions.import_foreign_key(session, pem, "LOKET", "ours?", clock)
    key = key_actions.import_foreign_key(session, pem, "KEC-LAIN", "tetangga", clock)
    assert key.certificate == "foreign" and key.office_id == "KEC-LAIN"
    # It checks its own office's receipts (said to be a foreign key) ...
    theirs = signing.verify_text(_signed(private, key.kid, office="KEC-LAIN"))
    assert theirs.valid and "(foreign key)" in theirs.message_en
    # ... never this office's: not as itself, not when the row is edited to say LOKET.
    assert signing.verify_text(_signed(private, key.kid)).reason == "wrong_office"
    SigningKey.update(office_id="LOKET").where(SigningKey.kid == key.kid).execute()
    _not_certified(_signed(private, key.kid))


# ── other PCs: pinning, first use, rotation ───────────────────────────────────────


def test_an_old_pc_pins_the_only_root_on_first_use_and_says_so(db, tmp_path, monkeypatch, caplog):
    signing.ensure_key()
    text = signing.sign_claims(_claims()).text
    fp = root.pinned()
    _other_pc(monkeypatch, tmp_path, "old-pc")
    with caplog.at_level(logging.WARNING):
        assert signing.verify_text(text).valid
    assert root.pinned() == fp
    assert "first use" in caplog.text


def test_no_first_use_pin_while_the_database_has_two_roots(db, tmp_path, monkeypatch):
    signing.ensure_key()
    text = signing.sign_claims(_claims()).text
    _, fake_raw = _pair()
    OfficeRoot.create(
        fingerprint=root.fingerprint(fake_raw),
        public_key=fake_raw,
        office_id="LOKET",
        created_at=dt.datetime.now(dt.UTC),
    )
    _other_pc(monkeypatch, tmp_path, "new-pc")
    _not_certified(text)
    assert root.pinned() is None
    assert "loket init --trust" in signing.verify_text(text).message_en


def test_a_pc_without_the_root_waits_for_certification(db, tmp_path, monkeypatch):
    signing.ensure_key()
    holder = str(tmp_path / "data")
    _other_pc(monkeypatch, tmp_path, "kiosk-2")
    root.pin(root.current_root().fingerprint)  # what `loket init --trust` does
    key = signing.ensure_key(label="kios-2")
    assert key.created and key.certificate == "uncertified"
    pending = signing.sign_claims(_claims()).text
    _not_certified(pending)
    with pytest.raises(ConfigurationError, match="root key is not on this PC"):
        certs.certify(key.kid)
    monkeypatch.setenv("LOKET_DATA_DIR", holder)
    certs.certify(key.kid)
    assert signing.verify_text(pending).valid  # what it signed while pending, too


def test_rotation_is_followed_by_a_pc_pinned_to_the_old_root(db, tmp_path, monkeypatch):
    signing.ensure_key()
    text = signing.sign_claims(_claims()).text
    holder = str(tmp_path / "data")
    old = root.pinned()
    _other_pc(monkeypatch, tmp_path, "counter-pc")
    root.pin(old)
    assert signing.verify_text(text).valid
    monkeypatch.setenv("LOKET_DATA_DIR", holder)
    turn = root_ops.rotate()
    assert turn.old.fingerprint == old and turn.new.private_here
    assert SigningKey.get_by_id(signing.ensure_key().kid).cert_root == turn.new.fingerprint
    monkeypatch.setenv("LOKET_DATA_DIR", str(tmp_path / "counter-pc"))
    assert signing.verify_text(text).valid
    assert root.pinned() == turn.new.fingerprint  # re-pinned through the signed record


def test_a_rotation_record_not_signed_by_the_old_root_is_refused(db, tmp_path, monkeypatch):
    signing.ensure_key()
    text = signing.sign_claims(_claims()).text
    old = root.pinned()
    _other_pc(monkeypatch, tmp_path, "counter-pc")
    root.pin(old)
    fake_root, fake_raw = _pair()
    fake_fp = root.fingerprint(fake_raw)
    OfficeRoot.create(
        fingerprint=fake_fp,
        public_key=fake_raw,
        office_id="LOKET",
        created_at=dt.datetime.now(dt.UTC),
    )
    record = root.rotation_body(old, fake_fp, fake_raw)
    OfficeRoot.update(
        superseded_by=fake_fp,
        rotation_signature=base64.b64encode(fake_root.sign(record)).decode(),
    ).where(OfficeRoot.fingerprint == old).execute()
    private, raw = _pair()
    row = _plant(raw)
    certs.sign_row(row, fake_root, fake_fp)
    row.save()
    _not_certified(_signed(private, row.kid))
    assert root.pinned() == old
    assert signing.verify_text(text).valid  # the genuine keys still verify


# ── backup and restore ───────────────────────────────────────────────────────────


@pytest.mark.parametrize("weak", ["", "pendek", "aaaaaaaaaaaaaaaa"])
def test_weak_backup_passphrases_are_refused(db, tmp_path, weak):
    signing.ensure_key()
    with pytest.raises(InvalidInput, match="too weak"):
        root_ops.backup(tmp_path / "root.bak", weak)
    assert not (tmp_path / "root.bak").exists()


def test_root_backup_and_restore_round_trip(db, tmp_path, monkeypatch):
    signing.ensure_key()
    fp = root.pinned()
    backup = tmp_path / "root.bak"
    root_ops.backup(backup, PASSPHRASE)
    assert oct(backup.stat().st_mode & 0o777) == "0o600"
    assert backup.read_text().startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
    _other_pc(monkeypatch, tmp_path, "new-admin-pc")  # the root PC died
    root.pin(fp)
    key = signing.ensure_key(label="admin-baru")
    assert key.certificate == "uncertified"
    with pytest.raises(InvalidInput, match="Wrong passphrase"):
        root_ops.restore(backup, "kata sandi yang salah")
    assert not root.root_key_path().exists()
    assert root_ops.restore(backup, PASSPHRASE).private_here
    assert signing.ensure_key().certificate == "certified"  # its own key, at once


def test_a_backup_of_another_root_is_not_restored(db, tmp_path, monkeypatch):
    signing.ensure_key()
    backup = tmp_path / "root.bak"
    root_ops.backup(backup, PASSPHRASE)
    _other_pc(monkeypatch, tmp_path, "elsewhere")
    _, raw = _pair()
    root.pin(root.fingerprint(raw))
    with pytest.raises(InvalidInput, match="not the root this PC trusts"):
        root_ops.restore(backup, PASSPHRASE)


# ── office id change ─────────────────────────────────────────────────────────────


def test_office_id_change_leaves_one_active_key_certified_for_the_new_office(db):
    first = signing.ensure_key()
    before = signing.sign_claims(_claims()).text
    update_settings(office_id="KEC-BARU")
    second = signing.ensure_key()
    active = [k for k in signing.list_keys() if k.retired_at is None]
    assert [(k.kid, k.office_id, k.certificate, k.signing_now) for k in active] == [
        (second.kid, "KEC-BARU", "certified", True)
    ]
    assert SigningKey.get_by_id(first.kid).retired_at is not None
    assert signing.verify_text(before).valid  # receipts issued under the old id still hold
    pem = signing.public_keys_pem()
    assert f"# kunci/key {second.kid}: disahkan / certified; menandatangani sekarang" in pem
    assert f"# kunci/key {first.kid}: disahkan / certified\n" in pem
