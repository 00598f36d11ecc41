from __future__ import annotations

import pytest

from loket.printing.status import PrinterStatus, Problem, decode_status, read_status


def _replies(*values: int | None) -> dict[int, int | None]:
    return dict(zip((1, 2, 3, 4), values, strict=True))


@pytest.mark.parametrize(
    ("replies", "ok", "main"),
    [
        ((0x12, 0x12, 0x12, 0x12), True, None),
        ((0x12, 0x12, 0x12, 0x1E), True, Problem.PAPER_NEAR_END),
        ((0x1A, 0x32, 0x12, 0x7E), False, Problem.PAPER_OUT),
        ((0x1A, 0x16, 0x12, 0x12), False, Problem.COVER_OPEN),
        ((0x1A, 0x52, 0x1A, 0x12), False, Problem.CUTTER_ERROR),
        ((0x1A, 0x52, 0x32, 0x12), False, Problem.UNRECOVERABLE_ERROR),
        ((0x1A, 0x12, 0x12, 0x12), False, Problem.OFFLINE),
        ((None, None, None, None), False, Problem.UNKNOWN),
        ((0x12, 0x12, 0x12, None), False, Problem.UNKNOWN),
        ((0x00, 0xFF, 0x12, 0x12), False, Problem.UNKNOWN),  # not of the form 0xx1xx10b
    ],
)
def test_domain_examples(replies: tuple[int | None, ...], ok: bool, main: Problem | None) -> None:
    status = decode_status(_replies(*replies))
    assert status.ok is ok
    assert status.main_problem is main


def test_n3_is_optional() -> None:
    status = decode_status({1: 0x12, 2: 0x12, 4: 0x12})
    assert status.ok and status.known


def test_no_reply_is_never_paper_ok() -> None:
    status = decode_status({})
    assert not status.ok and not status.known
    assert "kertas" not in status.message("id").lower()


def test_messages_for_visitors() -> None:
    out = decode_status(_replies(0x1A, 0x32, 0x12, 0x7E))
    assert out.message("id") == (
        "Kertas printer habis. Tiket Anda tetap tercatat — tunjukkan layar ini kepada petugas."
    )
    assert out.message("en") == (
        "The printer is out of paper. Your ticket is recorded — show this screen to an officer."
    )
    assert PrinterStatus.unreachable().message("en").startswith("The printer cannot be reached")


def test_read_status_stops_after_first_silence() -> None:
    asked: list[int] = []

    def query(n: int) -> int | None:
        asked.append(n)
        return 0x12 if n == 1 else None

    status = read_status(query)
    assert asked == [1, 2] and status.main_problem is Problem.UNKNOWN
