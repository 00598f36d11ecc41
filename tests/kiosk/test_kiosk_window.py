"""Language switch, large text and high contrast, idle reset, front-desk banner, lockdown."""

from __future__ import annotations

from helpers.settle import settle
from PySide6.QtCore import Qt

from loket.kiosk.shell import i18n


def test_language_switch_by_tap(qtbot, make_kiosk, tap):
    kiosk = make_kiosk()
    assert kiosk.language_button.label_text() == "English"
    assert kiosk.home.title.text() == "Silakan pilih layanan"
    assert "Administrasi Kependudukan" in kiosk.home.service_buttons["A"].label_text()
    tap(kiosk.language_button)
    assert i18n.current_language() == "en"
    assert kiosk.language_button.label_text() == "Bahasa Indonesia"
    assert kiosk.home.title.text() == "Please choose a service"
    assert kiosk.home.document_button.label_text() == "Hand in a document"  # shown wrapped to fit
    assert "Civil registration" in kiosk.home.service_buttons["A"].label_text()
    assert "No one waiting" in kiosk.home.service_buttons["A"].label_text()
    tap(kiosk.home.service_buttons["A"])
    assert kiosk.priority.title.text() == "Are you a priority visitor?"
    assert kiosk.priority.category_buttons["lansia"].label_text() == "Elderly"
    tap(kiosk.priority.normal_button)
    assert kiosk.ticket.heading.text() == "Your queue number"
    assert kiosk.ticket.ahead.text() == "Nobody is ahead of you"
    tap(kiosk.language_button)
    assert kiosk.ticket.heading.text() == "Nomor antrean Anda"
    qtbot.waitUntil(lambda: kiosk.ticket.outcome is not None, timeout=10_000)


def test_every_source_string_has_an_english_translation():
    import xml.etree.ElementTree as ET

    tree = ET.parse(i18n.translations_dir() / "loket_en.ts")
    kiosk_contexts = {
        "AdminExitScreen", "CheckReceiptScreen", "ComplaintScreen", "DocumentScreen",
        "HomeScreen", "KioskWindow", "OnScreenKeyboard", "PinDialog", "PriorityScreen",
        "ReceiptScreen", "SurveyScreen", "TicketScreen",
    }  # fmt: skip
    ours = [
        m
        for c in tree.iter("context")
        if c.findtext("name") in kiosk_contexts
        for m in c.iter("message")
    ]
    assert len(ours) > 80
    unfinished = [m.findtext("source") for m in ours if m.find("translation").get("type")]
    assert unfinished == []


def test_large_text_and_high_contrast(qtbot, make_kiosk, tap):
    kiosk = make_kiosk()
    button = kiosk.home.document_button
    normal = button.fontInfo().pixelSize()
    tap(kiosk.large_text_button)
    assert kiosk.large_text_button.isChecked()
    assert button.fontInfo().pixelSize() > normal
    tap(kiosk.contrast_button)
    assert "#000000" in kiosk.styleSheet()
    assert kiosk.palette().color(kiosk.backgroundRole()).name() == "#000000"
    tap(kiosk.contrast_button)
    tap(kiosk.large_text_button)
    assert button.fontInfo().pixelSize() == normal


def test_idle_reset_goes_home_and_forgets_the_visitor(qtbot, make_kiosk, tap, type_in):
    kiosk = make_kiosk(idle_seconds=60)
    tap(kiosk.language_button)
    tap(kiosk.large_text_button)
    tap(kiosk.home.document_button)
    tap(kiosk.document.fields["sender_name"])
    type_in(kiosk.document.keyboard, "Budi")
    # Taps keep it awake: each one starts the countdown again (measured on the countdown, not
    # raced against a short timer that a loaded machine can let run out between two taps)…
    for _ in range(3):
        qtbot.wait(50)
        before = kiosk.idle.remaining_ms()
        assert 0 < before < 60_000
        tap(kiosk.document.fields["subject"])
        assert kiosk.idle.remaining_ms() > before
    assert kiosk.current_screen() is kiosk.document
    # …then nobody touches it (a short countdown, so the test need not wait a minute).
    kiosk.idle.set_seconds(0.3)
    qtbot.waitUntil(lambda: kiosk.current_screen() is kiosk.home, timeout=10_000)
    assert i18n.current_language() == "id"
    assert not kiosk.large_text_button.isChecked()
    assert kiosk.document.fields["sender_name"].text() == ""


def test_result_screen_returns_home_sooner(qtbot, make_kiosk, tap):
    kiosk = make_kiosk(idle_seconds=60, result_seconds=0.5)
    tap(kiosk.home.service_buttons["A"])
    tap(kiosk.priority.normal_button)
    assert kiosk.current_screen() is kiosk.ticket
    qtbot.waitUntil(lambda: kiosk.current_screen() is kiosk.home, timeout=10_000)
    assert kiosk.idle.seconds == 60


def test_front_desk_banner_follows_the_staffing_state(qtbot, make_kiosk, clock):
    from loket.models.office.catalog import add_counter
    from loket.models.office.staff import add_staff
    from loket.models.staffing.counter_actions import sign_in

    kiosk = make_kiosk()
    assert kiosk.banner.isVisible()  # Monday 08:00, nobody signed in
    assert "tetap dapat diambil" in kiosk.banner.text()
    assert kiosk.home.service_buttons["A"].isEnabled()  # tickets still work
    add_counter(1, "A,B", front_desk=True)
    add_staff("rina", "Rina", "staff", "1111")
    sign_in(1, "rina", "1111", clock=clock)
    kiosk.refresh()  # read on the kiosk's worker thread
    qtbot.waitUntil(lambda: not kiosk.banner.isVisible(), timeout=10_000)


def test_lockdown_exit_with_long_press_and_admin_pin(qtbot, make_kiosk, dialogs, tap):
    kiosk = make_kiosk(hold_ms=150)
    closed: list[bool] = []
    kiosk.closing.connect(lambda: closed.append(True))
    kiosk.close()  # a plain close request is ignored
    assert kiosk.isVisible()
    dialogs.pins.extend(["1111", "2468"])
    corner = kiosk.office_name

    def long_press() -> None:
        # Held until the kiosk asks for the PIN (the 150 ms hold fired), however late a loaded
        # machine runs the timer: a fixed wait would release too early there.
        asked = len(dialogs.shown)
        qtbot.mousePress(corner, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(dialogs.shown) > asked, timeout=10_000)
        qtbot.mouseRelease(corner, Qt.MouseButton.LeftButton)
        settle(qtbot, kiosk)  # the PIN is checked on the worker thread

    long_press()
    assert kiosk.current_screen() is kiosk.home  # wrong PIN
    assert any("PIN salah" in text for text in dialogs.texts())
    long_press()
    assert kiosk.current_screen() is kiosk.admin
    assert "Admin Kantor" in kiosk.admin.who.text()
    tap(kiosk.admin.back_button)
    assert kiosk.current_screen() is kiosk.home
    dialogs.pins.append("2468")
    long_press()
    tap(kiosk.admin.leave_button)
    assert closed == [True]
    assert not kiosk.isVisible()
