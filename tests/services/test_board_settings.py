"""The board's voice, its English sentence and the kiosk's language as office settings."""

from __future__ import annotations

import datetime as dt

import pytest

from loket.models import settings as office
from loket.models.errors import InvalidInput, PermissionDenied
from loket.models.office import admin_actions as act
from loket.models.office import audit, auth, staff
from loket.models.office.auth import Session


@pytest.fixture
def admin(db, clock) -> Session:
    staff.add_staff("admin", "Pak Admin", "admin", "2222", password="admin-rahasia")
    staff.add_staff("petugas", "Mbak Petugas", "staff", "3333", password="petugas-rahasia")
    return auth.login("admin", "admin-rahasia", clock)


def test_defaults_are_the_best_voice_with_english_and_an_indonesian_kiosk(db):
    settings = office.load_settings()
    assert settings.board_voice == "auto"
    assert settings.board_english is True
    assert settings.kiosk_language == "id"


def test_an_admin_sets_the_voice_and_english_and_it_is_audited(admin, clock):
    settings = act.set_board_voice(admin, "espeak", False, kiosk_language="en", clock=clock)
    assert (settings.board_voice, settings.board_english, settings.kiosk_language) == (
        "espeak",
        False,
        "en",
    )
    assert office.load_settings() == settings
    entry = audit.list_audit(action="board_voice")[0]
    assert (entry.actor, entry.role, entry.target) == ("admin", "admin", "office")
    assert entry.detail == {"board_voice": "espeak", "board_english": False, "kiosk_language": "en"}
    # Only what was given changes.
    settings = act.set_board_voice(admin, english=True, clock=clock)
    assert (settings.board_voice, settings.board_english) == ("espeak", True)
    assert audit.list_audit(action="board_voice")[0].detail == {"board_english": True}
    assert audit.verify_audit().ok


def test_a_staff_account_is_refused_even_with_a_bad_value(admin, clock):
    staff_session = Session("petugas", "Mbak Petugas", "staff", clock.now() + dt.timedelta(hours=8))
    with pytest.raises(PermissionDenied) as info:
        act.set_board_voice(staff_session, "robot", clock=clock)
    assert info.value.message_id and "staff" in info.value.message_en
    assert office.load_settings().board_voice == "auto"
    assert [e.actor for e in audit.list_audit(action="denied")] == ["petugas"]
    assert not audit.list_audit(action="board_voice")


@pytest.mark.parametrize(
    ("changes", "word_id", "word_en"),
    [
        (
            {"voice": "robot"},
            "pilihan: auto, qt, espeak, chime",
            "choices: auto, qt, espeak, chime",
        ),
        ({"kiosk_language": "fr"}, "pilihan: id, en", "choices: id, en"),
        ({}, "Tidak ada yang diubah", "Nothing to change"),
    ],
)
def test_bad_values_are_refused_in_both_languages(admin, clock, changes, word_id, word_en):
    with pytest.raises(InvalidInput) as info:
        act.set_board_voice(admin, clock=clock, **changes)
    assert word_id in info.value.message_id
    assert word_en in info.value.message_en
    now = office.load_settings()
    assert now == office.OfficeSettings(pin_min_digits=now.pin_min_digits)  # (the tests' 4)
    assert not audit.list_audit(action="board_voice")


def test_the_settings_service_reads_yes_and_no_in_both_languages(db):
    assert office.update_settings(board_english="tidak").board_english is False
    assert office.update_settings(board_english="Ya").board_english is True
    assert office.update_settings(board_english="off").board_english is False
    assert office.update_settings(board_voice=" CHIME ").board_voice == "chime"
    with pytest.raises(InvalidInput) as info:
        office.update_settings(board_english="mungkin")
    assert "ya atau tidak" in info.value.message_id
    assert "yes or no" in info.value.message_en


def test_loket_settings_changes_the_board_voice(loket):
    result = loket("settings", "board_voice=chime", "board_english=no", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["board_voice"] == "chime" and data["board_english"] is False
    refused = loket("settings", "board_voice=robot")
    assert refused.code != 0
    assert len(refused.err.strip().splitlines()) == 1 and "Traceback" not in refused.err
    assert "chime" in refused.err
