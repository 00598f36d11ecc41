"""Survei Kepuasan Masyarakat: recording responses and the IKM report per service and period.

A response is the nine answers (1–4, see :data:`ELEMENTS`) and an optional
respondent profile. It may name the service received and the visitor's ticket of
that day; a ticket can be rated once. The index itself is computed in
:mod:`loket.models.feedback.ikm` from answer sums taken in SQL.

Profile values (stored as given here, shown in reports):

- sex: ``L`` (laki-laki / male) or ``P`` (perempuan / female);
- age: whole years, 15–100 (the survey asks adults and older teenagers);
- education: SD, SMP, SMA, D1, D2, D3, S1, S2, S3 — PermenPANRB's SD/SMP/SMA/S1/S2/S3
  plus the diploma levels D1–D3 that many printed forms add (D4 counts as S1);
- occupation: PNS, TNI, POLRI, Swasta, Wirausaha, Lainnya;
- session: derived from the office-local time of answering: before 12:00 is the
  morning session ``08-12``, from 12:00 the afternoon session ``13-17``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from peewee import IntegrityError

from loket.models import rawsql
from loket.models import validation as check
from loket.models.changefeed import publish
from loket.models.clock import SYSTEM_CLOCK, Clock
from loket.models.db import db_date, write_transaction
from loket.models.errors import InvalidInput, NotFound
from loket.models.feedback.ikm import (
    IkmResult,
    compute_ikm,
    parse_weights,
    required_sample,
)
from loket.models.feedback.survey_elements import (
    ELEMENT_KEYS,
    ELEMENTS,
    ELEMENTS_BY_KEY,
    Element,
    check_answers,
)
from loket.models.fields import to_micros
from loket.models.settings import load_settings

__all__ = [
    "EDUCATION_LEVELS",
    "ELEMENTS",
    "ELEMENTS_BY_KEY",
    "ELEMENT_KEYS",
    "OCCUPATIONS",
    "SESSIONS",
    "SEXES",
    "Element",
    "IkmReport",
    "RespondentProfile",
    "SurveyResponseInfo",
    "ikm_by_service",
    "ikm_report",
    "record_response",
]

SEXES: dict[str, tuple[str, str]] = {"L": ("Laki-laki", "Male"), "P": ("Perempuan", "Female")}
EDUCATION_LEVELS = ("SD", "SMP", "SMA", "D1", "D2", "D3", "S1", "S2", "S3")
OCCUPATIONS = ("PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Lainnya")
SESSIONS: dict[str, tuple[str, str]] = {
    "08-12": ("Pagi (08.00–12.00)", "Morning (08:00–12:00)"),
    "13-17": ("Siang (13.00–17.00)", "Afternoon (13:00–17:00)"),
}
AGE_RANGE = (15, 100)
AGE_GROUPS = (("15-19", 15, 19), ("20-29", 20, 29), ("30-39", 30, 39), ("40-49", 40, 49),
              ("50-59", 50, 59), ("60+", 60, 200))  # fmt: skip
_SEX_ALIASES = {"l": "L", "laki-laki": "L", "m": "L", "male": "L",
                "p": "P", "perempuan": "P", "f": "P", "female": "P"}  # fmt: skip


@dataclass(frozen=True)
class RespondentProfile:
    """Who answered; every field optional (the survey is anonymous)."""

    sex: str | None = None
    age: int | None = None
    education: str | None = None
    occupation: str | None = None


@dataclass(frozen=True)
class SurveyResponseInfo:
    id: int
    service: str | None  # service code
    ticket: str | None  # ticket label
    day: dt.date
    session: str
    answered_at: dt.datetime
    answers: dict[str, int]  # by element key
    profile: RespondentProfile


# ── validation ────────────────────────────────────────────────────────────────────


def _choice(raw: str | None, allowed: Sequence[str], what_id: str, what_en: str) -> str | None:
    if raw is None or not str(raw).strip():
        return None
    value = str(raw).strip()
    for option in allowed:
        if option.lower() == value.lower():
            return option
    raise InvalidInput(
        f"{what_id} tidak dikenal: '{raw}' (pilihan: {', '.join(allowed)})",
        f"Unknown {what_en}: '{raw}' (choices: {', '.join(allowed)})",
    )


def check_profile(profile: RespondentProfile | None) -> RespondentProfile:
    """The profile with values in their canonical spelling; refuses values outside the sets."""
    if profile is None:
        return RespondentProfile()
    sex = None
    if profile.sex is not None and str(profile.sex).strip():
        sex = _SEX_ALIASES.get(str(profile.sex).strip().lower())
        if sex is None:
            raise InvalidInput(
                f"Jenis kelamin tidak dikenal: '{profile.sex}' (pilihan: L, P)",
                f"Unknown sex: '{profile.sex}' (choices: L, P)",
            )
    age = None
    if profile.age is not None and str(profile.age).strip():
        low, high = AGE_RANGE
        age = check.positive_int(profile.age, "Umur", "Age", low, high)
    return RespondentProfile(
        sex=sex,
        age=age,
        education=_choice(profile.education, EDUCATION_LEVELS, "Pendidikan", "education"),
        occupation=_choice(profile.occupation, OCCUPATIONS, "Pekerjaan", "occupation"),
    )


def session_of(local: dt.datetime) -> str:
    return "08-12" if local.hour < 12 else "13-17"


def _service_id(code: str) -> tuple[int, str]:
    value = check.service_code(code)
    row = rawsql.fetch_one("SELECT id, code FROM service WHERE code = ?", (value,))
    if row is None:
        raise NotFound(f"Layanan '{value}' tidak ada", f"No service '{value}'")
    return int(row[0]), str(row[1])


# ── recording ─────────────────────────────────────────────────────────────────────

_COLUMNS = ", ".join(ELEMENT_KEYS)
_INSERT = (
    "INSERT INTO survey_response (service_id, ticket_id, day, session, answered_at, "
    f"{_COLUMNS}, sex, age, education, occupation) "
    f"VALUES (?, ?, ?, ?, ?, {', '.join('?' for _ in ELEMENT_KEYS)}, ?, ?, ?, ?) RETURNING id"
)


def _already_rated(label: str) -> InvalidInput:
    return InvalidInput(
        f"Antrian {label} sudah memberi penilaian", f"Ticket {label} has already been rated"
    )


def record_response(
    answers: Mapping[str, int] | Sequence[int],
    service_code: str | None = None,
    profile: RespondentProfile | None = None,
    ticket_number: str | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> SurveyResponseInfo:
    """Store one respondent's nine answers (by key, or a sequence in element order).

    ``ticket_number`` links the response to that ticket of today (office time); the
    service then defaults to the ticket's. A ticket can be rated once.
    """
    from loket.models.queue.tickets import parse_label

    values = check_answers(answers)
    person = check_profile(profile)
    service_id, code = _service_id(service_code) if service_code else (None, None)
    settings = load_settings()
    now = clock.now()
    local = settings.local(now)
    day = local.date()
    ticket_id: int | None = None
    label: str | None = None
    if ticket_number is not None and ticket_number.strip():
        label = parse_label(ticket_number)
        row = rawsql.fetch_one(
            "SELECT t.id, t.service_id, t.issued_service_id, s.code FROM ticket t "
            "JOIN service s ON s.id = t.service_id WHERE t.label = ? AND t.day = ?",
            (label, db_date(day)),
        )
        if row is None:
            raise NotFound(f"Nomor antrian {label} tidak ada hari ini", f"No ticket {label} today")
        ticket_id = int(row[0])
        if service_id is None:
            service_id, code = int(row[1]), str(row[3])
        elif service_id not in (row[1], row[2]):
            raise InvalidInput(
                f"Antrian {label} bukan untuk layanan {code}",
                f"Ticket {label} is not for service {code}",
            )
    params = (
        service_id,
        ticket_id,
        db_date(day),
        session_of(local),
        to_micros(now),
        *(values[k] for k in ELEMENT_KEYS),
        person.sex,
        person.age,
        person.education,
        person.occupation,
    )
    try:
        with write_transaction():
            if ticket_id is not None and rawsql.fetch_one(
                "SELECT id FROM survey_response WHERE ticket_id = ?", (ticket_id,)
            ):
                raise _already_rated(str(label))
            inserted = rawsql.fetch_one(_INSERT, params)
            assert inserted is not None
            publish("surveys")
    except IntegrityError as exc:  # two kiosks rating the same ticket at once
        if ticket_id is not None:
            raise _already_rated(str(label)) from exc
        raise
    return SurveyResponseInfo(
        id=int(inserted[0]),
        service=code,
        ticket=label,
        day=day,
        session=session_of(local),
        answered_at=now,
        answers=values,
        profile=person,
    )


# ── the report ────────────────────────────────────────────────────────────────────


def _float(value: Any) -> float | None:
    return float(value) if value is not None else None


@dataclass(frozen=True)
class IkmReport:
    """The IKM of one service (or the whole office) over a period of office-local days."""

    date_from: dt.date
    date_to: dt.date
    service: str | None
    service_name_id: str | None
    service_name_en: str | None
    result: IkmResult
    population: int  # visitors served in the period (finished tickets)
    required_sample: int
    profile: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def respondents(self) -> int:
        return self.result.respondents

    @property
    def sample_reached(self) -> bool:
        """At least the Krejcie–Morgan minimum, and at least one respondent."""
        return self.respondents > 0 and self.respondents >= self.required_sample

    def as_json(self) -> dict[str, Any]:
        r = self.result
        category = r.category
        weakest = r.weakest
        return {
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "service": self.service,
            "service_name": self.service_name_id,
            "service_name_en": self.service_name_en,
            "weights": r.weights,
            "ikm": _float(r.ikm),
            "ikm_4": _float(r.ikm_4),
            "category": category.mutu if category else None,
            "kinerja": category.kinerja_id if category else None,
            "kinerja_en": category.kinerja_en if category else None,
            "respondents": self.respondents,
            "population": self.population,
            "required_sample": self.required_sample,
            "sample_reached": self.sample_reached,
            "weakest": weakest.key if weakest else None,
            "weakest_name": weakest.element.name_id if weakest else None,
            "weakest_name_en": weakest.element.name_en if weakest else None,
            "nrr": {s.key: float(s.nrr_rounded(4)) for s in r.scores},
            "elements": [
                {
                    "key": s.key,
                    "name": s.element.name_id,
                    "name_en": s.element.name_en,
                    "answers": s.answers,
                    "total": s.total,
                    "nrr": float(s.nrr_rounded(4)),
                }
                for s in r.scores
            ],
            "profile": self.profile,
        }


def _period(date_from: dt.date, date_to: dt.date) -> None:
    if date_from > date_to:
        raise InvalidInput(
            f"Periode terbalik: {date_from} sesudah {date_to}",
            f"Period reversed: {date_from} is after {date_to}",
        )


def _where(date_from: dt.date, date_to: dt.date, service_id: int | None) -> tuple[str, tuple]:
    sql = "day >= ? AND day <= ?"
    params: tuple[Any, ...] = (db_date(date_from), db_date(date_to))
    if service_id is not None:
        sql += " AND service_id = ?"
        params += (service_id,)
    return sql, params


def _profile_counts(where: str, params: tuple) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for column in ("sex", "education", "occupation", "session"):
        rows = rawsql.fetch_all(
            f"SELECT {column}, COUNT(*) FROM survey_response WHERE {where} GROUP BY {column}",
            params,
        )
        counts[column] = {str(v) if v is not None else "-": int(n) for v, n in rows}
    ages: dict[str, int] = {}
    for age, n in rawsql.fetch_all(
        f"SELECT age, COUNT(*) FROM survey_response WHERE {where} GROUP BY age", params
    ):
        group = "-" if age is None else next(g for g, lo, hi in AGE_GROUPS if lo <= age <= hi)
        ages[group] = ages.get(group, 0) + int(n)
    counts["age"] = ages
    return counts


def _report(
    date_from: dt.date,
    date_to: dt.date,
    service: tuple[int, str, str, str] | None,
    weights: str,
) -> IkmReport:
    service_id = service[0] if service else None
    where, params = _where(date_from, date_to, service_id)
    sums = ", ".join(f"SUM({k})" for k in ELEMENT_KEYS)
    row = rawsql.fetch_one(f"SELECT COUNT(*), {sums} FROM survey_response WHERE {where}", params)
    assert row is not None
    respondents = int(row[0])
    totals = {k: int(v or 0) for k, v in zip(ELEMENT_KEYS, row[1:], strict=True)}
    counts = dict.fromkeys(ELEMENT_KEYS, respondents)
    result = compute_ikm(totals, counts, weights, respondents=respondents)
    served_where = "status = 'done' AND " + where
    served = rawsql.fetch_one(f"SELECT COUNT(*) FROM ticket WHERE {served_where}", params)
    population = int(served[0]) if served else 0
    return IkmReport(
        date_from=date_from,
        date_to=date_to,
        service=service[1] if service else None,
        service_name_id=service[2] if service else None,
        service_name_en=service[3] if service else None,
        result=result,
        population=population,
        required_sample=required_sample(population),
        profile=_profile_counts(where, params) if respondents else {},
    )


def ikm_report(
    date_from: dt.date,
    date_to: dt.date,
    service_code: str | None = None,
    weights: str = "exact",
) -> IkmReport:
    """The IKM over office-local days ``date_from``…``date_to`` (inclusive), for one
    service or (``None``) the whole office.

    The population for the required sample is the visitors served in the period:
    finished tickets of that service (all services for the office-wide report).
    """
    _period(date_from, date_to)
    kind = parse_weights(weights)
    service = None
    if service_code:
        code = check.service_code(service_code)
        row = rawsql.fetch_one(
            "SELECT id, code, name_id, name_en FROM service WHERE code = ?", (code,)
        )
        if row is None:
            raise NotFound(f"Layanan '{code}' tidak ada", f"No service '{code}'")
        service = (int(row[0]), str(row[1]), str(row[2]), str(row[3]))
    return _report(date_from, date_to, service, kind)


def ikm_by_service(date_from: dt.date, date_to: dt.date, weights: str = "exact") -> list[IkmReport]:
    """One report per service that is active or has responses in the period, by code."""
    _period(date_from, date_to)
    kind = parse_weights(weights)
    where, params = _where(date_from, date_to, None)
    rows = rawsql.fetch_all(
        "SELECT id, code, name_id, name_en FROM service WHERE active = ? OR id IN "
        f"(SELECT service_id FROM survey_response WHERE {where}) ORDER BY code",
        (True, *params),
    )
    return [
        _report(date_from, date_to, (int(i), str(c), str(n), str(e)), kind) for i, c, n, e in rows
    ]
