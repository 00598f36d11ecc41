"""Taking a ticket by taps: home → priority question → ticket screen while it prints."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from loket.kiosk.shell.theme import MIN_TOUCH_PX, PRIMARY_MM, touch_px


def test_home_shows_a_button_per_service_with_its_queue(make_kiosk, clock):
    from loket.models.queue.tickets import issue_ticket

    issue_ticket("A", clock=clock)
    issue_ticket("A", clock=clock)
    kiosk = make_kiosk()
    assert kiosk.office_name.text() == "Kantor Kelurahan Menteng"
    a = kiosk.home.service_buttons["A"]
    b = kiosk.home.service_buttons["B"]
    assert "Administrasi Kependudukan" in a.text()
    assert "2 orang menunggu" in a.text()
    assert "Tidak ada antrean" in b.text()
    assert a.height() >= touch_px(PRIMARY_MM * 2, kiosk)


def test_take_a_normal_ticket(qtbot, make_kiosk, clock, tap):
    kiosk = make_kiosk()
    tap(kiosk.home.service_buttons["A"])
    assert kiosk.current_screen() is kiosk.priority
    tap(kiosk.priority.normal_button)
    assert kiosk.current_screen() is kiosk.ticket
    assert kiosk.ticket.number.text() == "A-001"
    assert "Tidak ada orang di depan Anda" in kiosk.ticket.ahead.text()
    qtbot.waitUntil(lambda: kiosk.ticket.outcome is not None, timeout=10_000)
    assert kiosk.ticket.outcome.printed
    assert "Silakan ambil tiket" in kiosk.ticket.status.text()
    assert not kiosk.ticket.qr.isVisible()
    tap(kiosk.ticket.done_button)
    assert kiosk.current_screen() is kiosk.home
    assert "1 orang menunggu" in kiosk.home.service_buttons["A"].text()


def test_priority_ticket_and_people_ahead(qtbot, make_kiosk, clock, tap):
    from loket.models.queue.tickets import issue_ticket
    from loket.models.queue.waiting import snapshot

    for _ in range(3):
        issue_ticket("B", clock=clock)
    kiosk = make_kiosk()
    tap(kiosk.home.service_buttons["B"])
    tap(kiosk.priority.category_buttons["lansia"])
    assert kiosk.ticket.number.text() == "B-004"
    assert "Prioritas: Lanjut usia" in kiosk.ticket.priority.text()
    assert "Di depan Anda" in kiosk.ticket.ahead.text()
    assert "Perkiraan menunggu" in kiosk.ticket.wait.text()
    waiting = {s.code: s for s in snapshot(clock).services}["B"]
    assert waiting.priority_waiting == 1
    qtbot.waitUntil(lambda: kiosk.ticket.outcome is not None, timeout=10_000)


def test_back_from_the_priority_question(qtbot, make_kiosk, tap):
    kiosk = make_kiosk()
    tap(kiosk.home.service_buttons["A"])
    tap(kiosk.priority.back_button)
    assert kiosk.current_screen() is kiosk.home


def test_without_the_priority_question(qtbot, make_kiosk, tap):
    kiosk = make_kiosk(ask_priority=False)
    tap(kiosk.home.service_buttons["A"])
    assert kiosk.current_screen() is kiosk.ticket
    qtbot.waitUntil(lambda: kiosk.ticket.outcome is not None, timeout=10_000)


def test_closed_quota_and_hours_are_explained(qtbot, make_kiosk, clock):
    from loket.models.office.catalog import add_service, disable_service
    from loket.models.queue.tickets import issue_ticket

    add_service("C", "Pengaduan", "Complaints desk", hours="13:00-15:00")
    add_service("D", "Legalisir", "Legalisation", daily_quota=1)
    add_service("E", "Pajak", "Tax")
    disable_service("E")
    issue_ticket("D", clock=clock)
    kiosk = make_kiosk()
    buttons = kiosk.home.service_buttons
    assert not buttons["C"].isEnabled()
    assert "13:00" in buttons["C"].text()
    assert not buttons["D"].isEnabled()
    assert "Kuota hari ini sudah habis" in buttons["D"].text()
    assert not buttons["E"].isEnabled()
    assert "ditutup" in buttons["E"].text()
    assert buttons["A"].isEnabled()


def test_a_refused_ticket_is_explained_on_home(qtbot, make_kiosk, clock, tap):
    from loket.models.office.catalog import edit_service

    kiosk = make_kiosk()
    tap(kiosk.home.service_buttons["A"])
    edit_service("A", hours="13:00-15:00")  # closes while the visitor decides
    tap(kiosk.priority.normal_button)
    assert kiosk.current_screen() is kiosk.home
    assert kiosk.notice.isVisible()
    assert "13:00" in kiosk.notice.text()


def test_every_button_is_touch_sized(qtbot, make_kiosk):
    kiosk = make_kiosk()
    for screen in (kiosk.home, kiosk.priority):
        kiosk.show_screen(screen)
        for button in screen.findChildren(QPushButton):
            if button.isVisible():
                assert button.height() >= MIN_TOUCH_PX, button.objectName()
                assert button.width() >= MIN_TOUCH_PX, button.objectName()
    primary = touch_px(PRIMARY_MM, kiosk)
    kiosk.show_screen(kiosk.home)
    assert kiosk.home.document_button.height() >= primary
    assert kiosk.priority.normal_button.minimumHeight() >= primary


def test_the_feed_refreshes_home_when_another_kiosk_issues(qtbot, make_kiosk, office, clock):
    from loket.models.queue.tickets import issue_ticket

    kiosk = make_kiosk(use_feed=True, feed_url=office)
    issue_ticket("B", clock=clock)
    qtbot.waitUntil(
        lambda: "1 orang menunggu" in kiosk.home.service_buttons["B"].text(), timeout=10_000
    )
