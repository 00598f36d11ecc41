"""Every button a visitor can see on the kiosk is big enough for a finger, on every screen.

A visitor's finger needs at least 44 logical px in both directions (MIN_TOUCH_PX), and the
main action of a screen (a "primary" button) at least 15 mm (PRIMARY_MM). The walk below goes
through every screen and every page of it by taps, as a visitor would, and measures every
visible button at each step, so a shrunken button anywhere is caught, not just on the home
screen.
"""

from __future__ import annotations

from helpers.settle import settle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

from loket.kiosk.shell.dialogs import PinDialog
from loket.kiosk.shell.theme import MIN_TOUCH_PX, PRIMARY_MM, touch_px


def _too_small(window: QWidget) -> list[str]:
    """Every visible button under ``window`` that a finger would miss, with its size."""
    primary = touch_px(PRIMARY_MM, window)
    bad = []
    seen = 0
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible():  # on a page or screen not shown now
            continue
        seen += 1
        name = button.objectName() or repr(button.text())
        width, height = button.width(), button.height()
        if width < MIN_TOUCH_PX or height < MIN_TOUCH_PX:
            bad.append(f"{name}: {width}×{height} px, less than {MIN_TOUCH_PX} px")
        elif button.property("role") == "primary" and height < primary:
            bad.append(f"{name}: a primary action {height} px tall, less than {PRIMARY_MM} mm")
    assert seen, "no visible button at all: the walk is not looking at the screen"
    return bad


def _check(kiosk: QWidget, where: str, report: dict[str, list[str]]) -> None:
    report[where] = _too_small(kiosk)


def test_every_visible_button_on_every_screen_is_touch_sized(
    qtbot, make_kiosk, dialogs, tap, type_in
):
    kiosk = make_kiosk(hold_ms=150)
    report: dict[str, list[str]] = {}

    _check(kiosk, "home", report)
    tap(kiosk.home.service_buttons["A"])
    assert kiosk.current_screen() is kiosk.priority
    _check(kiosk, "priority", report)
    tap(kiosk.priority.normal_button)
    assert kiosk.current_screen() is kiosk.ticket
    qtbot.waitUntil(lambda: kiosk.ticket.outcome is not None, timeout=10_000)
    _check(kiosk, "ticket", report)
    tap(kiosk.ticket.done_button)

    # Handing in a document: the form with its keyboard (shifted too), then the receipt.
    tap(kiosk.home.document_button)
    assert kiosk.current_screen() is kiosk.document
    _check(kiosk, "document form", report)
    form = kiosk.document
    tap(form.keyboard.keys["shift"])
    _check(kiosk, "document form, keyboard shifted", report)
    tap(form.keyboard.keys["shift"])
    for name, text in (
        ("sender_name", "Siti"),
        ("recipient_unit", "Umum"),
        ("subject", "Surat"),
        ("pages", "2"),
    ):
        tap(form.fields[name])
        type_in(form.keyboard, text)
    tap(form.submit_button)
    assert kiosk.current_screen() is kiosk.receipt
    qtbot.waitUntil(lambda: kiosk.receipt.outcome is not None, timeout=10_000)
    _check(kiosk, "receipt", report)
    number = kiosk.receipt.number.text()
    tap(kiosk.receipt.done_button)

    # Checking a receipt: empty, then with its history shown.
    tap(kiosk.home.check_button)
    assert kiosk.current_screen() is kiosk.check
    _check(kiosk, "receipt check", report)
    tap(kiosk.check.number_field)
    type_in(kiosk.check.keyboard, number.lower())
    tap(kiosk.check.check_button)
    assert number in kiosk.check.result.text()
    _check(kiosk, "receipt check, found", report)
    tap(kiosk.check.back_button)

    # The survey: intro with its keyboard, a question, the profile (incl. the age keypad and
    # the sex, education and occupation choices), then thanks.
    tap(kiosk.home.survey_button)
    survey = kiosk.survey
    assert kiosk.current_screen() is survey
    _check(kiosk, "survey intro", report)
    tap(survey.start_button)
    _check(kiosk, "survey question", report)
    for _ in range(9):
        tap(survey.answer_buttons[3])
    assert survey.send_button.isVisible()
    assert survey.sex_buttons and survey.education_buttons and survey.occupation_buttons
    _check(kiosk, "survey profile", report)
    tap(next(iter(survey.education_buttons.values())))  # a chosen answer, highlighted
    _check(kiosk, "survey profile, one chosen", report)
    tap(survey.send_button)
    assert survey.thanks.isVisible()
    _check(kiosk, "survey thanks", report)
    tap(survey.finish_button)

    # A complaint: the form with its keyboard, then its tracking number.
    tap(kiosk.home.complaint_button)
    complaint = kiosk.complaint
    assert kiosk.current_screen() is complaint
    _check(kiosk, "complaint form", report)
    tap(complaint.text)
    type_in(complaint.keyboard, "AC mati")
    tap(complaint.send_button)
    assert complaint.tracking.text().startswith("ADU")
    qtbot.waitUntil(lambda: complaint.outcome is not None, timeout=10_000)
    _check(kiosk, "complaint filed", report)
    tap(complaint.done_button)

    # The admin's way out (a long press on the office name, then the PIN).
    dialogs.pins.append("2468")
    asked = len(dialogs.shown)
    qtbot.mousePress(kiosk.office_name, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialogs.shown) > asked, timeout=10_000)
    qtbot.mouseRelease(kiosk.office_name, Qt.MouseButton.LeftButton)
    settle(qtbot, kiosk)  # the PIN is checked on the worker thread
    assert kiosk.current_screen() is kiosk.admin
    _check(kiosk, "admin exit", report)
    tap(kiosk.admin.back_button)

    assert {where: bad for where, bad in report.items() if bad} == {}


def test_the_pin_dialog_keys_are_touch_sized(qtbot):
    dialog = PinDialog("PIN")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert _too_small(dialog) == []
