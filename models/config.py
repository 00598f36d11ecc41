"""Where Loket keeps its data and which database it talks to."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from loket.models.errors import ConfigurationError

ENV_DB = "LOKET_DB"
ENV_DATA_DIR = "LOKET_DATA_DIR"


def data_dir() -> Path:
    """The folder for the default database, signing keys, the print spool and PDFs."""
    explicit = os.environ.get(ENV_DATA_DIR)
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("loket", appauthor=False))


@dataclass(frozen=True)
class DatabaseTarget:
    """A parsed database URL: ``kind`` is ``sqlite`` or ``postgresql``."""

    kind: str
    path: Path | None = None
    name: str = ""
    params: tuple[tuple[str, str], ...] = ()

    def describe(self) -> str:
        if self.kind == "sqlite":
            return f"sqlite://{self.path}"
        host = dict(self.params).get("host", "localhost")
        return f"postgresql://{host}/{self.name}"


def resolve_url(url: str | None) -> str:
    """The URL given, else ``$LOKET_DB``, else SQLite in the data folder."""
    if url:
        return url
    env = os.environ.get(ENV_DB)
    if env:
        return env
    return "sqlite:///" + str(data_dir() / "loket.db")


def parse_url(url: str) -> DatabaseTarget:
    """Parse ``sqlite:///path``, a bare file path, or ``postgresql://user:pw@host:port/db``."""
    url = url.strip()
    if not url:
        raise ConfigurationError("Alamat basis data kosong.", "The database URL is empty.")
    if "://" not in url:
        return DatabaseTarget("sqlite", path=Path(url).expanduser())
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in ("sqlite", "sqlite3"):
        raw = unquote(parts.netloc + parts.path)
        if not raw:
            raise ConfigurationError(
                f"Alamat SQLite tanpa berkas: {url}", f"SQLite URL names no file: {url}"
            )
        if raw.startswith("//"):  # sqlite:////abs/path: one absolute path, not "//abs"
            raw = "/" + raw.lstrip("/")
        return DatabaseTarget("sqlite", path=Path(raw).expanduser())
    if scheme in ("postgresql", "postgres"):
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ConfigurationError(
                f"Alamat PostgreSQL tanpa nama basis data: {url}",
                f"PostgreSQL URL names no database: {url}",
            )
        params: dict[str, str] = {}
        if parts.hostname:
            params["host"] = unquote(parts.hostname)
        try:
            port = parts.port
        except ValueError as exc:
            raise ConfigurationError(
                f"Nomor port tidak sah dalam {url}", f"Invalid port number in {url}"
            ) from exc
        if port:
            params["port"] = str(port)
        if parts.username:
            params["user"] = unquote(parts.username)
        if parts.password:
            params["password"] = unquote(parts.password)
        for key, values in parse_qs(parts.query).items():
            params[key] = values[-1]
        return DatabaseTarget("postgresql", name=name, params=tuple(sorted(params.items())))
    raise ConfigurationError(
        f"Jenis basis data tidak dikenal '{parts.scheme}' (pakai sqlite:// atau postgresql://)",
        f"Unknown database kind '{parts.scheme}' (use sqlite:// or postgresql://)",
    )
