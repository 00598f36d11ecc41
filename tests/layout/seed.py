"""One office for the layout check: the longest real names, and a morning's worth of work."""

from __future__ import annotations

PINS = {"budi": "1234", "sari": "5678", "kepala": "9999", "admin": "4321"}
PASSWORDS = {"kepala": "kepala-rahasia", "admin": "admin-rahasia", "budi": "budi-rahasia"}

# Names as long as real offices use: what gets cut first on a narrow screen.
SERVICES = (
    ("A", "Administrasi Kependudukan", "Civil registration"),
    ("B", "Perizinan dan Surat Keterangan", "Permits and certificates"),
    ("C", "Pengaduan dan Informasi Publik", "Complaints and public information"),
    ("D", "Pelayanan Kesejahteraan Sosial", "Social welfare services"),
)


def seed_office(clock: object) -> None:
    """Fill the open database: services, counters, staff, and some tickets called and served."""
    from helpers.pins import allow_four_digit_pins

    from loket.models.office.catalog import add_counter, add_service
    from loket.models.office.staff import add_staff
    from loket.models.queue.calling import call_next, finish
    from loket.models.queue.tickets import issue_ticket
    from loket.models.settings import update_settings
    from loket.models.staffing.counter_actions import sign_in

    update_settings(office_name="Kantor Kelurahan Menteng Atas, Kecamatan Setiabudi")
    allow_four_digit_pins()  # PINS are 4 digits (helpers/pins.py)
    for code, name_id, name_en in SERVICES:
        add_service(code, name_id, name_en, hours="07:30-16:00")
    add_counter(1, "A,B,C,D", "Loket 1", front_desk=True)
    add_counter(2, "A,B", "Loket 2", front_desk=True)
    add_counter(3, "B,C", "Loket 3")
    add_staff("budi", "Budi Santoso", "staff", PINS["budi"], password=PASSWORDS["budi"])
    add_staff("sari", "Sari Wulandari Kusumaningrum", "staff", PINS["sari"])
    add_staff("kepala", "Ibu Kepala", "head", PINS["kepala"], password=PASSWORDS["kepala"])
    add_staff("admin", "Pak Admin", "admin", PINS["admin"], password=PASSWORDS["admin"])
    for code in "AABBBCDAB":
        issue_ticket(code, clock=clock)  # type: ignore[arg-type]
    sign_in(2, "sari", PINS["sari"], clock=clock)  # type: ignore[arg-type]
    call_next(2, clock=clock)  # type: ignore[arg-type]
    finish(2, clock=clock)  # type: ignore[arg-type]
    call_next(2, clock=clock)  # type: ignore[arg-type]
