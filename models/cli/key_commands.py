"""Signing-key commands: keys new/rotate/list/public/import (the root's commands are in
:mod:`root_commands`)."""

from __future__ import annotations

import argparse
from typing import Any

from loket.models.cli.audited import as_option, given, record, require_operator
from loket.models.cli.common import add_command, emit, open_db
from loket.models.cli.root_commands import ENV_PASSWORD, add_root_actions, read_secret


def register(commands: Any) -> None:
    group = commands.add_parser(
        "keys",
        help="kunci tanda tangan / signing keys",
        description="kunci tanda tangan / signing keys",
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    # Open like init: a new key is trusted only once certified, and certify needs --as.
    new = add_command(
        actions,
        "new",
        _new,
        "buat kunci untuk PC ini bila belum ada / give this PC a signing key if it has none",
    )
    new.add_argument("--label", metavar="TEXT", help="nama PC / PC name (default: host name)")
    rotate = as_option(
        add_command(
            actions,
            "rotate",
            _rotate,
            "ganti kunci PC ini (yang lama dipensiunkan) / replace this PC's key",
        )
    )
    rotate.add_argument("--label", metavar="TEXT")
    add_command(actions, "list", _list, "daftar kunci / list keys")
    public = add_command(
        actions, "public", _public, "kunci publik (PEM) untuk verifikasi / public keys as PEM"
    )
    public.add_argument("--kid", metavar="KID", help="hanya kunci ini / only this key")
    public.add_argument(
        "--active-only", action="store_true", help="tanpa kunci pensiun / without retired keys"
    )
    imported = add_command(
        actions,
        "import",
        _import,
        "daftarkan kunci publik kantor lain (admin/kepala) / register another office's "
        "public key (admin or head)",
    )
    imported.add_argument("file", metavar="FILE", help="berkas PEM / PEM file")
    imported.add_argument("--office", metavar="ID", help="kantor pemilik kunci / the key's office")
    imported.add_argument("--label", metavar="TEXT", default="")
    imported.add_argument(
        "--as",
        dest="as_user",
        metavar="USERNAME",
        help=f"admin atau kepala yang mengimpor (kata sandi: ${ENV_PASSWORD} atau ketik) / "
        "the admin or head importing",
    )
    add_root_actions(actions)


def record_new_key(key: Any) -> None:
    """Audit a signing key just made for this PC (its private file is already written)."""
    record("key_new", key.kid, given(office=key.office_id, label=key.label or None))


def _line(k: Any) -> str:
    from loket.models.integrity.certs import STATE_TEXT

    state = f"pensiun/retired {k.retired_at:%Y-%m-%d %H:%M}" if k.retired_at else "aktif/active"
    here = "  [kunci privat di PC ini / private key here]" if k.private_key_here else ""
    now = "  [menandatangani sekarang / signing now]" if k.signing_now else ""
    return f"{k.kid}  {k.office_id}  {k.label}  {state}  {STATE_TEXT[k.certificate]}{here}{now}"


def _pending(kid: str) -> str:
    return (
        f"\nBelum disahkan: minta admin di PC pemegang kunci akar menjalankan 'loket keys "
        f"certify {kid}' / Not certified yet: ask an admin on the PC holding the office root "
        f"to run 'loket keys certify {kid}'"
    )


def _new(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.integrity.signing import ensure_key

    key = ensure_key(label=args.label)
    if key.created:
        record_new_key(key)
    made = "dibuat / created" if key.created else "sudah ada / already present"
    pending = _pending(key.kid) if key.certificate != "certified" else ""
    emit(
        args,
        key.as_json(),
        f"Kunci / key {key.kid} {made}{pending}\n{key.public_key_pem.rstrip()}",
    )


def _rotate(args: argparse.Namespace) -> None:
    open_db(args)
    require_operator(action="key_rotate")
    from loket.models.integrity.signing import rotate_key

    rotation = rotate_key(label=args.label)
    # The new private key is a file, outside the database: audited right after.
    record("key_rotate", rotation.new.kid, {"retired": [k.kid for k in rotation.retired]})
    old = ", ".join(k.kid for k in rotation.retired) or "-"
    pending = _pending(rotation.new.kid) if rotation.new.certificate != "certified" else ""
    emit(
        args,
        {"new": rotation.new.as_json(), "retired": [k.as_json() for k in rotation.retired]},
        f"Kunci baru / new key {rotation.new.kid}; dipensiunkan / retired: {old}{pending}",
    )


def _list(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.integrity.signing import list_keys

    keys = list_keys()
    emit(args, [k.as_json() for k in keys], "\n".join(_line(k) for k in keys) or "-")


def _public(args: argparse.Namespace) -> None:
    open_db(args)
    from loket.models.errors import NotFound
    from loket.models.integrity.signing import list_keys, public_keys_pem

    if args.kid:
        keys = [k for k in list_keys() if k.kid == args.kid.strip().lower()]
        if not keys:
            raise NotFound(f"Kunci {args.kid} tidak ada", f"No key {args.kid}")
        emit(args, [keys[0].as_json()], keys[0].public_key_pem.rstrip())
        return
    keys = [k for k in list_keys() if not (args.active_only and k.retired_at)]
    emit(
        args,
        [k.as_json() for k in keys],
        public_keys_pem(include_retired=not args.active_only).rstrip() or "-",
    )


def _import(args: argparse.Namespace) -> None:
    from loket.models.errors import InvalidInput
    from loket.models.input_files import PEM_KEY_LIMIT, read_text

    if not args.office:
        raise InvalidInput("--office wajib diisi", "--office is required")
    if not args.as_user:
        raise InvalidInput(
            "Impor kunci hanya oleh admin atau kepala: tambahkan --as NAMA-PENGGUNA",
            "Only an admin or the head imports keys: add --as USERNAME",
        )
    pem = read_text(args.file, PEM_KEY_LIMIT, encoding="ascii")
    open_db(args)
    from loket.models.office import auth, key_actions

    password = read_secret(ENV_PASSWORD, f"Kata sandi / password ({args.as_user})")
    session = auth.login(args.as_user, password)
    key = key_actions.import_foreign_key(session, pem, args.office, args.label)
    emit(args, key.as_json(), _line(key))
