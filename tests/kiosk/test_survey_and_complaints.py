"""The SKM survey and complaints, by taps."""

from __future__ import annotations

from helpers.escpos_decode import decode

from loket.kiosk.shell.theme import PRIMARY_MM, touch_px
from loket.models.feedback.survey_elements import ELEMENTS


def _survey_rows(clock):
    from loket.models.feedback.surveys import ikm_report

    day = clock.now().date()
    return ikm_report(day, day)


def test_survey_nine_elements_profile_and_ticket_link(qtbot, make_kiosk, clock, tap, type_in):
    from loket.models.queue.tickets import issue_ticket

    issue_ticket("A", clock=clock)
    kiosk = make_kiosk()
    tap(kiosk.home.survey_button)
    survey = kiosk.survey
    assert kiosk.current_screen() is survey
    tap(survey.ticket_field)
    type_in(survey.keyboard, "a-001")
    tap(survey.start_button)
    chosen = [4, 3, 4, 4, 3, 2, 4, 3, 1]
    for number, (element, value) in enumerate(zip(ELEMENTS, chosen, strict=True), start=1):
        assert survey.question.text() == element.question_id
        assert f"Pertanyaan {number} dari 9" in survey.progress.text()
        answers = [b.label_text() for b in survey.answer_buttons]
        assert [a.split("   ", 1)[1] for a in answers] == list(element.answers_id)
        assert all(b.height() >= touch_px(PRIMARY_MM, kiosk) for b in survey.answer_buttons)
        tap(survey.answer_buttons[value - 1])
    tap(survey.sex_buttons["P"])
    tap(survey.age_field)
    for digit in "34":
        tap(survey.age_keypad.keys[digit])
    tap(survey.education_buttons["S1"])
    tap(survey.occupation_buttons["Wirausaha"])
    tap(survey.occupation_buttons["Swasta"])  # a change of mind: only one stays chosen
    tap(survey.send_button)
    assert survey.thanks.isVisible()
    report = _survey_rows(clock)
    assert report.respondents == 1
    assert report.profile["sex"] == {"P": 1}
    assert report.profile["age"] == {"30-39": 1}
    assert report.profile["education"] == {"S1": 1}
    assert report.profile["occupation"] == {"Swasta": 1}
    from loket.models.feedback.surveys import ikm_by_service

    day = clock.now().date()
    by_service = {r.service: r.respondents for r in ikm_by_service(day, day)}
    assert by_service.get("A") == 1  # linked through ticket A-001


def test_survey_back_keeps_answers_and_a_rated_ticket_is_refused(
    qtbot, make_kiosk, clock, tap, type_in
):
    from loket.models.feedback.surveys import record_response
    from loket.models.queue.tickets import issue_ticket

    issue_ticket("B", clock=clock)
    record_response([3] * 9, ticket_number="B-001", clock=clock)
    kiosk = make_kiosk()
    tap(kiosk.home.survey_button)
    survey = kiosk.survey
    tap(survey.ticket_field)
    type_in(survey.keyboard, "b-001")
    tap(survey.start_button)
    tap(survey.answer_buttons[1])
    tap(survey.back_button)
    assert survey.answer_buttons[1].isChecked()  # the earlier answer is shown
    for _ in ELEMENTS:
        tap(survey.answer_buttons[2])
    tap(survey.send_button)
    assert survey.error.isVisible()
    assert "sudah memberi penilaian" in survey.error.text()


def test_survey_without_ticket_or_profile(qtbot, make_kiosk, clock, tap):
    kiosk = make_kiosk()
    tap(kiosk.home.survey_button)
    tap(kiosk.survey.start_button)
    for _ in ELEMENTS:
        tap(kiosk.survey.answer_buttons[3])
    tap(kiosk.survey.send_button)
    assert kiosk.survey.thanks.isVisible()
    tap(kiosk.survey.finish_button)
    assert kiosk.current_screen() is kiosk.home
    assert _survey_rows(clock).respondents == 1


def test_complaint_with_contact_prints_a_tracking_number(qtbot, make_kiosk, sim, tap, type_in):
    from loket.models.feedback.complaint_lookup import show_complaint

    kiosk = make_kiosk(printer=sim.uri)
    tap(kiosk.home.complaint_button)
    screen = kiosk.complaint
    assert kiosk.current_screen() is screen
    tap(screen.text)
    type_in(screen.keyboard, "Antrean lama, AC mati")
    tap(screen.name)
    type_in(screen.keyboard, "Budi")
    tap(screen.phone)
    type_in(screen.keyboard, "081234567890")
    tap(screen.send_button)
    number = screen.tracking.text()
    assert number.startswith("ADU")
    stored = show_complaint(number)
    assert stored.text == "Antrean lama, AC mati"
    assert stored.contact_name == "Budi"
    assert stored.channel == "kiosk"
    assert stored.category == "complaint"
    qtbot.waitUntil(lambda: screen.outcome is not None, timeout=10_000)
    assert "Silakan ambil bukti" in screen.status.text()
    assert number in decode(sim.received).text
    tap(screen.done_button)
    assert kiosk.current_screen() is kiosk.home


def test_suggestion_without_contact_and_empty_text_refused(qtbot, make_kiosk, tap, type_in):
    kiosk = make_kiosk()
    tap(kiosk.home.complaint_button)
    screen = kiosk.complaint
    tap(screen.send_button)
    assert screen.error.isVisible()
    tap(screen.category_buttons["suggestion"])
    assert "saran" in screen.text_label.text().lower()
    tap(screen.text)
    type_in(screen.keyboard, "Tambah kursi")
    tap(screen.send_button)
    assert screen.complaint is not None
    assert screen.complaint.category == "suggestion"
    assert screen.complaint.contact_name is None
    qtbot.waitUntil(lambda: screen.outcome is not None, timeout=10_000)


def test_complaint_printer_fault_keeps_the_number(qtbot, make_kiosk, sim, tap, type_in):
    sim.cover_open = True
    kiosk = make_kiosk(printer=sim.uri)
    tap(kiosk.home.complaint_button)
    tap(kiosk.complaint.text)
    type_in(kiosk.complaint.keyboard, "Toilet rusak")
    tap(kiosk.complaint.send_button)
    qtbot.waitUntil(lambda: kiosk.complaint.outcome is not None, timeout=10_000)
    assert kiosk.complaint.tracking.text().startswith("ADU")
    assert "Catat nomor pelacakan" in kiosk.complaint.status.text()
