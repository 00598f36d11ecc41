"""The kiosk's start language is an office setting: each next visitor starts in it."""

from __future__ import annotations

from loket.kiosk.shell import i18n
from loket.kiosk.ticketing.main import parse_args
from loket.models.settings import update_settings


def test_an_idle_kiosk_returns_to_the_office_language(qtbot, make_kiosk, tap):
    update_settings(kiosk_language="en")
    kiosk = make_kiosk(idle_seconds=1.0)
    kiosk.reset_for_next_visitor()
    assert i18n.current_language() == "en"
    assert kiosk.language_button.label_text() == "Bahasa Indonesia"
    tap(kiosk.language_button)  # a visitor switches to Indonesian…
    assert i18n.current_language() == "id"
    # …and nobody touches it: the next visitor starts in English again.
    qtbot.waitUntil(lambda: i18n.current_language() == "en", timeout=10_000)
    assert kiosk.current_screen() is kiosk.home

    update_settings(kiosk_language="id")
    kiosk.reset_for_next_visitor()
    assert i18n.current_language() == "id"


def test_the_lang_flag_is_optional():
    assert parse_args([]).lang is None
    assert parse_args(["--lang", "en"]).lang == "en"
