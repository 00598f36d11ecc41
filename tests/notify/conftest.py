"""An office with notifications switched on: a service, a counter and an officer."""

from __future__ import annotations

import pytest

from loket.models.office import catalog
from loket.models.office.staff import add_staff
from loket.models.settings import update_settings


@pytest.fixture
def office(db, clock):
    catalog.add_service(
        "A", "Administrasi Kependudukan", "Civil registry", hours="00:00-24:00", days="1234567"
    )
    catalog.add_counter(1, "A", front_desk=True)
    add_staff("budi", "Budi Santoso", "staff", "1234", nip="198001012005011001")
    update_settings(office_name="Kecamatan Bogor Tengah", notify_channel="sms")
    return clock
