"""What a reader of a report PDF sees: its text, page by page, extracted with pypdf.

Checking ``%PDF`` and a page count proves nothing about the figures: a report with every
cell blank passes that. Tests read the words and numbers back instead.
"""

from __future__ import annotations

import io
import re
from pathlib import Path


def pdf_pages(pdf: bytes | Path) -> list[str]:
    """The text of each page, whitespace (incl. thin spaces) folded to single spaces."""
    from pypdf import PdfReader

    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    assert data.startswith(b"%PDF-"), data[:20]
    reader = PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", page.extract_text() or "").strip() for page in reader.pages]


def pdf_text(pdf: bytes | Path) -> str:
    """The text of the whole document, pages joined by a blank line."""
    return "\n\n".join(pdf_pages(pdf))
