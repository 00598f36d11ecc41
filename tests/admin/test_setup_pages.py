"""Set-up pages driven by clicks: every change goes through the role-checked, audited
admin actions, and a refusal reaches the page as a readable message."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.sim_printer import SimPrinter
from PySide6.QtWidgets import QApplication

from loket.admin.console import printer_check
from loket.kiosk.shell import i18n
from loket.models import settings as office
from loket.models.integrity import signing
from loket.models.office import admin_actions, audit, auth, catalog, staff
from loket.models.staffing.escalation import escalation_delay
from loket.models.staffing.hours import list_holidays, list_ramadan, week


def _type(qtbot, field, text: str) -> None:
    field.clear()
    qtbot.keyClicks(field, text)


def _actions() -> list[str]:
    return [entry.action for entry in audit.list_audit()]


def test_office_identity_is_saved_and_audited(log_in, open_page, qtbot, tap):
    window = log_in("admin")
    page = open_page(window, "office")
    assert page.name.text() == "Kantor Kelurahan Menteng"
    _type(qtbot, page.name, "Kecamatan Menteng")
    _type(qtbot, page.address, "Jl. HOS Cokroaminoto 1")
    qtbot.keyClicks(page.maklumat_id, "Kami siap melayani dengan sepenuh hati")
    tap(page.save_button)
    assert page.notice.text() == "Identitas kantor disimpan"
    settings = office.load_settings()
    assert settings.office_name == "Kecamatan Menteng"
    assert settings.board_running_text == "Kami siap melayani dengan sepenuh hati"
    assert "office_identity" in _actions()


def test_a_missing_logo_file_is_refused_on_the_page(log_in, open_page, qtbot, tap):
    window = log_in("admin")
    page = open_page(window, "office")
    _type(qtbot, page.logo, "/tidak/ada/logo.png")
    tap(page.save_button)
    assert "Logo: Berkas tidak ada" in page.notice.text()
    assert office.load_settings().office_logo == ""


def test_services_are_added_edited_and_disabled(log_in, open_page, qtbot, tap, dialogs):
    window = log_in("admin")
    page = open_page(window, "services")
    assert page.list.rowCount() == 2
    _type(qtbot, page.code, "C")
    _type(qtbot, page.name, "Pengaduan")
    _type(qtbot, page.name_en, "Complaints desk")
    tap(page.add_button)
    assert page.notice.text() == "Layanan ditambahkan"
    assert page.list.rowCount() == 3
    _type(qtbot, page.name, "Pengaduan Masyarakat")
    page.quota.setValue(40)
    tap(page.save_button)
    info = catalog.get_service("C")
    assert (info.name_id, info.daily_quota) == ("Pengaduan Masyarakat", 40)
    dialogs.confirms = [True]
    tap(page.disable_button)
    assert catalog.get_service("C").active is False
    assert {"service_add", "service_edit", "service_disable"} <= set(_actions())


def test_counters_with_weights_front_desk_and_the_minimum(log_in, open_page, qtbot, tap):
    window = log_in("admin")
    page = open_page(window, "counters")
    assert page.list.rowCount() == 3
    page.number.setValue(4)
    _type(qtbot, page.name, "Loket 4")
    _type(qtbot, page.services, "A,B:2")
    page.front_desk.setChecked(True)
    tap(page.add_button)
    assert page.notice.text() == "Loket ditambahkan"
    counter = catalog.get_counter(4)
    assert counter.front_desk and counter.services == (("A", 1), ("B", 2))
    page.minimum.setValue(2)
    tap(page.minimum_button)
    assert office.load_settings().front_desk_minimum == 2
    _type(qtbot, page.services, "Z")
    tap(page.save_button)
    assert page.notice.property("role") == "error"
    assert catalog.get_counter(4).services == (("A", 1), ("B", 2))


def test_staff_accounts_and_the_head_only_rule(log_in, open_page, qtbot, tap):
    window = log_in("admin")
    page = open_page(window, "staff")
    _type(qtbot, page.username, "dewi")
    _type(qtbot, page.full_name, "Dewi Lestari")
    page.role.setCurrentIndex(page.role.findData("staff"))
    _type(qtbot, page.pin, "2468")
    tap(page.add_button)
    assert page.notice.text() == "Petugas ditambahkan"
    assert staff.authenticate_pin("dewi", "2468").full_name == "Dewi Lestari"
    # An admin may not make someone head: the service refuses, the page says so.
    page.role.setCurrentIndex(page.role.findData("head"))
    tap(page.save_button)
    assert "Hanya head" in page.notice.text()
    assert staff.find_staff("dewi").role == "staff"
    assert "denied" in _actions()


def test_a_demoted_account_is_refused_by_the_service(log_in, open_page, qtbot, tap, clock):
    window = log_in("admin")
    head = auth.login("kepala", "kepala-rahasia", clock)
    admin_actions.edit_staff(head, "admin", role="staff", clock=clock)
    page = open_page(window, "services")
    _type(qtbot, page.code, "D")
    _type(qtbot, page.name, "Legalisir")
    tap(page.add_button)
    assert page.notice.property("role") == "error"
    assert "admin berperan staff" in page.notice.text()
    assert "D" not in {s.code for s in catalog.list_services()}


def test_locked_account_is_unlocked_by_the_admin(log_in, open_page, qtbot, tap, clock):
    for attempt in range(5):
        with pytest.raises(auth.PermissionDenied):
            auth.login("budi", f"salah-{attempt}", clock)
    assert auth.lock_state("budi", clock) is not None
    window = log_in("admin")
    page = open_page(window, "staff")
    _type(qtbot, page.username, "budi")
    tap(page.unlock_button)
    assert page.notice.text() == "Kunci akun budi dibuka"
    assert auth.lock_state("budi", clock) is None


def test_hours_holidays_ramadan_and_escalation(log_in, open_page, qtbot, tap):
    window = log_in("kepala")
    page = open_page(window, "hours")
    assert page.week.item(4, 1).text() == "07:30–16:30"  # Friday
    _type(qtbot, page.days, "6")
    _type(qtbot, page.hours, "08:00-12:00")
    _type(qtbot, page.break_window, "")
    tap(page.set_button)
    assert page.notice.text() == "Jam layanan disimpan"
    assert page.week.item(5, 1).text() == "08:00–12:00"
    saturday = week("front_desk")[5]
    assert (saturday.open_minute, saturday.close_minute) == (8 * 60, 12 * 60)

    _type(qtbot, page.holiday_name, "Hari Pahlawan")
    tap(page.holiday_add)
    assert [h.name for h in list_holidays()] == ["Hari Pahlawan"]
    page.holidays.setCurrentCell(0, 0)
    tap(page.holiday_remove)
    assert list_holidays() == []

    tap(page.ramadan_set)
    assert len(list_ramadan()) == 1
    page.escalation.setValue(5)
    tap(page.escalation_save)
    assert escalation_delay().total_seconds() == 300


def test_printers_list_status_and_test_print(log_in, open_page, qtbot, tap, tmp_path: Path):
    window = log_in("admin")
    page = open_page(window, "printers")
    with SimPrinter() as sim:
        _type(qtbot, page.uri, sim.uri)
        tap(page.add_button)
        assert sim.uri in printer_check.load_printers()
        row = next(r for r in range(page.list.rowCount()) if page.list.item(r, 0).text() == sim.uri)
        # Printers are asked on a worker thread; the row fills in when this one answers.
        qtbot.waitUntil(lambda: page.list.item(row, 2).text() == "–", timeout=10_000)
        sim.paper_out = True
        tap(page.status_button)
        qtbot.waitUntil(lambda: "paper_out" in page.list.item(row, 2).text(), timeout=10_000)
        assert "habis" in page.list.item(row, 1).text()
        sim.paper_out = False
        page.list.setCurrentCell(row, 0)
        tap(page.test_button)
        assert page.notice.property("role") == "muted", page.notice.text()
        assert sim.wait_for(lambda data: b"A-000" in data)
    _type(qtbot, page.uri, "nonsense://x")
    page.list.clearSelection()
    page.list.setCurrentCell(-1, -1)
    tap(page.add_button)
    assert page.notice.property("role") == "error"


def test_keys_rotate_and_export(log_in, open_page, tap, dialogs, tmp_path: Path):
    signing.ensure_key()
    window = log_in("admin")
    page = open_page(window, "keys")
    first = page.list.item(0, 0).text()
    dialogs.confirms = [True]
    tap(page.rotate_button)
    assert page.list.rowCount() == 2
    current = [k for k in signing.list_keys() if k.retired_at is None]
    assert len(current) == 1 and current[0].kid != first
    tap(page.export_button)
    pem = (tmp_path / "exports" / "kunci-publik-kantor.pem").read_text()
    assert pem.count("BEGIN PUBLIC KEY") == 2
    assert "key_rotate" in _actions() and "key_export" in _actions()


def test_language_switch_from_the_voice_page(log_in, open_page, qapp: QApplication):
    window = log_in("admin")
    page = open_page(window, "voice")
    assert "Nomor antrian" in page.sample.text()
    page.language.setCurrentIndex(page.language.findData("en"))
    try:
        page.language.activated.emit(page.language.currentIndex())
        assert i18n.current_language() == "en"
        assert window.nav.item(0).text() == "Live coverage board"
        assert window.logout_button.text() == "Sign out"
        assert page.heading.text() == "Voice and language"
    finally:
        i18n.set_language(qapp, "id", remember=True)  # the choice is remembered on this PC
