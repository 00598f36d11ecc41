"""``usb://VID:PID`` via python-escpos's Usb printer (needs the optional ``pyusb``)."""

from __future__ import annotations

import contextlib
from typing import Any

from loket.printing.connections import Connection, Timeouts
from loket.printing.errors import PrinterConnectionError
from loket.printing.status import status_request


class UsbConnection(Connection):
    supports_status = True

    def __init__(self, vendor_id: int, product_id: int, timeouts: Timeouts) -> None:
        self.name = f"usb://{vendor_id:04x}:{product_id:04x}"
        self.timeouts = timeouts
        try:
            from escpos.printer import Usb

            self.printer: Any = Usb(vendor_id, product_id, timeout=int(timeouts.write * 1000))
            self.printer.open()
        except Exception as exc:  # pyusb missing, device absent, permission denied …
            raise PrinterConnectionError(
                f"Printer USB {self.name} tidak dapat dibuka ({exc}). "
                "Pastikan paket pyusb terpasang dan pengguna berhak mengakses perangkat.",
                f"Cannot open USB printer {self.name} ({exc}). "
                "Check that pyusb is installed and the user may access the device.",
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
