"""Files a person hands Loket are read through one bounded door (models/input_files.py):
too big, a folder, a FIFO or a device is refused at once, in both languages, one line."""

from __future__ import annotations

import contextlib
import io
import os
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from loket.models import input_files
from loket.models.cli import main
from loket.models.errors import InvalidInput, one_line
from loket.models.validation import text as checked_text


@pytest.fixture
def office(tmp_path, monkeypatch):
    monkeypatch.setenv("LOKET_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LOKET_DB", f"sqlite:///{tmp_path / 'loket.db'}")
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["init"]) == 0


def _run(argv: list[str]) -> tuple[int, str, str]:
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def _refused_fast(argv: list[str], said: str) -> str:
    started = time.monotonic()
    code, out, err = _run(argv)
    assert time.monotonic() - started < 2, argv  # /dev/zero once read 5 GB in 6 s
    assert code == 1, (out, err)
    assert err.startswith("loket: ") and err.count("\n") == 1, err
    assert said in err, err
    return err


def test_the_reader_refuses_what_is_not_a_small_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # nobody writes: an open that blocked would hang this test
    link = tmp_path / "link"
    link.symlink_to("/dev/zero")
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * (input_files.HOLIDAY_CSV_LIMIT + 1))
    cases = {
        "/dev/zero": "is not a regular file",
        str(fifo): "is not a regular file",
        str(link): "is not a regular file",
        str(tmp_path): "is a folder",
        str(big): "is too large (max. 256 KB)",
        str(tmp_path / "missing.csv"): "No such file",
        "": "A file name is required",
        "a\0b": "Invalid file name",
    }
    for path, said in cases.items():
        with pytest.raises(InvalidInput) as refused:
            input_files.read_bytes(path, input_files.HOLIDAY_CSV_LIMIT)
        assert said in refused.value.message_en, path
        assert refused.value.message_id != refused.value.message_en
    exact = tmp_path / "exact.csv"
    exact.write_bytes(b"y" * input_files.HOLIDAY_CSV_LIMIT)
    assert len(input_files.read_bytes(exact, input_files.HOLIDAY_CSV_LIMIT)) == (
        input_files.HOLIDAY_CSV_LIMIT
    )
    (tmp_path / "latin.pem").write_bytes(b"caf\xe9")
    with pytest.raises(InvalidInput, match="not ASCII text"):
        input_files.read_text(tmp_path / "latin.pem", 100, encoding="ascii")


def test_a_file_that_grows_while_read_is_cut_at_the_limit(tmp_path: Path) -> None:
    growing = tmp_path / "growing.csv"
    growing.write_bytes(b"")
    stop = threading.Event()

    def writer() -> None:
        with open(growing, "ab") as handle:
            while not stop.is_set():
                handle.write(b"z" * 65536)
                handle.flush()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        time.sleep(0.05)
        with contextlib.suppress(InvalidInput):  # too large, now or while reading
            data = input_files.read_bytes(growing, 100_000)
            assert len(data) <= 100_000
    finally:
        stop.set()
        thread.join()


def test_holiday_import_refuses_devices_pipes_folders_and_huge_files(office, tmp_path) -> None:
    fifo = tmp_path / "libur.csv"
    os.mkfifo(fifo)
    huge = tmp_path / "huge.csv"
    huge.write_bytes(b"2027-01-01;Tahun Baru\n" * 20_000)
    _refused_fast(["holiday", "import", "/dev/zero"], "bukan berkas biasa")
    _refused_fast(["holiday", "import", str(fifo)], "is not a regular file")
    _refused_fast(["holiday", "import", str(tmp_path)], "is a folder, not a file")
    _refused_fast(["holiday", "import", str(huge)], "terlalu besar")
    _refused_fast(["holiday", "import", str(tmp_path / "x\x1b[2J.csv")], "x\\x1b[2J.csv")


def test_keys_import_refuses_devices_pipes_and_huge_files(office, tmp_path) -> None:
    fifo = tmp_path / "key.pem"
    os.mkfifo(fifo)
    huge = tmp_path / "huge.pem"
    huge.write_bytes(b"-----BEGIN PUBLIC KEY-----\n" + b"A" * 100_000)
    for path, said in (("/dev/zero", "not a regular file"), (str(fifo), "not a regular file")):
        _refused_fast(["keys", "import", path, "--office", "LAIN", "--as", "admin"], said)
    _refused_fast(
        ["keys", "import", str(huge), "--office", "LAIN", "--as", "admin"], "too large (max. 16 KB)"
    )


def test_verify_image_refuses_devices_and_decompression_bombs(office, tmp_path) -> None:
    bomb = tmp_path / "bomb.png"
    Image.new("1", (20_000, 20_000)).save(bomb)  # a few KB on disk, 400 megapixels decoded
    assert bomb.stat().st_size < 1_000_000
    _refused_fast(["verify", "--image", "/dev/urandom"], "not a regular file")
    _refused_fast(["verify", "--image", str(bomb)], "is too large (max. 50 megapixels)")
    Image.new("1", (10_000, 6_000)).save(bomb)  # under Pillow's own bomb limit, over ours
    _refused_fast(["verify", "--image", str(bomb)], "is too large (max. 50 megapixels)")
    (tmp_path / "not.png").write_bytes(b"hello")
    _refused_fast(["verify", "--image", str(tmp_path / "not.png")], "Not a readable image")


def test_refusals_show_control_characters_escaped() -> None:
    raw = "A\nB\rC\x1b[31mD\u202eE\u2066F\x9bG\tH\u2028"
    shown = one_line(raw)
    assert shown == "A\\nB\\rC\\x1b[31mD\\u202eE\\u2066F\\x9bG\\tH\\u2028"
    assert one_line("Jl. Merdeka 1\tRT 2\n", keep="\n\t") == "Jl. Merdeka 1\tRT 2\n"
    refused = InvalidInput(f"Layanan tidak ada: '{raw}'", f"No service '{raw}'")
    assert "\n" not in str(refused) and "\x1b" not in refused.message_id
    assert "\u202e" not in refused.message_en


@pytest.mark.parametrize("name", ["Hari\u202eMerdeka", "A\u2066B\u2069", "x\u202a", "y\u202d"])
def test_bidi_overrides_are_refused_in_names(name: str) -> None:
    with pytest.raises(InvalidInput, match="bidi"):
        checked_text(name, "Nama hari libur", "Holiday name", 120)


@pytest.mark.parametrize("name", ["Budi\x1b[31m", "DEL\x7f", "C1\x9b31m", "nul\x00"])
def test_control_characters_are_refused_in_names(name: str) -> None:
    with pytest.raises(InvalidInput, match="control characters"):
        checked_text(name, "Nama", "Name", 120)
