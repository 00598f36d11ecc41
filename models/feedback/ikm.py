"""The public-satisfaction index (Indeks Kepuasan Masyarakat, PermenPANRB 14/2017).

Pure calculation, no database: the survey service hands in the answer sums and counts.

- NRR (nilai rata-rata) of an element = sum of its answers / number of answers.
- IKM = Σ (NRR × weight) × 25 over the nine elements, weight 1/9 (range 25–100).
  The computation is exact (``Fraction``) and rounded once, to 2 decimals, **half up**
  (0,005 goes up) as published reports do — not Python's banker's ``round``.
- Published copies round the weight to 0,111 or 0,11 and so get different results
  (all answers 4 give 99,90 or 99,00 instead of 100,00; all answers 1 give 24,98 or
  24,75). Those are offered as the ``"0.111"`` and ``"0.11"`` weights only to
  reproduce an old report; the default is ``"exact"``.
- Quality (mutu) and performance (kinerja) come from the 2-decimal value, with the
  boundaries exactly as published: A 88,31–100, B 76,61–88,30, C 65,00–76,60,
  D 25,00–64,99.
- The required sample is Krejcie & Morgan's (1970) table; see :func:`required_sample`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise

from loket.models.errors import InvalidInput
from loket.models.feedback.survey_elements import ELEMENTS, ELEMENTS_BY_KEY, Element

WEIGHTS: dict[str, Fraction] = {
    "exact": Fraction(1, 9),
    "0.111": Fraction(111, 1000),
    "0.11": Fraction(11, 100),
}
WEIGHT_NAMES = tuple(WEIGHTS)
SCALE = 25


@dataclass(frozen=True)
class Category:
    mutu: str  # A–D
    kinerja_id: str
    kinerja_en: str
    low: Decimal  # inclusive, 2 decimals
    high: Decimal  # inclusive, 2 decimals


CATEGORIES: tuple[Category, ...] = (
    Category("A", "Sangat Baik", "Very good", Decimal("88.31"), Decimal("100.00")),
    Category("B", "Baik", "Good", Decimal("76.61"), Decimal("88.30")),
    Category("C", "Kurang Baik", "Poor", Decimal("65.00"), Decimal("76.60")),
    Category("D", "Tidak Baik", "Very poor", Decimal("25.00"), Decimal("64.99")),
)

# Krejcie, R. V. & Morgan, D. W. (1970), "Determining sample size for research
# activities": population N → minimum sample S (95 % confidence, ±5 %, p = 0.5).
KREJCIE_MORGAN: tuple[tuple[int, int], ...] = (
    (10, 10), (15, 14), (20, 19), (25, 24), (30, 28), (35, 32), (40, 36), (45, 40),
    (50, 44), (55, 48), (60, 52), (65, 56), (70, 59), (75, 63), (80, 66), (85, 70),
    (90, 73), (95, 76), (100, 80), (110, 86), (120, 92), (130, 97), (140, 103),
    (150, 108), (160, 113), (170, 118), (180, 123), (190, 127), (200, 132), (210, 136),
    (220, 140), (230, 144), (240, 148), (250, 152), (260, 155), (270, 159), (280, 162),
    (290, 165), (300, 169), (320, 175), (340, 181), (360, 186), (380, 191), (400, 196),
    (420, 201), (440, 205), (460, 210), (480, 214), (500, 217), (550, 226), (600, 234),
    (650, 242), (700, 248), (750, 254), (800, 260), (850, 265), (900, 269), (950, 274),
    (1000, 278), (1100, 285), (1200, 291), (1300, 297), (1400, 302), (1500, 306),
    (1600, 310), (1700, 313), (1800, 317), (1900, 320), (2000, 322), (2200, 327),
    (2400, 331), (2600, 335), (2800, 338), (3000, 341), (3500, 346), (4000, 351),
    (4500, 354), (5000, 357), (6000, 361), (7000, 364), (8000, 367), (9000, 368),
    (10000, 370), (15000, 375), (20000, 377), (30000, 379), (40000, 380), (50000, 381),
    (75000, 382), (100000, 384),
)  # fmt: skip


def required_sample(population: int) -> int:
    """The minimum number of respondents for ``population`` visitors.

    - A population in the table takes its row (100 → 80, 1 000 → 278).
    - Below 10 every visitor is needed (the table starts at 10 → 10).
    - Between two rows: straight-line interpolation between them, rounded **up**
      (a required number of people is never rounded down), and never more than N.
      E.g. 105 lies halfway between 100 → 80 and 110 → 86: 83.
    - 100 000 and above: 384.
    """
    if population < 0:
        raise ValueError("population cannot be negative")
    first_n, _ = KREJCIE_MORGAN[0]
    if population <= first_n:
        return population
    last_n, last_s = KREJCIE_MORGAN[-1]
    if population >= last_n:
        return last_s
    for (n0, s0), (n1, s1) in pairwise(KREJCIE_MORGAN):
        if n0 <= population <= n1:
            exact = s0 + Fraction((s1 - s0) * (population - n0), n1 - n0)
            return min(population, math.ceil(exact))
    raise AssertionError("unreachable: the table covers 10 … 100 000")


def parse_weights(raw: str | None) -> str:
    """``exact`` (default), ``0.111`` or ``0.11`` (also written with a comma)."""
    if raw is None or not raw.strip():
        return "exact"
    value = raw.strip().lower().replace(",", ".")
    if value in ("1/9", "exact"):
        return "exact"
    if value in ("0.111", "0.11"):
        return value
    raise InvalidInput(
        f"Bobot tidak dikenal: '{raw}' (pilihan: exact, 0.111, 0.11)",
        f"Unknown weights: '{raw}' (choices: exact, 0.111, 0.11)",
    )


def round_half_up(value: Fraction, places: int = 2) -> Decimal:
    """``value`` rounded to ``places`` decimals, 5 rounding away from zero, exactly."""
    factor = 10**places
    scaled = abs(value) * factor
    whole = math.floor(scaled + Fraction(1, 2))
    return (
        Decimal(whole if value >= 0 else -whole)
        .scaleb(-places)
        .quantize(Decimal(1).scaleb(-places))
    )


def category_for(ikm: Decimal | Fraction | float) -> Category:
    """The quality category of an IKM value, judged on its 2-decimal (half-up) form."""
    value = round_half_up(Fraction(ikm) if not isinstance(ikm, Fraction) else ikm, 2)
    for category in CATEGORIES[:-1]:
        if value >= category.low:
            return category
    return CATEGORIES[-1]


@dataclass(frozen=True)
class ElementScore:
    element: Element
    answers: int  # how many respondents answered it
    total: int  # sum of the answers
    nrr: Fraction  # exact; see ``nrr_rounded``

    @property
    def key(self) -> str:
        return self.element.key

    def nrr_rounded(self, places: int = 4) -> Decimal:
        return round_half_up(self.nrr, places)


@dataclass(frozen=True)
class IkmResult:
    weights: str
    respondents: int
    scores: tuple[ElementScore, ...]  # in element order; empty when nobody answered
    exact: Fraction | None  # the unrounded index
    ikm: Decimal | None  # 2 decimals, half up
    category: Category | None
    weakest: ElementScore | None  # lowest NRR; the first in element order on a tie

    @property
    def ikm_4(self) -> Decimal | None:
        return round_half_up(self.exact, 4) if self.exact is not None else None


def compute_ikm(
    totals: Mapping[str, int],
    counts: Mapping[str, int],
    weights: str = "exact",
    respondents: int | None = None,
) -> IkmResult:
    """IKM from per-element answer sums and counts (keys as in ``ELEMENTS``).

    With no answers at all the index is undefined: ``ikm``, ``category`` and
    ``weakest`` are ``None``. An element without answers while others have some
    is refused: the index needs all nine.
    """
    weight = WEIGHTS[parse_weights(weights)]
    unknown = (set(totals) | set(counts)) - set(ELEMENTS_BY_KEY)
    if unknown:
        raise InvalidInput(
            f"Unsur tidak dikenal: {', '.join(sorted(unknown))}",
            f"Unknown elements: {', '.join(sorted(unknown))}",
        )
    answered = [counts.get(e.key, 0) for e in ELEMENTS]
    people = respondents if respondents is not None else max(answered, default=0)
    if not any(answered):
        return IkmResult(weights, people, (), None, None, None, None)
    missing = [e.key for e, n in zip(ELEMENTS, answered, strict=True) if n <= 0]
    if missing:
        raise InvalidInput(
            f"Unsur tanpa jawaban: {', '.join(missing)} (IKM memerlukan kesembilan unsur)",
            f"Elements without answers: {', '.join(missing)} (the IKM needs all nine)",
        )
    scores = []
    for element, count in zip(ELEMENTS, answered, strict=True):
        total = int(totals.get(element.key, 0))
        if not count <= total <= 4 * count:
            raise InvalidInput(
                f"Jumlah jawaban unsur {element.key} ({total}) tidak mungkin untuk {count} jawaban 1–4",
                f"Answer sum of {element.key} ({total}) is impossible for {count} answers of 1–4",
            )
        scores.append(ElementScore(element, count, total, Fraction(total, count)))
    exact = sum((s.nrr * weight for s in scores), Fraction(0)) * SCALE
    ikm = round_half_up(exact, 2)
    weakest = min(scores, key=lambda s: s.nrr)  # min() keeps the first of equals
    return IkmResult(weights, people, tuple(scores), exact, ikm, category_for(ikm), weakest)


def ikm_of_answers(
    responses: Iterable[Mapping[str, int] | Sequence[int]], weights: str = "exact"
) -> IkmResult:
    """IKM of whole answer sets (each checked as :func:`check_answers` does)."""
    from loket.models.feedback.survey_elements import check_answers

    totals = dict.fromkeys(ELEMENTS_BY_KEY, 0)
    people = 0
    for response in responses:
        for key, value in check_answers(response).items():
            totals[key] += value
        people += 1
    counts = dict.fromkeys(ELEMENTS_BY_KEY, people)
    return compute_ikm(totals, counts, weights, respondents=people)
