"""Every page of the admin window after the live board, in navigation order."""

from __future__ import annotations

# The set-up pages register themselves when imported.
from loket.admin.console import counters_page, services_page, staff_page  # noqa: F401
from loket.admin.console.audit_page import AuditPage
from loket.admin.console.complaints_page import ComplaintsPage
from loket.admin.console.documents_page import DocumentsPage
from loket.admin.console.hours_page import HoursPage
from loket.admin.console.keys_page import KeysPage
from loket.admin.console.notify_page import NotifyPage
from loket.admin.console.office_page import OfficePage
from loket.admin.console.parts import Page
from loket.admin.console.printers_page import PrintersPage
from loket.admin.console.reports_page import ReportsPage
from loket.admin.console.setup_page import SETUP_PAGES
from loket.admin.console.staffing_log_page import StaffingLogPage
from loket.admin.console.survey_page import SurveyPage
from loket.admin.console.voice_page import VoicePage
from loket.admin.console.workload_page import WorkloadPage

PAGE_TYPES: list[type[Page]] = [
    StaffingLogPage,
    AuditPage,
    DocumentsPage,
    ComplaintsPage,
    NotifyPage,
    SurveyPage,
    ReportsPage,
    WorkloadPage,
    OfficePage,
    *SETUP_PAGES,
    HoursPage,
    PrintersPage,
    KeysPage,
    VoicePage,
]
