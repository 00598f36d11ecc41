from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone

from helpers.escpos_decode import decode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loket.printing.dates_id import date_id, datetime_id
from loket.printing.escpos_render import render_escpos
from loket.printing.layouts import ReceiptLayout
from loket.printing.profiles import PROFILE_58, PROFILE_80
from loket.printing.textfilter import can_print, printable, wrap


def test_indonesian_dates() -> None:
    wib = timezone(timedelta(hours=7))
    assert (
        datetime_id(datetime(2026, 11, 23, 8, 12, tzinfo=wib))
        == "Senin, 23 November 2026 08:12 WIB"
    )
    wita = timezone(timedelta(hours=8))
    assert (
        datetime_id(datetime(2026, 8, 16, 14, 5, tzinfo=wita))
        == "Minggu, 16 Agustus 2026 14:05 WITA"
    )
    assert date_id(date(2026, 3, 20)) == "Jumat, 20 Maret 2026"


def test_printable_keeps_indonesian_and_latin_accents() -> None:
    text = "Jl. Merdeka No. 5, RT 03/RW 07 — Kel. Cikini, São Tomé, Müller"
    # ã is not in CP437: it loses its tilde; é and ü are there and stay.
    assert printable(text) == "Jl. Merdeka No. 5, RT 03/RW 07 - Kel. Cikini, Sao Tomé, Müller"
    assert printable("Łódź") == "Lódz"
    assert printable("中文😀") == "???"
    assert printable("a\x1b@b\tc") == "a @b c"


def test_wrap_never_drops_characters() -> None:
    lines = wrap("x" * 100 + " yy", 32)
    assert all(len(line) <= 32 for line in lines)
    assert "".join(lines).replace(" ", "") == "x" * 100 + "yy"


_WIB = timezone(timedelta(hours=7))
text_strategy = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)


def _nonspace(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(subject=text_strategy, sender=text_strategy, wide=st.booleans())
def test_renderer_never_raises_and_keeps_printable_characters(
    receipt: ReceiptLayout, subject: str, sender: str, wide: bool
) -> None:
    profile = PROFILE_80 if wide else PROFILE_58
    layout = dataclasses.replace(receipt, subject=subject, sender_name=sender)
    data = render_escpos(layout, profile).data
    out = decode(data)  # also proves no stray control bytes reached the printer
    assert out.code_pages == [profile.code_page_number]
    assert all(len(line.text) * line.width <= profile.columns for line in out.lines)
    printed = _nonspace("".join(line.text for line in out.lines))
    for field_text in (subject, sender):
        expected = _nonspace("".join(ch for ch in field_text if can_print(ch, profile.code_page)))
        # every printable character of the field comes out, in order
        it = iter(printed)
        assert all(ch in it for ch in expected)
    assert _nonspace(printable(subject, profile.code_page)) in printed
