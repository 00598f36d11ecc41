"""Render ticket/receipt blocks to ESC/POS bytes (:mod:`loket.printing.escpos_bytes`).

Character sizes are always set with ``GS !`` (width and height 1–8); the queue number
gets the height that prints its digits at least ``NUMBER_MIN_MM`` tall on the profile's
font, and the widest width that still fits the paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image

from loket.printing.blocks import (
    NUMBER_MIN_MM,
    Block,
    Field,
    Gap,
    Logo,
    Number,
    Qr,
    Rule,
    Text,
    block_lines,
    layout_blocks,
)
from loket.printing.escpos_bytes import EscPos
from loket.printing.layouts import Layout
from loket.printing.profiles import DEFAULT_PROFILE, PrinterProfile
from loket.printing.qr import module_dots, qr_matrix, qr_raster
from loket.printing.textfilter import printable, printable_keeping_joins, unjoined, wrap

FEED_BEFORE_CUT = 6  # lines; the cutter sits a few lines above the print head
FEED_NO_CUTTER = 4
LOGO_MAX_HEIGHT = 160


@dataclass(frozen=True)
class RenderedJob:
    """ESC/POS bytes and an estimate of the paper they use (for feed-time estimates)."""

    data: bytes
    height_dots: int

    def height_mm(self, dots_per_mm: int = 8) -> float:
        return self.height_dots / dots_per_mm


@lru_cache(maxsize=8)
def _logo_image(path: Path, width_dots: int) -> Image.Image:
    with Image.open(path) as source:
        image = source.convert("L")
    scale = min(1.0, width_dots / image.width, LOGO_MAX_HEIGHT / image.height)
    size = (max(1, int(image.width * scale)), max(1, int(image.height * scale)))
    image = image.resize(size, Image.Resampling.LANCZOS).convert("1")
    canvas = Image.new("1", (width_dots, image.height), 1)
    canvas.paste(image, ((width_dots - image.width) // 2, 0))
    return canvas


def number_size(text: str, profile: PrinterProfile) -> tuple[int, int]:
    """(width, height) magnification of the queue number: tall enough for its digits to
    print ``NUMBER_MIN_MM`` high, as wide as that (or as the paper allows)."""
    height = profile.magnification_for(NUMBER_MIN_MM)
    width = max(1, min(height, profile.columns // max(1, len(text))))
    return width, height


class _Renderer:
    def __init__(self, profile: PrinterProfile) -> None:
        self.profile = profile
        self.printer = EscPos(profile.code_page, profile.code_page_number)
        self.height = 0
        self.current_style: tuple[str, bool, bool, int, int] | None = None

    def style(self, align: str, bold: bool, invert: bool, width: int, height: int) -> None:
        wanted = (align, bold, invert, width, height)
        if wanted == self.current_style:
            return
        self.printer.style(align=align, bold=bold, invert=invert, width=width, height=height)
        self.current_style = wanted

    def _line(self, text: str, height: int) -> None:
        self.printer.text_line(unjoined(text))
        self.height += max(self.profile.line_height_dots, self.profile.font_height_dots * height)

    def lines(self, block: Text | Field) -> None:
        cp = self.profile.code_page
        if isinstance(block, Text):
            self.style(block.align, block.bold, block.invert, block.scale, block.scale)
            clean: Text | Field = Text(
                printable_keeping_joins(block.text, cp),
                block.align,
                block.bold,
                block.scale,
                block.invert,
            )
            scale = block.scale
        else:
            self.style("left", False, False, 1, 1)
            clean = Field(
                printable_keeping_joins(block.label, cp), printable_keeping_joins(block.value, cp)
            )
            scale = 1
        for line in block_lines(clean, self.profile.columns):
            self._line(line, scale)

    def number(self, block: Number) -> None:
        text = printable(block.text, self.profile.code_page)
        width, height = number_size(text, self.profile)
        self.style("center", True, False, width, height)
        for line in wrap(text, max(1, self.profile.columns // width)):
            self._line(line, height)

    def image(self, image: Image.Image) -> None:
        self.printer.image(image)
        self.height += image.height

    def qr(self, text: str) -> None:
        if not self.profile.native_qr:
            self.image(qr_raster(text, self.profile.dots))
            return
        n = len(qr_matrix(text))
        size = module_dots(n, self.profile.dots)
        self.style("center", False, False, 1, 1)
        self.printer.native_qr(text, size)
        self.printer.blank_lines(1)
        self.height += (n + 8) * size + self.profile.line_height_dots

    def feed(self, lines: int) -> None:
        self.style("left", False, False, 1, 1)  # a blank line as tall as a normal one
        self.printer.blank_lines(lines)
        self.height += lines * self.profile.line_height_dots

    def block(self, block: Block) -> None:
        if isinstance(block, Text | Field):
            self.lines(block)
        elif isinstance(block, Number):
            self.number(block)
        elif isinstance(block, Rule):
            self.style("left", False, False, 1, 1)
            self.printer.text_line("-" * self.profile.columns)
            self.height += self.profile.line_height_dots
        elif isinstance(block, Gap):
            self.feed(block.lines)
        elif isinstance(block, Qr):
            self.qr(block.text)
        elif isinstance(block, Logo):
            self.image(_logo_image(block.path, self.profile.dots))

    def finish(self, cut: bool) -> RenderedJob:
        if cut and self.profile.cutter:
            self.printer.cut(FEED_BEFORE_CUT)
            self.height += FEED_BEFORE_CUT * self.profile.line_height_dots
        else:
            self.feed(FEED_NO_CUTTER)
        return RenderedJob(bytes(self.printer.output), self.height)


def render_blocks(
    blocks: list[Block], profile: PrinterProfile = DEFAULT_PROFILE, *, cut: bool = True
) -> RenderedJob:
    renderer = _Renderer(profile)
    for block in blocks:
        renderer.block(block)
    return renderer.finish(cut)


def render_escpos(layout: Layout, profile: PrinterProfile = DEFAULT_PROFILE) -> RenderedJob:
    """ESC/POS bytes for a ticket or receipt on ``profile``'s paper.

    Raises :class:`~loket.printing.errors.QrDoesNotFitError` if the QR cannot be printed with
    at least 4 dots per module.
    """
    return render_blocks(layout_blocks(layout), profile)


def copy_banner(profile: PrinterProfile = DEFAULT_PROFILE) -> bytes:
    """A bold "SALINAN / COPY" line, for reprinting raw jobs that have no layout."""
    return render_blocks(
        [Text("SALINAN / COPY", "center", bold=True, invert=True)], profile, cut=False
    ).data.removesuffix(b"\n" * FEED_NO_CUTTER)
