"""QR codes as module matrices and as 1-bit raster images sized in printer dots."""

from __future__ import annotations

from functools import lru_cache

import zxingcpp
from PIL import Image

from loket.printing.errors import QrDoesNotFitError

MIN_MODULE_DOTS = 4  # smaller modules smear on thermal paper and scan badly
MAX_MODULE_DOTS = 8
QUIET_MODULES = 4


@lru_cache(maxsize=64)
def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """Modules of the smallest QR (error correction M) holding ``text``; True = dark."""
    # zxing-cpp's encoder is ~25x faster than the pure-Python qrcode package, which
    # matters for the kiosk's 20 ms render budget.
    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = memoryview(code.to_image(scale=1, add_quiet_zones=False))  # type: ignore[arg-type]
    n = image.shape[0] if image.shape else 0
    pixels = image.tobytes()
    return tuple(tuple(pixels[r * n + c] == 0 for c in range(n)) for r in range(n))


def module_dots(modules: int, width_dots: int) -> int:
    """Dots per module for a QR ``modules`` wide (plus quiet zone) on ``width_dots`` of paper.

    Raises :class:`QrDoesNotFitError` if even the minimum module size does not fit.
    """
    size = min(MAX_MODULE_DOTS, width_dots // (modules + 2 * QUIET_MODULES))
    if size < MIN_MODULE_DOTS:
        needed = (modules + 2 * QUIET_MODULES) * MIN_MODULE_DOTS
        raise QrDoesNotFitError(
            f"Kode QR terlalu besar untuk kertas ini ({modules} modul, perlu {needed} titik, "
            f"tersedia {width_dots}).",
            f"The QR code is too large for this paper ({modules} modules, needs {needed} dots, "
            f"{width_dots} available).",
            code="qr_too_large",
        )
    return size


def qr_raster(text: str, width_dots: int) -> Image.Image:
    """A 1-bit image ``width_dots`` wide with the QR centred, black = dark module."""
    matrix = qr_matrix(text)
    n = len(matrix)
    size = module_dots(n, width_dots)
    small = Image.new("1", (n, n), 1)
    small.putdata([0 if dark else 1 for row in matrix for dark in row])
    big = small.resize((n * size, n * size), Image.Resampling.NEAREST)
    quiet = QUIET_MODULES * size
    canvas = Image.new("1", (width_dots, n * size + 2 * quiet), 1)
    canvas.paste(big, ((width_dots - n * size) // 2, quiet))
    return canvas
