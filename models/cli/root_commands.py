"""The office root on the command line: keys root/certify/root-backup/root-restore/
root-rotate, and the pinning step of ``loket init``."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from loket.models.cli.audited import as_option, record, require_operator
from loket.models.cli.common import add_command, emit, open_db

ENV_PASSPHRASE = "LOKET_ROOT_PASSPHRASE"
ENV_PASSWORD = "LOKET_PASSWORD"
PAPER = (
    "CATAT sidik ini DI KERTAS dan simpan (kepala kantor); cadangkan kunci akar dengan "
    "'loket keys root-backup --out BERKAS'",
    "WRITE this fingerprint ON PAPER and keep it (head of office); back the root up with "
    "'loket keys root-backup --out FILE'",
)


def add_root_actions(actions: Any) -> None:
    shown = add_command(actions, "root", _root, "kunci akar kantor / the office root key")
    shown.add_argument(
        "--pem", action="store_true", help="kunci publik akar (PEM) / the root public key as PEM"
    )
    cert = add_command(
        actions,
        "cert",
        _cert,
        "sertifikat kunci: teks yang ditandatangani akar / a key's certificate: the signed text",
    )
    cert.add_argument("kid", metavar="KID")
    cert.add_argument(
        "--signature",
        action="store_true",
        help="hanya tanda tangan akar (base64) / only the root's signature (base64)",
    )
    certify = as_option(
        add_command(
            actions,
            "certify",
            _certify,
            "sahkan kunci dengan kunci akar di PC ini / certify a key with the root on this PC",
        )
    )
    certify.add_argument("kid", metavar="KID")
    retire = as_option(
        add_command(
            actions,
            "retire",
            _retire,
            "pensiunkan kunci (mis. PC hilang) / retire a key (e.g. of a lost PC)",
        )
    )
    retire.add_argument("kid", metavar="KID")
    backup = as_option(
        add_command(
            actions,
            "root-backup",
            _backup,
            f"cadangkan kunci akar terenkripsi (frasa sandi: ${ENV_PASSPHRASE} atau ketik) / "
            "back up the root key, encrypted",
        )
    )
    backup.add_argument("--out", metavar="FILE", required=True)
    restore = as_option(
        add_command(actions, "root-restore", _restore, "pulihkan kunci akar / restore the root key")
    )
    restore.add_argument("file", metavar="FILE")
    as_option(
        add_command(
            actions,
            "root-rotate",
            _rotate,
            "ganti kunci akar (ditandatangani yang lama) / replace the root, signed by the old one",
        )
    )


def read_secret(env: str, prompt: str, confirm: bool = False) -> str:
    """A secret from ``$env``, else typed at a terminal (twice with ``confirm``)."""
    from loket.models.errors import InvalidInput

    given = os.environ.get(env)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise InvalidInput(
            f"Tidak ada terminal untuk mengetik rahasia: isi ${env}",
            f"No terminal to type the secret: set ${env}",
        )
    import getpass

    first = getpass.getpass(f"{prompt}: ")
    if confirm and getpass.getpass("Ulangi / repeat: ") != first:
        raise InvalidInput("Kedua ketikan tidak sama", "The two entries differ")
    return first


def _root(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.integrity import root

    anchor = root.trusted_root()
    if anchor is None:
        current = root.current_root()
        shown = current.display if current else "-"
        emit(
            args,
            {"pinned": None, "database_root": current.fingerprint if current else None},
            f"PC ini belum mempercayai kunci akar mana pun (basis data: {shown}): jalankan "
            "'loket init --trust SIDIK' / This PC trusts no root yet (database: "
            f"{shown}): run 'loket init --trust FINGERPRINT'",
        )
        return
    if args.pem and not getattr(args, "json", False):
        from loket.models.integrity.signing import public_pem

        sys.stdout.write(public_pem(anchor.public_raw))
        return
    here = " [kunci privat di PC ini / private key here]" if anchor.private_here else ""
    emit(
        args,
        {
            "fingerprint": anchor.fingerprint,
            "display": anchor.display,
            "office_id": anchor.office_id,
            "private_here": anchor.private_here,
        },
        f"Kunci akar kantor / office root: {anchor.display}{here}",
    )


def _cert(args: argparse.Namespace) -> int:
    open_db(args)
    from loket.models.errors import NotFound
    from loket.models.integrity import certs
    from loket.models.tables import SigningKey

    row = SigningKey.get_or_none(SigningKey.kid == args.kid.strip().lower())
    if row is None:
        raise NotFound(f"Kunci {args.kid} tidak ada", f"No key {args.kid}")
    if not row.certificate:
        raise NotFound(
            f"Kunci {row.kid} belum disahkan (tidak ada sertifikat)",
            f"Key {row.kid} is not certified (no certificate)",
        )
    body = certs.row_body(row).decode("utf-8")
    if getattr(args, "json", False):
        emit(args, {"kid": row.kid, "body": body, "certificate": row.certificate}, "")
    elif args.signature:
        print(row.certificate)
    else:
        sys.stdout.write(body)  # exactly the signed bytes: redirect it to a file
    return 0


def _retire(args: argparse.Namespace) -> None:
    open_db(args)
    require_operator(action="key_retire")
    from loket.models.integrity import certs, signing

    row = certs.retire(args.kid)
    record("key_retire", row.kid, {"office": row.office_id, "label": row.label})
    info = signing._info(row)
    emit(
        args,
        info.as_json(),
        f"Kunci / key {info.kid} ({info.label}) dipensiunkan / retired {row.retired_at:%Y-%m-%d %H:%M}",
    )


def _certify(args: argparse.Namespace) -> None:
    open_db(args)
    require_operator(action="key_certify")
    from loket.models.integrity import certs, signing

    row = certs.certify(args.kid)
    record("key_certify", row.kid, {"office": row.office_id, "label": row.label})
    info = signing._info(row)
    emit(
        args,
        info.as_json(),
        f"Kunci / key {info.kid} ({info.label}, {info.office_id}) disahkan / certified",
    )


def _backup(args: argparse.Namespace) -> None:
    from pathlib import Path

    open_db(args)
    require_operator(action="root_backup")
    from loket.models.integrity import root_ops

    passphrase = read_secret(ENV_PASSPHRASE, "Frasa sandi cadangan / backup passphrase", True)
    anchor = root_ops.backup(Path(args.out), passphrase)
    record("root_backup", anchor.fingerprint[:32], {})
    emit(
        args,
        {"backup": args.out, "fingerprint": anchor.fingerprint},
        f"Cadangan kunci akar {anchor.display} tersimpan / root backup written: {args.out}",
    )


def _restore(args: argparse.Namespace) -> None:
    from pathlib import Path

    open_db(args)
    require_operator(action="root_restore")
    from loket.models.integrity import root_ops

    passphrase = read_secret(ENV_PASSPHRASE, "Frasa sandi cadangan / backup passphrase")
    anchor = root_ops.restore(Path(args.file), passphrase)
    record("root_restore", anchor.fingerprint[:32], {})
    emit(
        args,
        {"fingerprint": anchor.fingerprint, "private_here": anchor.private_here},
        f"Kunci akar {anchor.display} dipulihkan di PC ini / root restored on this PC",
    )


def _rotate(args: argparse.Namespace) -> None:
    open_db(args)
    require_operator(action="root_rotate")
    from loket.models.integrity import root_ops

    turn = root_ops.rotate()
    record(
        "root_rotate",
        turn.new.fingerprint[:32],
        {"old": turn.old.fingerprint[:32], "recertified": list(turn.recertified)},
    )
    emit(
        args,
        {
            "old": turn.old.fingerprint,
            "new": turn.new.fingerprint,
            "display": turn.new.display,
            "recertified": list(turn.recertified),
        },
        f"Kunci akar baru / new office root: {turn.new.display} "
        f"(disahkan ulang / re-certified: {len(turn.recertified)} kunci/keys)\n"
        f"{PAPER[0]}\n{PAPER[1]}",
    )


def join_trust(args: argparse.Namespace) -> dict[str, Any]:
    """``loket init``'s root step: make the root on a fresh database, or pin the existing
    one once the installer confirmed its fingerprint (``--trust`` or typed at a prompt)."""
    from loket.models.errors import ConfigurationError, InvalidInput
    from loket.models.integrity import root
    from loket.models.settings import load_settings
    from loket.models.tables import OfficeRoot

    typed = getattr(args, "trust", None)
    mine = root.pinned()
    if mine is not None and OfficeRoot.select().count() == 0 and root.private_fingerprint() == mine:
        root.create_root(load_settings().office_id)  # a new database for this root's office
    if mine is not None:
        anchor = root.trusted_root()
        if anchor is None:
            raise ConfigurationError(
                "Kunci akar yang disematkan PC ini tidak ada di basis data ini",
                "The root this PC pinned is not in this database",
            )
        if typed and not root.same_fingerprint(typed, anchor.fingerprint):
            raise InvalidInput(
                f"PC ini sudah mempercayai kunci akar {anchor.display}, bukan {typed}",
                f"This PC already trusts the root {anchor.display}, not {typed}",
            )
        return {"root": anchor.fingerprint, "display": anchor.display, "root_created": False}
    if OfficeRoot.select().count() == 0:
        made = root.create_root(load_settings().office_id)
        anchor = made or root.trusted_root()
        if anchor is None:
            raise ConfigurationError("Kunci akar tidak dapat dibuat", "No root could be made")
        return {"root": anchor.fingerprint, "display": anchor.display, "root_created": True}
    current = root.current_root()
    if current is None:
        raise ConfigurationError(
            "Kunci akar di basis data rusak (sidik tidak cocok dengan kuncinya)",
            "The root in the database is damaged (its fingerprint does not match its key)",
        )
    if typed:
        if not root.same_fingerprint(typed, current.fingerprint):
            raise InvalidInput(
                f"Sidik kunci akar tidak cocok: basis data punya {current.display}, bukan {typed} "
                "— jangan lanjutkan, hubungi kepala kantor",
                f"The root fingerprint does not match: the database has {current.display}, not "
                f"{typed} — do not go on, call the head of office",
            )
    elif sys.stdin.isatty():
        print(
            f"Kunci akar kantor / office root: {current.display}\nCocokkan dengan kertas kepala "
            "kantor atau layar admin / Check it against the paper or the admin screen.",
            file=sys.stderr,
        )
        answer = input("Sama? ketik 'ya' / Same? type 'yes': ").strip().lower()
        if answer not in ("ya", "yes", "y"):
            raise InvalidInput("Kunci akar tidak dikonfirmasi", "The root was not confirmed")
    else:
        raise InvalidInput(
            f"Basis data ini sudah punya kunci akar kantor {current.display}: cocokkan dengan "
            f"kertas lalu jalankan loket init --trust '{current.display}'",
            f"This database already has the office root {current.display}: check it against "
            f"the paper, then run loket init --trust '{current.display}'",
        )
    root.pin(current.fingerprint)
    return {"root": current.fingerprint, "display": current.display, "root_created": False}
