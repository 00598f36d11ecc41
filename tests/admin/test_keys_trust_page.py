"""The Keys page shows the office root this PC trusts and each key's certificate, and
certifies a new PC's key with the root held here (audited under the admin's name)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from loket.kiosk.shell import i18n
from loket.models.integrity import root, signing
from loket.models.office import audit


def _row(page, kid: str) -> int:
    return next(r for r in range(page.list.rowCount()) if page.list.item(r, 0).text() == kid)


@pytest.fixture
def kiosk_key(db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """This (admin) PC holds the root; a kiosk PC made its key, not certified yet."""
    signing.ensure_key(label="admin-pc")
    here = str(tmp_path / "data")
    monkeypatch.setenv("LOKET_DATA_DIR", str(tmp_path / "kiosk-pc"))
    root.pin(root.current_root().fingerprint)
    kid = signing.ensure_key(label="kios-2").kid
    monkeypatch.setenv("LOKET_DATA_DIR", here)
    signing.clear_key_cache()
    return kid


def test_the_admin_certifies_a_new_pcs_key(kiosk_key, log_in, open_page, tap, dialogs):
    window = log_in("admin")
    page = open_page(window, "keys")
    shown = root.trusted_root().display
    assert shown in page.root_line.text() and "ada di PC ini" in page.root_line.text()
    row = _row(page, kiosk_key)
    assert page.list.item(row, 2).text() == "belum"
    assert not page.certify_button.isEnabled()  # nothing chosen yet
    page.list.setCurrentCell(row, 0)
    assert page.certify_button.isEnabled()
    dialogs.confirms = [True]
    tap(page.certify_button)
    assert kiosk_key in dialogs.shown[-1][2]
    assert page.list.item(_row(page, kiosk_key), 2).text() == "disahkan"
    assert not page.certify_button.isEnabled()
    assert [k.certificate for k in signing.list_keys() if k.kid == kiosk_key] == ["certified"]
    assert ("key_certify", kiosk_key, "admin") in [
        (e.action, e.target, e.actor) for e in audit.list_audit()
    ]
    signing_now = [page.list.item(r, 3).text() for r in range(page.list.rowCount())]
    assert signing_now.count("menandatangani sekarang") == 1


def test_in_english_and_without_the_root(kiosk_key, log_in, open_page, qapp: QApplication):
    root.root_key_path().unlink()  # the root lives on another PC
    i18n.set_language(qapp, "en")
    window = log_in("admin")
    page = open_page(window, "keys")
    page.refresh()
    assert "Office root" in page.root_line.text() and "on this PC" not in page.root_line.text()
    assert not page.certify_button.isVisible()
    states = {page.list.item(r, 2).text() for r in range(page.list.rowCount())}
    assert states == {"certified", "uncertified"}
