"""What the waiting room hears when a counter calls: the spoken sentences.

"Nomor antrian A dua belas, silakan menuju loket tiga" — the service letters by
their Indonesian names, the number as whole words (no leading zeros), then the
counter. The English sentence follows it. Nothing here knows about sound.
"""

from __future__ import annotations

from dataclasses import dataclass

from num2words import num2words

from loket.models.errors import InvalidInput

# The names of the letters as Indonesians say them (KBBI / EYD).
LETTER_NAMES_ID: dict[str, str] = {
    "A": "A",
    "B": "Be",
    "C": "Ce",
    "D": "De",
    "E": "E",
    "F": "Ef",
    "G": "Ge",
    "H": "Ha",
    "I": "I",
    "J": "Je",
    "K": "Ka",
    "L": "El",
    "M": "Em",
    "N": "En",
    "O": "O",
    "P": "Pe",
    "Q": "Ki",
    "R": "Er",
    "S": "Es",
    "T": "Te",
    "U": "U",
    "V": "Ve",
    "W": "We",
    "X": "Eks",
    "Y": "Ye",
    "Z": "Zet",
}

LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class Announcement:
    """One call to be shown and spoken: Bahasa Indonesia first, then English."""

    number: str
    counter: int
    recall: bool
    text_id: str
    text_en: str

    @property
    def sentences(self) -> tuple[tuple[str, str], ...]:
        """``(language, sentence)`` pairs in the order they are spoken."""
        return (("id", self.text_id), ("en", self.text_en))


def split_number(number: str) -> tuple[str, int]:
    """``A-012`` (or ``a12``, ``AB-101``) → ``("A", 12)``."""
    raw = number.strip().upper().replace(" ", "")
    code = raw.rstrip("0123456789").rstrip("-")
    digits = raw[len(code) :].lstrip("-")
    if not code or not code.isascii() or not code.isalpha() or not digits.isdigit():
        raise InvalidInput(
            f"Nomor antrian tidak sah: '{number}'", f"Invalid ticket number: '{number}'"
        )
    return code, int(digits)


def letter_words(code: str, lang: str = "id") -> str:
    """The service code spelled letter by letter: ``"AB"`` → ``"A Be"`` in Indonesian."""
    letters = code.strip().upper()
    if lang == "id":
        return " ".join(LETTER_NAMES_ID[letter] for letter in letters)
    # English voices read a lone capital as its letter name.
    return " ".join(letters)


def number_words(value: int, lang: str = "id") -> str:
    """A whole number in words: 12 → "dua belas", 101 → "seratus satu"."""
    if value < 0:
        raise InvalidInput(f"Bilangan negatif: {value}", f"Negative number: {value}")
    return str(num2words(value, lang=lang))


def sentence(number: str, counter: int, lang: str = "id") -> str:
    code, value = split_number(number)
    letters = letter_words(code, lang)
    if lang == "id":
        return (
            f"Nomor antrian {letters} {number_words(value, 'id')}, "
            f"silakan menuju loket {number_words(counter, 'id')}"
        )
    if lang == "en":
        return (
            f"Queue number {letters} {number_words(value, 'en')}, "
            f"please go to counter {number_words(counter, 'en')}"
        )
    raise InvalidInput(f"Bahasa tidak dikenal: {lang}", f"Unknown language: {lang}")


def announcement(number: str, counter: int, recall: bool = False) -> Announcement:
    return Announcement(
        number=number,
        counter=counter,
        recall=recall,
        text_id=sentence(number, counter, "id"),
        text_en=sentence(number, counter, "en"),
    )
