"""Every page of the admin window after the live board, in navigation order."""

from __future__ import annotations

from loket.admin.console.counters_page import CountersPage
from loket.admin.console.hours_page import HoursPage
from loket.admin.console.keys_page import KeysPage
from loket.admin.console.office_page import OfficePage
from loket.admin.console.parts import Page
from loket.admin.console.printers_page import PrintersPage
from loket.admin.console.services_page import ServicesPage
from loket.admin.console.staff_page import StaffPage
from loket.admin.console.voice_page import VoicePage

PAGE_TYPES: list[type[Page]] = [
    OfficePage,
    ServicesPage,
    CountersPage,
    StaffPage,
    HoursPage,
    PrintersPage,
    KeysPage,
    VoicePage,
]
