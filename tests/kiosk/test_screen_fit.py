"""The kiosk on the screens offices buy: everything inside the window, readable, and still.

A visitor on a 1366×768 touch panel or a portrait kiosk sees all four actions and whole
service names; nothing moves under a finger when the front-desk banner comes or goes or a
survey question takes two lines; fields show their limit as they fill and refuse what the
printer cannot print.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers.escpos_decode import decode
from helpers.layout_check import layout_problems
from helpers.sim_printer import SimPrinter
from helpers.stubs import FakeClock, ScriptedDialogs
from helpers.windows import show_at_size
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

SIZES = [(1366, 768), (768, 1366), (1024, 768)]
WRAP = int(Qt.TextFlag.TextWordWrap)


@pytest.fixture
def kiosk_at(
    qtbot, office: str, clock: FakeClock, tmp_path: Path
) -> Iterator[Callable[..., object]]:
    from loket.kiosk.ticketing.window import KioskWindow

    windows: list[KioskWindow] = []

    def make(width: int, height: int, **options: object) -> KioskWindow:
        options.setdefault("printer", f"pdf://{tmp_path / 'pdf'}")
        window = KioskWindow(clock=clock, dialogs=ScriptedDialogs(), use_feed=False, **options)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        show_at_size(qtbot, window, width, height)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.leave()


def _in_window(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_home_shows_every_action_and_whole_service_names(qtbot, kiosk_at, tap, width, height):
    kiosk = kiosk_at(width, height)
    for large in (False, True):
        if kiosk.large_text_button.isChecked() != large:
            tap(kiosk.large_text_button)
            qtbot.wait(20)  # the restyled window lays itself out again
        window = kiosk.rect()
        for button in kiosk.home.action_buttons:
            assert button.isVisible()
            assert window.contains(_in_window(kiosk, button)), button.objectName()
        for code, button in kiosk.home.service_buttons.items():
            assert window.contains(_in_window(kiosk, button)), code
            shown = " ".join(button.text().split())  # wrapped onto lines, never cut
            assert shown == " ".join(button.label_text().split())
        assert layout_problems([kiosk], kiosk=True, display=(width, height)) == []


def test_visitor_text_is_scaled_to_the_screen(kiosk_at, tap):
    kiosk = kiosk_at(1366, 768)
    assert kiosk.home.hint.fontInfo().pixelSize() >= 24
    tap(kiosk.home.service_buttons["A"])
    answers = [kiosk.priority.normal_button, *kiosk.priority.category_buttons.values()]
    assert all(b.fontInfo().pixelSize() >= 30 for b in answers)
    # The answers share the screen instead of leaving it empty.
    area = QRect()
    for button in answers:
        area = area.united(_in_window(kiosk, button))
    assert area.height() > kiosk.height() / 2


def test_age_keypad_keys_are_equal(kiosk_at, tap):
    kiosk = kiosk_at(1366, 768)
    tap(kiosk.home.survey_button)
    tap(kiosk.survey.start_button)
    for _ in range(9):
        tap(kiosk.survey.answer_buttons[2])
    keys = kiosk.survey.age_keypad.keys
    sizes = [(keys[name].width(), keys[name].height()) for name in ("0", "1", "backspace")]
    widths, heights = zip(*sizes, strict=True)
    assert max(widths) - min(widths) <= 2 and len(set(heights)) == 1, sizes  # rounding only


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_front_desk_banner_never_moves_the_form(kiosk_at, tap, type_in, width, height):
    kiosk = kiosk_at(width, height)
    tap(kiosk.home.document_button)
    form = kiosk.document
    tap(form.fields["sender_name"])
    type_in(form.keyboard, "Budi")
    targets = [*form.fields.values(), *form.keyboard.keys.values(), form.submit_button]

    def where() -> list[QRect]:
        return [_in_window(kiosk, t) for t in targets]

    before = where()
    kiosk.messages.set_unstaffed(True)  # what a refresh does when the desk empties
    assert kiosk.banner.isVisible()
    assert where() == before
    banner = _in_window(kiosk, kiosk.banner)
    for target in kiosk.findChildren(QAbstractButton) + kiosk.findChildren(QLineEdit):
        if target.isVisible():
            assert not banner.intersects(_in_window(kiosk, target)), target.objectName()
    kiosk.messages.set_unstaffed(False)
    assert not kiosk.banner.isVisible()
    assert where() == before


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_a_long_survey_question_does_not_move_the_answers(kiosk_at, tap, width, height):
    from loket.models.feedback.survey_elements import ELEMENTS

    kiosk = kiosk_at(width, height)
    tap(kiosk.home.survey_button)
    tap(kiosk.survey.start_button)
    survey = kiosk.survey
    places = set()
    lines = set()
    for _ in ELEMENTS:
        question = survey.question
        lines.add(
            question.fontMetrics()
            .boundingRect(QRect(0, 0, question.width(), 10_000), WRAP, question.text())
            .height()
        )
        places.add(tuple(_in_window(kiosk, b).getRect() for b in survey.answer_buttons))
        tap(survey.answer_buttons[0])
    assert len(lines) > 1  # some questions do take more lines than others…
    assert len(places) == 1  # …and the answers stay where they were


def test_name_field_counts_and_stops_at_its_limit(kiosk_at, tap, type_in):
    from loket.kiosk.ticketing.document_screen import LIMITS

    kiosk = kiosk_at(1366, 768)
    tap(kiosk.home.document_button)
    form = kiosk.document
    name = form.fields["sender_name"]
    tap(name)
    type_in(form.keyboard, "Budi")
    assert "4/60" in form.error.text()
    type_in(form.keyboard, "x" * (LIMITS["sender_name"] + 5))
    assert len(name.text()) == LIMITS["sender_name"]
    assert "60/60" in form.error.text()


def test_unprintable_characters_are_refused_as_typed_or_pasted(kiosk_at, tap, type_in):
    kiosk = kiosk_at(1366, 768)
    tap(kiosk.home.document_button)
    form = kiosk.document
    name = form.fields["sender_name"]
    tap(name)
    type_in(form.keyboard, "Siti")
    QGuiApplication.clipboard().setText(" 😀 Łucja “Ani”")
    name.paste()
    assert name.text() == 'Siti  Lucja "Ani"'
    assert "tidak dapat dicetak" in form.error.text()
    type_in(form.keyboard, "b")  # the next key press: back to the count
    assert "/60" in form.error.text()
    complaint_text = kiosk.complaint.text
    tap(form.back_button)
    tap(kiosk.home.complaint_button)
    complaint_text.insertPlainText("AC mati 🥵🔥 di ruang tunggu")
    assert complaint_text.toPlainText() == "AC mati  di ruang tunggu"
    assert "tidak dapat dicetak" in kiosk.complaint.error.text()


def test_a_receipt_with_accents_prints_without_question_marks(qtbot, kiosk_at, tap, type_in):
    with SimPrinter() as sim:
        kiosk = kiosk_at(1366, 768, printer=sim.uri)
        tap(kiosk.home.document_button)
        form = kiosk.document
        for field, text in (
            ("sender_name", "José Łukasz 😀"),
            ("recipient_unit", "Umum – Bidang €"),
            ("subject", "Surat “izin” 中文"),
            ("pages", "2"),
        ):
            tap(form.fields[field])
            QGuiApplication.clipboard().setText(text)
            form.fields[field].paste()
        tap(form.submit_button)
        qtbot.waitUntil(lambda: kiosk.receipt.outcome is not None, timeout=10_000)
        printed = decode(sim.received).text
    assert "José Lukasz" in printed
    assert "?" not in printed
