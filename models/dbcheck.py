"""What ``loket db check`` reports about the office database: integrity, schema version,
file permissions, free disk space, WAL size and the age of the last ``loket backup``.

A *problem* (a damaged file) makes the check fail; a *warning* (no recent backup, little
free space, a large WAL, a file others can read, migrations not yet applied) is shown
but does not.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from loket.models.storage import (
    clear_damage,
    damaged,
    last_backup,
    run_check,
    side_files,
)

BACKUP_MAX_AGE = dt.timedelta(days=7)
WAL_WARN_BYTES = 100 * 1024 * 1024
DISK_MIN_BYTES = 500 * 1024 * 1024
MB = 1024 * 1024


@dataclass(frozen=True)
class Finding:
    name: str  # integrity, schema, permissions, disk, wal, backup
    severity: str  # ok, warning, problem
    value: Any
    message_id: str
    message_en: str

    def line(self) -> str:
        mark = {"ok": "OK  ", "warning": "!   ", "problem": "RUSAK/DAMAGED "}[self.severity]
        return f"{mark}{self.name}: {self.message_id} / {self.message_en}"


@dataclass(frozen=True)
class DbReport:
    database: str
    kind: str
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return all(f.severity != "problem" for f in self.findings)

    def as_json(self) -> dict[str, Any]:
        return {
            "database": self.database,
            "kind": self.kind,
            "ok": self.ok,
            "findings": [asdict(f) for f in self.findings],
        }

    def text(self) -> str:
        return "\n".join([self.database, *(f.line() for f in self.findings)])


def check_database(where: str, path: Path | None, full: bool = True) -> DbReport:
    """The report for the open database (``path`` is the SQLite file, None on PostgreSQL)."""
    findings = [_integrity(path, full), _schema()]
    if path is None:
        findings.append(
            Finding(
                "files",
                "ok",
                None,
                "berkas, ruang disk, WAL dan cadangan diurus di server PostgreSQL (pg_dump)",
                "files, disk space, WAL and backups are the PostgreSQL server's (pg_dump)",
            )
        )
        return DbReport(where, "postgresql", tuple(findings))
    now = dt.datetime.now(dt.UTC)
    findings += [_permissions(path), _disk(path), _wal(path), _backup(path, now)]
    return DbReport(where, "sqlite", tuple(findings))


def _integrity(path: Path | None, full: bool) -> Finding:
    pragma = "integrity_check" if full else "quick_check"
    if path is None:
        return Finding(
            "integrity",
            "ok",
            None,
            "diperiksa oleh server PostgreSQL sendiri (pg_amcheck)",
            "checked by the PostgreSQL server itself (pg_amcheck)",
        )
    problems = run_check(path, full=full)
    if problems:
        refusal = damaged(path, problems)
        return Finding(
            "integrity",
            "problem",
            {"check": pragma, "problems": problems},
            refusal.message_id,
            refusal.message_en,
        )
    clear_damage(path)
    return Finding(
        "integrity",
        "ok",
        {"check": pragma, "problems": []},
        f"utuh ({pragma})",
        f"intact ({pragma})",
    )


def _schema() -> Finding:
    from loket.models.schema import schema_state

    state = schema_state()
    value = {
        "version": state.version,
        "pending": list(state.pending),
        "unknown": list(state.unknown),
    }
    if state.pending:
        names = ", ".join(state.pending)
        return Finding(
            "schema",
            "warning",
            value,
            f"{state.version}; migrasi belum dijalankan: {names} — jalankan `loket init`",
            f"{state.version}; migrations not yet applied: {names} — run `loket init`",
        )
    return Finding(
        "schema", "ok", value, f"{state.version} (terbaru)", f"{state.version} (current)"
    )


def _mode(path: Path) -> int | None:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return None


def _permissions(path: Path) -> Finding:
    files = {str(p): _mode(p) for p in (path, *side_files(path))}
    folder = _mode(path.parent)
    value = {
        "folder": str(path.parent),
        "folder_mode": f"{folder:o}" if folder is not None else None,
        "files": {name: f"{mode:o}" for name, mode in files.items() if mode is not None},
    }
    loose = [name for name, mode in files.items() if mode is not None and mode & 0o077]
    if folder is not None and folder & 0o022:
        loose.append(str(path.parent))
    if loose:
        shown = ", ".join(loose)
        return Finding(
            "permissions",
            "warning",
            value,
            f"terbuka bagi pengguna lain: {shown} — jadikan 0600 (berkas) / 0700 (folder)",
            f"open to other users: {shown} — make them 0600 (files) / 0700 (folders)",
        )
    return Finding("permissions", "ok", value, "hanya pemiliknya (0600)", "owner only (0600)")


def _disk(path: Path) -> Finding:
    usage = shutil.disk_usage(path.parent)
    size = path.stat().st_size
    value = {"free_bytes": usage.free, "total_bytes": usage.total, "database_bytes": size}
    free = f"{usage.free / MB:,.0f} MB"
    if usage.free < max(DISK_MIN_BYTES, 2 * size):
        return Finding(
            "disk",
            "warning",
            value,
            f"ruang kosong tinggal {free} — kosongkan disk (cadangan butuh {size / MB:,.0f} MB)",
            f"only {free} free — free some space (a backup needs {size / MB:,.0f} MB)",
        )
    return Finding("disk", "ok", value, f"{free} kosong", f"{free} free")


def _wal(path: Path) -> Finding:
    wal = side_files(path)[0]
    size = wal.stat().st_size if wal.exists() else 0
    shown = f"{size / MB:,.1f} MB"
    if size > WAL_WARN_BYTES:
        return Finding(
            "wal",
            "warning",
            {"bytes": size},
            f"berkas WAL {shown} — tutup lalu buka lagi program Loket agar diringkas",
            f"WAL file {shown} — close and reopen the Loket programs so it is checkpointed",
        )
    return Finding("wal", "ok", {"bytes": size}, f"WAL {shown}", f"WAL {shown}")


def _backup(path: Path, now: dt.datetime) -> Finding:
    backup = last_backup(path)
    if backup is None:
        return Finding(
            "backup",
            "warning",
            None,
            "belum pernah dicadangkan — jalankan `loket backup PATH` (mis. ke flashdisk)",
            "never backed up — run `loket backup PATH` (e.g. to a USB stick)",
        )
    try:
        at = dt.datetime.fromisoformat(str(backup["at"]))
    except ValueError:
        at = now - BACKUP_MAX_AGE * 2
    age = now - at
    days = age.total_seconds() / 86400
    shown_id = (
        f"{days:.1f} hari lalu" if days >= 1 else f"{age.total_seconds() / 3600:.1f} jam lalu"
    )
    shown_en = (
        f"{days:.1f} days ago" if days >= 1 else f"{age.total_seconds() / 3600:.1f} hours ago"
    )
    value = {**backup, "age_seconds": int(age.total_seconds())}
    copy = backup["path"]
    if not Path(copy).exists():
        return Finding(
            "backup",
            "warning",
            value,
            f"cadangan terakhir {shown_id} ke {copy}, tetapi berkas itu tidak ada lagi",
            f"last backup {shown_en} to {copy}, but that file is gone",
        )
    if age > BACKUP_MAX_AGE:
        return Finding(
            "backup",
            "warning",
            value,
            f"cadangan terakhir {shown_id} ({copy}) — buat cadangan baru",
            f"last backup {shown_en} ({copy}) — make a new one",
        )
    return Finding(
        "backup", "ok", value, f"terakhir {shown_id} ({copy})", f"last {shown_en} ({copy})"
    )
