"""Render the same ticket/receipt blocks to a narrow, receipt-sized PDF page (reportlab)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TypeAlias

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

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
from loket.printing.layouts import Layout, ReceiptLayout
from loket.printing.qr import qr_matrix
from loket.printing.textfilter import printable

PAGE_WIDTH = 80 * mm
MARGIN = 5 * mm
FONT_SIZE = 8.5
LEADING = FONT_SIZE * 1.3
CHAR_WIDTH = 0.6 * FONT_SIZE  # Courier: every glyph is 600/1000 em wide
COLUMNS = int((PAGE_WIDTH - 2 * MARGIN) // CHAR_WIDTH)
QR_MAX = 40 * mm
LOGO_HEIGHT = 15 * mm
CODE_PAGE = "CP1252"  # what reportlab's standard fonts (WinAnsi) can show


@dataclass(frozen=True)
class _Line:
    text: str
    align: str
    bold: bool
    scale: int
    invert: bool


_Item: TypeAlias = _Line | Qr | Logo | float  # float = vertical space in points


def _items(blocks: list[Block]) -> list[_Item]:
    items: list[_Item] = []
    for block in blocks:
        if isinstance(block, Text):
            clean = Text(
                printable(block.text, CODE_PAGE), block.align, block.bold, block.scale, block.invert
            )
            items += [
                _Line(line, block.align, block.bold, block.scale, block.invert)
                for line in block_lines(clean, COLUMNS)
            ]
        elif isinstance(block, Field):
            clean_field = Field(
                printable(block.label, CODE_PAGE), printable(block.value, CODE_PAGE)
            )
            items += [
                _Line(line, "left", False, 1, False) for line in block_lines(clean_field, COLUMNS)
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


def _draw_line(canvas: Canvas, line: _Line, top: float) -> None:
    size = FONT_SIZE * line.scale
    font = "Courier-Bold" if line.bold else "Courier"
    width = canvas.stringWidth(line.text, font, size)
    x = (PAGE_WIDTH - width) / 2 if line.align == "center" else MARGIN
    baseline = top - LEADING * line.scale + (LEADING - FONT_SIZE) * line.scale
    if line.invert:
        canvas.rect(x - 2, baseline - 2, width + 4, size + 2, stroke=0, fill=1)
        canvas.setFillGray(1)
    canvas.setFont(font, size)
    canvas.drawString(x, baseline, line.text)
    canvas.setFillGray(0)


def _draw_qr(canvas: Canvas, text: str, top: float) -> None:
    n, module = _qr_module(text)
    left = (PAGE_WIDTH - n * module) / 2
    upper = top - 4 * module
    path = canvas.beginPath()
    for r, row in enumerate(qr_matrix(text)):
        for c, dark in enumerate(row):
            if dark:
                path.rect(left + c * module, upper - (r + 1) * module, module, module)
    canvas.drawPath(path, stroke=0, fill=1)


def render_pdf_blocks(blocks: list[Block], title: str = "Loket") -> bytes:
    items = _items(blocks)
    height = 2 * MARGIN + sum(_height(item) for item in items)
    buffer = io.BytesIO()
    # invariant + no compression: reproducible files whose text can be checked byte-wise.
    canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, height), invariant=1, pageCompression=0)
    canvas.setTitle(title)
    top = height - MARGIN
    for item in items:
        if isinstance(item, _Line):
            _draw_line(canvas, item, top)
        elif isinstance(item, Qr):
            _draw_qr(canvas, item.text, top)
        elif isinstance(item, Logo):
            canvas.drawImage(
                ImageReader(str(item.path)),
                MARGIN,
                top - LOGO_HEIGHT,
                PAGE_WIDTH - 2 * MARGIN,
                LOGO_HEIGHT,
                preserveAspectRatio=True,
                anchor="c",
                mask="auto",
            )
        top -= _height(item)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_pdf(layout: Layout) -> bytes:
    """A one-page PDF, 80 mm wide and as tall as the content, of a ticket or receipt."""
    number = layout.receipt_number if isinstance(layout, ReceiptLayout) else layout.number
    return render_pdf_blocks(layout_blocks(layout), title=f"Loket {number}")
