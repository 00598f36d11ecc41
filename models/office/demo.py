"""An idempotent demo office a newcomer can try at any hour."""

from __future__ import annotations

from loket.models.db import write_transaction
from loket.models.office import catalog, pin_policy, staff
from loket.models.settings import update_settings
from loket.models.tables import Counter, Service, Setting, Staff

DEMO_SERVICES = (
    ("A", "Administrasi Kependudukan", "Civil registration", 5),
    ("B", "Perizinan dan Surat Keterangan", "Permits and certificates", 8),
    ("C", "Pengaduan dan Informasi", "Complaints and information", 4),
)
DEMO_COUNTERS = ((1, "A,B,C", True), (2, "A,B", False), (3, "B:2,C", False))
DEMO_STAFF = (
    ("siti", "Siti Rahmawati", "staff", "1234", None),
    ("budi", "Budi Santoso", "staff", "2345", None),
    ("admin", "Admin Loket", "admin", "9999", "admin-loket"),
    ("kepala", "Dra. Kartini Wulandari", "head", "8888", "kepala-loket"),
)


def install_demo() -> dict[str, list[str]]:
    """Create what is missing of the demo office; touch nothing that exists."""
    created: dict[str, list[str]] = {"services": [], "counters": [], "staff": []}
    with write_transaction():
        if not Setting.select().where(Setting.key == "office_name").exists():
            update_settings(
                office_name="Kelurahan Sukamaju (demo)",
                office_address="Jl. Merdeka No. 1, Bandung",
                office_id="DEMO",
            )
        for code, name, name_en, minutes in DEMO_SERVICES:
            if not Service.select().where(Service.code == code).exists():
                catalog.add_service(
                    code,
                    name,
                    name_en,
                    hours="00:00-24:00",
                    days="1234567",
                    default_service_minutes=minutes,
                )
                created["services"].append(code)
        for number, services, front_desk in DEMO_COUNTERS:
            if not Counter.select().where(Counter.number == number).exists():
                catalog.add_counter(number, services, front_desk=front_desk)
                created["counters"].append(str(number))
    for username, name, role, pin, password in DEMO_STAFF:
        if not Staff.select().where(Staff.username == username).exists():
            _allow_demo_pins()
            staff.add_staff(username, name, role, pin, password)
            created["staff"].append(username)
    return created


def _allow_demo_pins() -> None:
    """The demo's accounts keep the 4-digit PINs newcomers are told to type; an office
    that chose its own minimum keeps it (and then refuses these PINs)."""
    key = pin_policy.SETTING_KEY
    if not Setting.select().where(Setting.key == key).exists():
        Setting.insert(key=key, value=str(pin_policy.LOWEST_MIN_DIGITS)).execute()
