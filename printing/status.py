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

# What was being printed: its name, and what stays true when it did not come out.
# ``None`` (a status check) has neither.
PRINTOUTS: dict[str, tuple[str, str, str, str]] = {
    # kind: (name id, name en, kept id, kept en)
    "ticket": ("tiket", "ticket", SHOW_OFFICER_ID, SHOW_OFFICER_EN),
    "receipt": (
        "tanda terima",
        "receipt",
        "Tanda terima tetap tercatat dan sah; petugas dapat mencetaknya ulang.",
        "The receipt is recorded and valid; an officer can reprint it.",
    ),
    "complaint": (
        "bukti pengaduan",
        "complaint slip",
        "Pengaduan tetap tercatat; petugas dapat mencetak ulang buktinya.",
        "The complaint is recorded; an officer can reprint its slip.",
    ),
    "test": ("halaman uji", "test page", "", ""),
    "copy": (
        "salinan",
        "copy",
        "Pekerjaan ini tetap menunggu di antrean cetak.",
        "The job is still waiting in the print queue.",
    ),
    "printout": (
        "cetakan",
        "printout",
        "Pekerjaan ini tetap menunggu di antrean cetak.",
        "The job is still waiting in the print queue.",
    ),
}

# The printer's own state, in one sentence (the advice for the printout is added after it).
MESSAGES: dict[Problem | None, tuple[str, str]] = {
    None: ("Printer siap.", "The printer is ready."),
    Problem.NO_CONNECTION: ("Printer tidak dapat dihubungi.", "The printer cannot be reached."),
    Problem.COVER_OPEN: ("Tutup printer terbuka.", "The printer cover is open."),
    Problem.PAPER_OUT: ("Kertas printer habis.", "The printer is out of paper."),
    Problem.CUTTER_ERROR: (
        "Pemotong kertas printer macet.",
        "The printer's paper cutter is jammed.",
    ),
    Problem.UNRECOVERABLE_ERROR: ("Printer mengalami kerusakan.", "The printer has a fault."),
    Problem.AUTO_RECOVERABLE_ERROR: (
        "Printer sedang mendingin, coba lagi sebentar.",
        "The printer is cooling down; try again shortly.",
    ),
    Problem.OFFLINE: ("Printer sedang tidak siap (offline).", "The printer is offline."),
    Problem.UNKNOWN: (
        "Status printer tidak diketahui (printer tidak menjawab).",
        "The printer status is unknown (the printer does not answer).",
    ),
    Problem.PAPER_NEAR_END: (
        "Kertas printer hampir habis. Petugas: siapkan gulungan baru.",
        "The printer paper is nearly used up. Staff: get a new roll ready.",
    ),
}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def kept_text(printout: str | None, lang: str = "id") -> str:
    """What stays true when ``printout`` did not print ("" for none, or a status check)."""
    if printout is None:
        return ""
    _name_id, _name_en, kept_id, kept_en = PRINTOUTS.get(printout, PRINTOUTS["printout"])
    return kept_id if lang == "id" else kept_en


def printout_name(printout: str | None, lang: str = "id") -> str:
    name_id, name_en, _kept_id, _kept_en = PRINTOUTS.get(printout or "", PRINTOUTS["printout"])
    return name_id if lang == "id" else name_en


def with_advice(sentence: str, printout: str | None, lang: str = "id") -> str:
    kept = kept_text(printout, lang)
    return f"{sentence} {kept}" if kept else sentence


def unknown_text(printout: str | None, lang: str = "id") -> str:
    """Sent to a printer that never answers status questions: said plainly, not "ok"."""
    head = MESSAGES[Problem.UNKNOWN][0 if lang == "id" else 1]
    if printout is None:
        return head
    name, kept = printout_name(printout, lang), _lower_first(kept_text(printout, lang))
    if lang == "id":
        text = f"{head} {name[:1].upper()}{name[1:]} sudah dikirim, tetapi belum pasti tercetak. "
        text += f"Periksa apakah {name} keluar"
        return f"{text}; jika tidak, {kept}" if kept else f"{text}."
    text = f"{head} The {name} was sent but is not confirmed as printed. "
    text += f"Check that the {name} came out"
    return f"{text}; if not, {kept}" if kept else f"{text}."


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

    def message(self, lang: str = "id", printout: str | None = "ticket") -> str:
        """A plain message for a visitor or staff member, ``lang`` "id" or "en": the
        printer's state, then what it means for ``printout`` ("ticket", "receipt",
        "complaint", "test", "copy"; None for a status check, which gets the state only)."""
        problem = self.main_problem
        if problem is Problem.UNKNOWN:
            return unknown_text(printout, lang)
        text_id, text_en = MESSAGES[problem]
        sentence = text_id if lang == "id" else text_en
        if problem is None or problem is Problem.PAPER_NEAR_END:
            return sentence
        return with_advice(sentence, printout, lang)

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
