"""The spoken call: letters by their Indonesian names, whole-number words, the counter."""

from __future__ import annotations

import pytest
from num2words import num2words

from loket.models.errors import InvalidInput
from loket.models.queue.announcements import (
    LETTER_NAMES_ID,
    announcement,
    letter_words,
    sentence,
    split_number,
)

COUNTERS = (1, 2, 3, 10, 12, 25)


def test_the_example_from_the_design():
    assert sentence("A-012", 3) == "Nomor antrian A dua belas, silakan menuju loket tiga"
    assert sentence("A-012", 3, "en") == "Queue number A twelve, please go to counter three"


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (12, "dua belas"),
        (101, "seratus satu"),
        (111, "seratus sebelas"),
        (999, "sembilan ratus sembilan puluh sembilan"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (100, "seratus"),
    ],
)
def test_known_numbers_are_whole_words_without_leading_zeros(number, words):
    spoken = sentence(f"B-{number:03d}", 1)
    assert spoken == f"Nomor antrian Be {words}, silakan menuju loket satu"
    assert "nol" not in spoken


@pytest.mark.parametrize("counter", COUNTERS)
def test_every_number_1_to_999_reads_as_num2words(counter):
    for value in range(1, 1000):
        code = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[value % 26]
        call = announcement(f"{code}-{value:03d}", counter)
        letter = LETTER_NAMES_ID[code]
        assert call.text_id == (
            f"Nomor antrian {letter} {num2words(value, lang='id')}, "
            f"silakan menuju loket {num2words(counter, lang='id')}"
        ), value
        assert call.text_en == (
            f"Queue number {code} {num2words(value, lang='en')}, "
            f"please go to counter {num2words(counter, lang='en')}"
        ), value
        assert [lang for lang, _ in call.sentences] == ["id", "en"]


def test_indonesian_letter_names():
    assert letter_words("ABC") == "A Be Ce"
    assert [LETTER_NAMES_ID[c] for c in "FHJKLQVWXYZ"] == [
        "Ef",
        "Ha",
        "Je",
        "Ka",
        "El",
        "Ki",
        "Ve",
        "We",
        "Eks",
        "Ye",
        "Zet",
    ]
    assert sentence("AB-007", 2) == "Nomor antrian A Be tujuh, silakan menuju loket dua"
    assert len(LETTER_NAMES_ID) == 26


def test_numbers_past_the_printed_three_digits():
    assert sentence("C-1001", 4) == "Nomor antrian Ce seribu satu, silakan menuju loket empat"


def test_written_form_uses_silakan_never_silahkan():
    assert "silahkan" not in sentence("A-001", 1)


@pytest.mark.parametrize("bad", ["", "012", "A-", "Ä-1", "A-1x"])
def test_rejects_what_is_not_a_ticket_number(bad):
    with pytest.raises(InvalidInput):
        split_number(bad)


def test_split_number_accepts_the_usual_spellings():
    assert split_number("a12") == ("A", 12)
    assert split_number("AB-101") == ("AB", 101)
