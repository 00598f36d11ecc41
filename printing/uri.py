"""Printer URIs: ``network://host:9100``, ``usb://VID:PID``, ``serial:///dev/ttyUSB0?baudrate=19200``,
``cups://QUEUE``, ``file:///dev/usb/lp0``, ``pdf:///path/dir``, ``dummy://``.

Every scheme accepts ``?profile=58mm`` (see :mod:`loket.printing.profiles`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from loket.printing.errors import PrinterUriError
from loket.printing.profiles import PrinterProfile, find_profile, profile_by_name, profile_names

SCHEMES = ("network", "usb", "serial", "cups", "file", "pdf", "dummy")
BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
DEFAULT_PORT = 9100
#: Longer addresses are refused: no printer needs one, and the office's printer list
#: (and every message that quotes the address) keeps it on one readable line.
MAX_LENGTH = 255
_HEX_ID = re.compile(r"^(?:0x)?[0-9a-fA-F]{1,4}$")


@dataclass(frozen=True)
class PrinterUri:
    scheme: str
    text: str
    host: str = ""
    port: int = DEFAULT_PORT
    vendor_id: int = 0
    product_id: int = 0
    path: Path | None = None
    queue: str = ""
    baudrate: int = 19200
    params: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def profile(self) -> PrinterProfile:
        return profile_by_name(self.params.get("profile"))


def _bad(text: str, why_id: str, why_en: str) -> PrinterUriError:
    return PrinterUriError(
        f"Alamat printer tidak valid: {text!r} — {why_id}. "
        "Contoh: network://192.168.1.50:9100, usb://04b8:0202, serial:///dev/ttyUSB0?baudrate=19200,"
        " cups://ANTRIAN, file:///dev/usb/lp0, pdf:///var/lib/loket/pdf, dummy://",
        f"Invalid printer address: {text!r} — {why_en}. "
        "Examples: network://192.168.1.50:9100, usb://04b8:0202, serial:///dev/ttyUSB0?baudrate=19200,"
        " cups://QUEUE, file:///dev/usb/lp0, pdf:///var/lib/loket/pdf, dummy://",
        code="bad_uri",
    )


def parse_uri(text: str) -> PrinterUri:
    """Parse a printer URI; raises :class:`PrinterUriError` (bilingual) when malformed."""
    if not isinstance(text, str) or "://" not in text:
        raise _bad(str(text), "tidak ada skema (mis. network://)", "no scheme (e.g. network://)")
    if len(text) > MAX_LENGTH:
        raise _bad(
            f"{text[:60]}…",
            f"terlalu panjang (maks. {MAX_LENGTH} karakter)",
            f"too long (max. {MAX_LENGTH} characters)",
        )
    scheme = text.split("://", 1)[0].lower()
    if scheme not in SCHEMES:
        known = ", ".join(SCHEMES)
        raise _bad(
            text,
            f"skema {scheme!r} tidak dikenal (yang dikenal: {known})",
            f"unknown scheme {scheme!r} (known: {known})",
        )
    try:
        parts = urlsplit(text)
        params = dict(parse_qsl(parts.query, keep_blank_values=True, strict_parsing=False))
        _check_params(text, scheme, params)
        return _PARSERS[scheme](text, parts.netloc, unquote(parts.path), params)
    except ValueError as exc:  # urlsplit rejects e.g. bad IPv6 brackets or ports
        raise _bad(text, str(exc), str(exc)) from exc


def _check_params(text: str, scheme: str, params: dict[str, str]) -> None:
    """A mistyped option must not print silently on the wrong paper (80 mm on a 58 mm roll)."""
    allowed = ("profile", "baudrate") if scheme == "serial" else ("profile",)
    for name in params:
        if name not in allowed:
            raise _bad(
                text,
                f"opsi {name!r} tidak dikenal (yang dikenal: {', '.join(allowed)})",
                f"unknown option {name!r} (known: {', '.join(allowed)})",
            )
    profile = params.get("profile")
    if profile is not None and find_profile(profile) is None:
        raise _bad(
            text,
            f"profil {profile!r} tidak dikenal (pilihan: {profile_names()})",
            f"unknown profile {profile!r} (choices: {profile_names()})",
        )


def _network(text: str, netloc: str, path: str, params: dict[str, str]) -> PrinterUri:
    parts = urlsplit(text)
    if not parts.hostname:
        raise _bad(text, "nama host kosong", "missing host name")
    if path not in ("", "/"):
        raise _bad(text, "alamat jaringan tidak boleh berisi path", "a network address has no path")
    try:
        port = DEFAULT_PORT if parts.port is None else parts.port
    except ValueError:
        port = 0
    if not 0 < port < 65536 or netloc.endswith(":"):
        raise _bad(text, "port tidak valid (1–65535)", "invalid port (1–65535)")
    return PrinterUri("network", text, host=parts.hostname, port=port, params=params)


def _usb(text: str, netloc: str, path: str, params: dict[str, str]) -> PrinterUri:
    ids = (netloc + path).strip("/").split(":")
    if len(ids) != 2 or not all(_HEX_ID.match(i) for i in ids):
        raise _bad(
            text,
            "harus usb://VID:PID dalam heksadesimal (mis. 04b8:0202)",
            "must be usb://VID:PID in hexadecimal (e.g. 04b8:0202)",
        )
    vid, pid = (int(i, 16) for i in ids)
    return PrinterUri("usb", text, vendor_id=vid, product_id=pid, params=params)


def _serial(text: str, netloc: str, path: str, params: dict[str, str]) -> PrinterUri:
    if netloc or not path.startswith("/"):
        raise _bad(text, "harus serial:///path/perangkat", "must be serial:///device/path")
    baud_text = params.get("baudrate", "19200")
    if not baud_text.isdigit() or int(baud_text) not in BAUD_RATES:
        rates = ", ".join(map(str, BAUD_RATES))
        raise _bad(
            text,
            f"baudrate {baud_text!r} tidak didukung (pilihan: {rates})",
            f"unsupported baudrate {baud_text!r} (choices: {rates})",
        )
    return PrinterUri("serial", text, path=Path(path), baudrate=int(baud_text), params=params)


def _cups(text: str, netloc: str, path: str, params: dict[str, str]) -> PrinterUri:
    queue = (netloc + path).strip("/")
    if not queue or not re.fullmatch(r"[A-Za-z0-9_.@-]+", queue):
        raise _bad(
            text, "nama antrean CUPS kosong atau tidak valid", "missing or invalid CUPS queue name"
        )
    return PrinterUri("cups", text, queue=queue, params=params)


def _file_like(scheme: str) -> Callable[[str, str, str, dict[str, str]], PrinterUri]:
    def parse(text: str, netloc: str, path: str, params: dict[str, str]) -> PrinterUri:
        if netloc or not path.startswith("/") or path == "/":
            raise _bad(
                text, f"harus {scheme}:///path/absolut", f"must be {scheme}:///absolute/path"
            )
        return PrinterUri(scheme, text, path=Path(path), params=params)

    return parse


def _dummy(text: str, netloc: str, path: str, params: dict[str, str]) -> PrinterUri:
    return PrinterUri("dummy", text, host=netloc, params=params)


_PARSERS = {
    "network": _network,
    "usb": _usb,
    "serial": _serial,
    "cups": _cups,
    "file": _file_like("file"),
    "pdf": _file_like("pdf"),
    "dummy": _dummy,
}
