"""What a visitor may type into a field that ends up on paper.

The thermal printer prints through :func:`loket.printing.textfilter.printable` on a
single-byte code page (CP437 by default; an office may choose CP850, CP1252 or CP858):
anything else comes out as "?". The kiosk filters input with :func:`printer_text` as it
is typed, so what is accepted prints the same on every supported code page: letters
the code pages lack are transliterated ("ł" → "l", "“" → '"'), characters with no
printable form (emoji, CJK) are refused, and the visitor is told at once.
"""

from __future__ import annotations

from functools import lru_cache

from loket.printing.profiles import CODE_PAGE_NUMBERS
from loket.printing.textfilter import REPLACEMENT_CHAR, can_print, printable

CODE_PAGES = tuple(CODE_PAGE_NUMBERS)


@lru_cache(maxsize=4096)
def _everywhere(char: str) -> bool:
    return all(can_print(char, page) for page in CODE_PAGES)


@lru_cache(maxsize=4096)
def _input_form(char: str, newlines: bool) -> str | None:
    """``char`` as it is kept in a field, or None when it is refused."""
    if char == "\n" or char == "\r":
        return "\n" if newlines else " "
    if char == "\t":
        return " "
    if _everywhere(char):
        return char
    substitute = printable(char, CODE_PAGES[0])
    if not substitute or REPLACEMENT_CHAR in substitute:
        return None
    if all(_everywhere(c) for c in substitute):
        return substitute
    return None


def printer_text(text: str, newlines: bool = False) -> tuple[str, str]:
    """(``text`` as the printer prints it, the characters refused) — nothing is replaced by
    "?": a character either prints (maybe transliterated) or is refused."""
    kept: list[str] = []
    refused: list[str] = []
    for char in text:
        form = _input_form(char, newlines)
        if form is None:
            if char not in refused:
                refused.append(char)
        else:
            kept.append(form)
    return "".join(kept), "".join(refused)
