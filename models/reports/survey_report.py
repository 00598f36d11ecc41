"""The survey report (:func:`survey_report`): the public satisfaction index (IKM) of a
period, overall, per service and per calendar month, from the survey service.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from loket.models.reports.sections import Section, check_period


@dataclass(frozen=True)
class SurveyReport:
    date_from: dt.date
    date_to: dt.date
    service: str | None
    overall: Any  # surveys.IkmReport
    per_service: tuple[Any, ...]
    per_month: tuple[Any, ...]

    kind = "survey"

    def as_json(self) -> dict[str, Any]:
        return {
            "report": "survey",
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "service": self.service,
            "overall": self.overall.as_json(),
            "per_service": [r.as_json() for r in self.per_service],
            "per_month": [r.as_json() for r in self.per_month],
        }

    @staticmethod
    def _row(label: str, r: Any) -> tuple[Any, ...]:
        res = r.result
        weakest = res.weakest
        return (
            label,
            float(res.ikm) if res.ikm is not None else None,
            res.category.mutu if res.category else "",
            r.respondents,
            r.required_sample,
            "ya/yes" if r.sample_reached else "belum/no",
            weakest.key if weakest else "",
        )

    def sections(self) -> list[Section]:
        headers = (
            "periode/layanan",
            "IKM",
            "mutu",
            "responden/respondents",
            "sampel minimal/required",
            "sampel cukup/sample reached",
            "unsur terendah/weakest",
        )
        o = self.overall
        nrr = tuple(
            (s.key, s.element.name_id, s.answers, float(s.nrr_rounded(4))) for s in o.result.scores
        )
        return [
            Section(
                "summary",
                "Indeks Kepuasan Masyarakat",
                "Public satisfaction index",
                headers,
                (self._row(f"{self.date_from} – {self.date_to}", o),),
            ),
            Section(
                "elements",
                "NRR per unsur",
                "NRR per element",
                ("unsur/element", "nama/name", "jawaban/answers", "NRR"),
                nrr,
            ),
            Section(
                "per_service",
                "Per layanan",
                "Per service",
                headers,
                tuple(self._row(f"{r.service} {r.service_name_id}", r) for r in self.per_service),
            ),
            Section(
                "per_month",
                "Per bulan",
                "Per month",
                headers,
                tuple(self._row(r.date_from.strftime("%Y-%m"), r) for r in self.per_month),
            ),
        ]


def _months(date_from: dt.date, date_to: dt.date) -> list[tuple[dt.date, dt.date]]:
    result = []
    start = date_from
    while start <= date_to:
        following = (start.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        result.append((start, min(date_to, following - dt.timedelta(days=1))))
        start = following
    return result


def survey_report(
    date_from: dt.date,
    date_to: dt.date,
    service_code: str | None = None,
    weights: str = "exact",
) -> SurveyReport:
    """IKM for the period, per service and per calendar month (PermenPANRB 14/2017)."""
    from loket.models.feedback.surveys import ikm_by_service, ikm_report

    check_period(date_from, date_to)
    overall = ikm_report(date_from, date_to, service_code, weights)
    per_service = (
        tuple(ikm_by_service(date_from, date_to, weights)) if not service_code else (overall,)
    )
    per_month = tuple(
        ikm_report(a, b, service_code, weights) for a, b in _months(date_from, date_to)
    )
    return SurveyReport(date_from, date_to, overall.service, overall, per_service, per_month)
