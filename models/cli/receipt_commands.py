"""Receipt commands: receipt new/list/show/set-status/verify-log, and verify (QR text or image)."""

from __future__ import annotations

import argparse
from typing import Any

from loket.models.cli.common import add_command, emit, open_db
from loket.models.cli.print_commands import add_printer_option, choose, finish, usage_error
from loket.printing.errors import PrinterUriError


def register(commands: Any) -> None:
    group = commands.add_parser(
        "receipt",
        help="tanda terima dokumen / document receipts",
        description="tanda terima dokumen / document receipts",
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    new = add_command(
        actions, "new", _new, "buat tanda terima / record a document and sign its receipt"
    )
    new.add_argument("--sender", metavar="NAME", help="nama pengirim / sender's name")
    new.add_argument("--subject", metavar="TEXT", help="perihal / subject")
    new.add_argument("--to", metavar="UNIT", help="unit tujuan / recipient unit")
    new.add_argument("--pages", metavar="N", help="jumlah halaman / page count")
    new.add_argument(
        "--attachments", metavar="N", default="0", help="jumlah lampiran / attachments"
    )
    new.add_argument(
        "--organisation",
        "--organization",
        metavar="O",
        help="instansi pengirim / sender's organisation",
    )
    new.add_argument("--phone", metavar="P", help="nomor HP pengirim / sender's phone")
    new.add_argument(
        "--language",
        choices=("id", "en"),
        help="bahasa pesan nanti (SMS/WhatsApp) / the language of later messages",
    )
    new.add_argument(
        "--nik", metavar="NIK", help="NIK pengirim (opsional) / sender's NIK (optional)"
    )
    new.add_argument("--officer", metavar="USER", help="petugas penerima / receiving officer")
    add_printer_option(new, no_print=True)
    new.add_argument(
        "--channel",
        metavar="kiosk|counter",
        help="default: counter dengan/with --officer, selain itu/else kiosk",
    )
    new.add_argument(
        "--days",
        metavar="N",
        help="perkiraan selesai (hari kerja) / expected completion in working days",
    )

    listing = add_command(actions, "list", _list, "daftar tanda terima / list receipts")
    listing.add_argument("--status", metavar="STATUS")
    listing.add_argument("--year", metavar="YEAR")
    listing.add_argument("--limit", metavar="N", default="200")
    listing.add_argument(
        "--search", metavar="TEXT", help="nomor, pengirim atau telepon / number, sender or phone"
    )

    show = add_command(
        actions, "show", _show, "satu tanda terima dan riwayatnya / one receipt and its history"
    )
    show.add_argument("number", metavar="NUMBER")

    status = add_command(
        actions,
        "set-status",
        _set_status,
        "ubah status / change status (confirmed, forwarded, ready, collected)",
    )
    status.add_argument("number", metavar="NUMBER")
    status.add_argument("status", metavar="STATUS")
    status.add_argument("--officer", metavar="USER", help="petugas / officer username")
    status.add_argument("--note", metavar="TEXT", default="")

    add_command(
        actions,
        "verify-log",
        _verify_log,
        "periksa keutuhan log tanda terima / check the receipt log for edits and deletions",
    )

    verify = add_command(
        commands,
        "verify",
        _verify,
        "periksa kode QR tanda terima/antrian / verify a receipt or ticket QR",
    )
    verify.add_argument("text", nargs="?", metavar="TEXT", help="isi QR / the QR text (LKT1:…)")
    verify.add_argument(
        "--image", metavar="FILE", help="foto/pindaian QR / a photo or scan of the QR"
    )
    verify.add_argument(
        "--office", metavar="ID", help="harus dari kantor ini / must be from this office"
    )


def _required(value: str | None, option: str) -> str:
    if value is None:
        from loket.models.errors import InvalidInput

        raise InvalidInput(f"{option} wajib diisi", f"{option} is required")
    return value


def _zone() -> Any:
    from loket.models.settings import load_settings

    return load_settings().zone


def _line(r: Any) -> str:
    return (
        f"{r.number}  [{r.status}]  {r.issued_at.astimezone(_zone()):%Y-%m-%d %H:%M}  "
        f"{r.sender_name} → {r.recipient_unit}: {r.subject[:40]}"
    )


def _details(r: Any) -> str:
    zone = _zone()
    lines = [
        f"Nomor / Number:        {r.number}   (kode cek / check code {r.check_code})",
        f"Diterima / Received:   {r.issued_at.astimezone(zone):%Y-%m-%d %H:%M}  via {r.channel}"
        + (f"  petugas/officer {r.officer_name} ({r.officer})" if r.officer else ""),
        f"Pengirim / Sender:     {r.sender_name}"
        + (f", {r.sender_organisation}" if r.sender_organisation else "")
        + (f"  tel. {r.sender_phone}" if r.sender_phone else ""),
        f"Tujuan / To:           {r.recipient_unit}",
        f"Perihal / Subject:     {r.subject}",
        f"Halaman / Pages:       {r.pages}   lampiran/attachments {r.attachments}",
        f"Status:                {r.status_name[0]} / {r.status_name[1]}",
    ]
    if r.expected_completion:
        lines.append(f"Perkiraan selesai / Expected: {r.expected_completion:%Y-%m-%d}")
    for e in r.history:
        who = f"  ({e.officer})" if e.officer else ""
        note = f"  — {e.note}" if e.note else ""
        lines.append(f"  #{e.seq:<5} {e.at.astimezone(zone):%Y-%m-%d %H:%M}  {e.status}{who}{note}")
    lines.append(f"QR: {r.qr_text}")
    return "\n".join(lines)


def _new(args: argparse.Namespace) -> int:
    # The printer first: a mistyped address records nothing (exit 2).
    try:
        printer = choose(args.printer, no_print=args.no_print)
    except PrinterUriError as exc:
        return usage_error(exc)
    open_db(args)
    from loket.models.documents.receipt_actions import new_receipt

    info = new_receipt(
        _required(args.sender, "--sender"),
        _required(args.subject, "--subject"),
        _required(args.to, "--to"),
        _required(args.pages, "--pages"),
        sender_organisation=args.organisation,
        sender_phone=args.phone,
        sender_nik=args.nik,
        attachments=args.attachments,
        channel=args.channel,
        officer=args.officer,
        working_days=args.days,
        language=args.language,
    )
    data = info.as_json(_zone())
    text = _details(info)
    if printer is None:
        emit(args, data, text)
        return 0
    from loket.models.printouts.paper import print_receipt

    data["printer"] = printer
    return finish(args, print_receipt(info, printer), data, text)


def _list(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.documents.receipt_lookup import list_receipts

    rows = list_receipts(status=args.status, year=args.year, limit=args.limit, text=args.search)
    zone = _zone()
    emit(args, [r.as_json(zone) for r in rows], "\n".join(_line(r) for r in rows) or "-")


def _show(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.documents.receipt_lookup import show_receipt

    info = show_receipt(args.number)
    emit(args, info.as_json(_zone()), _details(info))


def _set_status(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.documents.receipt_actions import set_status

    info = set_status(args.number, args.status, officer=args.officer, note=args.note)
    emit(args, info.as_json(_zone()), _line(info))


def _verify_log(args: argparse.Namespace) -> int:
    open_db(args)
    from loket.models.cli.db_commands import integrity_refusal

    damaged = integrity_refusal(args)
    if damaged is not None:
        return damaged
    from loket.models.documents.receipt_log import verify_log

    report = verify_log()
    from loket.models.cli.db_commands import after_verification

    after_verification(report.ok)
    emit(args, report.as_json(), f"{report.message_id}\n{report.message_en}")
    return 0 if report.ok else 1


def _texts_in_image(path: str) -> list[str]:
    from loket.models.errors import InvalidInput

    try:
        import zxingcpp
        from PIL import Image, UnidentifiedImageError
    except ImportError as exc:  # pragma: no cover - both are dependencies
        raise InvalidInput(
            "Pembaca QR tidak terpasang", f"QR reader not installed ({exc})"
        ) from exc
    import io

    from loket.models.input_files import IMAGE_LIMIT, IMAGE_MAX_PIXELS, read_bytes

    raw = read_bytes(path, IMAGE_LIMIT)
    too_large = InvalidInput(
        f"Gambar {path} terlalu besar (maks. {IMAGE_MAX_PIXELS // 1_000_000} megapiksel)",
        f"The image {path} is too large (max. {IMAGE_MAX_PIXELS // 1_000_000} megapixels)",
    )
    try:
        with Image.open(io.BytesIO(raw)) as image:
            if image.width * image.height > IMAGE_MAX_PIXELS:  # refused before decoding
                raise too_large
            image.load()
            found = zxingcpp.read_barcodes(
                image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
            )
    except Image.DecompressionBombError:
        raise too_large from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise InvalidInput(
            f"Bukan gambar yang bisa dibaca: {path}", f"Not a readable image: {path}"
        ) from None
    return [code.text for code in found if code.text]


def _verify(args: argparse.Namespace) -> int:
    from loket.models.errors import InvalidInput

    if (args.text is None) == (args.image is None):
        raise InvalidInput(
            "Berikan isi QR atau --image BERKAS (salah satu)",
            "Give either the QR text or --image FILE",
        )
    if args.image is not None:
        texts = _texts_in_image(args.image)
        if not texts:
            raise InvalidInput(
                f"Tidak ada kode QR terbaca di {args.image}", f"No readable QR code in {args.image}"
            )
        text = next((t for t in texts if t.startswith("LKT")), texts[0])
    else:
        text = args.text
    open_db(args)
    from loket.models.integrity.signing import verify_text

    result = verify_text(text, office_id=args.office)
    payload = result.as_json()
    lines = [result.message_id, result.message_en]
    missing = False
    if result.valid and result.kind == "receipt" and result.number:
        from loket.models.documents.receipt_lookup import show_receipt
        from loket.models.errors import NotFound
        from loket.models.settings import load_settings

        try:
            info = show_receipt(result.number)
        except NotFound:
            payload["status"] = None
            # Signed by this office yet not in its records: deleted behind its back.
            missing = result.claims is not None and result.claims.office == (
                load_settings().office_id
            )
            if missing:
                lines += [
                    "tanda terima asli, tetapi tidak ada di catatan kantor — kemungkinan dihapus",
                    "genuine receipt, but missing from the office's records — possibly deleted",
                ]
        else:
            payload["status"] = info.status
            lines.append(
                f"Status: {info.status_name[0]} / {info.status_name[1]}  "
                f"(kode cek / check code {info.check_code})"
            )
    # The verdict is the command's answer (stdout), valid or not; the exit code tells scripts.
    payload["missing"] = missing
    emit(args, payload, "\n".join(lines))
    return 0 if result.valid and not missing else 1
