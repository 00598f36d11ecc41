"""Make text printable on a single-byte code page and wrap it to the line width.

python-escpos switches a whole line to GB18030 when it meets one CJK character, and
would pass ESC/GS bytes in user text straight to the printer. Everything we print goes
through :func:`printable` first, so escpos only ever sees characters of our fixed code page.
"""

from __future__ import annotations

import textwrap
import unicodedata
from functools import lru_cache

_REPLACEMENTS = {
    "‘": "'",
    "’": "'",
    "‚": ",",
    "“": '"',
    "”": '"',
    "„": '"',
    "′": "'",
    "″": '"',
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "−": "-",
    "…": "...",
    "•": "*",
    "·": ".",
    "€": "EUR",
    "™": "TM",
    "©": "(c)",
    "®": "(R)",
    "×": "x",
    "→": "->",
    "←": "<-",
    "Ł": "L",
    "ł": "l",
    "Đ": "D",
    "đ": "d",
    "Ø": "O",
    "ø": "o",
    "Æ": "AE",
    "æ": "ae",
    "Œ": "OE",
    "œ": "oe",
    "ı": "i",
    "Þ": "Th",
    "þ": "th",
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u200b": "",
    "\ufeff": "",
}
REPLACEMENT_CHAR = "?"
#: Joins words a line must not be broken between ("08:12 WIB"). Layout text may carry it;
#: :func:`printable_keeping_joins` keeps it through filtering, :func:`wrap` never breaks at
#: it, and the renderers print it as a plain space (:func:`unjoined`).
NO_BREAK = "\u00a0"


@lru_cache(maxsize=8)
def _codec(code_page: str) -> str:
    return code_page.lower()


@lru_cache(maxsize=4096)
def can_print(char: str, code_page: str) -> bool:
    """True if ``char`` is a visible character (or space) of ``code_page``."""
    if char == " ":
        return True
    if unicodedata.category(char)[0] in ("C", "Z"):  # controls, separators, unassigned
        return False
    try:
        char.encode(_codec(code_page))
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=4096)
def _substitute(char: str, code_page: str) -> str:
    if char in _REPLACEMENTS:
        return "".join(c for c in _REPLACEMENTS[char] if can_print(c, code_page))
    category = unicodedata.category(char)
    if category in ("Cc", "Zl", "Zp", "Zs"):  # tabs, stray newlines, odd spaces
        return " "
    if category in ("Cf", "Mn", "Me"):  # zero-width marks, lone combining marks
        return ""
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in decomposed if can_print(c, code_page))
    if kept and decomposed != char:
        return kept
    return REPLACEMENT_CHAR


def printable(text: str, code_page: str = "CP437") -> str:
    """``text`` with every character the code page cannot print transliterated or replaced.

    Characters the code page has (all of Indonesian, most Latin accents) are kept as they
    are; "é" stays "é" on CP437, "ł" becomes "l", "中" and emoji become "?". Newlines are kept
    so callers can split on them; all other control characters become spaces.
    """
    out: list[str] = []
    for char in text:
        if char == "\n" or can_print(char, code_page):
            out.append(char)
        else:
            out.append(_substitute(char, code_page))
    return "".join(out)


def printable_keeping_joins(text: str, code_page: str = "CP437") -> str:
    """:func:`printable`, but :data:`NO_BREAK` joins stay (for :func:`wrap`)."""
    return NO_BREAK.join(printable(part, code_page) for part in text.split(NO_BREAK))


def unjoined(line: str) -> str:
    """A wrapped line as it is printed: no-break joins become ordinary spaces."""
    return line.replace(NO_BREAK, " ")


def wrap(text: str, width: int, *, indent: str = "") -> list[str]:
    """Wrap to ``width`` columns without dropping anything: long words are split, not cut off."""
    if width < 1:
        raise ValueError("width must be at least 1")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            lines.append("")
            continue
        lines.extend(
            textwrap.wrap(
                paragraph,
                width=width,
                subsequent_indent=indent if len(indent) < width else "",
                break_long_words=True,
                break_on_hyphens=True,
                drop_whitespace=True,
            )
        )
    return lines or [""]
