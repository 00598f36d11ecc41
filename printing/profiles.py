"""Printer capability profiles: paper width, cutter, native QR, code page."""

from __future__ import annotations

from dataclasses import dataclass, replace

# ESC t numbers of the code pages we use (Epson numbering, shared by most clones).
CODE_PAGE_NUMBERS = {"CP437": 0, "CP850": 2, "CP1252": 16, "CP858": 19}


@dataclass(frozen=True)
class PrinterProfile:
    """What one printer model can do. Widths are for font A (12×24 dots)."""

    name: str
    paper_mm: int
    dots: int  # printable width in dots at 8 dots/mm
    columns: int  # characters per line in font A
    cutter: bool = True
    native_qr: bool = False
    code_page: str = "CP437"
    answers_status: bool = True  # False for printers known never to reply to DLE EOT
    line_height_dots: int = 30  # ESC 2 default line spacing
    dots_per_mm: int = 8
    font_height_dots: int = 24  # font A cell
    # Ink height of a capital letter or digit in the font A cell: 17 of 24 dots in the
    # Epson-compatible 12x24 ROM fonts. A printed height promise is made on this, not
    # on the cell (which includes the space above and below the characters).
    glyph_height_dots: int = 17

    @property
    def code_page_number(self) -> int:
        return CODE_PAGE_NUMBERS[self.code_page]

    def glyph_height_mm(self, magnification: int) -> float:
        """How tall a capital or digit prints at ``magnification`` (GS ! height)."""
        return self.glyph_height_dots * magnification / self.dots_per_mm

    def magnification_for(self, height_mm: float) -> int:
        """The smallest GS ! height (1–8) whose capitals print at least ``height_mm`` tall."""
        for n in range(1, 9):
            if self.glyph_height_mm(n) >= height_mm:
                return n
        return 8

    def with_options(self, **changes: object) -> PrinterProfile:
        return replace(self, **changes)  # type: ignore[arg-type]


PROFILE_58 = PrinterProfile(name="58mm", paper_mm=58, dots=384, columns=32)
PROFILE_80 = PrinterProfile(name="80mm", paper_mm=80, dots=576, columns=48)
PROFILE_58_NO_CUTTER = PROFILE_58.with_options(name="58mm-nocut", cutter=False)
PROFILE_80_NATIVE_QR = PROFILE_80.with_options(name="80mm-nativeqr", native_qr=True)

# Unknown printers: 80 mm, raster QR (every printer can print it), cutter.
DEFAULT_PROFILE = PROFILE_80

PROFILES: dict[str, PrinterProfile] = {
    p.name: p for p in (PROFILE_58, PROFILE_80, PROFILE_58_NO_CUTTER, PROFILE_80_NATIVE_QR)
}
_ALIASES = {"58": "58mm", "80": "80mm"}


def profile_names() -> str:
    """ "58mm, 80mm, 58mm-nocut, 80mm-nativeqr" (for messages listing the valid choices)."""
    return ", ".join(PROFILES)


def find_profile(name: str) -> PrinterProfile | None:
    """The profile called ``name`` ("58mm", "80", …), or None when there is none."""
    key = name.strip().lower()
    return PROFILES.get(_ALIASES.get(key, key))


def profile_by_name(name: str | None) -> PrinterProfile:
    """The profile called ``name``; empty gets the default. A printer address with an
    unknown profile is refused by :func:`loket.printing.uri.parse_uri`, so an unknown name
    here (an old spool file) also gets the default."""
    if not name:
        return DEFAULT_PROFILE
    return find_profile(name) or DEFAULT_PROFILE
