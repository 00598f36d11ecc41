from __future__ import annotations

from pathlib import Path

import pytest

from loket.printing.errors import PrinterError, PrinterUriError
from loket.printing.profiles import PROFILE_58, PROFILE_80
from loket.printing.uri import parse_uri


def test_good_uris() -> None:
    net = parse_uri("network://192.168.1.50:9100")
    assert (net.scheme, net.host, net.port) == ("network", "192.168.1.50", 9100)
    assert parse_uri("network://printer.local").port == 9100
    usb = parse_uri("usb://04b8:0202")
    assert (usb.vendor_id, usb.product_id) == (0x04B8, 0x0202)
    serial = parse_uri("serial:///dev/ttyUSB0?baudrate=19200")
    assert (serial.path, serial.baudrate) == (Path("/dev/ttyUSB0"), 19200)
    assert parse_uri("cups://ANTRIAN_1").queue == "ANTRIAN_1"
    assert parse_uri("file:///dev/usb/lp0").path == Path("/dev/usb/lp0")
    assert parse_uri("pdf:///var/lib/loket/pdf").path == Path("/var/lib/loket/pdf")
    assert parse_uri("dummy://").scheme == "dummy"


def test_profile_parameter() -> None:
    assert parse_uri("network://h?profile=58mm").profile == PROFILE_58
    assert parse_uri("network://h").profile == PROFILE_80  # unknown printer: 80 mm default
    assert parse_uri("network://h?profile=80").profile == PROFILE_80


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("network://h:9100?profile=57mm", ("'57mm'", "58mm, 80mm, 58mm-nocut, 80mm-nativeqr")),
        ("dummy://?profile=nonsense", ("'nonsense'", "58mm, 80mm")),
        ("network://h?profil=58mm", ("'profil'", "profile")),
        ("lpt://printer", ("'lpt'", "network, usb, serial, cups, file, pdf, dummy")),
        ("network://h:99999", ("1–65535",)),
        ("serial:///dev/ttyS0?baudrate=12", ("9600", "115200")),
    ],
)
def test_mistakes_are_refused_and_list_the_choices(text: str, words: tuple[str, ...]) -> None:
    """A mistyped profile would print 80 mm (576 dots) on a 58 mm printer: refused."""
    with pytest.raises(PrinterUriError) as refused:
        parse_uri(text)
    for word in words:
        assert word in refused.value.message_en and word in refused.value.message_id


@pytest.mark.parametrize(
    "text",
    [
        "",
        "192.168.1.50",
        "netwrok://h",
        "network://",
        "network://h:0",
        "network://h:70000",
        "network://h:abc",
        "network://h/path",
        "usb://04b8",
        "usb://xyz:0202",
        "usb://04b8:0202:1",
        "serial://dev/ttyUSB0",
        "serial:///dev/ttyUSB0?baudrate=12",
        "cups://",
        "cups://a b",
        "file://relative/path",
        "file:///",
        "pdf://dir",
    ],
)
def test_malformed_uri_is_explained_in_both_languages(text: str) -> None:
    with pytest.raises(PrinterUriError) as info:
        parse_uri(text)
    error = info.value
    assert isinstance(error, PrinterError)
    assert error.message_id.startswith("Alamat printer tidak valid")
    assert error.message_en.startswith("Invalid printer address")
