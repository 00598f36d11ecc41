"""Errors raised by the printing layer, each with an Indonesian and an English text."""

from __future__ import annotations


class PrinterError(Exception):
    """A problem a person can read: ``message_id`` (Bahasa Indonesia), ``message_en``."""

    def __init__(self, message_id: str, message_en: str, *, code: str = "printer_error") -> None:
        super().__init__(f"{message_en} / {message_id}")
        self.message_id = message_id
        self.message_en = message_en
        self.code = code

    def message(self, lang: str = "id") -> str:
        return self.message_id if lang == "id" else self.message_en


class PrinterUriError(PrinterError):
    """A printer URI that cannot be understood."""


class QrDoesNotFitError(PrinterError):
    """The QR code would need modules smaller than the printer can print reliably."""


class PrinterConnectionError(PrinterError):
    """The printer could not be reached, or stopped accepting data."""
