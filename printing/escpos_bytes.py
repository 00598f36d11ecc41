"""The few ESC/POS commands Loket's printouts use, written as bytes.

This used to be python-escpos's ``Dummy`` printer. Importing python-escpos costs a
one-off ``loket print`` about 75 ms (its capabilities database, PyYAML, python-barcode,
qrcode, pyusb …) for nine commands that are a few lines each; the bytes are the same
ones it wrote (``GS !`` for every size, ``GS v 0`` rasters, ``GS ( k`` native QR,
``ESC d 6`` + ``GS V 0`` to cut). python-escpos is still what drives USB printers
(:mod:`loket.printing.usb_connection`, loaded through :mod:`loket.printing.escpos_lib`).
"""

from __future__ import annotations

from PIL import Image, ImageOps

ESC, GS = b"\x1b", b"\x1d"
INIT = ESC + b"@"
_ALIGN = {"left": 0, "center": 1, "right": 2}
QR_EC_M = 1  # error correction level M (48 + 1 = "1")
RASTER_ROWS = 960  # taller images go in several GS v 0 commands (as python-escpos did)


def _low_high(value: int) -> bytes:
    return bytes((value & 0xFF, value >> 8 & 0xFF))


class EscPos:
    """Builds a job: ``ESC @``, the code page (``ESC t n``), then text, images and a cut."""

    def __init__(self, code_page: str, code_page_number: int) -> None:
        self.codec = code_page.lower()
        self.output = bytearray(INIT + ESC + b"t" + bytes((code_page_number,)))

    def style(self, *, align: str, bold: bool, invert: bool, width: int, height: int) -> None:
        """Character size (``GS !``, 1–8 each way), bold, alignment and white-on-black."""
        if not (1 <= width <= 8 and 1 <= height <= 8):
            raise ValueError("character width and height are 1 to 8")
        self.output += GS + b"!" + bytes(((width - 1) << 4 | (height - 1),))
        self.output += ESC + b"E" + bytes((int(bold),))
        self.output += ESC + b"a" + bytes((_ALIGN[align],))
        self.output += GS + b"B" + bytes((int(invert),))

    def text_line(self, text: str) -> None:
        """One line of text already filtered to the code page (see ``textfilter.printable``)."""
        self.output += text.encode(self.codec, errors="replace") + b"\n"

    def blank_lines(self, count: int) -> None:
        self.output += b"\n" * count

    def image(self, image: Image.Image) -> None:
        """A raster image (``GS v 0``); dark pixels print."""
        dots = ImageOps.invert(image.convert("L")).convert("1")
        for top in range(0, dots.height, RASTER_ROWS):
            part = dots.crop((0, top, dots.width, min(dots.height, top + RASTER_ROWS)))
            header = GS + b"v0\x00" + _low_high((part.width + 7) >> 3) + _low_high(part.height)
            self.output += header + part.tobytes()

    def _qr_function(self, fn: int, data: bytes, modifier: bytes = b"") -> None:
        body = b"1" + bytes((fn,)) + modifier + data
        self.output += GS + b"(k" + _low_high(len(body)) + body

    def native_qr(self, text: str, module_dots: int) -> None:
        """The printer draws the QR itself (``GS ( k``): model 2, error correction M."""
        self._qr_function(65, b"2\x00")  # model 2
        self._qr_function(67, bytes((module_dots,)))
        self._qr_function(69, bytes((48 + QR_EC_M,)))
        self._qr_function(80, text.encode("utf-8"), b"0")  # store
        self._qr_function(81, b"", b"0")  # print

    def cut(self, feed_lines: int) -> None:
        """Feed ``feed_lines`` (``ESC d n``, the cutter sits above the head), then cut."""
        self.output += ESC + b"d" + bytes((feed_lines,)) + GS + b"V\x00"
