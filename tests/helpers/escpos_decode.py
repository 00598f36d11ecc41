"""Decode ESC/POS bytes back into text lines and raster images, so tests can check what a
printer would really print (and scan the QR codes in it).

Every stretch of text printed in one style is a :class:`TextRun` with the character
magnification in effect (``ESC !`` double sizes or ``GS !`` 1–8) and the height of its
character cells in dots; a :class:`TextLine` joins the runs of one printed line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import zxingcpp
from PIL import Image, ImageOps

ESC, GS, DLE, LF, CR = 0x1B, 0x1D, 0x10, 0x0A, 0x0D
CODE_PAGES = {0: "cp437", 2: "cp850", 16: "cp1252", 19: "cp858"}
# ESC commands followed by exactly one parameter byte.
_ESC_ONE = set(b"!-EGJMVadt{3crU ")
_GS_ONE = set(b"!BHIafhwbr")


class DecodeError(ValueError):
    pass


# Character cell heights in dots of ESC M font 0 (A, 12x24) and 1 (B, 9x17).
FONT_CELL_DOTS = {0: 24, 1: 17}


@dataclass
class TextRun:
    """Text printed in one style: ``width``/``height`` are the magnification in effect."""

    text: str
    bold: bool = False
    width: int = 1
    height: int = 1
    font: int = 0

    @property
    def cell_height_dots(self) -> int:
        """How tall the run's character cells print, in printer dots."""
        return FONT_CELL_DOTS.get(self.font, 24) * self.height


@dataclass
class TextLine:
    """One printed line; ``width``/``height`` are the largest magnification on it."""

    text: str
    bold: bool = False
    width: int = 1
    height: int = 1
    align: str = "left"
    invert: bool = False
    runs: list[TextRun] = field(default_factory=list)

    @property
    def cell_height_dots(self) -> int:
        return max((run.cell_height_dots for run in self.runs), default=24 * self.height)


@dataclass
class Decoded:
    lines: list[TextLine] = field(default_factory=list)
    images: list[Image.Image] = field(default_factory=list)
    native_qr: list[bytes] = field(default_factory=list)
    cuts: int = 0
    code_pages: list[int] = field(default_factory=list)
    feeds: int = 0
    status_questions: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def qr_texts(self) -> list[str]:
        found: list[str] = []
        for image in self.images:
            found += [
                r.text
                for r in zxingcpp.read_barcodes(
                    image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
                )
            ]
        return found


class _State:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.code_page = 0
        self.bold = False
        self.width = 1
        self.height = 1
        self.align = "left"
        self.invert = False
        self.font = 0


def _raster(data: bytes, i: int) -> tuple[Image.Image, int]:
    if i + 8 > len(data):
        raise DecodeError("truncated GS v 0 header")
    xbytes = data[i + 4] | data[i + 5] << 8
    rows = data[i + 6] | data[i + 7] << 8
    end = i + 8 + xbytes * rows
    if end > len(data):
        raise DecodeError("truncated GS v 0 image data")
    bits = Image.frombytes("1", (xbytes * 8, rows), bytes(data[i + 8 : end]))
    # In ESC/POS a set bit is a black dot; in PIL's mode "1" a set bit is white.
    return ImageOps.invert(bits.convert("L")), end


def decode(data: bytes) -> Decoded:
    out = Decoded()
    st = _State()
    text = bytearray()
    runs: list[TextRun] = []

    def end_run() -> None:
        """Text so far was printed in the style in effect until now."""
        if text:
            codec = CODE_PAGES.get(st.code_page, "latin-1")
            runs.append(TextRun(text.decode(codec), st.bold, st.width, st.height, st.font))
            text.clear()

    def end_line() -> None:
        end_run()
        line = runs or [TextRun("", st.bold, st.width, st.height, st.font)]
        out.lines.append(
            TextLine(
                "".join(run.text for run in line),
                any(run.bold for run in line),
                max(run.width for run in line),
                max(run.height for run in line),
                st.align,
                st.invert,
                list(line),
            )
        )
        runs.clear()

    i = 0
    while i < len(data):
        b = data[i]
        if b == LF:
            end_line()
            i += 1
        elif b == CR:
            i += 1
        elif b == DLE and i + 2 < len(data) and data[i + 1] == 0x04:
            out.status_questions.append(data[i + 2])
            i += 3
        elif b == ESC:
            end_run()
            cmd = data[i + 1]
            arg = data[i + 2] if i + 2 < len(data) else 0
            if cmd == ord("@"):
                st.reset()
                i += 2
                continue
            if cmd == ord("2"):
                i += 2
                continue
            if cmd == ord("t"):
                st.code_page = arg
                out.code_pages.append(arg)
            elif cmd == ord("!"):
                st.bold = bool(arg & 0x08)
                st.height = 2 if arg & 0x10 else 1
                st.width = 2 if arg & 0x20 else 1
            elif cmd == ord("E"):
                st.bold = bool(arg)
            elif cmd == ord("M"):
                st.font = arg & 0x01
            elif cmd == ord("a"):
                st.align = {
                    0: "left",
                    1: "center",
                    2: "right",
                    48: "left",
                    49: "center",
                    50: "right",
                }.get(arg, "left")
            elif cmd == ord("d"):
                if text or runs:
                    end_line()
                out.feeds += arg
            elif cmd == ord("p"):
                i += 5
                continue
            elif cmd not in _ESC_ONE:
                raise DecodeError(f"unknown command ESC {cmd:#x} at {i}")
            i += 3
        elif b == GS:
            end_run()
            cmd = data[i + 1]
            if cmd == ord("v"):
                if text or runs:
                    end_line()
                image, i = _raster(data, i)
                out.images.append(image)
                continue
            if cmd == ord("("):
                size = data[i + 3] | data[i + 4] << 8
                payload = data[i + 5 : i + 5 + size]
                if data[i + 2] == ord("k") and payload[:2] == b"1P":
                    out.native_qr.append(bytes(payload[3:]))
                i += 5 + size
                continue
            if cmd == ord("V"):
                out.cuts += 1
                i += 4 if data[i + 2] in (65, 66) else 3
                continue
            if cmd == ord("!"):
                arg = data[i + 2]
                st.width, st.height = (arg >> 4) + 1, (arg & 0x0F) + 1
            elif cmd == ord("B"):
                st.invert = bool(data[i + 2])
            elif cmd not in _GS_ONE:
                raise DecodeError(f"unknown command GS {cmd:#x} at {i}")
            i += 3
        elif b < 0x20:
            raise DecodeError(f"unexpected control byte {b:#x} at {i}")
        else:
            text.append(b)
            i += 1
    if text or runs:
        end_line()
    return out
