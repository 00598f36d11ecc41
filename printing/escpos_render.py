"""Render ticket/receipt blocks to ESC/POS bytes with python-escpos's ``Dummy`` printer."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from escpos.capabilities import Profile, get_profile_class
from escpos.constants import QR_ECLEVEL_M
from escpos.printer import Dummy
from PIL import Image

from loket.printing.blocks import (
    Block,
    Field,
    Gap,
    Logo,
    Qr,
    Rule,
    Text,
    block_lines,
    layout_blocks,
)
from loket.printing.layouts import Layout
from loket.printing.profiles import DEFAULT_PROFILE, PrinterProfile
from loket.printing.qr import module_dots, qr_matrix, qr_raster
from loket.printing.textfilter import printable

INIT = b"\x1b@"
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


@lru_cache(maxsize=16)
def escpos_profile(profile: PrinterProfile) -> Any:
    """A python-escpos profile object with our paper width, columns and features."""
    data = copy.deepcopy(get_profile_class("default").profile_data)
    data["media"] = {"dpi": 203, "width": {"mm": profile.paper_mm, "pixels": profile.dots}}
    data["fonts"]["0"]["columns"] = profile.columns
    features = data["features"]
    features.update(
        paperFullCut=profile.cutter, paperPartCut=profile.cutter, qrCode=profile.native_qr
    )
    cls = type(f"Loket{profile.name.replace('-', '')}Profile", (Profile,), {"profile_data": data})
    return cls(columns=profile.columns, features=features)


def _new_printer(profile: PrinterProfile) -> Dummy:
    printer = Dummy(
        profile=escpos_profile(profile),
        magic_encode_args={"encoding": profile.code_page, "disabled": True},
    )
    printer._raw(INIT)
    # Emit ESC t once; with magic encoding disabled escpos never switches code page
    # (and never falls into its GB18030 path) after this.
    printer.magic.encoding = None
    printer.magic.force_encoding(profile.code_page)
    return printer


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


class _Renderer:
    def __init__(self, profile: PrinterProfile) -> None:
        self.profile = profile
        self.printer = _new_printer(profile)
        self.height = 0
        self.current_style: tuple[str, bool, bool, int] | None = None

    def style(self, align: str, bold: bool, invert: bool, scale: int) -> None:
        wanted = (align, bold, invert, scale)
        if wanted == self.current_style:
            return
        self.printer.set(
            align=align,
            bold=bold,
            invert=invert,
            double_width=scale == 2,
            double_height=scale == 2,
            normal_textsize=scale == 1,
        )
        self.current_style = wanted

    def lines(self, block: Text | Field) -> None:
        cp = self.profile.code_page
        if isinstance(block, Text):
            self.style(block.align, block.bold, block.invert, block.scale)
            clean: Text | Field = Text(
                printable(block.text, cp), block.align, block.bold, block.scale, block.invert
            )
            scale = block.scale
        else:
            self.style("left", False, False, 1)
            clean = Field(printable(block.label, cp), printable(block.value, cp))
            scale = 1
        for line in block_lines(clean, self.profile.columns):
            self.printer.textln(line)
            self.height += self.profile.line_height_dots * scale

    def image(self, image: Image.Image) -> None:
        self.printer.image(image, impl="bitImageRaster", center=False)
        self.height += image.height

    def qr(self, text: str) -> None:
        if not self.profile.native_qr:
            self.image(qr_raster(text, self.profile.dots))
            return
        n = len(qr_matrix(text))
        size = module_dots(n, self.profile.dots)
        self.style("center", False, False, 1)
        self.printer.qr(text, ec=QR_ECLEVEL_M, size=size, native=True)
        self.printer.ln()
        self.height += (n + 8) * size + self.profile.line_height_dots

    def feed(self, lines: int) -> None:
        self.printer.ln(lines)
        self.height += lines * self.profile.line_height_dots

    def block(self, block: Block) -> None:
        if isinstance(block, Text | Field):
            self.lines(block)
        elif isinstance(block, Rule):
            self.style("left", False, False, 1)
            self.printer.textln("-" * self.profile.columns)
            self.height += self.profile.line_height_dots
        elif isinstance(block, Gap):
            self.feed(block.lines)
        elif isinstance(block, Qr):
            self.qr(block.text)
        elif isinstance(block, Logo):
            self.image(_logo_image(block.path, self.profile.dots))

    def finish(self, cut: bool) -> RenderedJob:
        if cut and self.profile.cutter:
            self.printer.cut()  # feeds FEED_BEFORE_CUT lines, then GS V
            self.height += FEED_BEFORE_CUT * self.profile.line_height_dots
        else:
            self.feed(FEED_NO_CUTTER)
        return RenderedJob(self.printer.output, self.height)


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
