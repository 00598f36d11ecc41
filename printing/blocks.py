"""Ticket, receipt and complaint-slip content as a list of blocks, shared by the ESC/POS and PDF renderers.

Indonesian first, English second. The renderers only decide how a block looks on their medium.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from loket.printing.dates_id import date_id, time_id
from loket.printing.layouts import ComplaintLayout, Layout, ReceiptLayout, TicketLayout
from loket.printing.textfilter import NO_BREAK, wrap

Align = Literal["left", "center"]
COPY_MARK = "SALINAN / COPY"
#: The queue number is read from a distance by people with poor sight: at least this tall.
NUMBER_MIN_MM = 12.0


@dataclass(frozen=True)
class Text:
    text: str
    align: Align = "left"
    bold: bool = False
    scale: int = 1  # 2 = double width and height
    invert: bool = False


@dataclass(frozen=True)
class Number:
    """The number a visitor must read (queue number): centred, bold, at least
    :data:`NUMBER_MIN_MM` tall — each renderer picks the size that gives that."""

    text: str


@dataclass(frozen=True)
class Field:
    """ "Label: value". A bilingual label "Indonesian / English" that does not fit on a line
    with its value is split after the slash, so a label is never broken mid-phrase."""

    label: str
    value: str


@dataclass(frozen=True)
class Rule:
    pass


@dataclass(frozen=True)
class Qr:
    text: str


@dataclass(frozen=True)
class Logo:
    path: Path


@dataclass(frozen=True)
class Gap:
    lines: int = 1


Block = Text | Number | Field | Rule | Qr | Logo | Gap


def bilingual_wrap(text: str, columns: int) -> list[str]:
    """Wrapped to ``columns``; "Indonesian / English" text that does not fit breaks after
    its slash first ("Pindai untuk memeriksa keaslian /" + "Scan to verify")."""
    parts = text.split(" / ")
    if len(parts) == 1 or len(text) <= columns:
        return wrap(text, columns)
    lines: list[str] = []
    for i, part in enumerate(parts):
        piece = part if i == len(parts) - 1 else f"{part} /"
        if lines and len(lines[-1]) + 1 + len(piece) <= columns:
            lines[-1] = f"{lines[-1]} {piece}"
        else:
            lines += wrap(piece, columns)
    return lines


def field_lines(block: Field, columns: int) -> list[str]:
    """Label and value on one line; else the label (split at its slash), with the value
    after its last line when it fits there, else on its own indented line(s)."""
    one_line = f"{block.label}: {block.value}"
    if len(one_line) <= columns:
        return [one_line]
    labels = bilingual_wrap(f"{block.label}:", columns)
    if len(labels[-1]) + 1 + len(block.value) <= columns:
        return [*labels[:-1], f"{labels[-1]} {block.value}"]
    indent = 2 if columns > 8 else 0
    return labels + [" " * indent + v for v in bilingual_wrap(block.value, columns - indent)]


def block_lines(block: Text | Field, columns: int) -> list[str]:
    """The wrapped lines of a text block for a line of ``columns`` normal-width characters."""
    if isinstance(block, Field):
        return field_lines(block, columns)
    return bilingual_wrap(block.text, max(1, columns // block.scale))


def when(moment: datetime) -> str:
    """ "Senin, 23 November 2026 08:12 WIB" — wrapped, if it must be, before the time, which
    stays whole ("08:12 WIB", never "08:12" / "WIB")."""
    return f"{date_id(moment.date())} {time_id(moment).replace(' ', NO_BREAK)}"


def _header(office_name: str, office_address: str, copy: bool) -> list[Block]:
    blocks: list[Block] = [Text(office_name, "center", bold=True)]
    if office_address.strip():
        blocks.append(Text(office_address, "center"))
    blocks.append(Rule())
    if copy:
        blocks.append(Text(COPY_MARK, "center", bold=True, invert=True))
    return blocks


def complaint_line(channel: str) -> Text | Field:
    """Where to complain. The office's text usually names itself ("Pengaduan: … /
    Complaints: …"): then it is printed as it is, not after a second "Pengaduan:" label."""
    if channel.strip().casefold().startswith(("pengaduan", "complaint")):
        return Text(channel.strip())
    return Field("Pengaduan / Complaints", channel)


def ticket_blocks(t: TicketLayout) -> list[Block]:
    blocks: list[Block] = [Logo(t.logo_path)] if t.logo_path else []
    blocks += _header(t.office_name, t.office_address, t.copy)
    blocks += [
        Text("Nomor Antrian / Queue number", "center"),
        Number(t.number),
    ]
    if t.priority_label:
        blocks.append(Text(t.priority_label, "center", bold=True, invert=True))
    blocks += [Text(t.service_name, "center", bold=True, scale=2)]
    if t.service_name_en.strip() and t.service_name_en != t.service_name:
        blocks.append(Text(t.service_name_en, "center"))
    blocks += [
        Text(time_id(t.issued_at), "center", bold=True, scale=2),
        Text(date_id(t.issued_at.date()), "center"),
        Gap(),
        Field("Orang di depan Anda / People ahead", str(t.ahead)),
        Field(
            "Perkiraan waktu tunggu / Estimated wait",
            f"± {t.estimated_wait_minutes} menit / min",
        ),
        Gap(),
        Qr(t.qr_text),
    ]
    blocks += [Text(line, "center") for line in t.footer]
    if t.copy:
        blocks.append(Text(COPY_MARK, "center", bold=True))
    return blocks


def _received_by(r: ReceiptLayout) -> str:
    if r.officer_name:
        return f"{r.officer_name} (NIP {r.officer_nip})" if r.officer_nip else r.officer_name
    if r.channel == "kiosk":
        return "Kios mandiri, menunggu konfirmasi petugas / Self-service kiosk, awaiting officer"
    return "Petugas loket / Counter officer"


def receipt_blocks(r: ReceiptLayout) -> list[Block]:
    blocks = _header(r.office_name, r.office_address, r.copy)
    blocks += [
        Text("TANDA TERIMA DOKUMEN", "center", bold=True),
        Text("DOCUMENT RECEIPT", "center"),
        Text(r.receipt_number, "center", bold=True, scale=2),
        Gap(),
        Field("Diterima / Received", when(r.received_at)),
        Field("Pengirim / Sender", r.sender_name),
        Field("Instansi / Organisation", r.sender_organisation or "-"),
        Field("Telepon / Phone", r.sender_phone or "-"),
        Field("Tujuan / To", r.recipient_unit),
        Field("Perihal / Subject", r.subject),
        Field("Halaman / Pages", str(r.pages)),
        Field("Lampiran / Attachments", str(r.attachments)),
        Field("Penerima / Received by", _received_by(r)),
    ]
    if r.expected_completion is not None:
        blocks.append(Field("Perkiraan selesai / Expected", date_id(r.expected_completion)))
    blocks += [
        Gap(),
        Text("Kode cek / Check code", "center"),
        Text(r.check_code, "center", bold=True, scale=2),
        Qr(r.qr_text),
        Text("Pindai untuk memeriksa keaslian / Scan to verify", "center"),
        Rule(),
        complaint_line(r.complaint_channel),
    ]
    blocks += [Text(line, "center") for line in r.footer]
    if r.copy:
        blocks.append(Text(COPY_MARK, "center", bold=True))
    return blocks


def complaint_blocks(c: ComplaintLayout) -> list[Block]:
    blocks = _header(c.office_name, c.office_address, c.copy)
    blocks += [
        Text("BUKTI PENGADUAN / SARAN", "center", bold=True),
        Text("COMPLAINT / SUGGESTION SLIP", "center"),
        Text("Nomor pelacakan / Tracking number", "center"),
        Text(c.number, "center", bold=True, scale=2),
        Gap(),
        Field("Diterima / Received", when(c.received_at)),
        Field("Jenis / Category", c.category),
        Field("Melalui / Via", c.channel),
        Field("Isi / Summary", c.summary),
        Field("Kontak / Contact", c.contact or "-"),
        Field("Dijawab paling lambat / Answer by", date_id(c.due_date)),
        Gap(),
        Text("Simpan bukti ini. Cek status di kios dengan nomor di atas.", "center"),
        Text("Keep this slip. Check the status at the kiosk with the number above.", "center"),
    ]
    if c.qr_text:
        blocks.append(Qr(c.qr_text))
    blocks += [Rule(), complaint_line(c.complaint_channel)]
    blocks += [Text(line, "center") for line in c.footer]
    if c.copy:
        blocks.append(Text(COPY_MARK, "center", bold=True))
    return blocks


def layout_blocks(layout: Layout) -> list[Block]:
    if isinstance(layout, TicketLayout):
        return ticket_blocks(layout)
    if isinstance(layout, ComplaintLayout):
        return complaint_blocks(layout)
    return receipt_blocks(layout)
