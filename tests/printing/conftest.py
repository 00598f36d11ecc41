from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone

import pytest
from helpers.sim_printer import SimPrinter

from loket.printing.connections import DummyConnection
from loket.printing.layouts import ReceiptLayout, TicketLayout

WIB = timezone(timedelta(hours=7))


@pytest.fixture
def ticket() -> TicketLayout:
    return TicketLayout(
        office_name="Kantor Kelurahan Menteng",
        office_address="Jl. HOS Cokroaminoto No. 1, Menteng, Jakarta Pusat",
        number="A-012",
        service_name="Administrasi Kependudukan",
        service_name_en="Civil registration",
        issued_at=datetime(2026, 11, 23, 8, 12, tzinfo=WIB),
        ahead=4,
        estimated_wait_minutes=15,
        qr_text="https://loket.example/t/20261123/A-012",
    )


@pytest.fixture
def receipt() -> ReceiptLayout:
    return ReceiptLayout(
        office_name="Dinas Penanaman Modal dan PTSP",
        office_address="Jl. Kebon Sirih No. 18, Jakarta",
        receipt_number="TT-2026-000123",
        received_at=datetime(2026, 11, 23, 9, 5, tzinfo=WIB),
        sender_name="Siti Rahmawati",
        sender_organisation="CV Maju Bersama",
        sender_phone="0812-3456-7890",
        recipient_unit="Bidang Perizinan",
        subject="Permohonan izin usaha mikro",
        pages=12,
        attachments=2,
        channel="kiosk",
        qr_text="LKT1:" + "6BFOXN*TS0BI$ZD.P9UZ%KK0J:K" * 8,
        check_code="7KQ-4M2",
        complaint_channel="SP4N-LAPOR! lapor.go.id / SMS 1708",
        expected_completion=date(2026, 11, 30),
    )


@pytest.fixture
def sim() -> Iterator[SimPrinter]:
    with SimPrinter() as printer:
        yield printer


@pytest.fixture(autouse=True)
def _reset_dummy() -> Iterator[None]:
    DummyConnection.reset()
    yield
    DummyConnection.reset()
