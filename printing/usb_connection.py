"""``usb://VID:PID`` via python-escpos's Usb printer (needs the optional ``pyusb``)."""

from __future__ import annotations

import contextlib
from typing import Any

from loket.printing.connections import Connection, Timeouts
from loket.printing.errors import PrinterConnectionError
from loket.printing.status import status_request


def _why(exc: Exception) -> tuple[str, str]:
    """What the officer can do about a USB printer that does not open."""
    text = f"{type(exc).__name__} {exc}".lower()
    if "not found" in text:
        return (
            "tidak ditemukan. Periksa kabel USB, daya printer, dan VID:PID (lsusb).",
            "not found. Check the USB cable, the printer's power and the VID:PID (lsusb).",
        )
    if "backend" in text:
        return (
            "pustaka libusb tidak terpasang (apt install libusb-1.0-0).",
            "the libusb library is not installed (apt install libusb-1.0-0).",
        )
    if "access" in text or "permission" in text or "errno 13" in text:
        return (
            "pengguna ini tidak berhak memakai perangkat (aturan udev, lihat README).",
            "this user may not use the device (a udev rule, see the README).",
        )
    if "no module" in text or isinstance(exc, ImportError):
        return ("paket pyusb tidak terpasang.", "the pyusb package is not installed.")
    return (f"{exc}.", f"{exc}.")


class UsbConnection(Connection):
    supports_status = True

    def __init__(self, vendor_id: int, product_id: int, timeouts: Timeouts) -> None:
        self.name = f"usb://{vendor_id:04x}:{product_id:04x}"
        self.timeouts = timeouts
        try:
            from loket.printing import escpos_lib

            escpos_lib.load()
            from escpos.printer import Usb

            self.printer: Any = Usb(vendor_id, product_id, timeout=int(timeouts.write * 1000))
            self.printer.open()
        except Exception as exc:  # pyusb/libusb missing, device absent, permission denied …
            why_id, why_en = _why(exc)
            raise PrinterConnectionError(
                f"Printer USB {self.name} tidak dapat dibuka: {why_id}",
                f"Cannot open USB printer {self.name}: {why_en}",
                code="connect_failed",
            ) from exc

    def write(self, data: bytes) -> None:
        try:
            self.printer._raw(data)
        except Exception as exc:
            raise PrinterConnectionError(
                f"Printer {self.name} tidak menerima data ({exc}).",
                f"Printer {self.name} is not accepting data ({exc}).",
                code="write_failed",
            ) from exc

    def query(self, n: int) -> int | None:
        try:
            self.printer._raw(status_request(n))
            reply = self.printer.device.read(
                self.printer.in_ep, 16, int(self.timeouts.status * 1000)
            )
        except Exception:  # usb.core.USBTimeoutError and friends
            return None
        return int(reply[-1]) if len(reply) else None

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.printer.close()
