"""Render the same ticket/receipt blocks to a narrow, receipt-sized PDF page
(:mod:`loket.printing.pdf_writer`)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeAlias

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
from loket.printing.layouts import Layout, ReceiptLayout
from loket.printing.pdf_writer import OnePagePdf, string_width
from loket.printing.qr import qr_matrix
from loket.printing.textfilter import printable, printable_keeping_joins, unjoined

mm = 72 / 25.4  # points per millimetre
PAGE_WIDTH = 80 * mm
MARGIN = 5 * mm
FONT_SIZE = 8.5
LEADING = FONT_SIZE * 1.3
CHAR_WIDTH = 0.6 * FONT_SIZE  # Courier: every glyph is 600/1000 em wide
COLUMNS = int((PAGE_WIDTH - 2 * MARGIN) // CHAR_WIDTH)
QR_MAX = 40 * mm
LOGO_HEIGHT = 15 * mm
CODE_PAGE = "CP1252"  # what the standard PDF fonts (WinAnsiEncoding) can show
CAP_HEIGHT_EM = 0.562  # Courier-Bold's capital height (Adobe AFM), digits are as tall
# The queue number: its capitals NUMBER_MIN_MM tall, unless too long for the page width.
NUMBER_FONT_SIZE = math.ceil(NUMBER_MIN_MM * mm / CAP_HEIGHT_EM)  # whole points: 61


@dataclass(frozen=True)
class _Line:
    text: str
    align: str
    bold: bool
    scale: float
    invert: bool


def number_scale(text: str) -> float:
    """How many times the body font size the queue number is printed at."""
    fits = (PAGE_WIDTH - 2 * MARGIN) / (0.6 * max(1, len(text)))
    return min(NUMBER_FONT_SIZE, fits) / FONT_SIZE


_Item: TypeAlias = _Line | Qr | Logo | float  # float = vertical space in points


def _items(blocks: list[Block]) -> list[_Item]:
    items: list[_Item] = []
    for block in blocks:
        if isinstance(block, Text):
            clean = Text(
                printable_keeping_joins(block.text, CODE_PAGE),
                block.align,
                block.bold,
                block.scale,
                block.invert,
            )
            items += [
                _Line(unjoined(line), block.align, block.bold, block.scale, block.invert)
                for line in block_lines(clean, COLUMNS)
            ]
        elif isinstance(block, Number):
            text = printable(block.text, CODE_PAGE)
            items.append(_Line(text, "center", True, number_scale(text), False))
        elif isinstance(block, Field):
            clean_field = Field(
                printable_keeping_joins(block.label, CODE_PAGE),
                printable_keeping_joins(block.value, CODE_PAGE),
            )
            items += [
                _Line(unjoined(line), "left", False, 1, False)
                for line in block_lines(clean_field, COLUMNS)
            ]
        elif isinstance(block, Rule):
            items.append(_Line("-" * COLUMNS, "left", False, 1, False))
        elif isinstance(block, Gap):
            items.append(LEADING * block.lines)
        else:
            items.append(block)
    return items


def _qr_module(text: str) -> tuple[int, float]:
    n = len(qr_matrix(text))
    return n, min(QR_MAX / n, (PAGE_WIDTH - 2 * MARGIN) / (n + 8))


def _height(item: _Item) -> float:
    if isinstance(item, float):
        return item
    if isinstance(item, _Line):
        return LEADING * item.scale
    if isinstance(item, Qr):
        n, module = _qr_module(item.text)
        return (n + 8) * module
    return LOGO_HEIGHT + LEADING


def _draw_line(pdf: OnePagePdf, line: _Line, top: float) -> None:
    size = FONT_SIZE * line.scale
    font = "Courier-Bold" if line.bold else "Courier"
    width = string_width(line.text, size)
    x = (PAGE_WIDTH - width) / 2 if line.align == "center" else MARGIN
    baseline = top - LEADING * line.scale + (LEADING - FONT_SIZE) * line.scale
    if line.invert:
        pdf.rects([(x - 2, baseline - 2, width + 4, size + 2)])
    pdf.text(x, baseline, line.text, font, size, gray=1 if line.invert else 0)


def _draw_qr(pdf: OnePagePdf, text: str, top: float) -> None:
    n, module = _qr_module(text)
    left = (PAGE_WIDTH - n * module) / 2
    upper = top - 4 * module
    pdf.rects(
        [
            (left + c * module, upper - (r + 1) * module, module, module)
            for r, row in enumerate(qr_matrix(text))
            for c, dark in enumerate(row)
            if dark
        ]
    )


@lru_cache(maxsize=4)
def _logo(path: Path) -> Image.Image:
    """The logo in grey, transparent parts white."""
    with Image.open(path) as source:
        rgba = source.convert("RGBA")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, rgba).convert("L")


def render_pdf_blocks(blocks: list[Block], title: str = "Loket") -> bytes:
    items = _items(blocks)
    height = 2 * MARGIN + sum(_height(item) for item in items)
    pdf = OnePagePdf(PAGE_WIDTH, height, title)
    top = height - MARGIN
    for item in items:
        if isinstance(item, _Line):
            _draw_line(pdf, item, top)
        elif isinstance(item, Qr):
            _draw_qr(pdf, item.text, top)
        elif isinstance(item, Logo):
            box = (MARGIN, top - LOGO_HEIGHT, PAGE_WIDTH - 2 * MARGIN, LOGO_HEIGHT)
            pdf.image(_logo(item.path), *box)
        top -= _height(item)
    return pdf.finish()


def render_pdf(layout: Layout) -> bytes:
    """A one-page PDF, 80 mm wide and as tall as the content, of a ticket or receipt."""
    number = layout.receipt_number if isinstance(layout, ReceiptLayout) else layout.number
    return render_pdf_blocks(layout_blocks(layout), title=f"Loket {number}")
