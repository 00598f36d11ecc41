"""The PermenPANRB 14/2017 survey instrument: nine elements, their questions and answers.

Pure data (no database), shared by the survey service, the IKM calculation and the
kiosk. Answers are stored by key; sources number the last two elements differently,
so the order here (DOMAIN.md's) is the order they are shown and given on the CLI.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from loket.models.errors import InvalidInput

QUESTION_PREFIX_ID = "Bagaimana pendapat Saudara tentang"
QUESTION_PREFIX_EN = "What is your opinion of"


@dataclass(frozen=True)
class Element:
    key: str
    name_id: str
    name_en: str
    question_id: str  # the whole question, "Bagaimana pendapat Saudara tentang …?"
    question_en: str
    answers_id: tuple[str, str, str, str]  # labels for 1, 2, 3, 4
    answers_en: tuple[str, str, str, str]

    def answer_label(self, value: int, language: str = "id") -> str:
        labels = self.answers_en if language == "en" else self.answers_id
        return labels[value - 1]


def _element(
    key: str,
    name_id: str,
    name_en: str,
    about_id: str,
    about_en: str,
    answers_id: tuple[str, str, str, str],
    answers_en: tuple[str, str, str, str],
) -> Element:
    return Element(
        key=key,
        name_id=name_id,
        name_en=name_en,
        question_id=f"{QUESTION_PREFIX_ID} {about_id}?",
        question_en=f"{QUESTION_PREFIX_EN} {about_en}?",
        answers_id=answers_id,
        answers_en=answers_en,
    )


_FIT_ID = ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")
_FIT_EN = ("Not appropriate", "Less appropriate", "Appropriate", "Very appropriate")

ELEMENTS: tuple[Element, ...] = (
    _element(
        "persyaratan",
        "Persyaratan",
        "Requirements",
        "kesesuaian persyaratan pelayanan dengan jenis pelayanannya",
        "how well the service requirements fit the kind of service",
        _FIT_ID,
        _FIT_EN,
    ),
    _element(
        "prosedur",
        "Sistem, Mekanisme, dan Prosedur",
        "Systems, mechanisms and procedures",
        "kemudahan prosedur pelayanan di unit ini",
        "how easy the service procedure at this unit is",
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
        ("Not easy", "Less easy", "Easy", "Very easy"),
    ),
    _element(
        "waktu",
        "Waktu Penyelesaian",
        "Completion time",
        "kecepatan waktu dalam memberikan pelayanan",
        "how quickly the service is delivered",
        ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
        ("Not fast", "Less fast", "Fast", "Very fast"),
    ),
    _element(
        "biaya",
        "Biaya/Tarif",
        "Cost/fee",
        "kewajaran biaya/tarif dalam pelayanan",
        "how fair the cost or fee of the service is",
        ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
        ("Very expensive", "Fairly expensive", "Cheap", "Free"),
    ),
    _element(
        "produk",
        "Produk Spesifikasi Jenis Pelayanan",
        "Service product specification",
        "kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan "
        "dengan hasil yang diberikan",
        "how well the result you received matches the product in the service standard",
        _FIT_ID,
        _FIT_EN,
    ),
    _element(
        "kompetensi",
        "Kompetensi Pelaksana",
        "Staff competence",
        "kompetensi/kemampuan petugas dalam pelayanan",
        "the competence and ability of the staff serving you",
        ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
        ("Not competent", "Less competent", "Competent", "Very competent"),
    ),
    _element(
        "perilaku",
        "Perilaku Pelaksana",
        "Staff conduct",
        "perilaku petugas dalam pelayanan terkait kesopanan dan keramahan",
        "how polite and friendly the staff were",
        (
            "Tidak sopan dan ramah",
            "Kurang sopan dan ramah",
            "Sopan dan ramah",
            "Sangat sopan dan ramah",
        ),
        (
            "Not polite and friendly",
            "Less polite and friendly",
            "Polite and friendly",
            "Very polite and friendly",
        ),
    ),
    _element(
        "sarana",
        "Sarana dan Prasarana",
        "Facilities",
        "kualitas sarana dan prasarana",
        "the quality of the facilities",
        ("Buruk", "Cukup", "Baik", "Sangat Baik"),
        ("Poor", "Fair", "Good", "Very good"),
    ),
    _element(
        "pengaduan",
        "Penanganan Pengaduan, Saran dan Masukan",
        "Handling of complaints and suggestions",
        "penanganan pengaduan pengguna layanan",
        "how complaints from service users are handled",
        (
            "Tidak ada",
            "Ada tetapi tidak berfungsi",
            "Berfungsi kurang maksimal",
            "Dikelola dengan baik",
        ),
        ("None", "Exists but does not work", "Works, but not fully", "Well managed"),
    ),
)

ELEMENT_KEYS: tuple[str, ...] = tuple(e.key for e in ELEMENTS)
ELEMENTS_BY_KEY: dict[str, Element] = {e.key: e for e in ELEMENTS}


def _answer(key: str, raw: object) -> int:
    value: int | None = None
    if isinstance(raw, int) and not isinstance(raw, bool):
        value = raw
    elif isinstance(raw, str) and raw.strip() in ("1", "2", "3", "4"):
        value = int(raw.strip())
    if value is None or not 1 <= value <= 4:
        element = ELEMENTS_BY_KEY[key]
        raise InvalidInput(
            f"Jawaban unsur {element.name_id} ({key}) harus 1–4, bukan '{raw}'",
            f"The answer for {element.name_en} ({key}) must be 1–4, not '{raw}'",
        )
    return value


def check_answers(answers: Mapping[str, object] | Sequence[object]) -> dict[str, int]:
    """All nine answers (1–4) by element key, from a mapping by key or a sequence in
    element order; anything else is refused with the element it concerns."""
    if isinstance(answers, Mapping):
        unknown = [str(k) for k in answers if k not in ELEMENTS_BY_KEY]
        if unknown:
            raise InvalidInput(
                f"Unsur tidak dikenal: {', '.join(unknown)} (unsur: {', '.join(ELEMENT_KEYS)})",
                f"Unknown elements: {', '.join(unknown)} (elements: {', '.join(ELEMENT_KEYS)})",
            )
        missing = [k for k in ELEMENT_KEYS if k not in answers]
        if missing:
            raise InvalidInput(
                f"Jawaban belum lengkap, kurang: {', '.join(missing)}",
                f"Answers incomplete, missing: {', '.join(missing)}",
            )
        return {k: _answer(k, answers[k]) for k in ELEMENT_KEYS}
    if isinstance(answers, str | bytes) or not isinstance(answers, Sequence):
        raise InvalidInput(
            "Jawaban harus sembilan angka 1–4 sesuai urutan unsur",
            "Answers must be nine numbers 1–4 in element order",
        )
    if len(answers) != len(ELEMENT_KEYS):
        raise InvalidInput(
            f"Harus ada {len(ELEMENT_KEYS)} jawaban (satu per unsur), bukan {len(answers)}",
            f"There must be {len(ELEMENT_KEYS)} answers (one per element), not {len(answers)}",
        )
    return {k: _answer(k, v) for k, v in zip(ELEMENT_KEYS, answers, strict=True)}
