"""A one-page PDF of Courier text, filled rectangles and an optional grey image — all a
ticket, receipt or complaint-slip copy needs — drawn with reportlab.

Courier is one of the standard 14 fonts every PDF reader has, so nothing is embedded and
every glyph is 0.6 em wide, which makes measuring a string trivial. reportlab is imported
when the first copy is written, not when ``loket`` starts: a printout to a real printer
never pays for it.
"""

from __future__ import annotations

import io

from PIL import Image

GLYPH_WIDTH_EM = 0.6  # Courier: every glyph is 600/1000 em wide


def string_width(text: str, size: float) -> float:
    return GLYPH_WIDTH_EM * size * len(text)


class OnePagePdf:
    """Coordinates in points from the bottom left, as in PDF."""

    def __init__(self, width: float, height: float, title: str) -> None:
        from reportlab.pdfgen.canvas import Canvas

        self._buffer = io.BytesIO()
        # invariant=1: the same page gives the same bytes (no creation date or random id);
        # uncompressed, so a support person (and the tests) can read the text in the file.
        self._canvas = Canvas(
            self._buffer, pagesize=(width, height), invariant=1, pageCompression=0
        )
        self._canvas.setTitle(title)
        self._canvas.setProducer("Loket")

    def text(self, x: float, y: float, text: str, font: str, size: float, gray: float) -> None:
        self._canvas.setFillGray(gray)
        self._canvas.setFont(font, size)
        self._canvas.drawString(x, y, text)

    def rects(self, rects: list[tuple[float, float, float, float]], gray: float = 0) -> None:
        """Filled rectangles (x, y, width, height), as one path."""
        if not rects:
            return
        self._canvas.setFillGray(gray)
        path = self._canvas.beginPath()
        for x, y, width, height in rects:
            path.rect(x, y, width, height)
        self._canvas.drawPath(path, stroke=0, fill=1)

    def image(self, image: Image.Image, x: float, y: float, width: float, height: float) -> None:
        """A grey image fitted into the box (x, y, width, height), centred, aspect kept."""
        from reportlab.lib.utils import ImageReader

        self._canvas.drawImage(
            ImageReader(image.convert("L")),
            x,
            y,
            width,
            height,
            preserveAspectRatio=True,
            anchor="c",
        )

    def finish(self) -> bytes:
        self._canvas.showPage()
        self._canvas.save()
        return self._buffer.getvalue()
