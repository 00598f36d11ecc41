"""The report kinds (tickets, staffing, survey) and :func:`build_report`, which makes the
report of a kind for a period. Every report turns into titled tables (``sections()``)
for the exports in :mod:`export`.
"""

from __future__ import annotations

import datetime as dt

from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.errors import InvalidInput
from loket.models.reports.abk_report import AbkReport, abk_report
from loket.models.reports.staffing_report import StaffingReport, staffing_report
from loket.models.reports.survey_report import SurveyReport, survey_report
from loket.models.reports.ticket_report import TicketReport, ticket_report
from loket.models.reports.workload_report import WorkloadReport, workload_report

KINDS = ("tickets", "staffing", "survey", "workload", "abk")


def build_report(
    kind: str,
    date_from: dt.date,
    date_to: dt.date,
    service_code: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> TicketReport | StaffingReport | SurveyReport | WorkloadReport | AbkReport:
    if kind == "tickets":
        return ticket_report(date_from, date_to, service_code, clock)
    if kind == "staffing":
        if service_code:
            raise InvalidInput(
                "Laporan penjagaan tidak per layanan", "The staffing report is not per service"
            )
        return staffing_report(date_from, date_to, clock)
    if kind == "survey":
        return survey_report(date_from, date_to, service_code)
    if kind == "workload":
        if service_code:
            raise InvalidInput(
                "Laporan beban kerja tidak per layanan", "The workload report is not per service"
            )
        return workload_report(date_from, date_to, clock)
    if kind == "abk":  # a calendar year: the year of date_from
        if service_code:
            raise InvalidInput(
                "Ringkasan ABK sudah per layanan; pilih semua layanan",
                "The ABK summary is already per service; choose all services",
            )
        return abk_report(date_from.year, clock)
    raise InvalidInput(
        f"Laporan tidak dikenal: {kind} (pilihan: {', '.join(KINDS)})",
        f"Unknown report: {kind} (choices: {', '.join(KINDS)})",
    )
