"""The kiosk for the layout check: every screen a visitor (or the admin) can reach, by taps.

See tests/layout/walkers.py for the contract.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpers.stubs import ScriptedDialogs
from layout.seed import PINS
from layout.walkers import LayoutEnv, Visit
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

APP = "kiosk"
PORTRAIT = True
LARGE_TEXT = True
SCREENS = (
    "home",
    "home_unstaffed",
    "priority",
    "ticket",
    "near_phone",
    "near_phone_refused",
    "document",
    "document_typing",
    "receipt",
    "check_receipt",
    "check_receipt_found",
    "survey_intro",
    "survey_question",
    "survey_profile",
    "survey_thanks",
    "complaint",
    "complaint_filed",
    "pin_dialog",
    "admin_exit",
    "waiting",
)


def open_window(env: LayoutEnv) -> QWidget:
    from loket.kiosk.shell import i18n
    from loket.kiosk.ticketing.window import KioskWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.set_language(app, env.language)
    dialogs = ScriptedDialogs()
    env.scratch["dialogs"] = dialogs
    window = KioskWindow(
        clock=env.clock,  # type: ignore[arg-type]
        printer=f"pdf://{env.tmp_path / 'pdf'}",
        dialogs=dialogs,
        use_feed=False,
        hold_ms=100,
        idle_seconds=3600,
        result_seconds=3600,
    )
    window.large_text_button.setChecked(env.large_text)
    window.contrast_button.setChecked(env.high_contrast)
    return window


def _tap(widget: QWidget) -> None:
    assert widget.isVisible(), f"{widget.objectName()} is not on screen"
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def _settle(env: LayoutEnv, window: QWidget) -> None:
    from helpers.settle import settle

    settle(env.qtbot, window)


def _type(keyboard: object, text: str) -> None:
    keys = keyboard.keys  # type: ignore[attr-defined]
    for char in text:
        if char == " ":
            _tap(keys["space"])
        elif char.isupper():
            _tap(keys["shift"])
            _tap(keys[char.lower()])
        else:
            _tap(keys[char])


def walk(window: QWidget, env: LayoutEnv) -> Iterator[Visit]:
    from loket.kiosk.shell.dialogs import PinDialog
    from loket.kiosk.shell.waiting_screen import ServerName, WaitingScreen
    from loket.models.queue.calling import finish
    from loket.models.settings import update_settings
    from loket.models.staffing.counter_actions import sign_out

    kiosk = window
    qtbot = env.qtbot
    wait = qtbot.waitUntil  # type: ignore[attr-defined]
    _settle(env, kiosk)

    def visit(name: str, *extra: QWidget) -> Visit:
        QApplication.processEvents()
        return Visit(name, [kiosk, *extra], kiosk=True)

    yield visit("home")

    finish(2, clock=env.clock)  # type: ignore[arg-type]
    sign_out(2, "tanpa_keterangan", clock=env.clock)  # type: ignore[arg-type]
    kiosk.refresh()  # type: ignore[attr-defined]
    wait(lambda: kiosk.banner.isVisible(), timeout=10_000)  # type: ignore[attr-defined]
    yield visit("home_unstaffed")

    _tap(kiosk.home.service_buttons["B"])  # type: ignore[attr-defined]
    yield visit("priority")
    _tap(kiosk.priority.category_buttons["lansia"])  # type: ignore[attr-defined]
    _settle(env, kiosk)
    wait(lambda: kiosk.ticket.outcome is not None or kiosk.ticket.failure, timeout=20_000)  # type: ignore[attr-defined]
    yield visit("ticket")
    _tap(kiosk.ticket.done_button)  # type: ignore[attr-defined]

    # "Your number is near" switched on: the phone question after the priority one.
    update_settings(notify_channel="sms", notify_near_ahead="3")
    kiosk.refresh()  # type: ignore[attr-defined]
    wait(lambda: kiosk.near_ahead == 3, timeout=10_000)  # type: ignore[attr-defined]
    _tap(kiosk.home.service_buttons["B"])  # type: ignore[attr-defined]
    _tap(kiosk.priority.normal_button)  # type: ignore[attr-defined]
    near = kiosk.near_phone  # type: ignore[attr-defined]
    yield visit("near_phone")
    _type(near.keyboard, "0812345")
    _tap(near.take_button)
    _settle(env, kiosk)
    wait(lambda: bool(near.error.text()), timeout=10_000)
    yield visit("near_phone_refused")
    _tap(near.skip_button)
    _settle(env, kiosk)
    wait(lambda: kiosk.current_screen() is kiosk.ticket, timeout=20_000)  # type: ignore[attr-defined]
    wait(lambda: kiosk.ticket.outcome is not None or kiosk.ticket.failure, timeout=20_000)  # type: ignore[attr-defined]
    _tap(kiosk.ticket.done_button)  # type: ignore[attr-defined]
    update_settings(notify_channel="off", notify_near_ahead="0")
    kiosk.refresh()  # type: ignore[attr-defined]
    wait(lambda: kiosk.near_ahead == 0, timeout=10_000)  # type: ignore[attr-defined]

    _tap(kiosk.home.document_button)  # type: ignore[attr-defined]
    form = kiosk.document  # type: ignore[attr-defined]
    yield visit("document")
    for name, text in (
        ("sender_name", "Sari Wulandari"),
        ("sender_organisation", "Koperasi Maju"),
        ("recipient_unit", "Umum"),
        ("subject", "Izin usaha"),
        ("pages", "12"),
    ):
        _tap(form.fields[name])
        _type(form.keyboard, text)
    yield visit("document_typing")
    _tap(form.submit_button)
    _settle(env, kiosk)
    wait(lambda: kiosk.receipt.outcome is not None or kiosk.receipt.failure, timeout=20_000)  # type: ignore[attr-defined]
    yield visit("receipt")
    number = kiosk.receipt.number.text()  # type: ignore[attr-defined]
    _tap(kiosk.receipt.done_button)  # type: ignore[attr-defined]

    _tap(kiosk.home.check_button)  # type: ignore[attr-defined]
    yield visit("check_receipt")
    _tap(kiosk.check.number_field)  # type: ignore[attr-defined]
    _type(kiosk.check.keyboard, number.lower())  # type: ignore[attr-defined]
    _tap(kiosk.check.check_button)  # type: ignore[attr-defined]
    _settle(env, kiosk)
    yield visit("check_receipt_found")
    _tap(kiosk.check.back_button)  # type: ignore[attr-defined]

    survey = kiosk.survey  # type: ignore[attr-defined]
    _tap(kiosk.home.survey_button)  # type: ignore[attr-defined]
    yield visit("survey_intro")
    _tap(survey.start_button)
    yield visit("survey_question")
    for _ in range(9):
        _tap(survey.answer_buttons[3])
    yield visit("survey_profile")
    _tap(survey.send_button)
    _settle(env, kiosk)
    wait(lambda: survey.thanks.isVisible(), timeout=20_000)
    yield visit("survey_thanks")
    _tap(survey.finish_button)

    complaint = kiosk.complaint  # type: ignore[attr-defined]
    _tap(kiosk.home.complaint_button)  # type: ignore[attr-defined]
    _tap(complaint.text)
    _type(complaint.keyboard, "Antrean lama sekali")
    yield visit("complaint")
    _tap(complaint.send_button)
    _settle(env, kiosk)
    wait(lambda: complaint.outcome is not None or complaint.failure, timeout=20_000)
    yield visit("complaint_filed")
    _tap(complaint.done_button)

    pin = PinDialog("PIN admin untuk keluar dari kiosk", kiosk)
    pin.setModal(False)
    pin.show()
    qtbot.waitExposed(pin)  # type: ignore[attr-defined]
    yield visit("pin_dialog", pin)
    pin.close()

    dialogs = env.scratch["dialogs"]
    assert isinstance(dialogs, ScriptedDialogs)
    dialogs.pins.append(PINS["admin"])
    asked = len(dialogs.shown)
    QTest.mousePress(kiosk.office_name, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    wait(lambda: len(dialogs.shown) > asked, timeout=10_000)
    QTest.mouseRelease(kiosk.office_name, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    _settle(env, kiosk)
    wait(lambda: kiosk.current_screen() is kiosk.admin, timeout=10_000)  # type: ignore[attr-defined]
    yield visit("admin_exit")
    _tap(kiosk.admin.back_button)  # type: ignore[attr-defined]

    waiting = WaitingScreen(ServerName("postgresql", "server-kantor", "5432", "loket"))
    waiting.show_attempt(
        ("Server tidak menjawab (connection refused)", "The server does not answer"),
        False,
        8,
        3,
    )
    waiting.resize(kiosk.size())
    waiting.show()
    qtbot.waitExposed(waiting)  # type: ignore[attr-defined]
    QApplication.processEvents()
    yield Visit("waiting", [waiting], kiosk=True)
    waiting.close()
    waiting.deleteLater()
