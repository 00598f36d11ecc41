"""The IKM calculation (PermenPANRB 14/2017) against hand-computed cases; no database.

With all nine elements answered by each of n respondents, Σ NRR = Σ_e (sum_e / n)
= T / n where T is the total of every answer given, so with the exact 1/9 weight

    IKM = (T / n) × 1/9 × 25 = 25·T / (9·n)

which is how the expected values below were worked out by hand.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loket.models.errors import InvalidInput
from loket.models.feedback.ikm import (
    KREJCIE_MORGAN,
    category_for,
    compute_ikm,
    ikm_of_answers,
    parse_weights,
    required_sample,
    round_half_up,
)
from loket.models.feedback.survey_elements import ELEMENT_KEYS, ELEMENTS, check_answers


def answer_sets(respondents: int, total: int) -> list[list[int]]:
    """``respondents`` answer sets whose answers add up to ``total`` (spread evenly)."""
    sets = [[1] * 9 for _ in range(respondents)]
    extra = total - 9 * respondents
    assert 0 <= extra <= 27 * respondents
    cell = 0
    while extra:
        person, element = divmod(cell % (9 * respondents), 9)
        if sets[person][element] < 4:
            sets[person][element] += 1
            extra -= 1
        cell += 1
    return sets


def test_the_nine_elements_in_domain_order_with_questions_and_labels():
    assert ELEMENT_KEYS == (
        "persyaratan",
        "prosedur",
        "waktu",
        "biaya",
        "produk",
        "kompetensi",
        "perilaku",
        "sarana",
        "pengaduan",
    )
    biaya = ELEMENTS[3]
    assert biaya.name_id == "Biaya/Tarif"
    assert biaya.question_id == (
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?"
    )
    assert biaya.answers_id == ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")
    assert ELEMENTS[8].answer_label(4) == "Dikelola dengan baik"
    assert ELEMENTS[8].answer_label(2, "en") == "Exists but does not work"
    assert all(e.question_id.startswith("Bagaimana pendapat Saudara tentang ") for e in ELEMENTS)
    assert all(len(e.answers_en) == 4 and e.question_en.endswith("?") for e in ELEMENTS)


def test_a_small_office_worked_by_hand():
    # Three respondents:
    #   persyaratan 4,3,3 → NRR 10/3 = 3.3333   prosedur 3,3,3 → 3
    #   waktu       2,3,2 → 7/3 = 2.3333        biaya    4,4,4 → 4
    #   produk      3,3,4 → 10/3 = 3.3333       kompetensi 3,4,3 → 10/3
    #   perilaku    4,4,3 → 11/3 = 3.6667       sarana  3,2,3 → 8/3 = 2.6667
    #   pengaduan   2,2,3 → 7/3 = 2.3333
    # Σ NRR = (10+9+7+12+10+10+11+8+7)/3 = 84/3 = 28
    # IKM = 28 × 1/9 × 25 = 700/9 = 77.7777… → 77.78 → B (Baik)
    # weakest: waktu and pengaduan tie at 2.3333; waktu comes first.
    result = ikm_of_answers(
        [
            [4, 3, 2, 4, 3, 3, 4, 3, 2],
            [3, 3, 3, 4, 3, 4, 4, 2, 2],
            [3, 3, 2, 4, 4, 3, 3, 3, 3],
        ]
    )
    assert result.exact == Fraction(700, 9)
    assert result.ikm == Decimal("77.78")
    assert result.ikm_4 == Decimal("77.7778")
    assert result.category is not None and result.category.mutu == "B"
    assert result.category.kinerja_id == "Baik"
    assert result.respondents == 3
    assert result.weakest is not None and result.weakest.key == "waktu"
    nrr = {s.key: s.nrr_rounded(4) for s in result.scores}
    assert nrr["persyaratan"] == Decimal("3.3333") and nrr["perilaku"] == Decimal("3.6667")
    assert nrr["biaya"] == Decimal("4.0000") and nrr["sarana"] == Decimal("2.6667")


def test_legacy_rounded_weights_differ_as_published_copies_do():
    # Same Σ NRR = 28 as above:
    #   0,111: 28 × 0.111 × 25 = 77.70      0,11: 28 × 0.11 × 25 = 77.00
    sets = [
        [4, 3, 2, 4, 3, 3, 4, 3, 2],
        [3, 3, 3, 4, 3, 4, 4, 2, 2],
        [3, 3, 2, 4, 4, 3, 3, 3, 3],
    ]
    assert ikm_of_answers(sets, "0.111").ikm == Decimal("77.70")
    assert ikm_of_answers(sets, "0.11").ikm == Decimal("77.00")
    # All answers 4: exact 100.00, but 36 × 0.111 × 25 = 99.90 and 36 × 0.11 × 25 = 99.00.
    assert ikm_of_answers([[4] * 9]).ikm == Decimal("100.00")
    assert ikm_of_answers([[4] * 9], "0,111").ikm == Decimal("99.90")
    assert ikm_of_answers([[4] * 9], "0.11").ikm == Decimal("99.00")
    # All answers 1: exact 25.00; 9 × 0.11 × 25 = 24.75 falls below the official range.
    assert ikm_of_answers([[1] * 9]).ikm == Decimal("25.00")
    assert ikm_of_answers([[1] * 9], "0.11").ikm == Decimal("24.75")


def test_rounding_is_half_up_on_the_exact_value():
    # Seven respondents answer 1 everywhere and one answers 2 everywhere:
    # T = 7×9 + 18 = 81, n = 8 → IKM = 25·81/72 = 28.125 exactly.
    # Half up gives 28.13 (Python's round(28.125, 2) would give 28.12).
    sets = [[1] * 9] * 7 + [[2] * 9]
    result = ikm_of_answers(sets)
    assert result.exact == Fraction(225, 8)
    assert result.ikm == Decimal("28.13")
    assert round_half_up(Fraction(88305, 1000)) == Decimal("88.31")
    assert round_half_up(Fraction(883049999, 10**7)) == Decimal("88.30")


@pytest.mark.parametrize(
    ("value", "mutu", "kinerja"),
    [
        ("100.00", "A", "Sangat Baik"),
        ("88.31", "A", "Sangat Baik"),
        ("88.30", "B", "Baik"),
        ("76.61", "B", "Baik"),
        ("76.60", "C", "Kurang Baik"),
        ("65.00", "C", "Kurang Baik"),
        ("64.99", "D", "Tidak Baik"),
        ("25.00", "D", "Tidak Baik"),
        # Judged on the 2-decimal value: 88.305 rounds (half up) to 88.31.
        ("88.305", "A", "Sangat Baik"),
        ("88.3049", "B", "Baik"),
        ("64.995", "C", "Kurang Baik"),
    ],
)
def test_categories_at_their_exact_boundaries(value, mutu, kinerja):
    category = category_for(Decimal(value))
    assert (category.mutu, category.kinerja_id) == (mutu, kinerja)


@pytest.mark.parametrize(
    ("respondents", "total", "ikm", "mutu"),
    [
        # 25·604/(9·19) = 15100/171 = 88.3040… → 88.30 → B
        (19, 604, "88.30", "B"),
        # 25·763/(9·24) = 19075/216 = 88.3101… → 88.31 → A
        (24, 763, "88.31", "A"),
        # 25·717/(9·26) = 17925/234 = 76.6025… → 76.60 → C
        (26, 717, "76.60", "C"),
        # 25·524/(9·19) = 13100/171 = 76.6081… → 76.61 → B
        (19, 524, "76.61", "B"),
        # 25·117/(9·5) = 2925/45 = 65 exactly → 65.00 → C
        (5, 117, "65.00", "C"),
        # 25·889/(9·38) = 22225/342 = 64.9853… → 64.99 → D
        (38, 889, "64.99", "D"),
    ],
)
def test_answer_sets_landing_on_the_boundaries(respondents, total, ikm, mutu):
    sets = answer_sets(respondents, total)
    assert sum(map(sum, sets)) == total
    result = ikm_of_answers(sets)
    assert result.exact == Fraction(25 * total, 9 * respondents)
    assert result.ikm == Decimal(ikm)
    assert result.category is not None and result.category.mutu == mutu


def test_required_sample_follows_krejcie_morgan():
    # Rows of the table as printed.
    for population, sample in [(100, 80), (500, 217), (1000, 278), (10_000, 370)]:
        assert required_sample(population) == sample
    assert required_sample(100_000) == 384
    assert required_sample(2_000_000) == 384
    # Below the first row everybody is needed.
    assert [required_sample(n) for n in (0, 1, 7, 10)] == [0, 1, 7, 10]
    # 105 is halfway between 100 → 80 and 110 → 86: 80 + 6·5/10 = 83.
    assert required_sample(105) == 83
    # 12 between 10 → 10 and 15 → 14: 10 + 4·2/5 = 11.6, rounded up to 12.
    assert required_sample(12) == 12
    # 1 050 between 1 000 → 278 and 1 100 → 285: 278 + 7·50/100 = 281.5 → 282.
    assert required_sample(1050) == 282
    # Monotone and never more than the population.
    values = [required_sample(n) for n in range(0, 3000)]
    assert values == sorted(values)
    assert all(s <= n for n, s in enumerate(values))
    assert all(required_sample(n) == s for n, s in KREJCIE_MORGAN)


def test_no_answers_gives_no_index():
    result = compute_ikm({}, {})
    assert result.ikm is None and result.category is None and result.weakest is None
    assert result.respondents == 0


def test_inconsistent_sums_are_refused():
    counts = dict.fromkeys(ELEMENT_KEYS, 2)
    with pytest.raises(InvalidInput, match="impossible"):
        compute_ikm(dict.fromkeys(ELEMENT_KEYS, 9), counts)
    with pytest.raises(InvalidInput, match="pengaduan"):
        compute_ikm(dict.fromkeys(ELEMENT_KEYS, 4), {**counts, "pengaduan": 0})
    with pytest.raises(InvalidInput, match=r"0\.111"):
        parse_weights("0.1")


answer = st.integers(min_value=1, max_value=4)
answer_set = st.lists(answer, min_size=9, max_size=9)


@given(st.lists(answer_set, min_size=1, max_size=40), st.sampled_from(["exact", "0.111"]))
def test_any_valid_answers_give_an_index_between_25_and_100(sets, weights):
    result = ikm_of_answers(sets, weights)
    assert result.ikm is not None and result.category is not None
    low = Decimal("25.00") if weights == "exact" else Decimal("24.98")
    assert low <= result.ikm <= Decimal("100.00")
    assert result.category == category_for(result.ikm)
    assert result.weakest is not None
    assert result.weakest.nrr == min(s.nrr for s in result.scores)
    if weights == "exact":
        total = sum(map(sum, sets))
        assert result.exact == Fraction(25 * total, 9 * len(sets))


bad_value = st.one_of(
    st.integers().filter(lambda v: not 1 <= v <= 4),
    st.text(max_size=3).filter(lambda t: t.strip() not in ("1", "2", "3", "4")),
    st.none(),
    st.floats(),
    st.booleans(),
)


@given(answer_set, st.integers(min_value=0, max_value=8), bad_value)
def test_an_invalid_answer_is_refused_naming_its_element(good, position, bad):
    answers: list[object] = list(good)
    answers[position] = bad
    with pytest.raises(InvalidInput) as refused:
        check_answers(answers)
    key = ELEMENT_KEYS[position]
    assert key in refused.value.message_id and "1–4" in refused.value.message_en


@given(st.lists(answer, max_size=20).filter(lambda a: len(a) != 9))
def test_the_wrong_number_of_answers_is_refused(answers):
    with pytest.raises(InvalidInput, match="9"):
        check_answers(answers)


def test_answers_by_key_must_be_complete_and_known():
    full = dict.fromkeys(ELEMENT_KEYS, 3)
    assert check_answers(full) == full
    with pytest.raises(InvalidInput, match="sarana"):
        check_answers({k: v for k, v in full.items() if k != "sarana"})
    with pytest.raises(InvalidInput, match="kebersihan"):
        check_answers({**full, "kebersihan": 3})
    with pytest.raises(InvalidInput):
        check_answers("444444444")
