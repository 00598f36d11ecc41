"""Voice and language page: the boards' voice, English sentence and the kiosk language are
saved through the audited admin action; a staff account is refused in its language."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from loket.kiosk.shell import i18n
from loket.models import settings as office
from loket.models.office import admin_actions, audit, auth


def _choose(combo, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_the_page_shows_the_office_settings(log_in, open_page):
    office.update_settings(board_voice="espeak", board_english="no", kiosk_language="en")
    page = open_page(log_in("admin"), "voice")
    assert page.board_voice.currentData() == "espeak"
    assert page.board_voice.currentText() == "espeak-ng"
    assert not page.board_english.isChecked()
    assert page.kiosk_language.currentData() == "en"
    assert "loket-display --voice" in page.hint.text()  # how one board overrides it
    assert "seketika" in page.hint.text()
    assert "Nomor antrian" in page.sample.text()  # the sample stays


def test_saving_changes_the_office_settings_and_is_audited(log_in, open_page, tap):
    page = open_page(log_in("admin"), "voice")
    assert page.board_voice.currentData() == "auto" and page.board_english.isChecked()
    _choose(page.board_voice, "chime")
    tap(page.board_english)
    _choose(page.kiosk_language, "en")
    tap(page.save_button)
    assert page.notice.text() == "Suara dan bahasa disimpan; papan antrean mengikuti seketika"
    settings = office.load_settings()
    assert (settings.board_voice, settings.board_english, settings.kiosk_language) == (
        "chime",
        False,
        "en",
    )
    entry = audit.list_audit(action="board_voice")[0]
    assert entry.actor == "admin"
    assert entry.detail == {"board_voice": "chime", "board_english": False, "kiosk_language": "en"}


def test_a_staff_account_is_refused_in_both_languages(
    log_in, open_page, tap, clock, qapp: QApplication
):
    window = log_in("admin")
    head = auth.login("kepala", "kepala-rahasia", clock)
    admin_actions.edit_staff(head, "admin", role="staff", clock=clock)
    page = open_page(window, "voice")
    _choose(page.board_voice, "chime")
    tap(page.save_button)
    assert page.notice.property("role") == "error"
    assert "admin berperan staff" in page.notice.text()
    try:
        i18n.set_language(qapp, "en")
        _choose(page.board_voice, "chime")
        tap(page.save_button)
        assert page.notice.property("role") == "error"
        assert "staff" in page.notice.text() and "berperan" not in page.notice.text()
    finally:
        i18n.set_language(qapp, "id")
    assert office.load_settings().board_voice == "auto"
    assert not audit.list_audit(action="board_voice")
    assert [e.actor for e in audit.list_audit(action="denied")] == ["admin", "admin"]


def test_the_page_follows_a_change_made_elsewhere(log_in, open_page):
    page = open_page(log_in("admin"), "voice")
    office.update_settings(board_voice="qt")
    page.feed_changed({"settings"})
    assert page.board_voice.currentData() == "qt"
