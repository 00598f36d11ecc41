"""Real-time printer status (DLE EOT n): decoding replies and plain-language messages.

No reply within the timeout means *unknown* — never "paper OK".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum

DLE_EOT = b"\x10\x04"
# n=3 (error details) last: many cheap printers never answer it, and asking it last means
# its silence costs one timeout without hiding the answers to 1, 2 and 4.
STATUS_QUERIES = (1, 2, 4, 3)


def status_request(n: int) -> bytes:
    return DLE_EOT + bytes((n,))


class Problem(Enum):
    """Ordered from most to least serious: ``message()`` describes the first one present."""

    NO_CONNECTION = "no_connection"
    COVER_OPEN = "cover_open"
    PAPER_OUT = "paper_out"
    CUTTER_ERROR = "cutter_error"
    UNRECOVERABLE_ERROR = "unrecoverable_error"
    AUTO_RECOVERABLE_ERROR = "auto_recoverable_error"
    OFFLINE = "offline"
    UNKNOWN = "unknown"
    PAPER_NEAR_END = "paper_near_end"


# Problems that stop a job from being sent.
BLOCKING = frozenset(
    {
        Problem.NO_CONNECTION,
        Problem.COVER_OPEN,
        Problem.PAPER_OUT,
        Problem.CUTTER_ERROR,
        Problem.UNRECOVERABLE_ERROR,
        Problem.AUTO_RECOVERABLE_ERROR,
        Problem.OFFLINE,
    }
)

SHOW_OFFICER_ID = "Tiket Anda tetap tercatat — tunjukkan layar ini kepada petugas."
SHOW_OFFICER_EN = "Your ticket is recorded — show this screen to an officer."

MESSAGES: dict[Problem | None, tuple[str, str]] = {
    None: ("Printer siap.", "The printer is ready."),
    Problem.NO_CONNECTION: (
        f"Printer tidak dapat dihubungi. {SHOW_OFFICER_ID}",
        f"The printer cannot be reached. {SHOW_OFFICER_EN}",
    ),
    Problem.COVER_OPEN: (
        f"Tutup printer terbuka. {SHOW_OFFICER_ID}",
        f"The printer cover is open. {SHOW_OFFICER_EN}",
    ),
    Problem.PAPER_OUT: (
        f"Kertas printer habis. {SHOW_OFFICER_ID}",
        f"The printer is out of paper. {SHOW_OFFICER_EN}",
    ),
    Problem.CUTTER_ERROR: (
        f"Pemotong kertas printer macet. {SHOW_OFFICER_ID}",
        f"The printer's paper cutter is jammed. {SHOW_OFFICER_EN}",
    ),
    Problem.UNRECOVERABLE_ERROR: (
        f"Printer mengalami kerusakan. {SHOW_OFFICER_ID}",
        f"The printer has a fault. {SHOW_OFFICER_EN}",
    ),
    Problem.AUTO_RECOVERABLE_ERROR: (
        f"Printer sedang mendingin, coba lagi sebentar. {SHOW_OFFICER_ID}",
        f"The printer is cooling down; try again shortly. {SHOW_OFFICER_EN}",
    ),
    Problem.OFFLINE: (
        f"Printer sedang tidak siap (offline). {SHOW_OFFICER_ID}",
        f"The printer is offline. {SHOW_OFFICER_EN}",
    ),
    Problem.UNKNOWN: (
        "Status printer tidak diketahui (printer tidak menjawab). Periksa apakah tiket keluar; "
        f"jika tidak, {SHOW_OFFICER_ID[0].lower()}{SHOW_OFFICER_ID[1:]}",
        "The printer status is unknown (the printer does not answer). Check that your ticket "
        f"came out; if not, {SHOW_OFFICER_EN[0].lower()}{SHOW_OFFICER_EN[1:]}",
    ),
    Problem.PAPER_NEAR_END: (
        "Kertas printer hampir habis. Petugas: siapkan gulungan baru.",
        "The printer paper is nearly used up. Staff: get a new roll ready.",
    ),
}


@dataclass(frozen=True)
class PrinterStatus:
    """Decoded status. ``ok`` is True only when every answer came back and shows no fault
    (paper near end is a warning: ``ok`` stays True but it is listed in ``problems``)."""

    ok: bool
    problems: tuple[Problem, ...] = ()
    replies: Mapping[int, int | None] = field(default_factory=dict, compare=False)

    @property
    def known(self) -> bool:
        return Problem.UNKNOWN not in self.problems and Problem.NO_CONNECTION not in self.problems

    @property
    def blocking(self) -> bool:
        """True when sending a job now would surely fail (paper out, cover open, …)."""
        return any(p in BLOCKING for p in self.problems)

    @property
    def main_problem(self) -> Problem | None:
        return min(self.problems, key=list(Problem).index) if self.problems else None

    def message(self, lang: str = "id") -> str:
        """One plain sentence for a visitor or staff member, ``lang`` "id" or "en"."""
        text_id, text_en = MESSAGES[self.main_problem]
        return text_id if lang == "id" else text_en

    @classmethod
    def unreachable(cls) -> PrinterStatus:
        return cls(ok=False, problems=(Problem.NO_CONNECTION,))


def _valid(byte: int | None) -> bool:
    # Every real-time status byte has the fixed pattern 0xx1xx10b.
    return byte is not None and byte & 0b1001_0011 == 0b0001_0010


def decode_status(replies: Mapping[int, int | None]) -> PrinterStatus:
    """Decode DLE EOT replies keyed by n (1–4); ``None`` or a malformed byte = no answer.

    n=3 is optional: a missing n=3 reply alone does not make the status unknown.
    """
    problems: list[Problem] = []
    r1, r2, r3, r4 = (replies.get(n) for n in (1, 2, 3, 4))
    if not (_valid(r1) and _valid(r2) and _valid(r4)):
        problems.append(Problem.UNKNOWN)
    if _valid(r1) and r1 is not None and r1 & 0x08:
        problems.append(Problem.OFFLINE)
    if _valid(r2) and r2 is not None:
        if r2 & 0x04:
            problems.append(Problem.COVER_OPEN)
        if r2 & 0x20:
            problems.append(Problem.PAPER_OUT)
    if _valid(r3) and r3 is not None:
        if r3 & 0x08:
            problems.append(Problem.CUTTER_ERROR)
        if r3 & 0x20:
            problems.append(Problem.UNRECOVERABLE_ERROR)
        if r3 & 0x40:
            problems.append(Problem.AUTO_RECOVERABLE_ERROR)
    elif _valid(r2) and r2 is not None and r2 & 0x40 and not problems:
        problems.append(Problem.UNRECOVERABLE_ERROR)  # n=2 says "error", n=3 did not say which
    if _valid(r4) and r4 is not None:
        if r4 & 0x60 and Problem.PAPER_OUT not in problems:
            problems.append(Problem.PAPER_OUT)
        elif r4 & 0x0C and not r4 & 0x60:
            problems.append(Problem.PAPER_NEAR_END)
    unique = tuple(dict.fromkeys(problems))
    ok = all(p is Problem.PAPER_NEAR_END for p in unique)
    return PrinterStatus(ok=ok, problems=unique, replies=dict(replies))


# A query function sends DLE EOT n and returns the reply byte, or None after its timeout.
StatusQuery = Callable[[int], int | None]


def read_status(query: StatusQuery, *, with_n3: bool = True) -> PrinterStatus:
    """Ask n = 1, 2, 4, (3) in turn. After the first unanswered query, stop asking: a reply
    that comes late would otherwise be taken as the answer to the next question."""
    replies: dict[int, int | None] = {}
    for n in STATUS_QUERIES:
        if n == 3 and not with_n3:
            continue
        reply = query(n)
        replies[n] = reply
        if reply is None:
            break
    return decode_status(replies)
